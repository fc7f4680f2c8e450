// The library's use cases through dispatch(ctx, channel, args), as both transports call them:
// create/get/update with optimistic versions, read-only built-ins, duplicate, archive, links,
// argument validation for every channel, and persistence across a restart.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import { dispatch } from '../../../../services/dispatch';
import { CHANNELS, DEFAULT_SETTINGS } from '../../../../common/contract';
import { GENERATORS } from '../../../../common/domain/vocabulary';
import { MIGRATIONS } from '../../../../db/migrations';
import type { Exercise, ExerciseDraft } from '../../../../common/domain/exercise';
import { samplePatient } from '../../../support/patients';
import { bootTestServices, sampleDraft, tempDir, tinySeedDir } from '../../../support/fixtures';
import { call, failure, tableCounts } from '../../../support/call';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function builtinId(ctx: ServiceContext, code: string): string {
  return ctx.db.prepare('SELECT id FROM exercises WHERE code = ?').pluck().get(code) as string;
}

/** A clock the test moves forward, so created/updated stamps can be told apart. */
function clock(start = '2025-01-15T10:00:00.000Z'): { now: () => Date; advance: (ms?: number) => Date } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms = 60_000) => new Date((t += ms)) };
}

/** Everything in a draft, with every optional part filled in. */
function fullDraft(ctx: ServiceContext): ExerciseDraft {
  const base = sampleDraft();
  return sampleDraft({
    stage: 3,
    region: 'lumbar',
    position: 'side-lying',
    equipment: ['resistance-band', 'mat', 'pillow'],
    text: {
      name: 'Side-lying clam with band',
      summary: 'Strengthens the side of your hip.',
      startingPosition: 'Lie on your side, knees bent, band above the knees.',
      steps: ['Keep your feet together.', 'Open the top knee.', 'Lower slowly.'],
      cues: ['Do not roll backwards.', 'Breathe out as you open.'],
      mistakes: ['Rolling the pelvis back.'],
      precautions: ['Stop if you feel pinching in the hip.'],
    },
    dosage: {
      ...base.dosage,
      sets: 2,
      reps: 10,
      repsMax: 15,
      holdSeconds: null,
      durationSeconds: 40,
      load: 'Light band',
      tempo: '2-1-2',
      side: 'each-side',
    },
    suitability: {
      ...base.suitability,
      'post-fusion': {
        rating: 'caution',
        lock: 'surgeon-clearance',
        earliestWeek: null,
        note: 'After the surgeon clears side-lying loading.',
      },
      'post-acdf': { rating: 'suits', lock: 'week', earliestWeek: 6, note: null },
      nerve: { rating: 'modify', lock: 'none', earliestWeek: null, note: 'Smaller range.' },
    },
    tags: ['glute med', 'hip'],
    sources: [
      {
        citation: 'Distefano 2009.',
        url: 'https://example.org/distefano-2009',
        evidenceLevel: 'P',
        doi: '10.2519/jospt.2009.2796',
        pmid: '19574661',
      },
      { citation: 'Clinic protocol.', url: null, evidenceLevel: 'Pr' },
    ],
    progressionIds: [builtinId(ctx, 'L2-01')],
    regressionIds: [builtinId(ctx, 'L1-01'), builtinId(ctx, 'C1-01')],
    clinicianNotes: 'Check hip hitch.',
  });
}

function expectDraftRoundTrip(ex: Exercise, draft: ExerciseDraft): void {
  const { progressionIds, regressionIds, ...rest } = draft;
  for (const key of Object.keys(rest) as (keyof typeof rest)[]) expect(ex[key], key).toEqual(rest[key]);
  expect(ex.progressions.map((p) => p.id)).toEqual(progressionIds);
  expect(ex.regressions.map((r) => r.id)).toEqual(regressionIds);
}

describe('library through dispatch', () => {
  it('creates a clinic exercise with a new uuid and version 1', async () => {
    const c = clock();
    const { ctx } = await bootTestServices({ now: c.now });
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    expect(ex.id).toMatch(UUID);
    expect(ex).toMatchObject({
      code: null,
      origin: 'clinic',
      originBundleName: null,
      basedOnId: null,
      contentVersion: 1,
      locale: 'en',
      archived: false,
      createdAt: '2025-01-15T10:00:00.000Z',
      updatedAt: '2025-01-15T10:00:00.000Z',
      progressions: [],
      regressions: [],
      photos: [],
    });
    const again = await call(ctx, 'library.create', { draft: sampleDraft() });
    expect(again.id).not.toBe(ex.id);
  });

  it('gets back every field of the draft it was created from', async () => {
    const { ctx } = await bootTestServices();
    const draft = fullDraft(ctx);
    const created = await call(ctx, 'library.create', { draft });
    const got = await call(ctx, 'library.get', { id: created.id });
    expect(got).toEqual(created);
    expectDraftRoundTrip(got, draft);
    expect(got.progressions).toEqual([{ id: builtinId(ctx, 'L2-01'), name: 'Bird dog', stage: 2, archived: false }]);
    expect(got.regressions.map((r) => r.name)).toEqual(['Deep tummy draw-in', 'Chin nod']);
    expect(Object.keys(got.suitability).sort()).toEqual([...GENERATORS].sort());
  });

  it('gets the plain sample draft back unchanged too', async () => {
    const { ctx } = await bootTestServices();
    const draft = sampleDraft();
    const ex = await call(ctx, 'library.create', { draft });
    expectDraftRoundTrip(await call(ctx, 'library.get', { id: ex.id }), draft);
  });

  it('answers not_found for an id that is not in the library', async () => {
    const { ctx } = await bootTestServices();
    const err = await failure(ctx, 'library.get', { id: randomUUID() });
    expect(err.code).toBe('not_found');
  });

  it('updates with the current contentVersion and bumps it', async () => {
    const c = clock();
    const { ctx } = await bootTestServices({ now: c.now });
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    c.advance();
    const draft = fullDraft(ctx);
    const updated = await call(ctx, 'library.update', { id: ex.id, contentVersion: 1, draft });
    expect(updated.contentVersion).toBe(2);
    expect(updated.id).toBe(ex.id);
    expect(updated.createdAt).toBe(ex.createdAt);
    expect(updated.updatedAt).toBe('2025-01-15T10:01:00.000Z');
    expectDraftRoundTrip(updated, draft);
    expect(await call(ctx, 'library.get', { id: ex.id })).toEqual(updated);
    const third = await call(ctx, 'library.update', { id: ex.id, contentVersion: 2, draft: sampleDraft() });
    expect(third.contentVersion).toBe(3);
    expectDraftRoundTrip(third, sampleDraft());
  });

  it('refuses a stale contentVersion as a conflict and changes nothing', async () => {
    const { ctx } = await bootTestServices();
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    await call(ctx, 'library.update', { id: ex.id, contentVersion: 1, draft: sampleDraft({ clinicianNotes: 'first edit' }) });
    const before = await call(ctx, 'library.get', { id: ex.id });
    const counts = tableCounts(ctx);
    for (const stale of [1, 3]) {
      const err = await failure(ctx, 'library.update', {
        id: ex.id,
        contentVersion: stale,
        draft: sampleDraft({ clinicianNotes: 'second edit' }),
      });
      expect(err.code).toBe('conflict');
      expect(err.message).toMatch(/changed somewhere else/i);
    }
    expect(await call(ctx, 'library.get', { id: ex.id })).toEqual(before);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('refuses to change a built-in, and says to duplicate it', async () => {
    const { ctx } = await bootTestServices();
    const id = builtinId(ctx, 'L2-01');
    const before = await call(ctx, 'library.get', { id });
    const counts = tableCounts(ctx);

    const upd = await failure(ctx, 'library.update', { id, contentVersion: before.contentVersion, draft: sampleDraft() });
    expect(upd.code).toBe('read_only');
    expect(upd.message).toMatch(/duplicate/i);

    const attach = await failure(ctx, 'media.attach', { exerciseId: id, fileName: 'a.png', dataBase64: 'iVBORw0KGgo=' });
    expect(attach.code).toBe('read_only');
    expect(attach.message).toMatch(/duplicate/i);

    const remove = await failure(ctx, 'media.remove', { exerciseId: id, sha256: 'a'.repeat(64) });
    expect(remove.code).toBe('read_only');
    expect(remove.message).toMatch(/duplicate/i);

    // Archiving is refused too; the way out offered is the filters (a copy would not hide it).
    const arch = await failure(ctx, 'library.setArchived', { id, archived: true });
    expect(arch.code).toBe('read_only');
    expect(arch.message).toMatch(/built-in/i);

    expect(await call(ctx, 'library.get', { id })).toEqual(before);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('duplicates a built-in into a clinic copy, leaving the built-in unchanged', async () => {
    const c = clock();
    const { ctx } = await bootTestServices({ now: c.now });
    const id = builtinId(ctx, 'L2-01');
    const source = await call(ctx, 'library.get', { id });
    c.advance();
    const copy = await call(ctx, 'library.duplicate', { id });

    expect(copy.id).toMatch(UUID);
    expect(copy.id).not.toBe(id);
    expect(copy).toMatchObject({ origin: 'clinic', code: null, basedOnId: id, contentVersion: 1, archived: false });
    expect(copy.text).toEqual({ ...source.text, name: 'Bird dog (copy)' });
    expect(copy.regressions).toEqual(source.regressions);
    expect(copy.progressions).toEqual(source.progressions);
    expect(copy.regressions.map((r) => r.id)).toEqual([builtinId(ctx, 'L1-01')]);
    for (const key of ['stage', 'region', 'position', 'equipment', 'dosage', 'suitability', 'tags', 'sources', 'clinicianNotes'] as const) {
      expect(copy[key], key).toEqual(source[key]);
    }
    expect(copy.createdAt).toBe('2025-01-15T10:01:00.000Z');
    expect(await call(ctx, 'library.get', { id })).toEqual(source);

    // The copy is the clinic's to edit.
    const edited = await call(ctx, 'library.update', {
      id: copy.id,
      contentVersion: 1,
      draft: sampleDraft({ text: { ...sampleDraft().text, name: 'Our bird dog' } }),
    });
    expect(edited.text.name).toBe('Our bird dog');
    expect(edited.basedOnId).toBe(id);
    expect(await call(ctx, 'library.get', { id })).toEqual(source);
  });

  it('stores the other stages without the primary one, finds the exercise by either, and copies them (audit D14)', async () => {
    const { ctx } = await bootTestServices();
    const ex = await call(ctx, 'library.create', { draft: sampleDraft({ stage: 3, alsoStages: [3, 1] }) });
    expect(ex.alsoStages).toEqual([1]);
    const found = async (stages: (1 | 2 | 3 | 4)[]) =>
      (await call(ctx, 'library.search', { query: '', filters: { stages, origins: ['clinic'] } })).items.map((i) => i.id);
    expect(await found([1])).toEqual([ex.id]);
    expect(await found([3])).toEqual([ex.id]);
    expect(await found([2, 4])).toEqual([]);
    const copy = await call(ctx, 'library.duplicate', { id: ex.id });
    expect(copy.alsoStages).toEqual([1]);
    const refused = await failure(ctx, 'library.create', { draft: sampleDraft({ alsoStages: [1, 1] }) });
    expect(refused.code).toBe('invalid_argument');
    expect(refused.message).toContain('Name each other stage once');
  });

  it('keeps a duplicated long name within the 120-character limit', async () => {
    const { ctx } = await bootTestServices();
    const long = `${'Very long exercise name '.repeat(5)}`.slice(0, 120).trim();
    const ex = await call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name: long } }) });
    const copy = await call(ctx, 'library.duplicate', { id: ex.id });
    expect(copy.text.name.length).toBeLessThanOrEqual(120);
    expect(copy.text.name.endsWith(' (copy)')).toBe(true);
    // The copy's own draft is valid, so it can be saved again as is.
    const { id, contentVersion, progressions, regressions, text, ...rest } = copy;
    const resave = await dispatch(ctx, 'library.update', {
      id,
      contentVersion,
      draft: {
        clinicalName: rest.clinicalName,
        aliases: rest.aliases,
        stage: rest.stage,
        region: rest.region,
        position: rest.position,
        equipment: rest.equipment,
        text,
        dosage: rest.dosage,
        suitability: rest.suitability,
        tags: rest.tags,
        sources: rest.sources,
        progressionIds: progressions.map((p) => p.id),
        regressionIds: regressions.map((r) => r.id),
        clinicianNotes: rest.clinicianNotes,
      },
    });
    expect(resave.ok).toBe(true);
  });

  it('archives and restores a clinic exercise', async () => {
    const c = clock();
    const { ctx } = await bootTestServices({ now: c.now });
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    const countBefore = (await call(ctx, 'app.info', {})).exerciseCount;
    c.advance();
    const archived = await call(ctx, 'library.setArchived', { id: ex.id, archived: true });
    expect(archived.archived).toBe(true);
    expect(archived.updatedAt).toBe('2025-01-15T10:01:00.000Z');
    expect((await call(ctx, 'library.get', { id: ex.id })).archived).toBe(true);
    expect((await call(ctx, 'app.info', {})).exerciseCount).toBe(countBefore - 1);
    // Archiving twice is harmless.
    expect((await call(ctx, 'library.setArchived', { id: ex.id, archived: true })).archived).toBe(true);
    const restored = await call(ctx, 'library.setArchived', { id: ex.id, archived: false });
    expect(restored.archived).toBe(false);
    expect((await call(ctx, 'app.info', {})).exerciseCount).toBe(countBefore);
    // Content is untouched by archiving.
    expectDraftRoundTrip(restored, sampleDraft());
  });

  it('shows links to an archived exercise as archived', async () => {
    const { ctx } = await bootTestServices();
    const target = await call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name: 'Linked target' } }) });
    const from = await call(ctx, 'library.create', { draft: sampleDraft({ progressionIds: [target.id] }) });
    await call(ctx, 'library.setArchived', { id: target.id, archived: true });
    const got = await call(ctx, 'library.get', { id: from.id });
    expect(got.progressions).toEqual([{ id: target.id, name: 'Linked target', stage: 2, archived: true }]);
  });

  it('refuses links to unknown exercises with not_found and writes nothing', async () => {
    const { ctx } = await bootTestServices();
    const existing = await call(ctx, 'library.create', { draft: sampleDraft() });
    const before = await call(ctx, 'library.get', { id: existing.id });
    const counts = tableCounts(ctx);

    const created = await failure(ctx, 'library.create', {
      draft: sampleDraft({ progressionIds: [builtinId(ctx, 'L2-01')], regressionIds: [randomUUID()] }),
    });
    expect(created.code).toBe('not_found');
    expect(created.message).toMatch(/1 linked exercise/);
    expect(tableCounts(ctx)).toEqual(counts);

    const updated = await failure(ctx, 'library.update', {
      id: existing.id,
      contentVersion: 1,
      draft: sampleDraft({ progressionIds: [randomUUID(), randomUUID()], clinicianNotes: 'should not stick' }),
    });
    expect(updated.code).toBe('not_found');
    expect(updated.message).toMatch(/2 linked exercise/);
    expect(await call(ctx, 'library.get', { id: existing.id })).toEqual(before);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('answers not_found for duplicate, archive and update of a missing exercise', async () => {
    const { ctx } = await bootTestServices();
    const id = randomUUID();
    expect((await failure(ctx, 'library.duplicate', { id })).code).toBe('not_found');
    expect((await failure(ctx, 'library.setArchived', { id, archived: true })).code).toBe('not_found');
    expect((await failure(ctx, 'library.update', { id, contentVersion: 1, draft: sampleDraft() })).code).toBe('not_found');
  });

  describe('argument checking', () => {
    const SECRET = 'Jane Q Patient 1970-01-01';
    const good = (): { id: string; draft: ExerciseDraft } => ({ id: randomUUID(), draft: sampleDraft() });

    // For each channel: bad arguments and the field path the message must name.
    const cases: [channel: string, args: unknown, path: string][] = [
      ['app.info', { extra: SECRET }, 'arguments'],
      ['library.search', { query: 42 }, 'query'],
      ['library.search', { query: 'x'.repeat(201) }, 'query'],
      ['library.search', { filters: { stages: [9] } }, 'filters.stages.0'],
      ['library.search', { filters: { equipment: [SECRET] } }, 'filters.equipment.0'],
      ['library.search', { filters: { minRating: 'great' } }, 'filters.minRating'],
      ['library.search', { filters: { colour: 'red' } }, 'filters'],
      ['library.search', { limit: 0 }, 'limit'],
      ['library.search', { offset: -1 }, 'offset'],
      ['library.search', { sort: 'popularity' }, 'sort'],
      ['library.get', { id: SECRET }, 'id'],
      ['library.get', { id: 7 }, 'id'],
      ['library.get', {}, 'id'],
      ['library.get', { id: randomUUID(), also: 1 }, 'arguments'],
      ['library.create', { draft: { ...sampleDraft(), stage: 5 } }, 'draft.stage'],
      ['library.create', { draft: { ...sampleDraft(), text: { ...sampleDraft().text, name: '   ' } } }, 'draft.text.name'],
      ['library.create', { draft: { ...sampleDraft(), text: { ...sampleDraft().text, steps: [] } } }, 'draft.text.steps'],
      ['library.create', { draft: { ...sampleDraft(), dosage: { ...sampleDraft().dosage, sets: '3' } } }, 'draft.dosage.sets'],
      [
        'library.create',
        { draft: { ...sampleDraft(), dosage: { ...sampleDraft().dosage, reps: 12, repsMax: 8 } } },
        'draft.dosage.repsMax',
      ],
      ['library.create', { draft: { ...sampleDraft(), equipment: [] } }, 'draft.equipment'],
      ['library.create', { draft: { ...sampleDraft(), progressionIds: [SECRET] } }, 'draft.progressionIds.0'],
      ['library.create', { draft: { ...sampleDraft(), sources: [{ citation: 'x', url: 'javascript:alert(1)' }] } }, 'draft.sources.0.url'],
      [
        'library.create',
        { draft: { ...sampleDraft(), sources: [{ citation: 'x', url: null, evidenceLevel: 'A' }] } },
        'draft.sources.0.evidenceLevel',
      ],
      [
        'library.create',
        { draft: { ...sampleDraft(), sources: [{ citation: 'x', url: null, doi: 'doi:10.1/x' }] } },
        'draft.sources.0.doi',
      ],
      ['library.create', { draft: { ...sampleDraft(), sources: [{ citation: 'x', url: null, pmid: 'PMC123' }] } }, 'draft.sources.0.pmid'],
      ['library.create', { draft: { ...sampleDraft(), tags: ['<script>'] } }, 'draft.tags.0'],
      [
        'library.create',
        {
          draft: {
            ...sampleDraft(),
            suitability: { ...sampleDraft().suitability, disc: { rating: 'fine', earliestWeek: null, note: null } },
          },
        },
        'draft.suitability.disc.rating',
      ],
      ['library.create', { draft: { ...sampleDraft(), origin: 'builtin' } }, 'draft'],
      ['library.create', { draft: sampleDraft(), id: randomUUID() }, 'arguments'],
      ['library.update', { ...good(), contentVersion: 'one' }, 'contentVersion'],
      ['library.update', { ...good(), contentVersion: 0 }, 'contentVersion'],
      ['library.update', { id: SECRET, contentVersion: 1, draft: sampleDraft() }, 'id'],
      ['library.duplicate', { id: 'not-a-uuid' }, 'id'],
      ['library.setArchived', { id: randomUUID(), archived: 'yes' }, 'archived'],
      ['library.setArchived', { id: randomUUID() }, 'archived'],
      ['media.attach', { exerciseId: SECRET, fileName: 'a.png', dataBase64: 'AAAA' }, 'exerciseId'],
      ['media.attach', { exerciseId: randomUUID(), fileName: '', dataBase64: 'AAAA' }, 'fileName'],
      ['media.attach', { exerciseId: randomUUID(), fileName: 'a.png', dataBase64: 'AAAA', caption: 5 }, 'caption'],
      ['media.attach', { exerciseId: randomUUID(), fileName: 'a.png', dataBase64: 'AAAA', path: '/etc/passwd' }, 'arguments'],
      ['media.remove', { exerciseId: randomUUID(), sha256: 'A'.repeat(64) }, 'sha256'],
      ['media.remove', { exerciseId: randomUUID(), sha256: '../../etc/passwd' }, 'sha256'],
      ['drafts.save', { key: 'new', form: 'text' }, 'form'],
      ['drafts.save', { key: SECRET, form: {} }, 'key'],
      ['drafts.get', { key: 'edit:1' }, 'key'],
      ['drafts.discard', {}, 'key'],
      ['drafts.list', { also: 1 }, 'arguments'],
      ['library.setFavourite', { id: randomUUID(), favourite: 'yes' }, 'favourite'],
      ['backups.list', { all: true }, 'arguments'],
      ['backups.create', { name: 'mine' }, 'arguments'],
      ['backups.restore', { name: '../../etc/passwd' }, 'name'],
      ['backups.importAll', { replace: false }, 'replace'],
      ['library.noteOpened', { id: 'not-a-uuid' }, 'id'],
      ['library.shortlists', { also: 1 }, 'arguments'],
      ['settings.get', { also: 1 }, 'arguments'],
      ['settings.save', { settings: { ...DEFAULT_SETTINGS, email: SECRET } }, 'settings.email'],
      ['figures.get', { exerciseId: 5 }, 'exerciseId'],
      ['figures.save', { exerciseId: randomUUID(), figure: { from: SECRET, start: {}, end: {} } }, 'figure.from'],
      ['figures.remove', {}, 'exerciseId'],
      ['bundles.preview', { fileName: '', dataBase64: 'AAAA' }, 'fileName'],
      ['bundles.apply', { fileName: 'a', bundleSha256: SECRET, allConflicts: 'mine', dataBase64: 'AAAA' }, 'bundleSha256'],
      ['bundles.exportable', { also: 1 }, 'arguments'],
      ['bundles.progress', { jobId: SECRET }, 'jobId'],
      ['bundles.cancel', {}, 'jobId'],
      ['bundles.groupFolder', { also: 1 }, 'arguments'],
      ['bundles.setGroupFolder', { folder: 5 }, 'folder'],
      ['bundles.publish', { licence: SECRET }, 'licence'],
      ['bundles.checkGroup', { also: 1 }, 'arguments'],
      ['bundles.previewGroupFile', { name: '../../etc/passwd' }, 'name'],
      ['bundles.applyGroupFile', { name: '.hidden.loadwise-library', bundleSha256: 'a'.repeat(64), allConflicts: 'mine' }, 'name'],
      ['bundles.keyInfo', { also: 1 }, 'arguments'],
      ['imports.read', { fileName: '', dataBase64: 'AAAA' }, 'fileName'],
      ['imports.run', { fileName: 'a.csv', mapping: { columns: { name: SECRET } }, dataBase64: 'AAAA' }, 'mapping.useFile'],
      ['imports.mappings', { also: 1 }, 'arguments'],
      ['imports.saveMapping', { name: '', mapping: {} }, 'name'],
      ['bundles.createKey', { also: 1 }, 'arguments'],
      ['bundles.trustedList', { also: 1 }, 'arguments'],
      ['bundles.trust', { clinicName: 'North', publicKey: SECRET }, 'publicKey'],
      ['bundles.untrust', { fingerprint: SECRET }, 'fingerprint'],
      ['patients.list', { query: SECRET.repeat(10) }, 'query'],
      ['patients.get', { id: SECRET }, 'id'],
      ['patients.create', { patient: { ...samplePatient(), displayName: '' } }, 'patient.displayName'],
      ['patients.update', { id: randomUUID(), revision: 0, patient: samplePatient() }, 'revision'],
      ['patients.setArchived', { id: randomUUID(), archived: 'yes' }, 'archived'],
      ['programs.list', { patientId: SECRET }, 'patientId'],
      ['programs.create', { patientId: randomUUID(), title: '' }, 'title'],
      ['programs.get', { id: 5 }, 'id'],
      ['programs.apply', { id: randomUUID(), revision: 1, action: { type: SECRET } }, 'action.type'],
      ['programs.undo', { id: randomUUID(), revision: -1 }, 'revision'],
      ['programs.redo', { id: randomUUID() }, 'revision'],
      ['programs.issue', { id: randomUUID(), revision: 1, clinician: '' }, 'clinician'],
      ['programs.version', { id: randomUUID(), number: 0 }, 'number'],
      ['programs.setArchived', { id: randomUUID(), archived: null }, 'archived'],
      ['templates.list', { also: 1 }, 'arguments'],
      ['templates.saveFromProgram', { programId: randomUUID(), name: '' }, 'name'],
      ['templates.setArchived', { id: '../x', archived: true }, 'id'],
      ['assessments.list', { patientId: SECRET }, 'patientId'],
      ['assessments.record', { patientId: randomUUID(), measureId: 'nprs', date: SECRET }, 'date'],
      ['assessments.remove', { patientId: randomUUID(), id: SECRET }, 'id'],
      ['handouts.render', { programId: randomUUID(), version: 1, options: { language: SECRET } }, 'options.language'],
      ['handouts.renderCatalogue', { filters: { stages: [SECRET] } }, 'filters.stages.0'],
      ['handouts.recordGiven', { id: SECRET, how: 'saved' }, 'id'],
      ['handouts.listGiven', { programId: SECRET }, 'programId'],
    ];

    it.each(cases)('%s refuses %j naming %s', async (channel, args, path) => {
      const { ctx } = await bootTestServices();
      const counts = tableCounts(ctx);
      const err = await failure(ctx, channel, args);
      expect(err.code).toBe('invalid_argument');
      expect(err.message.startsWith(`${channel}: `)).toBe(true);
      expect(err.message).toMatch(new RegExp(`(^|: |; )${path.replace(/\./g, '\\.')}: `));
      expect(err.message).not.toContain(SECRET);
      expect(err.message).not.toMatch(/\n\s+at /); // no stack
      expect(tableCounts(ctx)).toEqual(counts);
    });

    it('covers every channel of the contract', () => {
      expect(new Set(cases.map(([c]) => c))).toEqual(new Set(CHANNELS));
    });

    it('refuses arguments that are not an object', async () => {
      const { ctx } = await bootTestServices();
      for (const channel of CHANNELS) {
        for (const raw of ['text', 42, [1, 2], true]) {
          const err = await failure(ctx, channel, raw);
          expect(err.code, `${channel} ${JSON.stringify(raw)}`).toBe('invalid_argument');
          expect(err.message).toMatch(new RegExp(`^${channel.replace('.', '\\.')}: arguments: `));
        }
      }
    });

    it('treats missing arguments as an empty object', async () => {
      const { ctx } = await bootTestServices();
      expect((await dispatch(ctx, 'app.info', undefined)).ok).toBe(true);
      expect((await dispatch(ctx, 'library.search', null)).ok).toBe(true);
      const err = await failure(ctx, 'library.get', undefined);
      expect(err.code).toBe('invalid_argument');
      expect(err.message).toMatch(/id: /);
    });
  });

  it('answers unknown_call for a channel that does not exist, including object built-ins', async () => {
    const { ctx } = await bootTestServices();
    for (const channel of ['library.delete', 'library', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info ']) {
      const err = await failure(ctx, channel, {});
      expect(err.code, JSON.stringify(channel)).toBe('unknown_call');
    }
    const long = await failure(ctx, 'x'.repeat(500), {});
    expect(long.message.length).toBeLessThan(120);
  });

  it('reports app.info from the booted services', async () => {
    const { ctx } = await bootTestServices();
    const info = await call(ctx, 'app.info', {});
    expect(info).toEqual({
      name: 'Loadwise',
      version: '0.0.0-test',
      schemaVersion: MIGRATIONS[MIGRATIONS.length - 1].version,
      seedVersion: 1,
      exerciseCount: 3,
      transport: 'browser',
    });
  });

  it('keeps clinic exercises when the data folder is reopened', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const first = await bootTestServices({ dataDir, seedDir });
    const draft = fullDraft(first.ctx);
    const ex = await call(first.ctx, 'library.create', { draft });
    const archived = await call(first.ctx, 'library.create', { draft: sampleDraft() });
    await call(first.ctx, 'library.setArchived', { id: archived.id, archived: true });
    const updated = await call(first.ctx, 'library.update', { id: ex.id, contentVersion: 1, draft });
    const counts = tableCounts(first.ctx);
    first.close();

    const second = await bootTestServices({ dataDir, seedDir });
    expect(await call(second.ctx, 'library.get', { id: ex.id })).toEqual(updated);
    expect((await call(second.ctx, 'library.get', { id: archived.id })).archived).toBe(true);
    expect(tableCounts(second.ctx)).toEqual(counts);
    const found = await call(second.ctx, 'library.search', { query: 'clam' });
    expect(found.items.map((i) => i.id)).toEqual([ex.id]);
  });
});
