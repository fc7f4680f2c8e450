// Safety flags for a program: per item and for the whole program, from the patient's clinical
// picture (common/domain/patient.ts) and the exercises' suitability. Pure and synchronous: the
// program builder runs it on every edit, and the service runs it again when a version is issued.
//
// Rule table (severity; `needs-ack` flags can be acknowledged, `block` flags cannot, `info` needs nothing):
//   red-flag-emergency   block      an emergency red flag (clinical.md §5.1) answered yes
//   red-flag-urgent      block      an urgent red flag (§5.2) answered yes and not resolved with a note
//                        info       ... resolved with a note
//   red-flag-unscreened  needs-ack  the screen has no date, or answers left unknown
//   no-generators        needs-ack  no pain generator and no surgery: suitability cannot be checked
//   surgery-date-unknown needs-ack  a surgery with no date: its time locks count as not passed
//   surgery-mapping      info       a procedure whose locks are borrowed (posterior cervical, disc
//                                   replacement, cervical decompression) or that drives none (other)
//   other-restrictions   needs-ack  the surgeon's free-text restrictions: check by hand
//   stage-minimum        needs-ack  the program's stage starts before the post-op minimum (audit §9.3)
//   rating               needs-ack  worst post-lock rating over the active generators is avoid/caution
//                        info       ... is modify
//   not-rated            needs-ack  an active generator has no rating for the exercise
//   time-lock            needs-ack  a week lock not passed: "locked until week N (now week M)"
//   clearance-lock       needs-ack  a surgeon-clearance lock and the surgery is not recorded cleared
//   criterion-lock       needs-ack  a criterion lock: check the note
//   scs-lead-level       info       the stimulator lead level changed or could not change a lock
//   surgeon-restriction  needs-ack  an active structured restriction matches the exercise
//   lifting-limit        block      the item's load is over an active lifting limit
//                        needs-ack  a loaded item whose load cannot be read against the limit
//   diathermy            block      diathermy / therapeutic ultrasound with a stimulator
//   ipg-pressure         needs-ack  load or pressure over the stimulator battery site
import type { Equipment, Generator, Position, Rating, Stage } from '../domain/vocabulary';
import type { Suitability, SuitabilityMap } from '../domain/exercise';
import { GENERATOR_LABELS } from '../copy/en';
import { EMERGENCY_FLAG_LABELS, PROCEDURE_LABELS, RESTRICTION_LABELS, URGENT_FLAG_LABELS } from '../copy/en-safety';
import {
  EMERGENCY_FLAGS,
  URGENT_FLAGS,
  activeGenerators,
  dayNumber,
  generatorForSurgery,
  latestSurgeryByGenerator,
  levelRegion,
  weeksSince,
  type PatientClinical,
  type Stimulator,
  type Surgery,
  type SurgeonRestriction,
} from '../domain/patient';
import { SCS_CERVICAL_LEAD_RULES } from './scs-lead-rules';
import {
  IPG_PRESSURE,
  KG_PER_LB,
  LIFTING_TAGS,
  RESISTANCE_EQUIPMENT,
  RESTRICTION_FEATURES,
  SCS_HARD_BLOCK,
  type FeatureMatcher,
  type SpineArea,
} from './restriction-map';
import { GROUP_FOR_GENERATOR, MULTILEVEL_FUSION_EXTRA_WEEKS, stageMinimumWeek } from './gates';

export type Severity = 'block' | 'needs-ack' | 'info';
export type FlagKind =
  | 'red-flag-emergency'
  | 'red-flag-urgent'
  | 'red-flag-unscreened'
  | 'no-generators'
  | 'surgery-date-unknown'
  | 'surgery-mapping'
  | 'other-restrictions'
  | 'stage-minimum'
  | 'rating'
  | 'not-rated'
  | 'time-lock'
  | 'clearance-lock'
  | 'criterion-lock'
  | 'scs-lead-level'
  | 'surgeon-restriction'
  | 'lifting-limit'
  | 'diathermy'
  | 'ipg-pressure';

export interface Flag {
  /** Stable across edits of the same item and rule: acknowledgements refer to it. */
  id: string;
  severity: Severity;
  kind: FlagKind;
  /** Plain words for the clinician. */
  reason: string;
  /** What raised it: a generator, `surgery:<id>`, `red-flag:<id>`. */
  source: string;
  /** True exactly for `needs-ack`. */
  acknowledgeable: boolean;
}

/** What the rules need of one program item: the exercise's fields and the item's chosen load. */
export interface SafetyItem {
  itemId: string;
  code: string | null;
  clinicalName: string;
  aliases: readonly string[];
  stage: Stage;
  region: string;
  position: Position;
  equipment: readonly Equipment[];
  tags: readonly string[];
  suitability: SuitabilityMap;
  /** The dose's load as the clinician set it for this item ("5 kg", "8-12 rep max"), or null. */
  load: string | null;
}

export interface ProgramFlags {
  program: Flag[];
  items: { itemId: string; flags: Flag[] }[];
}

const flag = (scope: string, severity: Severity, kind: FlagKind, source: string, reason: string): Flag => ({
  id: `${scope}/${kind}/${source}`,
  severity,
  kind,
  reason,
  source,
  acknowledgeable: severity === 'needs-ack',
});

/** Worst first; `suits` raises nothing. */
const RATING_ORDER: readonly Rating[] = ['avoid', 'caution', 'modify'];

export const matches = (m: FeatureMatcher, item: Pick<SafetyItem, 'tags' | 'clinicalName' | 'aliases' | 'region'>): boolean => {
  const tags = item.tags.map((t) => t.toLowerCase());
  if (m.tags.some((t) => tags.includes(t))) return true;
  if (m.skipNamesIn?.includes(item.region) === true) return false;
  const names = [item.clinicalName, ...item.aliases];
  return m.names.some((re) => names.some((n) => re.test(n)));
};

/** Kilograms named in a load ("1 to 2.5 kg", "10 lb"): the largest, or null if none is given. */
export const loadKg = (load: string | null): number | null => {
  if (load === null) return null;
  // A range names its top before the unit ("1 to 2.5 kg"), which is the number read.
  const re = /(\d+(?:\.\d+)?)\s*(kg|kilos?|kilograms?|lbs?|pounds?)\b/gi;
  const kgs = [...load.matchAll(re)].map((m) => Number(m[1]) * ((m[2] as string).toLowerCase().startsWith('k') ? 1 : KG_PER_LB));
  return kgs.length === 0 ? null : Math.max(...kgs);
};

const fmtKg = (kg: number): string => `${Math.round(kg * 10) / 10} kg`;

/** The spine areas a surgery's restrictions speak about. */
export const surgeryAreas = (s: Surgery): SpineArea[] => {
  if (s.procedure === 'spinal-cord-stimulator') return ['trunk', 'neck'];
  if (s.levels.length > 0) {
    const areas = new Set(s.levels.map((l) => (levelRegion(l) === 'cervical' ? 'neck' : 'trunk')));
    return [...areas];
  }
  if (s.procedure === 'acdf' || s.procedure === 'posterior-cervical') return ['neck'];
  if (s.procedure === 'lumbar-fusion' || s.procedure === 'microdiscectomy' || s.procedure === 'laminectomy-decompression') return ['trunk'];
  return ['trunk', 'neck'];
};

/** Whether a restriction still holds today, and how to say until when. */
export const restrictionActive = (r: SurgeonRestriction, surgery: Surgery, today: string): { active: boolean; until: string } => {
  const u = r.until;
  if (u.kind === 'week') {
    const now = surgery.date === null ? null : weeksSince(surgery.date, today);
    return {
      active: now === null || now < u.week,
      until: now === null ? `until week ${u.week} (surgery date not recorded)` : `until week ${u.week} (now week ${now})`,
    };
  }
  if (u.kind === 'date') return { active: dayNumber(today) < dayNumber(u.date), until: `until ${u.date}` };
  return { active: u.clearedOn === null || dayNumber(u.clearedOn) > dayNumber(today), until: 'until the surgeon clears it' };
};

const isLoaded = (item: SafetyItem): boolean =>
  item.equipment.some((e) => RESISTANCE_EQUIPMENT.includes(e)) || item.tags.some((t) => LIFTING_TAGS.includes(t.toLowerCase()));

const restrictionFlags = (item: SafetyItem, patient: PatientClinical, today: string): Flag[] => {
  const out: Flag[] = [];
  for (const s of patient.surgeries) {
    s.restrictions.forEach((r, i) => {
      const { active, until } = restrictionActive(r, s, today);
      if (!active) return;
      const source = `surgery:${s.id}:restriction:${i}`;
      const what = `${RESTRICTION_LABELS[r.kind]} after the ${PROCEDURE_LABELS[s.procedure].toLowerCase()}, ${until}`;
      const note = r.note === null ? '' : ` Surgeon's note: ${r.note}`;
      if (r.kind === 'lifting-limit') {
        const limit = r.limit as NonNullable<SurgeonRestriction['limit']>;
        const limitKg = limit.unit === 'kg' ? limit.value : limit.value * KG_PER_LB;
        const kg = loadKg(item.load);
        if (kg === null) {
          if (isLoaded(item)) {
            out.push(
              flag(
                item.itemId,
                'needs-ack',
                'lifting-limit',
                source,
                `${what}: ${limit.value} ${limit.unit}. Check this exercise's load stays under it.${note}`,
              ),
            );
          }
        } else if (kg > limitKg) {
          out.push(
            flag(
              item.itemId,
              'block',
              'lifting-limit',
              source,
              `${what}: ${limit.value} ${limit.unit}. This load is ${fmtKg(kg)}. Lower the load.${note}`,
            ),
          );
        }
        return;
      }
      if (r.kind === 'no-overhead-resistance' && !isLoaded(item) && loadKg(item.load) === null) return;
      const features = RESTRICTION_FEATURES[r.kind];
      if (surgeryAreas(s).some((area) => matches(features[area], item))) {
        out.push(flag(item.itemId, 'needs-ack', 'surgeon-restriction', source, `${what}. This exercise may involve it.${note}`));
      }
    });
  }
  return out;
};

/** The scs suitability for this patient's lead level (audit D01, scs-lead-rules.ts). */
const scsSuitability = (item: SafetyItem, surgery: Surgery, flags: Flag[]): Suitability => {
  const stored = item.suitability.scs;
  const rule = SCS_CERVICAL_LEAD_RULES[String(item.code)];
  if (rule === undefined) return stored;
  // The schema gives every stimulator its record (lead level possibly null).
  const lead = (surgery.stimulator as Stimulator).leadLevel;
  if (lead === null) {
    flags.push(
      flag(
        item.itemId,
        'info',
        'scs-lead-level',
        'scs',
        'Stimulator lead level not recorded: the neck lock for cervical leads applies. Record the lead level to lift it for thoracic or DRG leads.',
      ),
    );
    return stored;
  }
  if (lead === 'cervical') return stored;
  // Only a week lock has a week (SuitabilitySchema), so comparing the week compares the lock too.
  if (stored.earliestWeek !== rule.builtinWeek) {
    flags.push(
      flag(
        item.itemId,
        'info',
        'scs-lead-level',
        'scs',
        "This exercise's stimulator rating was edited, so the edit applies whatever the lead level.",
      ),
    );
    return stored;
  }
  flags.push(flag(item.itemId, 'info', 'scs-lead-level', 'scs', `${rule.why} Leads are not cervical, so the neck lock is lifted.`));
  return { ...stored, lock: rule.otherLeads.lock, earliestWeek: rule.otherLeads.earliestWeek };
};

const itemFlags = (item: SafetyItem, patient: PatientClinical, today: string, active: readonly Generator[]): Flag[] => {
  const flags: Flag[] = [];
  const latest = latestSurgeryByGenerator(patient.surgeries);
  const byRating = new Map<Rating, Generator[]>();
  const notRated: Generator[] = [];

  for (const g of active) {
    const surgery = latest[g];
    // A surgical generator is active only with its surgery, so the scs one has its stimulator.
    const s = g === 'scs' ? scsSuitability(item, surgery as Surgery, flags) : item.suitability[g];
    const label = GENERATOR_LABELS[g];
    if (s.rating === 'not-rated') notRated.push(g);
    else byRating.set(s.rating, [...(byRating.get(s.rating) ?? []), g]);

    const noteText = s.note === null ? '' : ` Note: ${s.note}`;
    if (s.lock === 'week') {
      const base = s.earliestWeek as number;
      if (surgery === undefined) {
        if (base > 0)
          flags.push(
            flag(
              item.itemId,
              'needs-ack',
              'time-lock',
              g,
              `${label}: locked until week ${base}, with no surgery to count from. Check the note.${noteText}`,
            ),
          );
        continue;
      }
      const week = g === 'post-fusion' && surgery.multilevel && base > 0 ? base + MULTILEVEL_FUSION_EXTRA_WEEKS : base;
      if (surgery.date === null) {
        flags.push(
          flag(
            item.itemId,
            'needs-ack',
            'time-lock',
            g,
            `${label}: locked until week ${week}; the surgery date is not recorded.${noteText}`,
          ),
        );
      } else {
        const now = weeksSince(surgery.date, today);
        if (now < week) {
          const multi = week === base ? '' : ` (week ${base} plus ${MULTILEVEL_FUSION_EXTRA_WEEKS} for a multilevel fusion)`;
          flags.push(
            flag(item.itemId, 'needs-ack', 'time-lock', g, `${label}: locked until week ${week}${multi} (now week ${now}).${noteText}`),
          );
        }
      }
    } else if (s.lock === 'surgeon-clearance') {
      if (surgery?.clearance.status !== 'cleared') {
        flags.push(
          flag(
            item.itemId,
            'needs-ack',
            'clearance-lock',
            g,
            `${label}: only after the surgeon's clearance, which is not recorded.${noteText}`,
          ),
        );
      }
    } else if (s.lock === 'criterion') {
      flags.push(flag(item.itemId, 'needs-ack', 'criterion-lock', g, `${label}: check the condition before use.${noteText}`));
    }
  }

  for (const r of RATING_ORDER) {
    const gens = byRating.get(r);
    if (gens === undefined) continue;
    const names = gens.map((g) => GENERATOR_LABELS[g]).join(', ');
    flags.push(flag(item.itemId, r === 'modify' ? 'info' : 'needs-ack', 'rating', r, `Rated "${r}" for ${names}.`));
    break;
  }
  if (notRated.length > 0) {
    flags.push(
      flag(
        item.itemId,
        'needs-ack',
        'not-rated',
        'not-rated',
        `Not rated yet for ${notRated.map((g) => GENERATOR_LABELS[g]).join(', ')}: nobody has judged it for this patient.`,
      ),
    );
  }

  flags.push(...restrictionFlags(item, patient, today));

  if (active.includes('scs')) {
    if (matches(SCS_HARD_BLOCK, item)) {
      flags.push(
        flag(
          item.itemId,
          'block',
          'diathermy',
          'scs',
          'Diathermy or therapeutic ultrasound with a spinal cord stimulator: never, with the device on or off.',
        ),
      );
    }
    if (IPG_PRESSURE.codes.includes(String(item.code)) || matches(IPG_PRESSURE.matcher, item)) {
      flags.push(
        flag(
          item.itemId,
          'needs-ack',
          'ipg-pressure',
          'scs',
          'May press on the stimulator battery: keep bars and pads off the battery site.',
        ),
      );
    }
  }
  return flags;
};

const programFlags = (patient: PatientClinical, today: string, active: readonly Generator[], stage: Stage | undefined): Flag[] => {
  const out: Flag[] = [];
  const P = 'program';
  const screen = patient.redFlags;
  for (const f of EMERGENCY_FLAGS) {
    if (screen.emergency[f] === 'yes') {
      out.push(
        flag(
          P,
          'block',
          'red-flag-emergency',
          `red-flag:${f}`,
          `Emergency: ${EMERGENCY_FLAG_LABELS[f]}. No exercise program: send for emergency care today.`,
        ),
      );
    }
  }
  for (const f of URGENT_FLAGS) {
    const a = screen.urgent[f];
    if (a.answer !== 'yes') continue;
    if (a.resolution === null) {
      out.push(
        flag(
          P,
          'block',
          'red-flag-urgent',
          `red-flag:${f}`,
          `Urgent: ${URGENT_FLAG_LABELS[f]}. Pause the program until a medical review; record what was done to go on.`,
        ),
      );
    } else {
      out.push(flag(P, 'info', 'red-flag-urgent', `red-flag:${f}`, `Urgent flag resolved ${a.resolution.date}: ${a.resolution.note}`));
    }
  }
  const unknown =
    EMERGENCY_FLAGS.filter((f) => screen.emergency[f] === 'unknown').length +
    URGENT_FLAGS.filter((f) => screen.urgent[f].answer === 'unknown').length;
  if (screen.date === null || unknown > 0) {
    out.push(
      flag(
        P,
        'needs-ack',
        'red-flag-unscreened',
        'red-flags',
        `Red-flag screen not complete (${unknown} not answered${screen.date === null ? ', no date' : ''}).`,
      ),
    );
  }
  if (active.length === 0) {
    out.push(
      flag(P, 'needs-ack', 'no-generators', 'generators', 'No pain generator and no surgery recorded: exercise ratings cannot be checked.'),
    );
  }
  for (const s of patient.surgeries) {
    const name = PROCEDURE_LABELS[s.procedure];
    const source = `surgery:${s.id}`;
    if (s.date === null) {
      out.push(flag(P, 'needs-ack', 'surgery-date-unknown', source, `${name}: date not recorded, so no time lock counts as passed.`));
    }
    const g = generatorForSurgery(s);
    if (g === null) {
      out.push(flag(P, 'info', 'surgery-mapping', source, `${name}: no built-in time locks. Apply the surgeon's restrictions.`));
    } else if (s.procedure === 'disc-replacement' || (g === 'post-acdf' && s.procedure !== 'acdf')) {
      out.push(
        flag(
          P,
          'info',
          'surgery-mapping',
          source,
          `${name}: no protocol of its own in the reference; the locks of "${GENERATOR_LABELS[g]}" are used. The surgeon's limits come first.`,
        ),
      );
    }
    if (s.otherRestrictions !== null) {
      out.push(
        flag(P, 'needs-ack', 'other-restrictions', source, `${name}, surgeon's other restrictions (check by hand): ${s.otherRestrictions}`),
      );
    }
  }
  if (stage !== undefined) {
    for (const [g, s] of Object.entries(latestSurgeryByGenerator(patient.surgeries))) {
      const surgery = s as Surgery;
      const group = GROUP_FOR_GENERATOR[g as keyof typeof GROUP_FOR_GENERATOR];
      const min = stageMinimumWeek(group, stage, surgery.multilevel);
      const now = surgery.date === null ? null : weeksSince(surgery.date, today);
      if (now === null || now < min) {
        out.push(
          flag(
            P,
            'needs-ack',
            'stage-minimum',
            `surgery:${surgery.id}`,
            `Stage ${stage} usually starts from week ${min} after the ${PROCEDURE_LABELS[surgery.procedure].toLowerCase()} (now ${now === null ? 'unknown' : `week ${now}`}).`,
          ),
        );
      }
    }
  }
  return out;
};

/** Every flag for a program: the patient's, and each item's. `today` is an ISO day (YYYY-MM-DD). */
export const flagsFor = (
  patient: PatientClinical,
  items: readonly SafetyItem[],
  today: string,
  options: { stage?: Stage | undefined } = {},
): ProgramFlags => {
  const active = activeGenerators(patient);
  return {
    program: programFlags(patient, today, active, options.stage),
    items: items.map((item) => ({ itemId: item.itemId, flags: itemFlags(item, patient, today, active) })),
  };
};

export interface Acknowledgement {
  flagId: string;
  /** Why the clinician went ahead. */
  note: string;
}

export interface IssueCheck {
  ok: boolean;
  /** Flags nothing but a change to the program or the record lifts. */
  blocks: Flag[];
  /** Flags that still need an acknowledgement. */
  unacknowledged: Flag[];
}

/** Whether flags allow issuing: no block, and every needs-ack acknowledged with a note. */
export const checkIssue = (flags: ProgramFlags, acknowledgements: readonly Acknowledgement[]): IssueCheck => {
  const acked = new Set(acknowledgements.filter((a) => a.note.trim().length > 0).map((a) => a.flagId));
  const all = [...flags.program, ...flags.items.flatMap((i) => i.flags)];
  const blocks = all.filter((f) => f.severity === 'block');
  const unacknowledged = all.filter((f) => f.severity === 'needs-ack' && !acked.has(f.id));
  return { ok: blocks.length === 0 && unacknowledged.length === 0, blocks, unacknowledged };
};

export interface ProgramForIssue {
  patient: PatientClinical;
  items: readonly SafetyItem[];
  today: string;
  stage?: Stage;
}

/** The program-level check the service runs when a version is issued. */
export const canIssue = (program: ProgramForIssue, acknowledgements: readonly Acknowledgement[]): IssueCheck =>
  checkIssue(flagsFor(program.patient, program.items, program.today, { stage: program.stage }), acknowledgements);
