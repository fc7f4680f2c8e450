// The program builder's one way to change a program: a pure reducer over ProgramDoc. The renderer
// runs it on every gesture for an instant answer; the service runs the same code on the stored
// document before saving, so both always agree. An action that does not fit the document (an item
// that is gone, a stage change to the same stage) is refused with a message, never half-applied.
import {
  ProgramDocSchema,
  findItem,
  stageOf,
  type ProgramAction,
  type ProgramDoc,
  type ProgramItem,
  type ProgramStage,
  MAX_ITEMS_PER_STAGE,
} from '../domain/program';
import type { Stage } from '../domain/vocabulary';
import { describeZodError } from '../contract/issues';

export type Applied = { ok: true; doc: ProgramDoc } | { ok: false; message: string };

const refuse = (message: string): Applied => ({ ok: false, message });

const withStage = (doc: ProgramDoc, stage: Stage, change: (s: ProgramStage) => ProgramStage): ProgramDoc => ({
  ...doc,
  stages: doc.stages.map((s) => (s.stage === stage ? change(s) : s)),
});

const insertAt = <T>(list: readonly T[], index: number | undefined, value: T): T[] => {
  const at = index === undefined ? list.length : Math.min(index, list.length);
  return [...list.slice(0, at), value, ...list.slice(at)];
};

const replaceItem = (doc: ProgramDoc, itemId: string, change: (i: ProgramItem) => ProgramItem): ProgramDoc => ({
  ...doc,
  stages: doc.stages.map((s) => ({ ...s, items: s.items.map((i) => (i.id === itemId ? change(i) : i)) })),
});

const full = (doc: ProgramDoc, stage: Stage): boolean => stageOf(doc, stage).items.length >= MAX_ITEMS_PER_STAGE;

function reduce(doc: ProgramDoc, action: ProgramAction): Applied {
  switch (action.type) {
    case 'add-item': {
      if (findItem(doc, action.itemId)) return refuse('That item is already in the program.');
      if (full(doc, action.stage)) return refuse(`Stage ${action.stage} already has ${MAX_ITEMS_PER_STAGE} exercises.`);
      const item: ProgramItem = {
        id: action.itemId,
        exerciseId: action.exerciseId,
        variant: null,
        dosage: action.dosage ?? {},
        painRule: null,
        patientNote: null,
        clinicianNote: null,
      };
      return { ok: true, doc: withStage(doc, action.stage, (s) => ({ ...s, items: insertAt(s.items, action.index, item) })) };
    }
    case 'remove-item': {
      const place = findItem(doc, action.itemId);
      if (!place) return refuse('That exercise is no longer in the program.');
      const removed = withStage(doc, place.stage, (s) => ({ ...s, items: s.items.filter((i) => i.id !== action.itemId) }));
      // An acknowledgement belongs to the item's flags; it goes with the item.
      return {
        ok: true,
        doc: { ...removed, acknowledgements: removed.acknowledgements.filter((a) => !a.flagId.startsWith(`${action.itemId}/`)) },
      };
    }
    case 'move-item': {
      const place = findItem(doc, action.itemId);
      if (!place) return refuse('That exercise is no longer in the program.');
      if (place.stage !== action.toStage && full(doc, action.toStage)) {
        return refuse(`Stage ${action.toStage} already has ${MAX_ITEMS_PER_STAGE} exercises.`);
      }
      const without = withStage(doc, place.stage, (s) => ({ ...s, items: s.items.filter((i) => i.id !== action.itemId) }));
      return { ok: true, doc: withStage(without, action.toStage, (s) => ({ ...s, items: insertAt(s.items, action.toIndex, place.item) })) };
    }
    case 'copy-forward': {
      const place = findItem(doc, action.itemId);
      if (!place) return refuse('That exercise is no longer in the program.');
      if (place.stage === 4) return refuse('Stage 4 is the last stage: there is no next stage to copy to.');
      if (findItem(doc, action.newItemId)) return refuse('That item is already in the program.');
      const next = (place.stage + 1) as Stage;
      if (full(doc, next)) return refuse(`Stage ${next} already has ${MAX_ITEMS_PER_STAGE} exercises.`);
      const copy: ProgramItem = { ...place.item, id: action.newItemId, dosage: { ...place.item.dosage } };
      return { ok: true, doc: withStage(doc, next, (s) => ({ ...s, items: [...s.items, copy] })) };
    }
    case 'swap-exercise': {
      const place = findItem(doc, action.itemId);
      if (!place) return refuse('That exercise is no longer in the program.');
      if (place.item.exerciseId === action.exerciseId) return refuse('That exercise is already in this place.');
      const swapped = replaceItem(doc, action.itemId, (i) => ({ ...i, exerciseId: action.exerciseId, dosage: {}, variant: null }));
      // The flags were the old exercise's: their acknowledgements go with it.
      return {
        ok: true,
        doc: { ...swapped, acknowledgements: swapped.acknowledgements.filter((a) => !a.flagId.startsWith(`${action.itemId}/`)) },
      };
    }
    case 'set-dosage': {
      if (!findItem(doc, action.itemId)) return refuse('That exercise is no longer in the program.');
      return { ok: true, doc: replaceItem(doc, action.itemId, (i) => ({ ...i, dosage: { ...action.dosage } })) };
    }
    case 'update-item': {
      if (!findItem(doc, action.itemId)) return refuse('That exercise is no longer in the program.');
      return { ok: true, doc: replaceItem(doc, action.itemId, (i) => ({ ...i, ...action.patch })) };
    }
    case 'update-stage':
      return { ok: true, doc: withStage(doc, action.stage, (s) => ({ ...s, ...action.patch })) };
    case 'change-stage': {
      if (action.to === doc.currentStage) return refuse(`The program is already in stage ${action.to}.`);
      return {
        ok: true,
        doc: {
          ...doc,
          currentStage: action.to,
          stageLog: [...doc.stageLog, { from: doc.currentStage, to: action.to, date: action.date, reason: action.reason }],
        },
      };
    }
    case 'acknowledge': {
      const others = doc.acknowledgements.filter((a) => a.flagId !== action.flagId);
      return { ok: true, doc: { ...doc, acknowledgements: [...others, { flagId: action.flagId, note: action.note, date: action.date }] } };
    }
    case 'withdraw-acknowledgement':
      return { ok: true, doc: { ...doc, acknowledgements: doc.acknowledgements.filter((a) => a.flagId !== action.flagId) } };
    case 'update-program':
      return { ok: true, doc: { ...doc, ...action.patch } };
  }
}

/**
 * Apply one action. The result is checked against the document schema, so no action can produce
 * a program the service would refuse to save (a dose out of range, an over-full stage).
 */
export function applyAction(doc: ProgramDoc, action: ProgramAction): Applied {
  const reduced = reduce(doc, action);
  if (!reduced.ok) return reduced;
  const checked = ProgramDocSchema.safeParse(reduced.doc);
  return checked.success ? { ok: true, doc: checked.data } : refuse(describeZodError(checked.error));
}
