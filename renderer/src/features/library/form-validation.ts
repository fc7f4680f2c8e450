// Checks the editor's form with the same schema the services use. Kept apart from the form model
// (exercise-form.ts) so that only the editor, which loads lazily, brings the schema library along:
// the library's first screen loads without zod.
import { plainMessage } from '../../../../common/contract/issues';
import { ExerciseDraftSchema, type ExerciseDraft } from '../../../../common/domain/exercise';
import { draftFromForm, type ExerciseForm, type FormErrors } from './exercise-form';

/** Errors keyed by the field they belong to ("text.steps", "dosage.sets", "suitability.disc"). */
export function validateForm(f: ExerciseForm): { draft: ExerciseDraft | null; errors: FormErrors } {
  const parsed = ExerciseDraftSchema.safeParse(draftFromForm(f));
  if (parsed.success) return { draft: parsed.data, errors: {} };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const p = issue.path.map(String);
    // List items and per-generator fields report on the list or the row as a whole.
    const key = p[0] === 'text' || p[0] === 'dosage' || p[0] === 'suitability' ? p.slice(0, 2).join('.') : (p[0] ?? 'form');
    if (!errors[key]) errors[key] = plainMessage(issue);
  }
  return { draft: null, errors };
}
