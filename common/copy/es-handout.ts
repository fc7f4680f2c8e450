// The Spanish twin of common/copy/en-handout.ts: the same keys, in neutral Latin-American Spanish
// with plain words and "usted", at the English text's reading level. The safety boxes follow the
// English wording of library audit §5.4. Reviewed by no native clinician yet: a clinic should
// have its Spanish-speaking staff read one handout before giving it.
import type { HandoutCopy } from './en-handout';

const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const VECES = ['', 'una vez', 'dos veces', 'tres veces'];
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The clinic's role noun in Spanish when it is one of the presets; any other noun stays as typed. */
const ROLE_ES: Record<string, string> = {
  'physical therapist': 'fisioterapeuta',
  physiotherapist: 'fisioterapeuta',
  chiropractor: 'quiropráctico',
};

export const ES_HANDOUT: HandoutCopy = {
  language: 'es',
  pdfLang: 'es-419',
  languageName: 'Español',
  title: 'Su plan de ejercicios',
  date: (d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return `${day} de ${MESES[m - 1]} de ${y}`;
  },
  patient: 'Para',
  dateLabel: 'Fecha',
  version: (n) => `Versión del plan ${n}`,
  clinicianLine: (name, role) => `${name}, ${role}`,
  phone: 'Teléfono',
  role: (noun) => {
    const n = noun?.trim().toLowerCase();
    if (!n) return 'su fisioterapeuta o quiropráctico';
    return `su ${ROLE_ES[n] ?? noun!.trim()}`;
  },
  page: (n, of) => `Página ${n} de ${of}`,

  whereHeading: 'En qué etapa está',
  stageNames: { 1: 'Despertar los músculos de apoyo', 2: 'Control firme', 3: 'Ganar fuerza', 4: 'Volver a su vida diaria' },
  currentStage: (stage, name) => `Usted está en la etapa ${stage} de 4: ${name}.`,
  forLabel: 'Para qué sirve esta etapa:',
  nextHeading: 'Qué sigue',
  nextStage: (stage, name) => `Después viene la etapa ${stage}: ${name}.`,
  readyWhen: 'Podrá pasar a la siguiente etapa cuando:',
  lastStage: 'Esta es la última etapa. Siga haciendo sus ejercicios para mantenerse fuerte.',
  criteria: {
    'no-red-flag': 'No tenga ninguna de las señales de alarma del recuadro de abajo.',
    'pain-response-rule': 'Su dolor se haya mantenido dentro de la regla del dolor durante 2 semanas.',
    'clinician-quality': 'Haga bien sus ejercicios principales en dos citas seguidas.',
    'neuro-stable': 'No tenga adormecimiento ni debilidad nuevos o que aumenten.',
    adherence: 'Haya hecho la mayoría de sus sesiones de ejercicio.',
    'psfs-goals': 'Las actividades que eligió como metas le resulten mucho más fáciles.',
    'strength-2-weeks': 'Levante sus pesos de trabajo durante 2 semanas sin que el dolor empeore.',
    'no-peripheralisation': 'El dolor no haya bajado por el brazo o la pierna en 2 semanas.',
    'work-task': 'Pueda practicar su tarea del trabajo con el peso que necesita.',
    tsk: 'Sienta menos miedo de moverse.',
    nprs: 'Su dolor sea menor que al comenzar.',
    adim: 'Pueda meter bien el vientre 10 veces, sosteniendo 10 segundos cada vez.',
    multifidus: 'Pueda activar bien los músculos profundos de la espalda 10 veces, sosteniendo 10 segundos cada vez.',
    positions: 'Pueda hacerlos bien en al menos 2 posiciones.',
    walking: 'Pueda caminar 15 minutos seguidos, o dos veces 10 minutos.',
    pbu: 'La aguja del cojín de presión se quede casi quieta mientras mete el vientre.',
    'log-roll': 'Pueda darse la vuelta y subir y bajar de la cama sin ayuda.',
    'not-worse': 'Su dolor y sus actividades no estén peor.',
    'bird-dog': 'Pueda hacer 2 series de 8 de brazo y pierna contrarios de cada lado, con buena postura.',
    'curl-up': 'Pueda sostener el abdominal corto 5 veces, 10 segundos cada vez.',
    'side-bridge': 'Pueda sostener la plancha lateral 5 veces de cada lado, 10 segundos cada vez.',
    'mcgill-ratios': 'Las pruebas de sus músculos del tronco estén equilibradas.',
    sorensen: 'Su prueba de resistencia de la espalda haya mejorado.',
    hinge: 'Pueda inclinarse desde la cadera 10 veces con la espalda en buena posición.',
    'sit-to-stand': 'Pueda pararse de una silla 10 veces sin usar los brazos.',
    psfs: 'Las actividades que eligió como metas le resulten más fáciles.',
    pile: 'Pueda levantar una caja más pesada que antes.',
    odi: 'El dolor de espalda le estorbe menos en su vida diaria.',
    carry: 'Pueda cargar el peso que necesitan sus tareas diarias.',
    ccf: 'Pueda asentir con la barbilla 10 veces, sosteniendo 10 segundos cada vez.',
    scapular: 'Pueda acomodar los omóplatos 10 veces, sosteniendo 10 segundos cada vez.',
    rotation: 'Pueda girar más la cabeza hacia cada lado.',
    ndi: 'El dolor de cuello no le estorbe más que antes en su vida diaria.',
    'head-lift': 'Pueda levantar la cabeza acostado 10 veces, sosteniendo 10 segundos cada vez.',
    extensor: 'Pueda sostener el ejercicio de los músculos del cuello 10 veces, 10 segundos cada vez.',
    dnf: 'Sus músculos profundos del cuello aguanten más tiempo.',
    'pull-apart': 'Pueda separar la banda elástica con los brazos 2 series de 15, con buena postura.',
    grip: 'Su fuerza al apretar sea casi igual en las dos manos.',
    cpile: 'Pueda levantar una carga más pesada que antes.',
    'wound-healed': 'Su herida haya sanado.',
    'swallow-voice-stable': 'Su forma de tragar y su voz estén estables o mejorando.',
    'stimulation-stable': 'Su estimulador se sienta estable, sin descargas ni pérdida de cobertura.',
  },
  criterionFallback: (label, role) => `${label} (${role} lo revisará con usted).`,
  defaultGoals: {
    1: 'Despertar y controlar los músculos profundos que sostienen la columna, en posiciones cómodas.',
    2: 'Mantener la columna firme y en posición neutra por más tiempo mientras mueve brazos y piernas.',
    3: 'Ganar fuerza al inclinarse, agacharse, jalar y cargar, agregando peso poco a poco.',
    4: 'Volver a levantar, cargar, sentarse y hacer las tareas de su trabajo y de su día con confianza.',
  },

  exercisesHeading: 'Sus ejercicios',
  noExercises: 'Todavía no hay ejercicios para esta etapa.',
  start: 'Para empezar:',
  steps: 'Pasos',
  tips: 'Consejos',
  dose: 'Cuánto:',
  side: 'Lado:',
  sides: { both: 'Los dos lados a la vez', 'each-side': 'Cada lado', alternating: 'Por turnos, un lado y luego el otro' },
  effort: 'Qué tan fuerte:',
  effortByStage: {
    1: 'Suave: más o menos un tercio de su fuerza.',
    2: 'De suave a moderado: puede hablar mientras lo hace.',
    3: 'De moderado a fuerte: las últimas 2 repeticiones cuestan, pero mantiene buena postura.',
    4: 'Tan fuerte como lo necesiten sus tareas diarias, aumentando poco a poco.',
  },
  load: (load) => `Peso o banda elástica: ${load}.`,
  caution: 'Tenga cuidado:',
  note: (role) => `Nota de ${role}:`,
  photoAlt: (name, n, of) => (of > 1 ? `Foto ${n} de ${of}: ${name}` : `Foto: ${name}`),
  placeholderAlt: (name) => `Todavía no hay imagen de ${name}; pídanos que se lo mostremos.`,
  placeholder: 'Imagen pendiente. Pídanos que le mostremos este ejercicio.',
  figureCaption: { start: 'Inicio', end: 'Final' },
  figureAlt: (frame, name) => (frame === 'start' ? `Dibujo de la posición inicial: ${name}.` : `Dibujo del final del movimiento: ${name}.`),
  continued: 'continúa',
  untranslated: 'Esta parte todavía no está en español y se muestra en inglés.',

  dosage: {
    sets: (sets, reps) => `${plural(sets, 'serie', 'series')} de ${reps}`,
    setsOnly: (sets) => plural(sets, 'serie', 'series'),
    timed: (sets, time) => (sets === 1 ? time : `${sets} veces, ${time} cada vez`),
    hold: (time, withReps) => (withReps ? `sostenga cada una ${time}` : `sostenga ${time}`),
    forTime: (time) => `durante ${time}`,
    repRange: (from, to) => `${from} a ${to}`,
    perDay: (n) => (n < VECES.length ? `${VECES[n]} al día` : `${n} veces al día`),
    perWeek: (n) => `${plural(n, 'día', 'días')} a la semana`,
    seconds: (n) => plural(n, 'segundo', 'segundos'),
    minutes: (n) => plural(n, 'minuto', 'minutos'),
    hours: (n) => plural(n, 'hora', 'horas'),
    join: (parts) => parts.join(', '),
  },

  painHeading: 'Cuánto dolor está bien',
  defaultPainRule:
    'Un poco más de molestia está bien si se calma para la mañana siguiente y no supera su nivel habitual en más de 2 puntos de 10.',
  stopHeading: (role) => `Deténgase y llámenos (${role})`,
  stopIntro: 'Deje de hacer sus ejercicios y busque ayuda si le pasa algo de esto:',
  safety: {
    lumbar:
      'Busque ayuda de emergencia ahora si siente adormecimiento nuevo entre las piernas o alrededor de los glúteos, tiene problemas para orinar o para controlar la vejiga o el intestino, o siente debilidad nueva en las dos piernas.',
    neck: 'Deténgase y busque atención médica de inmediato si al mover el cuello siente mareo con visión doble, habla arrastrada, dificultad para tragar, caídas repentinas o la cara adormecida. Avísenos pronto si sus manos se vuelven torpes o siente descargas eléctricas al doblar el cuello.',
    afterSurgery:
      'Llame a su cirujano el mismo día si tiene fiebre o escalofríos, si su herida está roja, hinchada o le sale líquido, si la pierna le duele y está hinchada, o si la debilidad o el adormecimiento empeoran.',
    acdf: 'Llame al 911 si la parte de adelante del cuello se hincha y le cuesta respirar. Llame a su cirujano el mismo día si le cuesta más tragar o su voz empeora.',
    stimulator:
      'Llame al equipo del implante si el cosquilleo del estimulador se convierte en sacudidas o le duele, o si deja de cubrir la zona de siempre. Nunca permita que le apliquen máquinas de calor (diatermia).',
  },
  surgeryHeading: 'Después de su cirugía',
  surgeryText: (role) =>
    `Las indicaciones de su cirujano van primero. No levante, no se doble ni gire más de lo que su cirujano permite, aunque un ejercicio le parezca fácil. Si un ejercicio le duele en la herida o le vuelven los síntomas en la pierna o el brazo, deténgalo y avise a ${role}.`,

  logHeading: 'Registro de ejercicios',
  logIntro: 'Marque cada ejercicio cuando lo haga. Al final del día, anote su dolor de 0 (nada) a 10 (el peor).',
  logWeek: 'Semana que empieza: ____________',
  logDay: (n) => `Día ${n}`,
  logExercise: 'Ejercicio',
  logPain: 'Dolor (0–10)',
  logPainHint: 'Dolor de hoy',
};
