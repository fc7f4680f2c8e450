// Programs through dispatch on a real SQLite file: create, apply actions with revisions, undo and
// redo that survive a restart, issue versions after the safety check, and read the differences.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootTestServices, sampleDraft, tempDir, writeSeed } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';
import { samplePatient, sampleSurgery } from '../../../support/patients';
import type { ServiceContext } from '../../../../services/context';
import type { ProgramAction } from '../../../../common/domain/program';
import type { Template } from '../../../../common/domain/template';

const NOW = new Date('2026-11-29T10:00:00');

/** A resources folder with a small seed and, beside it, one built-in template. */
function resourcesWithTemplate(template?: Template): string {
  const root = tempDir('loadwise-resources-');
  const seed = writeSeed(path.join(root, 'seed'), 1, [
    { code: 'L1-01', name: 'Deep tummy draw-in' },
    { code: 'L2-01', name: 'Bird dog' },
    { code: 'L2-03', name: 'Side bridge' },
    { code: 'C1-01', name: 'Chin nod' },
  ]);
  if (template) {
    fs.mkdirSync(path.join(root, 'templates'));
    fs.writeFileSync(path.join(root, 'templates', 'manifest.json'), JSON.stringify({ templatesVersion: 1, files: ['t.json'] }));
    fs.writeFileSync(path.join(root, 'templates', 't.json'), JSON.stringify(template));
  }
  return seed;
}

const stage = (n: 1 | 2 | 3 | 4, codes: string[]) => ({
  stage: n,
  goals: '',
  plannedWeeks: 3,
  entryNote: '',
  extraExit: [],
  items: codes.map((code) => ({ code, exerciseId: null, dosage: {}, variant: null, patientNote: null, clinicianNote: null })),
});

const TEMPLATE: Template = {
  id: 't-test',
  version: 1,
  name: 'Test template',
  description: 'For tests',
  region: 'lumbar',
  suitedTo: '',
  clinicianNotes: '',
  painRule: null,
  stages: [stage(1, ['L1-01', 'L1-99']), stage(2, ['L2-01', 'L2-03']), stage(3, []), stage(4, [])],
};

async function setUp(options: { template?: Template; dataDir?: string } = {}) {
  const services = await bootTestServices({ seedDir: resourcesWithTemplate(options.template), now: () => NOW, dataDir: options.dataDir });
  const ctx = services.ctx;
  const patient = await call(ctx, 'patients.create', { patient: samplePatient() });
  return { services, ctx, patient };
}

async function exerciseId(ctx: ServiceContext, code: string): Promise<string> {
  const found = await call(ctx, 'library.search', { query: code, limit: 5 });
  const hit = found.items.find((i) => i.code === code);
  if (!hit) throw new Error(`no ${code}`);
  return hit.id;
}

describe('programs', () => {
  it('creates a blank program with four stages and the default gates', async () => {
    const { ctx, patient } = await setUp();
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'Back program' });
    expect(program.doc.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4]);
    expect(program.doc.currentStage).toBe(1);
    expect(program.doc.stages[0]?.exit.required.length).toBeGreaterThan(0);
    expect(program.revision).toBe(1);
    expect(program.history).toEqual({ undo: null, redo: null });
    expect(program.changedSinceIssue).toBe(true);
    const listed = await call(ctx, 'programs.list', { patientId: patient.id });
    expect(listed.map((p) => p.title)).toEqual(['Back program']);
  });

  it('applies actions with revisions, refuses a stale revision, and answers the added exercise', async () => {
    const { ctx, patient } = await setUp();
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'P' });
    const itemId = randomUUID();
    const add: ProgramAction = { type: 'add-item', stage: 1, itemId, exerciseId: await exerciseId(ctx, 'L1-01') };
    const step = await call(ctx, 'programs.apply', { id: program.id, revision: 1, action: add });
    expect(step.revision).toBe(2);
    expect(step.exercise?.code).toBe('L1-01');
    expect(step.history.undo).toBe('add exercise');

    const stale = await failure(ctx, 'programs.apply', { id: program.id, revision: 1, action: { type: 'remove-item', itemId } });
    expect(stale.code).toBe('conflict');
    const gone = await failure(ctx, 'programs.apply', {
      id: program.id,
      revision: 2,
      action: { type: 'remove-item', itemId: randomUUID() },
    });
    expect(gone).toMatchObject({ code: 'invalid_argument', message: 'That exercise is no longer in the program.' });

    const after = await call(ctx, 'programs.get', { id: program.id });
    expect(after.revision).toBe(2);
    expect(after.doc.stages[0]?.items.map((i) => i.id)).toEqual([itemId]);
    expect(Object.keys(after.exercises)).toEqual([add.exerciseId]);
  });

  it('refuses a dose out of range before anything is saved', async () => {
    const { ctx, patient } = await setUp();
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'P' });
    const itemId = randomUUID();
    await call(ctx, 'programs.apply', {
      id: program.id,
      revision: 1,
      action: { type: 'add-item', stage: 1, itemId, exerciseId: await exerciseId(ctx, 'L1-01') },
    });
    const bad = await failure(ctx, 'programs.apply', {
      id: program.id,
      revision: 2,
      action: { type: 'set-dosage', itemId, dosage: { sets: 99 } },
    });
    expect(bad.code).toBe('invalid_argument');
    expect(bad.message).toMatch(/sets/);
    expect((await call(ctx, 'programs.get', { id: program.id })).revision).toBe(2);
  });

  it('undoes and redoes, and the history survives a restart', async () => {
    const dataDir = tempDir();
    const first = await setUp({ dataDir });
    const { ctx, patient } = first;
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'P' });
    const itemId = randomUUID();
    await call(ctx, 'programs.apply', {
      id: program.id,
      revision: 1,
      action: { type: 'add-item', stage: 1, itemId, exerciseId: await exerciseId(ctx, 'L1-01') },
    });
    await call(ctx, 'programs.apply', { id: program.id, revision: 2, action: { type: 'set-dosage', itemId, dosage: { reps: 12 } } });
    await first.services.close();

    const again = await bootTestServices({ dataDir, seedDir: first.ctx.seedDir, now: () => NOW });
    const ctx2 = again.ctx;
    const before = await call(ctx2, 'programs.get', { id: program.id });
    expect(before.history).toEqual({ undo: 'dose change', redo: null });
    const undone = await call(ctx2, 'programs.undo', { id: program.id, revision: before.revision });
    expect(undone.doc.stages[0]?.items[0]?.dosage).toEqual({});
    expect(undone.history).toEqual({ undo: 'add exercise', redo: 'dose change' });
    const redone = await call(ctx2, 'programs.redo', { id: program.id, revision: undone.revision });
    expect(redone.doc.stages[0]?.items[0]?.dosage).toEqual({ reps: 12 });
    const twice = await call(ctx2, 'programs.undo', { id: program.id, revision: redone.revision });
    const thrice = await call(ctx2, 'programs.undo', { id: program.id, revision: twice.revision });
    expect(thrice.doc.stages[0]?.items).toEqual([]);
    const nothing = await failure(ctx2, 'programs.undo', { id: program.id, revision: thrice.revision });
    expect(nothing.message).toBe('There is nothing to undo.');
    // A new change clears what could be redone.
    await call(ctx2, 'programs.apply', {
      id: program.id,
      revision: thrice.revision,
      action: { type: 'update-program', patch: { title: 'Q' } },
    });
    expect((await call(ctx2, 'programs.get', { id: program.id })).history.redo).toBeNull();
  });

  it('issues a version only when every flag is acknowledged, then shows what changed in version 2', async () => {
    const { ctx, patient } = await setUp();
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'P' });
    const a = randomUUID();
    const b = randomUUID();
    let rev = 1;
    const apply = async (action: ProgramAction) => {
      rev = (await call(ctx, 'programs.apply', { id: program.id, revision: rev, action })).revision;
    };
    await apply({ type: 'add-item', stage: 1, itemId: a, exerciseId: await exerciseId(ctx, 'L1-01') });

    const empty = await call(ctx, 'programs.create', { patientId: patient.id, title: 'Empty' });
    expect((await failure(ctx, 'programs.issue', { id: empty.id, revision: 1, clinician: 'A' })).message).toMatch(/at least one exercise/);

    const v1 = await call(ctx, 'programs.issue', { id: program.id, revision: rev, clinician: 'Dr. A' });
    expect(v1).toMatchObject({ issued: true, version: { number: 1, clinician: 'Dr. A', itemCount: 1, stage: 1 } });
    expect((await call(ctx, 'programs.get', { id: program.id })).changedSinceIssue).toBe(false);

    await apply({ type: 'add-item', stage: 2, itemId: b, exerciseId: await exerciseId(ctx, 'L2-01') });
    await apply({ type: 'set-dosage', itemId: a, dosage: { reps: 15 } });
    await apply({ type: 'change-stage', to: 2, date: '2026-11-29', reason: 'Gate met' });
    const state = await call(ctx, 'programs.get', { id: program.id });
    expect(state.changedSinceIssue).toBe(true);
    const v2 = await call(ctx, 'programs.issue', { id: program.id, revision: rev, clinician: 'Dr. A' });
    expect(v2.issued).toBe(true);
    const read = await call(ctx, 'programs.version', { id: program.id, number: 2 });
    const texts = read.changes.map((c) => c.text);
    expect(texts).toContain('Added Bird dog to stage 2 (controlled loading).');
    expect(
      texts.some((t) => t.startsWith('Moved on from stage 1 (stabilizer activation) to stage 2 (controlled loading). Reason: Gate met')),
    ).toBe(true);
    expect(texts.some((t) => t.startsWith('Changed how to do Deep tummy draw-in: now 3 × 15'))).toBe(true);
    expect((await call(ctx, 'programs.version', { id: program.id, number: 1 })).changes).toEqual([]);
    expect((await failure(ctx, 'programs.version', { id: program.id, number: 3 })).code).toBe('not_found');
  });

  it('blocks issuing on an emergency red flag, whatever is acknowledged', async () => {
    const { ctx } = await setUp();
    const patient = samplePatient();
    patient.clinical.redFlags.emergency['cauda-equina'] = 'yes';
    const p = await call(ctx, 'patients.create', { patient });
    const program = await call(ctx, 'programs.create', { patientId: p.id, title: 'P' });
    await call(ctx, 'programs.apply', {
      id: program.id,
      revision: 1,
      action: { type: 'add-item', stage: 1, itemId: randomUUID(), exerciseId: await exerciseId(ctx, 'L1-01') },
    });
    const out = await call(ctx, 'programs.issue', { id: program.id, revision: 2, clinician: 'A' });
    expect(out.issued).toBe(false);
    if (out.issued) return;
    expect(out.blocks.map((f) => f.kind)).toContain('red-flag-emergency');
  });

  it('needs an acknowledgement for a time-locked item after fusion, and issues once it is acknowledged', async () => {
    const { ctx } = await setUp();
    const patient = samplePatient(
      {},
      {
        pspsType: 2,
        generators: [],
        surgeries: [sampleSurgery({ date: '2026-10-04', clearance: { status: 'cleared', date: '2026-11-01', note: null } })],
      },
    );
    const p = await call(ctx, 'patients.create', { patient });
    const program = await call(ctx, 'programs.create', { patientId: p.id, title: 'P' });
    const itemId = randomUUID();
    const base = sampleDraft();
    const locked = await call(ctx, 'library.create', {
      draft: {
        ...base,
        suitability: { ...base.suitability, 'post-fusion': { rating: 'caution', lock: 'week', earliestWeek: 12, note: null } },
      },
    });
    const sideBridge = locked.id;
    let rev = (
      await call(ctx, 'programs.apply', {
        id: program.id,
        revision: 1,
        action: { type: 'add-item', stage: 1, itemId, exerciseId: sideBridge },
      })
    ).revision;
    const out = await call(ctx, 'programs.issue', { id: program.id, revision: rev, clinician: 'A' });
    expect(out.issued).toBe(false);
    if (out.issued) return;
    expect(out.blocks).toEqual([]);
    expect(out.unacknowledged.map((f) => f.kind)).toContain('time-lock');
    for (const f of out.unacknowledged) {
      rev = (
        await call(ctx, 'programs.apply', {
          id: program.id,
          revision: rev,
          action: { type: 'acknowledge', flagId: f.id, note: 'Discussed with the surgeon', date: '2026-11-29' },
        })
      ).revision;
    }
    const issued = await call(ctx, 'programs.issue', { id: program.id, revision: rev, clinician: 'A' });
    expect(issued.issued).toBe(true);
    const version = await call(ctx, 'programs.version', { id: program.id, number: 1 });
    expect(version.exercises[sideBridge]?.clinicalName).toBe(locked.clinicalName);
    expect(version.flags.items[0]?.flags.map((f) => f.kind)).toContain('time-lock');
  });

  it('starts from a built-in template, reporting codes the library lacks, and saves a clinic template without patient notes', async () => {
    const { ctx, patient } = await setUp({ template: TEMPLATE });
    const templates = await call(ctx, 'templates.list', {});
    expect(templates).toEqual([expect.objectContaining({ id: 't-test', origin: 'builtin', itemCount: 4, missingCodes: ['L1-99'] })]);
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'From template', templateId: 't-test' });
    expect(program.doc.stages.map((s) => s.items.length)).toEqual([1, 2, 0, 0]);
    expect(program.templateId).toBe('t-test');
    const itemId = program.doc.stages[0]!.items[0]!.id;
    const rev = (
      await call(ctx, 'programs.apply', {
        id: program.id,
        revision: 1,
        action: { type: 'update-item', itemId, patch: { patientNote: 'Jane: do these before work' } },
      })
    ).revision;
    expect(rev).toBe(2);
    const saved = await call(ctx, 'templates.saveFromProgram', { programId: program.id, name: 'Our program' });
    expect(saved).toMatchObject({ origin: 'clinic', itemCount: 3 });
    const row = ctx.db.prepare('SELECT doc FROM clinic_templates').get() as { doc: string };
    expect(row.doc).not.toContain('Jane');
    const fromClinic = await call(ctx, 'programs.create', { patientId: patient.id, title: 'Second', templateId: saved.id });
    expect(fromClinic.doc.stages.map((s) => s.items.length)).toEqual([1, 2, 0, 0]);
    expect((await failure(ctx, 'templates.setArchived', { id: 't-test', archived: true })).code).toBe('read_only');
    await call(ctx, 'templates.setArchived', { id: saved.id, archived: true });
    expect((await call(ctx, 'templates.list', {})).map((t) => t.id)).toEqual(['t-test']);
  });

  it('refuses a program for a patient that does not exist, and archives programs', async () => {
    const { ctx, patient } = await setUp();
    expect((await failure(ctx, 'programs.create', { patientId: randomUUID(), title: 'P' })).code).toBe('not_found');
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'P' });
    await call(ctx, 'programs.setArchived', { id: program.id, archived: true });
    expect(await call(ctx, 'programs.list', { patientId: patient.id })).toEqual([]);
    expect((await call(ctx, 'programs.list', { patientId: patient.id, includeArchived: true }))[0]?.archived).toBe(true);
  });
});
