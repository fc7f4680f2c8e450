// The "Record a test" form's typed text, turned into the entry the kernel scores
// (common/assessments/recording.ts). Pure, so the live score and the saved one come from one place:
// the form shows scoreEntry's answer, and the service scores the same entry again.
import { catalogueMeasure, entryFormOf, type Entry } from '../../../../common/assessments/recording';
import { CCFT_LEVELS } from '../../../../common/assessments/physical';

/** Every field of the form as typed text, by key ("value", "item3", "left", "t1"…). */
export type FormState = Readonly<Record<string, string>>;

const num = (s: FormState, key: string): number | undefined => {
  const v = s[key];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isNaN(n) ? (v as unknown as number) : n;
};

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

export function toEntry(measureId: string, s: FormState): Entry {
  const form = entryFormOf(measureId);
  const m = catalogueMeasure(measureId);
  switch (form) {
    case 'items': {
      const count = m?.items?.count ?? 0;
      const boolean = m?.items?.response.type === 'boolean';
      const items = range(count).map((i) => {
        const v = s[`item${i}`];
        if (boolean) return v === 'yes' ? true : v === 'no' ? false : null;
        return num(s, `item${i}`) ?? null;
      });
      return { detail: { items } };
    }
    case 'start-back':
      return {
        detail: {
          agree: range(8).map((i) => (s[`item${i}`] === 'agree' ? true : s[`item${i}`] === 'disagree' ? false : null)),
          bothersomeness: s.bother ?? '',
        },
      };
    case 'nprs':
      return { detail: { recall: s.recall || 'now', rating: num(s, 'value') } };
    case 'psfs': {
      const rated = range(5).filter((i) => (s[`rating${i}`] ?? '') !== '');
      const ratings = rated.map((i) => num(s, `rating${i}`));
      const activities = rated.map((i) => (s[`activity${i}`] ?? '').trim());
      return { detail: activities.every((a) => a !== '') && rated.length > 0 ? { ratings, activities } : { ratings } };
    }
    case 'timed':
    case 'number':
    case 'yes-no':
      return { value: num(s, 'value') };
    case 'timed-sided':
    case 'sided-number':
    case 'aslr':
      return { detail: { left: num(s, 'left'), right: num(s, 'right') } };
    case 'dnf': {
      const trials = [num(s, 't1'), ...(s.t2 ? [num(s, 't2')] : [])];
      return { detail: { trials, use: s.use || 'best', ...(s.sex ? { sex: s.sex } : {}) } };
    }
    case 'mcgill-battery':
      return { detail: { flexor: num(s, 'flexor'), extensor: num(s, 'extensor'), sideBridgeR: num(s, 'sbR'), sideBridgeL: num(s, 'sbL') } };
    case 'ccft': {
      const level = num(s, 'ccft') ?? 20;
      const held = CCFT_LEVELS.filter((l) => l <= level).map(() => true);
      return { detail: { held: held.length < CCFT_LEVELS.length ? [...held, false] : held } };
    }
    case 'grip':
      return {
        detail: {
          left: [1, 2, 3].map((i) => num(s, `l${i}`)),
          right: [1, 2, 3].map((i) => num(s, `r${i}`)),
          ...(s.affected ? { affected: s.affected } : {}),
        },
      };
    case 'pile':
      return { detail: { sex: s.sex, completedStages: num(s, 'stages'), ...(s.weight ? { bodyWeightKg: num(s, 'weight') } : {}) } };
    default:
      return { value: num(s, 'value') };
  }
}
