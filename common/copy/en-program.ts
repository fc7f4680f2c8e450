// English words of the program builder: default stage goals, the pain-response rule, and the
// sentences the version history reads aloud. Patient-facing lines are plain US English.
import type { ProgramAction } from '../domain/program';
import type { Stage } from '../domain/vocabulary';

/** The one pain-response sentence (audit D44), the program's default for every item. */
export const DEFAULT_PAIN_RULE =
  'Some extra soreness is okay if it settles by the next morning and is no worse than 2 points out of 10 above your usual.';

/** What each stage is for, in words a patient understands (the program's default goals). */
export const DEFAULT_STAGE_GOALS: Record<Stage, string> = {
  1: 'Wake up and control the deep muscles that support your spine, in comfortable positions.',
  2: 'Hold a steady, neutral spine for longer while your arms and legs move.',
  3: 'Build strength with bending, squatting, pulling and carrying, adding weight step by step.',
  4: 'Get back to lifting, carrying, sitting and the tasks of your work and day with confidence.',
};

/** Planned weeks per stage before the gates decide (a plan, never a calendar rule). */
export const DEFAULT_PLANNED_WEEKS: Record<Stage, number> = { 1: 3, 2: 4, 3: 6, 4: 6 };

/** The words of each step in the undo and redo menus ("Undo add exercise"). */
export const ACTION_LABELS: Record<ProgramAction['type'], string> = {
  'add-item': 'add exercise',
  'remove-item': 'remove exercise',
  'move-item': 'move exercise',
  'copy-forward': 'copy to next stage',
  'swap-exercise': 'exercise swap',
  'set-dosage': 'dose change',
  'update-item': 'note change',
  'update-stage': 'stage details',
  'change-stage': 'stage change',
  acknowledge: 'acknowledgement',
  'withdraw-acknowledgement': 'withdrawn acknowledgement',
  'update-program': 'program details',
};
