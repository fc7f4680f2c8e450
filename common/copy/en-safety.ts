// English words for the patient record's clinical picture and the safety flags a clinician reads
// while building a program (common/domain/patient.ts, common/safety/). Plain words; ids stay in code.
import type {
  Answer,
  Approach,
  Clearance,
  EmergencyFlag,
  GeneratorSite,
  LeadLevel,
  LiftingLimit,
  PatientRegion,
  Procedure,
  RestrictionKind,
  RestrictionUntil,
  UrgentFlag,
} from '../domain/patient';

/** Red flags of clinical.md §5.1: the program stops and the patient is sent for same-day emergency care. */
export const EMERGENCY_FLAG_LABELS: Record<EmergencyFlag, string> = {
  'cauda-equina':
    'Possible cauda equina: new bladder or bowel trouble, numbness between the legs or around the bottom, weakness in both legs, or new sexual dysfunction',
  'progressive-motor-deficit': 'New or quickly worsening weakness in an arm or leg (for example a foot drop getting worse)',
  'acdf-airway': 'After neck surgery from the front: swelling at the front of the neck with trouble breathing or swallowing getting worse',
  'pulmonary-embolism': 'Sudden breathlessness or chest pain after surgery',
  'arterial-dissection':
    'New, unusual neck pain or headache with dizziness, double vision, slurred speech, trouble swallowing, drop attacks, nausea, numbness or unsteadiness',
  'fever-with-neuro-signs': 'Fever with severe spinal pain and signs of nerve trouble',
};

/** Red flags of clinical.md §5.2: the program pauses until a same- or next-day medical review. */
export const URGENT_FLAG_LABELS: Record<UrgentFlag, string> = {
  'post-op-infection': 'Signs of infection after surgery: fever or chills, a red, swollen, bleeding or leaking wound, pain getting worse',
  'worsening-radicular': 'Leg or arm symptoms getting worse, or a new nerve sign: weakness, spreading numbness, a lost reflex',
  'unexpected-high-pain': 'Pain much higher than before the surgery, or severe sudden pain that does not ease',
  'calf-pain-swelling': 'Calf pain or swelling (possible blood clot)',
  'cervical-myelopathy':
    "Possible spinal cord pressure in the neck: unsteady walking, clumsy hands, pins and needles in both hands, electric shocks on bending the neck (Lhermitte's)",
  'spinal-malignancy': 'Past cancer with new or changed spinal pain, or weight loss nobody can explain',
  'spinal-fracture': 'A fall or strain big enough to break a bone at this age or bone health, or long-term steroid use',
  'acdf-swallowing-voice': 'After neck surgery from the front: swallowing or the voice getting worse',
  'scs-problem': 'Stimulator trouble: new jolting or painful stimulation, lost coverage, or a problem at the wound or battery site',
};

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  microdiscectomy: 'Microdiscectomy',
  'laminectomy-decompression': 'Laminectomy / decompression',
  'lumbar-fusion': 'Lumbar fusion',
  acdf: 'Anterior cervical discectomy and fusion (ACDF)',
  'posterior-cervical': 'Posterior cervical surgery',
  'disc-replacement': 'Disc replacement',
  'spinal-cord-stimulator': 'Spinal cord stimulator',
  other: 'Other spinal surgery',
};

export const LEAD_LEVEL_LABELS: Record<LeadLevel, string> = {
  cervical: 'Cervical (neck) leads',
  thoracic: 'Thoracic (mid-back) leads',
  drg: 'Dorsal root ganglion (DRG) leads',
};

export const GENERATOR_SITE_LABELS: Record<GeneratorSite, string> = {
  buttock: 'Upper buttock',
  flank: 'Flank',
  abdomen: 'Abdomen',
  chest: 'Chest',
  other: 'Elsewhere',
};

export const RESTRICTION_LABELS: Record<RestrictionKind, string> = {
  'no-loaded-flexion': 'No bending forward under load',
  'no-rotation': 'No twisting',
  'no-overhead-resistance': 'No lifting or pulling against resistance overhead',
  'lifting-limit': 'Lifting limit',
};

// --- The patient record's other values (common/domain/patient.ts) ------------------------------

/** Patient regions (wider than exercise regions: thoracic patients exist). */
export const PATIENT_REGION_LABELS: Record<PatientRegion, string> = {
  lumbar: 'Low back (lumbar)',
  cervical: 'Neck (cervical)',
  thoracic: 'Mid back (thoracic)',
};

export const PSPS_TYPE_LABELS: Record<1 | 2, string> = { 1: 'PSPS Type 1', 2: 'PSPS Type 2' };

/** One line each, for the clinician choosing the type. */
export const PSPS_TYPE_HINTS: Record<1 | 2, string> = {
  1: 'Persistent spinal pain without spinal surgery (a stimulator may still be implanted).',
  2: 'Persistent spinal pain after spinal surgery: record each surgery below.',
};

export const APPROACH_LABELS: Record<Approach, string> = {
  open: 'Open',
  'minimally-invasive': 'Minimally invasive',
  anterior: 'Anterior (from the front)',
  posterior: 'Posterior (from the back)',
  lateral: 'Lateral (from the side)',
  percutaneous: 'Percutaneous (through the skin)',
  unknown: 'Not known',
};

export const CLEARANCE_LABELS: Record<Clearance['status'], string> = {
  cleared: 'Cleared by the surgeon',
  'not-cleared': 'Not cleared yet',
  unknown: 'Not known',
};

export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unknown: 'Not asked yet' };

export const LIFTING_UNIT_LABELS: Record<LiftingLimit['unit'], string> = { lb: 'lb', kg: 'kg' };

export const RESTRICTION_UNTIL_LABELS: Record<RestrictionUntil['kind'], string> = {
  week: 'Until a week after surgery',
  date: 'Until a date',
  cleared: 'Until the surgeon clears it',
};
