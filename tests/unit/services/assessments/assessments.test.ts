// Objective tests through dispatch on a real SQLite file: recorded and listed oldest first, scored
// by the service from the items (a score sent by the renderer is ignored), refused with a message
// naming the problem, removed one at a time, and gone with the patient (ON DELETE CASCADE). Patients
// are made through patients.create; deleting one is done in SQL (no call deletes a patient yet).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import { bootTestServices } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';
import { samplePatient } from '../../../support/patients';

const NOW = new Date('2026-03-14T15:00:00.000Z');

async function addPatient(ctx: ServiceContext): Promise<string> {
  return (await call(ctx, 'patients.create', { patient: samplePatient() })).id;
}

async function setup() {
  const { ctx } = await bootTestServices({ now: () => NOW });
  return { ctx, patientId: await addPatient(ctx) };
}

describe('assessments', () => {
  it('records tests, scores questionnaires itself, and lists them oldest first', async () => {
    const { ctx, patientId } = await setup();
    const odi = await call(ctx, 'assessments.record', {
      patientId,
      measureId: 'odi',
      date: '2026-03-01',
      value: 2, // what a careless renderer computed: ignored
      detail: { items: [3, 3, 3, 3, 3, 3, 3, 3, 3, null] },
    });
    expect(odi).toMatchObject({
      measureId: 'odi',
      date: '2026-03-01',
      value: 60,
      detail: { raw: 27, answered: 9, missing: 1, band: 'severe' },
    });
    expect(odi.createdAt).toBe(NOW.toISOString());
    await call(ctx, 'assessments.record', { patientId, measureId: 'adim-clean-holds', date: '2026-03-10', value: 10 });
    await call(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-02-20', value: 6 });

    const list = await call(ctx, 'assessments.list', { patientId });
    expect(list.map((m) => [m.measureId, m.date, m.value])).toEqual([
      ['nprs', '2026-02-20', 6],
      ['odi', '2026-03-01', 60],
      ['adim-clean-holds', '2026-03-10', 10],
    ]);
    const stored = ctx.db.prepare('SELECT value, detail FROM measurements WHERE id = ?').get(odi.id) as { value: number; detail: string };
    expect(stored.value).toBe(60);
    expect(JSON.parse(stored.detail).items).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, null]);
  });

  it('keeps each patient’s tests apart', async () => {
    const { ctx, patientId } = await setup();
    const other = await addPatient(ctx);
    await call(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-03-01', value: 4 });
    expect(await call(ctx, 'assessments.list', { patientId: other })).toEqual([]);
  });

  it('refuses an unknown measure, wrong item counts and out-of-range values, naming the problem, and stores nothing', async () => {
    const { ctx, patientId } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ measureId: 'odi-9', value: 1 }, 'There is no measure "odi-9" in the catalogue'],
      [{ measureId: 'odi', detail: { items: [1, 2, 3] } }, 'ODI needs 10 answers, one per item; got 3'],
      [{ measureId: 'tsk-17', detail: { items: Array(17).fill(5) } }, 'TSK-17 item 1 must be a whole number from 1 to 4; got 5'],
      [{ measureId: 'odi', value: 40 }, 'ODI needs its 10 item answers'],
      [{ measureId: 'sorensen', value: 250 }, 'BST time (s) must be from 0 to 240; got 250'],
      [{ measureId: 'log-roll-independent', value: 3 }, '"Log roll and transfers independent" is recorded as 1 (yes) or 0 (no); got 3'],
    ];
    for (const [args, message] of cases) {
      const err = await failure(ctx, 'assessments.record', { patientId, date: '2026-03-01', ...args });
      expect(err).toEqual({ code: 'invalid_argument', message });
    }
    expect(ctx.db.prepare('SELECT count(*) FROM measurements').pluck().get()).toBe(0);
  });

  it('refuses a date in the future and a badly written one', async () => {
    const { ctx, patientId } = await setup();
    const future = await failure(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-03-16', value: 3 });
    expect(future.message).toBe('A test date cannot be in the future; got 2026-03-16');
    const bad = await failure(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '14/03/2026', value: 3 });
    expect(bad.code).toBe('invalid_argument');
    expect(bad.message).toMatch(/date/);
    // The clinic's day may be ahead of UTC: tomorrow in UTC is accepted.
    await call(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-03-15', value: 3 });
  });

  it('answers not_found for a patient that does not exist, without echoing anything', async () => {
    const { ctx } = await setup();
    const missing = randomUUID();
    const err = await failure(ctx, 'assessments.record', { patientId: missing, measureId: 'nprs', date: '2026-03-01', value: 3 });
    expect(err.code).toBe('not_found');
    expect(err.message).not.toContain(missing);
    expect((await failure(ctx, 'assessments.list', { patientId: missing })).code).toBe('not_found');
  });

  it('removes one recording, and only the patient’s own', async () => {
    const { ctx, patientId } = await setup();
    const other = await addPatient(ctx);
    const a = await call(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-03-01', value: 4 });
    const b = await call(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-03-08', value: 3 });
    expect((await failure(ctx, 'assessments.remove', { patientId: other, id: a.id })).code).toBe('not_found');
    expect(await call(ctx, 'assessments.remove', { patientId, id: a.id })).toEqual({ removed: true });
    expect((await call(ctx, 'assessments.list', { patientId })).map((m) => m.id)).toEqual([b.id]);
    expect((await failure(ctx, 'assessments.remove', { patientId, id: a.id })).message).toBe(
      'That test result is not recorded for this patient.',
    );
  });

  it('deleting a patient deletes their tests (ON DELETE CASCADE)', async () => {
    const { ctx, patientId } = await setup();
    const other = await addPatient(ctx);
    await call(ctx, 'assessments.record', { patientId, measureId: 'nprs', date: '2026-03-01', value: 4 });
    await call(ctx, 'assessments.record', { patientId: other, measureId: 'nprs', date: '2026-03-01', value: 5 });
    ctx.db.prepare('DELETE FROM patients WHERE id = ?').run(patientId);
    expect(ctx.db.prepare('SELECT count(*) FROM measurements').pluck().get()).toBe(1);
    expect((await call(ctx, 'assessments.list', { patientId: other })).length).toBe(1);
  });

  it('refuses a detail over 8 KB', async () => {
    const { ctx, patientId } = await setup();
    const err = await failure(ctx, 'assessments.record', {
      patientId,
      measureId: 'psfs',
      date: '2026-03-01',
      detail: { ratings: [5], pad: 'x'.repeat(9000) },
    });
    expect(err.message).toMatch(/8 KB/);
  });
});
