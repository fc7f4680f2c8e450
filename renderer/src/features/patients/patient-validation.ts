// Checks the patient form with the same schema the services use (PatientInputSchema), and turns each
// problem into plain words keyed by the form field it belongs to, so the editor shows it beside that
// field. Kept apart from the form model: this is the file that brings zod along.
import { plainMessage } from '../../../../common/contract/issues';
import { PatientInputSchema, type PatientInput } from '../../../../common/contract/patients';
import { inputFromForm, parseLevels, type FormErrors, type PatientForm } from './patient-form';

/** One problem the schema found (zod's issue type, named without importing zod here). */
type Issue = Parameters<typeof plainMessage>[0];

/** The form field an issue belongs to: "displayName", "surgeries.0.levels", "redFlags.urgent.scs-problem.note". */
export function errorKey(path: readonly PropertyKey[]): string {
  const p = path.map(String);
  if (p[0] !== 'clinical') return p[0] ?? 'form';
  const [, part, ...rest] = p;
  if (part === 'surgeries') {
    if (rest.length < 2) return 'surgeries';
    const [i, field, ...more] = rest;
    if (field === 'clearance' && more.length > 0) return `surgeries.${i}.clearance.${more[0]}`;
    if (field === 'restrictions' && more.length >= 2) return `surgeries.${i}.restrictions.${more[0]}.${more[1]}`;
    return `surgeries.${i}.${field}`;
  }
  if (part === 'redFlags') {
    if (rest[0] === 'urgent' && rest.length >= 2) {
      const last = rest[rest.length - 1];
      return `redFlags.urgent.${rest[1]}.${last === 'date' ? 'date' : 'note'}`;
    }
    return rest[0] === 'date' ? 'redFlags.date' : 'redFlags';
  }
  return part ?? 'clinical';
}

const DATE_WORDS = 'Use a date like 2025-03-14';

/** Plain words for one problem, in the terms of the field it sits beside. */
function messageFor(issue: Issue, key: string, form: PatientForm): string {
  const last = key.split('.').pop() ?? key;
  if (key === 'displayName' && issue.code === 'too_small') return issue.message;
  if (key === 'regions' && issue.code === 'too_small') return 'Choose at least one region';
  if (last === 'levels' && issue.code === 'invalid_format') {
    const [, i, , j] = issue.path.map(String).slice(1);
    const typed = parseLevels(form.surgeries[Number(i)]?.levels ?? '')[Number(j)];
    return typed ? `“${typed}” is not a level: a level looks like L4-L5, C5-C6 or T10` : issue.message;
  }
  if (last === 'limit') return 'Enter the weight limit as a number, up to 500';
  if (last === 'until') {
    const field = issue.path[issue.path.length - 1];
    if (field === 'week') return 'Enter a week from 0 to 104';
    return issue.code === 'invalid_type' ? 'Choose the date' : DATE_WORDS;
  }
  if (key.startsWith('redFlags.urgent.')) return last === 'date' ? 'Give the date it was dealt with' : 'Say what was done';
  if (issue.code === 'invalid_format' && issue.format === 'date') return key === 'dateOfBirth' ? issue.message : DATE_WORDS;
  return plainMessage(issue);
}

/** The first problem for each field, in plain words; `input` is set only when there are none. */
export function validatePatientForm(f: PatientForm): { input: PatientInput | null; errors: FormErrors } {
  const parsed = PatientInputSchema.safeParse(inputFromForm(f));
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const key = errorKey(issue.path);
    if (!errors[key]) errors[key] = messageFor(issue, key, f);
  }
  return { input: null, errors };
}
