// Patients through dispatch on a real SQLite file: create, read, update with revisions, search,
// archive, and the summary the list shows.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootTestServices } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';
import { samplePatient, sampleSurgery } from '../../../support/patients';

const NOW = new Date('2026-11-29T10:00:00');

describe('patients', () => {
  it('creates, reads and updates a record, refusing a stale revision', async () => {
    const { ctx } = await bootTestServices({ now: () => NOW });
    const created = await call(ctx, 'patients.create', { patient: samplePatient({ fullName: 'Jane Doe', dateOfBirth: '1961-04-23' }) });
    expect(created).toMatchObject({ displayName: 'J.D.', fullName: 'Jane Doe', dateOfBirth: '1961-04-23', revision: 1, archived: false });
    expect(await call(ctx, 'patients.get', { id: created.id })).toEqual(created);
    const updated = await call(ctx, 'patients.update', { id: created.id, revision: 1, patient: samplePatient({ displayName: 'JD-2' }) });
    expect(updated).toMatchObject({ displayName: 'JD-2', revision: 2, fullName: null });
    const stale = await failure(ctx, 'patients.update', { id: created.id, revision: 1, patient: samplePatient() });
    expect(stale.code).toBe('conflict');
    expect((await call(ctx, 'patients.get', { id: created.id })).displayName).toBe('JD-2');
    expect((await failure(ctx, 'patients.get', { id: randomUUID() })).code).toBe('not_found');
  });

  it('refuses a clinical picture that does not hold together, naming the problem', async () => {
    const { ctx } = await bootTestServices({ now: () => NOW });
    const typeTwoWithoutSurgery = samplePatient({}, { pspsType: 2 });
    const err = await failure(ctx, 'patients.create', { patient: typeTwoWithoutSurgery });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toMatch(/PSPS type 2 follows spinal surgery/);
    const badLevel = samplePatient({}, { pspsType: 2, surgeries: [sampleSurgery({ levels: ['X4-X5'] as never })] });
    expect((await failure(ctx, 'patients.create', { patient: badLevel })).message).toMatch(/level looks like L4-L5/);
    expect((await failure(ctx, 'patients.create', { patient: samplePatient({ displayName: ' ' }) })).message).toMatch(/display name/);
  });

  it('lists by name with search, weeks since the latest surgery and open red flags, and archives', async () => {
    const { ctx } = await bootTestServices({ now: () => NOW });
    const fusion = samplePatient(
      { displayName: 'Bea', fullName: 'Beatrice 100%_Real' },
      {
        pspsType: 2,
        generators: [],
        surgeries: [sampleSurgery({ id: 'a', date: '2025-01-01' }), sampleSurgery({ id: 'b', date: '2026-10-04' })],
      },
    );
    const flagged = samplePatient({ displayName: 'al' });
    flagged.clinical.redFlags.urgent['post-op-infection'] = { answer: 'yes', resolution: null };
    const b = await call(ctx, 'patients.create', { patient: fusion });
    const a = await call(ctx, 'patients.create', { patient: flagged });
    await call(ctx, 'programs.create', { patientId: b.id, title: 'P' });

    const all = await call(ctx, 'patients.list', {});
    expect(all.map((p) => p.displayName)).toEqual(['al', 'Bea']);
    expect(all[1]).toMatchObject({ pspsType: 2, weeksSinceSurgery: 8, openRedFlag: false, programCount: 1 });
    expect(all[0]).toMatchObject({ pspsType: 1, weeksSinceSurgery: null, openRedFlag: true, programCount: 0 });
    expect((await call(ctx, 'patients.list', { query: 'beat' })).map((p) => p.id)).toEqual([b.id]);
    // LIKE wildcards in a query are searched as typed.
    expect((await call(ctx, 'patients.list', { query: '100%_' })).map((p) => p.id)).toEqual([b.id]);
    expect(await call(ctx, 'patients.list', { query: 'e%' })).toEqual([]);

    await call(ctx, 'patients.setArchived', { id: a.id, archived: true });
    expect((await call(ctx, 'patients.list', {})).map((p) => p.id)).toEqual([b.id]);
    expect((await call(ctx, 'patients.list', { includeArchived: true })).map((p) => [p.id, p.archived])).toEqual([
      [b.id, false],
      [a.id, true],
    ]);
  });
});
