// Every word a printed patient handout carries besides the exercises' own text: headings, labels,
// the dosage sentence's pieces, the once-per-handout safety boxes (library audit §5.4) and the
// exercise log. Plain US English at the library's reading level. Its Spanish twin,
// common/copy/es-handout.ts, has the same keys (the HandoutCopy type makes it complete).
import type { Side, Stage } from '../domain/vocabulary';

export type HandoutLanguage = 'en' | 'es';

export interface HandoutCopy {
  language: HandoutLanguage;
  /** The PDF's document language (and each span's in a bilingual handout). */
  pdfLang: string;
  /** Column heading in a bilingual handout. */
  languageName: string;
  title: string;
  /** Words for a date: "March 4, 2026" / "4 de marzo de 2026". */
  date(isoDay: string): string;
  patient: string;
  dateLabel: string;
  version(n: number): string;
  clinicianLine(name: string, role: string): string;
  phone: string;
  /** "your physical therapist" from the clinic's role noun (null: the neutral wording). */
  role(roleNoun: string | null): string;
  page(n: number, of: number): string;

  whereHeading: string;
  stageNames: Record<Stage, string>;
  currentStage(stage: Stage, name: string): string;
  forLabel: string;
  nextHeading: string;
  nextStage(stage: Stage, name: string): string;
  readyWhen: string;
  lastStage: string;
  /** Patient words for the stage exit criteria, by criterion id (common/safety/gates.ts). */
  criteria: Record<string, string>;
  /** A criterion with no patient words: its clinical label, introduced. */
  criterionFallback(label: string, role: string): string;
  defaultGoals: Record<Stage, string>;

  exercisesHeading: string;
  noExercises: string;
  start: string;
  steps: string;
  tips: string;
  dose: string;
  side: string;
  sides: Record<Side, string>;
  effort: string;
  effortByStage: Record<Stage, string>;
  load(load: string): string;
  caution: string;
  note(role: string): string;
  /** Alt text of a picture: "Photo: Bridge" / "Picture to come: Bridge". */
  photoAlt(name: string, n: number, of: number): string;
  placeholderAlt(name: string): string;
  placeholder: string;
  /** Under a drawn figure: "Start" / "End". */
  figureCaption: Record<'start' | 'end', string>;
  /** Alt text of a drawn figure; `description` is the English description from the pose data. */
  figureAlt(frame: 'start' | 'end', name: string, description: string): string;
  /** After an exercise's name at the top of the page it continues on (large print only). */
  continued: string;
  /** Shown under text that has no translation and prints in English. */
  untranslated: string;

  dosage: {
    sets(sets: number, reps: string): string;
    setsOnly(sets: number): string;
    timed(sets: number, time: string): string;
    hold(time: string, withReps: boolean): string;
    forTime(time: string): string;
    repRange(from: number, to: number): string;
    perDay(n: number): string;
    perWeek(n: number): string;
    seconds(n: number): string;
    minutes(n: number): string;
    hours(n: number): string;
    join(parts: string[]): string;
  };

  painHeading: string;
  defaultPainRule: string;
  stopHeading(role: string): string;
  stopIntro: string;
  safety: { lumbar: string; neck: string; afterSurgery: string; acdf: string; stimulator: string };
  surgeryHeading: string;
  surgeryText(role: string): string;

  logHeading: string;
  logIntro: string;
  logWeek: string;
  logDay(n: number): string;
  logExercise: string;
  logPain: string;
  logPainHint: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TIMES = ['', 'once', 'twice', 'three times'];
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const EN_HANDOUT: HandoutCopy = {
  language: 'en',
  pdfLang: 'en-US',
  languageName: 'English',
  title: 'Your exercise plan',
  date: (d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return `${MONTHS[m - 1]} ${day}, ${y}`;
  },
  patient: 'For',
  dateLabel: 'Date',
  version: (n) => `Plan version ${n}`,
  clinicianLine: (name, role) => `${name}, ${role}`,
  phone: 'Phone',
  role: (noun) => `your ${noun?.trim() ? noun.trim() : 'physical therapist or chiropractor'}`,
  page: (n, of) => `Page ${n} of ${of}`,

  whereHeading: 'Where you are',
  stageNames: { 1: 'Waking up your support muscles', 2: 'Steady control', 3: 'Building strength', 4: 'Back to your daily life' },
  currentStage: (stage, name) => `You are in stage ${stage} of 4: ${name}.`,
  forLabel: 'What this stage is for:',
  nextHeading: 'What comes next',
  nextStage: (stage, name) => `Next is stage ${stage}: ${name}.`,
  readyWhen: 'You will be ready to move on when:',
  lastStage: 'This is the last stage. Keep doing your exercises to stay strong.',
  criteria: {
    'no-red-flag': 'You have none of the warning signs in the box below.',
    'pain-response-rule': 'Your pain has stayed within the pain rule for 2 weeks.',
    'clinician-quality': 'You do your main exercises well two visits in a row.',
    'neuro-stable': 'You have no new or growing numbness or weakness.',
    adherence: 'You have done most of your exercise sessions.',
    'psfs-goals': 'The activities you chose as goals are much easier.',
    'strength-2-weeks': 'You lift your working weights for 2 weeks without a flare-up.',
    'no-peripheralisation': 'Pain has not spread down your arm or leg for 2 weeks.',
    'work-task': 'You can practice your work task at the weight it needs.',
    tsk: 'You feel less worried about moving.',
    nprs: 'Your pain is lower than when you started.',
    adim: 'You can do 10 good belly draw-ins, holding each for 10 seconds.',
    multifidus: 'You can do 10 good back muscle holds of 10 seconds.',
    positions: 'You can do them well in at least 2 positions.',
    walking: 'You can walk for 15 minutes, or twice for 10 minutes.',
    pbu: 'The pressure cushion stays almost still while you draw in.',
    'log-roll': 'You can roll and get in and out of bed on your own.',
    'not-worse': 'Your pain and activities are not worse.',
    'bird-dog': 'You can do 2 sets of 8 bird dogs on each side with good form.',
    'curl-up': 'You can hold the curl-up 5 times for 10 seconds.',
    'side-bridge': 'You can hold the side plank 5 times for 10 seconds on each side.',
    'mcgill-ratios': 'Your trunk muscle tests are balanced.',
    sorensen: 'Your back muscle hold test has gone up.',
    hinge: 'You can do 10 hip hinges with a good back position.',
    'sit-to-stand': 'You can stand up from a chair 10 times without using your arms.',
    psfs: 'The activities you chose as goals are easier.',
    pile: 'You can lift a heavier box than before.',
    odi: 'Your back pain gets in the way of daily life less.',
    carry: 'You can carry the weight your daily tasks need.',
    ccf: 'You can do 10 good chin nods, holding each for 10 seconds.',
    scapular: 'You can set your shoulder blades 10 times for 10 seconds.',
    rotation: 'You can turn your head farther to each side.',
    ndi: 'Your neck pain gets in the way of daily life no more than before.',
    'head-lift': 'You can lift your head lying down 10 times for 10 seconds.',
    extensor: 'You can hold the neck muscle exercise 10 times for 10 seconds.',
    dnf: 'Your deep neck muscles can hold on longer.',
    'pull-apart': 'You can do 2 sets of 15 band pull-aparts with good form.',
    grip: 'Your grip is almost as strong on both sides.',
    cpile: 'You can lift a heavier load than before.',
    'wound-healed': 'Your wound has healed.',
    'swallow-voice-stable': 'Swallowing and your voice are steady or getting better.',
    'stimulation-stable': 'Your stimulator feels steady, with no surges or lost coverage.',
  },
  criterionFallback: (label, role) => `${label} (${role} will check this with you).`,
  defaultGoals: {
    1: 'Wake up and control the deep muscles that support your spine, in comfortable positions.',
    2: 'Hold a steady, neutral spine for longer while your arms and legs move.',
    3: 'Build strength with bending, squatting, pulling and carrying, adding weight step by step.',
    4: 'Get back to lifting, carrying, sitting and the tasks of your work and day with confidence.',
  },

  exercisesHeading: 'Your exercises',
  noExercises: 'No exercises are set for this stage yet.',
  start: 'Start:',
  steps: 'Steps',
  tips: 'Tips',
  dose: 'How much:',
  side: 'Side:',
  sides: { both: 'Both sides together', 'each-side': 'Each side', alternating: 'Take turns, one side then the other' },
  effort: 'How hard:',
  effortByStage: {
    1: 'Gentle: about a third of your full effort.',
    2: 'Easy to moderate: you can talk while you do it.',
    3: 'Moderate to hard: the last 2 repetitions feel hard but you keep good form.',
    4: 'As hard as your daily tasks need, built up step by step.',
  },
  load: (load) => `Weight or band: ${load}.`,
  caution: 'Be careful:',
  note: (role) => `Note from ${role}:`,
  photoAlt: (name, n, of) => (of > 1 ? `Photo ${n} of ${of}: ${name}` : `Photo: ${name}`),
  placeholderAlt: (name) => `No picture yet for ${name}; ask us to show you.`,
  placeholder: 'Picture to come. Ask us to show you this exercise.',
  figureCaption: { start: 'Start', end: 'End' },
  figureAlt: (frame, _name, description) => `${frame === 'start' ? 'Starting position' : 'End of the movement'}. ${description}`,
  continued: 'continued',
  untranslated: 'This part is not yet available in Spanish and is shown in English.',

  dosage: {
    sets: (sets, reps) => `${plural(sets, 'set', 'sets')} of ${reps}`,
    setsOnly: (sets) => plural(sets, 'set', 'sets'),
    timed: (sets, time) => (sets === 1 ? time : `${sets} times, ${time} each`),
    hold: (time, withReps) => (withReps ? `hold each for ${time}` : `hold for ${time}`),
    forTime: (time) => `for ${time}`,
    repRange: (from, to) => `${from} to ${to}`,
    perDay: (n) => (n < TIMES.length ? `${TIMES[n]} a day` : `${n} times a day`),
    perWeek: (n) => `${plural(n, 'day', 'days')} a week`,
    seconds: (n) => plural(n, 'second', 'seconds'),
    minutes: (n) => plural(n, 'minute', 'minutes'),
    hours: (n) => plural(n, 'hour', 'hours'),
    join: (parts) => parts.join(', '),
  },

  painHeading: 'How much pain is okay',
  defaultPainRule:
    'Some extra soreness is okay if it settles by the next morning and is no worse than 2 points out of 10 above your usual.',
  stopHeading: (role) => `Stop and call us (${role})`,
  stopIntro: 'Stop your exercises and get help if any of these happen:',
  safety: {
    lumbar:
      'Get emergency help now if you have new numbness between your legs or around your bottom, trouble passing urine or controlling your bladder or bowels, or new weakness in both legs.',
    neck: 'Stop and get medical help straight away if neck movement brings on dizziness with double vision, slurred speech, trouble swallowing, drop attacks or a numb face. Tell us soon if your hands become clumsy or you feel electric shocks when you bend your neck.',
    afterSurgery:
      'Call your surgeon the same day if you have a fever or chills, if your wound is red, swelling or leaking, if your leg is painful and swollen, or if your weakness or numbness is getting worse.',
    acdf: 'Call 911 if the front of your neck swells and you find it hard to breathe. Call your surgeon the same day if swallowing or your voice is getting worse.',
    stimulator:
      'Call your implant team if the buzzing becomes jolting or painful, or if it stops covering your usual area. Never let anyone use heat therapy machines (diathermy) on you.',
  },
  surgeryHeading: 'After your surgery',
  surgeryText: (role) =>
    `Your surgeon's instructions come first. Do not lift, bend or twist more than your surgeon allows, even if an exercise feels easy. If an exercise hurts your wound or brings back leg or arm symptoms, stop it and tell ${role}.`,

  logHeading: 'Exercise log',
  logIntro: 'Tick each exercise when you do it. At the end of the day, write your pain from 0 (none) to 10 (worst).',
  logWeek: 'Week starting: ____________',
  logDay: (n) => `Day ${n}`,
  logExercise: 'Exercise',
  logPain: 'Pain (0–10)',
  logPainHint: 'Pain today',
};
