// Program flags are scoped to the stage being prescribed: only the current stage's items need an
// acknowledgement; other stages' flags stay visible for information; hard blocks hold everywhere.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { programFlags } from '../../../../common/program/program-flags';
import { newProgramDoc } from '../../../../common/program/new-program';
import type { SafetyExercise } from '../../../../common/program/safety-items';
import { sampleDraft } from '../../../support/fixtures';
import { samplePatient, sampleSurgery } from '../../../support/patients';
import { run } from '../../../support/programs';

const LOCKED = '11111111-1111-4111-8111-111111111111';
const DIATHERMY = '22222222-2222-4222-8222-222222222222';

const base = sampleDraft();
const exercises: Record<string, SafetyExercise> = {
  [LOCKED]: {
    ...base,
    code: 'L3-01',
    suitability: { ...base.suitability, 'post-fusion': { rating: 'caution', lock: 'week', earliestWeek: 12, note: null } },
  },
  [DIATHERMY]: { ...base, code: null, clinicalName: 'Shortwave diathermy', tags: ['diathermy'] },
};

describe('programFlags', () => {
  const fusion = samplePatient({}, { pspsType: 2, generators: [], surgeries: [sampleSurgery({ date: '2026-10-04' })] }).clinical;
  const now = run(newProgramDoc('P', 'lumbar'), { type: 'add-item', stage: 1, itemId: randomUUID(), exerciseId: LOCKED });
  const later = run(newProgramDoc('P', 'lumbar'), { type: 'add-item', stage: 3, itemId: randomUUID(), exerciseId: LOCKED });

  it('asks for an acknowledgement of a current-stage item', () => {
    const flags = programFlags(fusion, now, exercises, '2026-11-29').items[0]!.flags;
    const lock = flags.find((f) => f.kind === 'time-lock');
    expect(lock).toMatchObject({ severity: 'needs-ack', acknowledgeable: true });
  });

  it('keeps a later stage item’s flag for information, saying when it is checked again', () => {
    const flags = programFlags(fusion, later, exercises, '2026-11-29').items[0]!.flags;
    const lock = flags.find((f) => f.kind === 'time-lock');
    expect(lock).toMatchObject({ severity: 'info', acknowledgeable: false });
    expect(lock?.reason).toMatch(/Checked again when stage 3 starts\.$/);
    const moved = run(later, { type: 'change-stage', to: 3, date: '2026-11-29', reason: 'Gates met' });
    expect(programFlags(fusion, moved, exercises, '2026-11-29').items[0]!.flags.find((f) => f.kind === 'time-lock')?.severity).toBe(
      'needs-ack',
    );
  });

  it('holds a hard block in any stage', () => {
    const scs = samplePatient(
      {},
      {
        pspsType: 1,
        generators: ['disc'],
        surgeries: [
          sampleSurgery({
            procedure: 'spinal-cord-stimulator',
            levels: ['T8-T10'],
            stimulator: { leadLevel: 'thoracic', generatorSite: 'buttock' },
          }),
        ],
      },
    ).clinical;
    const doc = run(newProgramDoc('P', 'lumbar'), { type: 'add-item', stage: 4, itemId: randomUUID(), exerciseId: DIATHERMY });
    const flags = programFlags(scs, doc, exercises, '2026-11-29').items[0]!.flags;
    expect(flags.find((f) => f.kind === 'diathermy')?.severity).toBe('block');
  });
});
