// The one contract: every channel reaches a handler through the shared dispatcher, every
// argument schema is closed, and every error code a service can produce is in the closed list.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../services/dispatch';
import { CHANNELS, contract, DEFAULT_SETTINGS, isChannel, type Channel } from '../../../../common/contract';
import { ERROR_CODES } from '../../../../common/contract/result';
import { bootTestServices, sampleDraft } from '../../../support/fixtures';
import { repoRoot } from '../../../support/repo';
import { samplePatient } from '../../../support/patients';

const root = repoRoot;
const ID = '0b0e0c11-1111-4111-8111-111111111111';
const SHA = 'a'.repeat(64);

/** One valid argument object per channel. A new channel fails the test below until added here. */
const VALID_ARGS: Record<Channel, Record<string, unknown>> = {
  'app.info': {},
  'library.search': { query: 'bird', limit: 5 },
  'library.get': { id: ID },
  'library.create': { draft: sampleDraft() },
  'library.update': { id: ID, contentVersion: 1, draft: sampleDraft() },
  'library.duplicate': { id: ID },
  'library.setArchived': { id: ID, archived: true },
  'library.setFavourite': { id: ID, favourite: true },
  'library.noteOpened': { id: ID },
  'library.shortlists': {},
  'media.attach': { exerciseId: ID, fileName: 'photo.png' },
  'media.remove': { exerciseId: ID, sha256: SHA },
  'drafts.save': { key: 'new', form: { name: 'Half-typed' } },
  'drafts.get': { key: `edit:${ID}` },
  'drafts.discard': { key: `copy:${ID}` },
  'drafts.list': {},
  'backups.list': {},
  'backups.create': {},
  'backups.restore': { name: 'loadwise-20250101-120000000-00-manual.db' },
  'backups.importAll': { replace: true },
  'settings.get': {},
  'settings.save': { settings: { ...DEFAULT_SETTINGS, clinicName: 'Riverside Rehab', roleNoun: 'chiropractor' } },
  'patients.list': { query: 'J' },
  'patients.get': { id: ID },
  'patients.create': { patient: samplePatient() },
  'patients.update': { id: ID, revision: 1, patient: samplePatient() },
  'patients.setArchived': { id: ID, archived: true },
  'programs.list': { patientId: ID },
  'programs.create': { patientId: ID, title: 'Back program' },
  'programs.get': { id: ID },
  'programs.apply': { id: ID, revision: 1, action: { type: 'remove-item', itemId: ID } },
  'programs.undo': { id: ID, revision: 1 },
  'programs.redo': { id: ID, revision: 1 },
  'programs.issue': { id: ID, revision: 1, clinician: 'A. Clinician' },
  'programs.version': { id: ID, number: 1 },
  'programs.setArchived': { id: ID, archived: true },
  'templates.list': {},
  'templates.saveFromProgram': { programId: ID, name: 'Our fusion program' },
  'templates.setArchived': { id: 'clinic-x', archived: true },
  'assessments.list': { patientId: ID },
  'assessments.record': { patientId: ID, measureId: 'nprs', date: '2026-03-01', value: 4 },
  'assessments.remove': { patientId: ID, id: ID },
  'bundles.preview': { fileName: 'Shared.loadwise-library' },
  'bundles.apply': { fileName: 'Shared.loadwise-library', bundleSha256: 'a'.repeat(64), allConflicts: 'mine' },
  'bundles.exportable': {},
  'bundles.progress': { jobId: ID },
  'bundles.cancel': { jobId: ID },
  'bundles.groupFolder': {},
  'bundles.setGroupFolder': { folder: '/Volumes/Clinic/Loadwise' },
  'bundles.publish': { licence: 'cc-by-4.0' },
  'bundles.checkGroup': {},
  'bundles.previewGroupFile': { name: 'North Spine Clinic 3f2a91c0aa11.loadwise-library' },
  'bundles.applyGroupFile': { name: 'North.loadwise-library', bundleSha256: 'a'.repeat(64), allConflicts: 'mine' },
  'bundles.keyInfo': {},
  'imports.read': { fileName: 'Exercises.csv' },
  'imports.run': {
    fileName: 'Exercises.csv',
    mapping: {
      columns: { name: 'Name' },
      useFile: { stage: false, region: false, ratings: false },
      defaults: { stage: 1, region: 'lumbar', position: 'standing' },
    },
  },
  'imports.mappings': {},
  'imports.saveMapping': {
    name: 'From our spreadsheet',
    mapping: {
      columns: { name: 'Name' },
      useFile: { stage: false, region: false, ratings: false },
      defaults: { stage: 1, region: 'lumbar', position: 'standing' },
    },
  },
  'bundles.createKey': {},
  'bundles.trustedList': {},
  'bundles.trust': { clinicName: 'North Clinic', publicKey: `${'A'.repeat(43)}=` },
  'bundles.untrust': { fingerprint: 'b'.repeat(64) },
  'handouts.render': { programId: ID, version: 1, options: { largePrint: true, language: 'en+es', paper: 'a4' } },
  'handouts.renderCatalogue': { query: 'bridge', filters: { stages: [1], generators: ['disc'] }, sort: 'stage', paper: 'a4' },
  'handouts.recordGiven': { id: 'c'.repeat(43), how: 'printed' },
  'handouts.listGiven': { programId: ID },
  'figures.get': { exerciseId: ID },
  'figures.save': { exerciseId: ID, figure: { from: 'L2-06', start: { hipFlexR: 45, kneeFlexR: 100 }, end: { hipFlexR: 0 } } },
  'figures.remove': { exerciseId: ID },
};

describe('contract', () => {
  it('CHANNELS lists exactly the contract keys, each a domain.verb name', () => {
    expect(CHANNELS).toEqual(Object.keys(contract));
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('has a valid example for every channel in this test', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...CHANNELS].sort());
  });

  it('isChannel knows no inherited or look-alike names', () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'APP.INFO',
      'app.info ',
      ' app.info',
      'app',
      '',
    ]) {
      expect(isChannel(name), name).toBe(false);
    }
    for (const c of CHANNELS) expect(isChannel(c)).toBe(true);
  });

  describe.each(CHANNELS)('%s', (channel) => {
    const schema = contract[channel].args;

    it('accepts its valid example', () => {
      const parsed = schema.safeParse(VALID_ARGS[channel]);
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    });

    it('is strict: an unknown key is refused by the schema and by dispatch', async () => {
      const withExtra = { ...VALID_ARGS[channel], unexpected: 1 };
      expect(schema.safeParse(withExtra).success).toBe(false);
      const { ctx } = await bootTestServices();
      const result = await dispatch(ctx, channel, withExtra);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    });

    it('is handled by dispatch: {} never answers unknown_call', async () => {
      const { ctx } = await bootTestServices();
      const result = await dispatch(ctx, channel, {});
      if (schema.safeParse({}).success) {
        // {} is complete with its defaults: the handler answers it.
        expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
      } else {
        // Refused by its schema, in words that name the call.
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
        expect(result.ok ? '' : result.error.message).toMatch(new RegExp(`^${channel.replace('.', '\\.')}: `));
      }
    });

    it('refuses non-object arguments', async () => {
      const { ctx } = await bootTestServices();
      for (const raw of [[], 'x', 42, true]) {
        const result = await dispatch(ctx, channel, raw);
        expect(result, JSON.stringify(raw)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      }
    });
  });

  it('answers app.info and library.search with {} (all defaults)', async () => {
    const { ctx } = await bootTestServices();
    const info = await dispatch(ctx, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Loadwise', transport: 'browser', exerciseCount: 3 } });
    const search = await dispatch(ctx, 'library.search', {});
    expect(search).toMatchObject({ ok: true, value: { total: 3, totalIsCapped: false } });
    expect((search as { value: { items: unknown[] } }).value.items).toHaveLength(3);
  });

  it('treats a missing argument (undefined / null) as {}', async () => {
    const { ctx } = await bootTestServices();
    expect((await dispatch(ctx, 'app.info', undefined)).ok).toBe(true);
    expect((await dispatch(ctx, 'app.info', null)).ok).toBe(true);
    expect((await dispatch(ctx, 'library.search', null)).ok).toBe(true);
  });

  it('is strict in nested objects too (search filters, exercise drafts)', async () => {
    const { ctx } = await bootTestServices();
    const filters = await dispatch(ctx, 'library.search', { filters: { stages: [1], sneaky: true } });
    expect(filters.ok ? 'ok' : filters.error.code).toBe('invalid_argument');
    const draft = await dispatch(ctx, 'library.create', { draft: { ...sampleDraft(), sneaky: true } });
    expect(draft.ok ? 'ok' : draft.error.code).toBe('invalid_argument');
    const text = await dispatch(ctx, 'library.create', { draft: { ...sampleDraft(), text: { ...sampleDraft().text, html: '<b>' } } });
    expect(text.ok ? 'ok' : text.error.code).toBe('invalid_argument');
  });

  it('answers unknown_call for names that are not channels, including inherited ones', async () => {
    const { ctx } = await bootTestServices();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'APP.INFO', 'x'.repeat(500)]) {
      const result = await dispatch(ctx, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
      expect(result.ok ? '' : result.error.message).toMatch(/^.{1,119}$/);
    }
  });

  it('never echoes argument values in its messages', async () => {
    const { ctx } = await bootTestServices();
    const canary = 'ZZ-CANARY-7f3a';
    const results = await Promise.all([
      dispatch(ctx, 'library.get', { id: canary }),
      dispatch(ctx, 'library.search', { query: canary.repeat(20) }),
      dispatch(ctx, 'library.search', { filters: { regions: [canary] } }),
      dispatch(ctx, 'media.get', { sha256: canary }),
    ]);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain(canary);
    }
  });

  it('gets a real round trip through dispatch: create, then get by id', async () => {
    const { ctx } = await bootTestServices();
    const created = await dispatch(ctx, 'library.create', { draft: sampleDraft() });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const got = await dispatch(ctx, 'library.get', { id });
    expect(got).toMatchObject({ ok: true, value: { id, text: { name: 'Test bird dog' } } });
    const missing = await dispatch(ctx, 'library.get', { id: randomUUID() });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });
});

describe('ERROR_CODES', () => {
  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(p);
      return /\.tsx?$/.test(e.name) ? [p] : [];
    });
  }

  it('is a closed list of distinct snake_case codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const c of ERROR_CODES) expect(c).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('contains every code the services and the dispatcher produce', () => {
    const files = [
      ...sourceFiles(path.join(root, 'services')),
      ...sourceFiles(path.join(root, 'db')),
      ...sourceFiles(path.join(root, 'browser-mode')),
    ];
    const produced = new Map<string, string>();
    let constructions = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      constructions += (text.match(/new ServiceError\(/g) ?? []).length;
      for (const m of text.matchAll(/new ServiceError\(\s*'([^']*)'/g)) produced.set(m[1], path.relative(root, file));
      for (const m of text.matchAll(/\bfail\(\s*'([^']*)'/g)) produced.set(m[1], path.relative(root, file));
    }
    // Every construction names its code as a literal, so the grep sees all of them.
    const literal = files.reduce((n, f) => n + [...fs.readFileSync(f, 'utf8').matchAll(/new ServiceError\(\s*'[^']*'/g)].length, 0);
    expect(literal).toBe(constructions);
    expect(produced.size).toBeGreaterThanOrEqual(5);
    for (const [code, file] of produced) expect(ERROR_CODES, `${code} in ${file}`).toContain(code);
  });
});
