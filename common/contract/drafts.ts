// Calls for the editor's drafts: the form as the clinician left it, saved as they type, so a crash
// or a killed process never loses their work. The form is the editor's own JSON (checked for size
// only: a draft need not be valid yet); it is read back by the editor that wrote it.
import { z } from 'zod';
import { call, Id } from './define';

/** Largest draft form, as JSON text in UTF-8. */
export const MAX_DRAFT_BYTES = 200 * 1024;

/** One editor's draft: "new", "edit:<exercise id>" or "copy:<source exercise id>". */
export const DraftKey = z
  .string()
  .max(100)
  .regex(/^(new|(edit|copy):[0-9a-f-]{36})$/, 'Expected "new", "edit:<id>" or "copy:<id>"');

const jsonBytes = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v) ?? '').length;

export interface Draft {
  key: string;
  /** The exercise being edited (or copied, for a copy); null for a new exercise. */
  exerciseId: string | null;
  /** The content version the edit started from, to tell whether the exercise changed since. */
  baseContentVersion: number | null;
  form: unknown;
  updatedAt: string;
}

export const draftCalls = {
  'drafts.save': call<{ updatedAt: string }>()(
    z
      .object({
        key: DraftKey,
        exerciseId: Id.nullable().default(null),
        baseContentVersion: z.number().int().min(1).nullable().default(null),
        form: z
          .json()
          .refine((v) => v !== null && typeof v === 'object', 'Expected the form as an object')
          .refine((v) => jsonBytes(v) <= MAX_DRAFT_BYTES, `A draft can be up to ${MAX_DRAFT_BYTES / 1024} KB`),
      })
      .strict(),
  ),
  'drafts.get': call<Draft | null>()(z.object({ key: DraftKey }).strict()),
  'drafts.discard': call<{ discarded: boolean }>()(z.object({ key: DraftKey }).strict()),
  'drafts.list': call<Draft[]>()(z.object({}).strict()),
};
