// Which spinal-cord-stimulator locks depend on the lead level (library audit D01), as data.
//
// The exercise schema has one `scs` suitability per exercise and no lead level. Cervical leads can
// migrate with repeated, end-range, fast or loaded neck movement (McGreevy 2012; Finney 2025), so
// the built-ins below carry, in their stored `scs` suitability, the conservative cervical-lead lock
// (modify, week 8). For thoracic or DRG leads there is no neck limit and that lock lifts: the table
// says what applies instead. The cervical value is always the exercise's own stored suitability.
//
// How the rules use it (common/safety/rules.ts):
//   - lead level cervical, or not recorded  -> the stored scs suitability, unchanged;
//   - lead level thoracic or drg            -> `otherLeads` replaces the stored lock (the rating is
//                                             kept), but only while the stored scs suitability is
//                                             still the built-in week lock `builtinWeek`. A clinic
//                                             that edited the rating keeps its edit for every lead
//                                             level, and the flag says the table was not applied.
// Keyed by built-in code (Exercise.code): a clinic's own exercises have no code and use their
// stored suitability for every lead level. Adding a neck-moving built-in means adding a row here.
import type { LockType } from '../domain/vocabulary';

export interface ScsLeadRule {
  /** The built-in's stored scs week lock, which is the cervical-lead lock. */
  builtinWeek: number;
  /** The lock for thoracic and DRG leads (the stored rating is kept). */
  otherLeads: { lock: LockType; earliestWeek: number | null };
  /** Why, for the clinician. */
  why: string;
}

const NECK = 'Moves or loads the neck: a risk to cervical leads only (audit D01).';
const FREE = { lock: 'none', earliestWeek: null } as const;

export const SCS_CERVICAL_LEAD_RULES: Readonly<Record<string, ScsLeadRule>> = {
  'C1-07': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C1-15': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C2-02': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C2-03': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C2-10': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C3-01': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C3-02': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  // A 1-2.5 kg plate held on the head: the general stimulator lifting limit (under 2.3 kg until
  // week 6, audit §9.4 and T8) still applies with thoracic or DRG leads.
  'C3-03': {
    builtinWeek: 8,
    otherLeads: { lock: 'week', earliestWeek: 6 },
    why: `${NECK} Other leads: the early lifting limit still holds to week 6.`,
  },
  'C4-05': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C4-06': { builtinWeek: 8, otherLeads: FREE, why: NECK },
  'C4-13': { builtinWeek: 8, otherLeads: FREE, why: NECK },
};
