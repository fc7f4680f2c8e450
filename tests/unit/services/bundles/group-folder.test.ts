// A clinic group without a server, on real libraries: two data folders (two workstations) and one
// shared folder. Each names the folder; each publishes its signed bundle under a name of its own;
// a workstation lists what is new from trusted clinics (its own file as its own, an untrusted one
// as such), imports through the same preview and apply, and then sees it as imported. A half-synced
// file is listed with its reason and read again at the next check; temporary names of a publish in
// progress are never listed. The published file holds no patient data. Two processes publishing
// into the folder at the same time, many times, leave exactly two whole files and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type GroupFile } from '../../../../common/contract';
import type { Result } from '../../../../common/contract/result';
import type { ServiceContext } from '../../../../services/context';
import { GROUP_CONFIG_FILE } from '../../../../services/bundles/group-folder';
import { call, failure } from '../../../support/call';
import { postCall, startCli } from '../../../support/cli-process';
import { bootTestServices, sampleDraft, tempDir } from '../../../support/fixtures';
import { samplePatient } from '../../../support/patients';
import { buildClinicLibrary } from '../../../support/bundles';

const statusOf = (files: GroupFile[]): Record<string, string> => Object.fromEntries(files.map((f) => [f.clinicName ?? f.name, f.status]));

async function workstation(clinic: string, shared: string): Promise<ServiceContext> {
  const { ctx } = await bootTestServices();
  await buildClinicLibrary(ctx, clinic);
  expect(await call(ctx, 'bundles.setGroupFolder', { folder: shared })).toEqual({ folder: shared });
  return ctx;
}

describe('clinic group shared folder', () => {
  it('publishes, lists what is new from trusted clinics, imports through the preview, and then lists it as imported', async () => {
    const shared = tempDir('loadwise-group-');
    const north = await workstation('North Spine Clinic', shared);
    const south = await workstation('South Rehab', shared);

    const published = await call(north, 'bundles.publish', { licence: 'cc-by-4.0' });
    expect(published.fingerprint).toMatch(/^[a-f0-9]{64}$/); // always signed
    expect(published.fileName).toBe(`North Spine Clinic ${published.fingerprint!.slice(0, 12)}.loadwise-library`);
    await call(south, 'bundles.publish', { licence: 'cc0-1.0' });
    expect(fs.readdirSync(shared).sort()).toHaveLength(2); // no temporary file left beside them

    // Not trusted yet: listed, not offered.
    expect(statusOf((await call(south, 'bundles.checkGroup', {})).files)).toEqual({
      'North Spine Clinic': 'untrusted',
      'South Rehab': 'yours',
    });
    const northKey = await call(north, 'bundles.keyInfo', {});
    await call(south, 'bundles.trust', { clinicName: 'North (Dr Lee)', publicKey: northKey.publicKey! });
    const check = await call(south, 'bundles.checkGroup', {});
    expect(check.folder).toBe(shared);
    const offered = check.files.find((f) => f.status === 'new')!;
    expect(offered).toMatchObject({ name: published.fileName, clinicName: 'North (Dr Lee)', counts: published.counts, problem: null });

    const preview = await call(south, 'bundles.previewGroupFile', { name: offered.name });
    expect(preview.signature).toMatchObject({ state: 'trusted', trustedAs: 'North (Dr Lee)' });
    const result = await call(south, 'bundles.applyGroupFile', {
      name: offered.name,
      bundleSha256: preview.bundleSha256,
      allConflicts: 'mine',
    });
    expect(result.added).toBe(preview.items.length);
    expect(statusOf((await call(south, 'bundles.checkGroup', {})).files)).toEqual({ 'North (Dr Lee)': 'imported', 'South Rehab': 'yours' });
    expect(fs.readdirSync(path.join(south.dataDir, 'staging'))).toEqual([]); // imported from a copy, removed after

    // A newer publication from North is new again.
    const ex = (await call(north, 'library.search', { query: 'Wall slide hold', limit: 1 })).items[0];
    const full = await call(north, 'library.get', { id: ex.id });
    const { toDraft } = await import('../../../../db/queries/exercises');
    await call(north, 'library.update', {
      id: ex.id,
      contentVersion: full.contentVersion,
      draft: { ...toDraft(full), clinicianNotes: 'v2' },
    });
    await call(north, 'bundles.publish', { licence: 'cc-by-4.0' });
    expect(statusOf((await call(south, 'bundles.checkGroup', {})).files)['North (Dr Lee)']).toBe('new');
    expect(fs.readdirSync(shared)).toHaveLength(2); // replaced in place, one file per workstation
  });

  it('skips a half-synced file with its reason and reads it again at the next check; never lists temporary names', async () => {
    const shared = tempDir('loadwise-group-');
    const north = await workstation('North Spine Clinic', shared);
    const south = await workstation('South Rehab', shared);
    const published = await call(north, 'bundles.publish', { licence: 'cc-by-4.0' });
    await call(south, 'bundles.trust', { clinicName: 'North', publicKey: (await call(north, 'bundles.keyInfo', {})).publicKey! });
    const whole = fs.readFileSync(path.join(shared, published.fileName));
    fs.rmSync(path.join(shared, published.fileName));
    // What a sync tool shows while the file is still arriving: the first half under its name.
    fs.writeFileSync(path.join(shared, published.fileName), whole.subarray(0, whole.length >> 1));
    fs.writeFileSync(path.join(shared, `.${published.fileName}.0b1c.part`), whole.subarray(0, 100));
    const first = (await call(south, 'bundles.checkGroup', {})).files;
    expect(first).toEqual([
      expect.objectContaining({
        name: published.fileName,
        status: 'unreadable',
        problem: expect.stringMatching(new RegExp(`^“${published.fileName}” was not imported: `)),
      }),
    ]);
    expect(await failure(south, 'bundles.previewGroupFile', { name: published.fileName })).toMatchObject({ code: 'unsupported_media' });
    fs.writeFileSync(path.join(shared, published.fileName), whole);
    expect((await call(south, 'bundles.checkGroup', {})).files).toEqual([expect.objectContaining({ status: 'new' })]);
  });

  it('refuses a folder that is not one, inside the data folder, or a relative path; names nothing outside the folder', async () => {
    const { ctx } = await bootTestServices();
    const file = path.join(tempDir('loadwise-group-'), 'note.txt');
    fs.writeFileSync(file, 'x');
    expect(await failure(ctx, 'bundles.setGroupFolder', { folder: 'relative/path' })).toMatchObject({ code: 'invalid_argument' });
    expect(await failure(ctx, 'bundles.setGroupFolder', { folder: file })).toMatchObject({ code: 'invalid_argument' });
    expect(await failure(ctx, 'bundles.setGroupFolder', { folder: ctx.dataDir })).toMatchObject({
      code: 'invalid_argument',
    });
    expect(await failure(ctx, 'bundles.setGroupFolder', { folder: '/no/such/folder/here' })).toMatchObject({ code: 'not_found' });
    expect(await call(ctx, 'bundles.checkGroup', {})).toMatchObject({ folder: null, files: [] });
    expect(await failure(ctx, 'bundles.publish', { licence: 'cc0-1.0' })).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('Settings'),
    });
    const shared = tempDir('loadwise-group-');
    await call(ctx, 'bundles.setGroupFolder', { folder: shared });
    // Kept in the data folder, for this computer only.
    expect(JSON.parse(fs.readFileSync(path.join(ctx.dataDir, GROUP_CONFIG_FILE), 'utf8'))).toMatchObject({ folder: shared });
    fs.symlinkSync('/etc/hostname', path.join(shared, 'link.loadwise-library'));
    expect((await call(ctx, 'bundles.checkGroup', {})).files).toEqual([]);
    expect(await failure(ctx, 'bundles.previewGroupFile', { name: 'link.loadwise-library' })).toMatchObject({ code: 'invalid_argument' });
    expect(await call(ctx, 'bundles.setGroupFolder', { folder: null })).toEqual({ folder: null });
  });

  it('never puts patient data in the published file: a planted name, note and date of birth appear in no byte', async () => {
    const shared = tempDir('loadwise-group-');
    const ctx = await workstation('North Spine Clinic', shared);
    const planted = { name: 'Zebediah Quartermaine-Canary', note: 'ZZ-CANARY-7f3a sleeps badly after the fall', dob: '1961-07-23' };
    const patient = await call(ctx, 'patients.create', {
      patient: samplePatient({ displayName: planted.name, fullName: planted.name, dateOfBirth: planted.dob, notes: planted.note }),
    });
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: `Program for ${planted.name}` });
    await call(ctx, 'templates.saveFromProgram', { programId: program.id, name: 'Blank stages' });
    const published = await call(ctx, 'bundles.publish', { licence: 'cc-by-4.0' });
    const bytes = fs.readFileSync(path.join(shared, published.fileName));
    const inflated = Object.values(unzipSync(new Uint8Array(bytes))).map((b) => Buffer.from(b));
    for (const needle of [planted.name, 'Quartermaine', planted.note, 'ZZ-CANARY-7f3a', planted.dob, patient.id, program.id]) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
      for (const b of inflated) expect(b.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });

  it(
    'two workstations (processes) publishing at the same time, again and again, leave two whole files and nothing else',
    { timeout: 120_000 },
    async (ctx) => {
      const shared = tempDir('loadwise-group-');
      const runs = await Promise.all(
        ['North Spine Clinic', 'South Rehab'].map(async (clinic) => {
          const run = startCli(ctx, path.join(tempDir('loadwise-group-ws-'), 'data'));
          const { port, token } = await run.ready;
          const ask = async <T>(channel: string, args: unknown): Promise<T> => {
            const r = JSON.parse((await postCall(port, token, channel, args)).body) as Result<T>;
            if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
            return r.value;
          };
          await ask('settings.save', { settings: { ...DEFAULT_SETTINGS, clinicName: clinic } });
          for (let i = 0; i < 5; i++)
            await ask('library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name: `${clinic} exercise ${i}` } }) });
          await ask('bundles.setGroupFolder', { folder: shared });
          return { run, ask };
        }),
      );
      const published = await Promise.all(
        runs.map(async ({ ask }) => {
          const names = new Set<string>();
          for (let i = 0; i < 15; i++) names.add((await ask<{ fileName: string }>('bundles.publish', { licence: 'cc-by-4.0' })).fileName);
          return [...names];
        }),
      );
      // One name per workstation, and nothing else in the folder (no temporary file left).
      expect(published.map((n) => n.length)).toEqual([1, 1]);
      expect(fs.readdirSync(shared).sort()).toEqual(published.flat().sort());
      // Each file whole: the other workstation reads and checks every byte of it.
      for (const [i, { ask }] of runs.entries()) {
        const preview = await ask<{ counts: { exercises: number }; signature: { state: string } }>('bundles.previewGroupFile', {
          name: published[1 - i][0],
        });
        expect(preview.counts.exercises).toBe(5);
        expect(preview.signature.state).toBe('unknown');
      }
      // Each stops cleanly (writing its at-quit backup) before its folders are removed.
      for (const { run } of runs) run.child.kill('SIGTERM');
      expect(await Promise.all(runs.map(({ run }) => run.exited))).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
    },
  );
});
