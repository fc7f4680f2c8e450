// Exporting a shared library bundle on a real library: what goes in (own exercises, changed
// built-ins, templates with their exercises, photos once by hash), the manifest's hashes, the same
// bytes for the same content, the Ed25519 signature and its key file, and no patient data in any
// byte of the file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call } from '../../../support/call';
import { bootTestServices, tempDir } from '../../../support/fixtures';
import { parseExportSelection, writeBundle } from '../../../../services/bundles/export';
import { samplePatient } from '../../../support/patients';
import { buildClinicLibrary, exportBytes, SHARE_ALL } from '../../../support/bundles';
import { BundleExercisesSchema, BundleManifestSchema, BundleTemplatesSchema } from '../../../../common/domain/bundle';
import { CLINIC_KEY_FILE, publicKeyFromRaw } from '../../../../services/bundles/clinic-key';
import { verify } from 'node:crypto';

const FIXED = new Date('2026-05-04T10:00:00.000Z');
const posixOnly = process.platform === 'win32' ? it.skip : it;

function entries(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}

describe('bundle export', () => {
  it('holds the manifest, the records and each photo once, every entry hashed in the manifest', async () => {
    const { ctx } = await bootTestServices({ now: () => FIXED });
    const lib = await buildClinicLibrary(ctx);
    const files = entries(await exportBytes(ctx));
    const names = Object.keys(files);
    expect(names).toEqual([...names].sort());
    const manifest = BundleManifestSchema.parse(JSON.parse(strFromU8(files['manifest.json'])));
    expect(manifest).toMatchObject({
      format: 'loadwise-library',
      formatVersion: 1,
      appVersion: '0.0.0-test',
      clinicName: 'North Spine Clinic',
      createdAt: FIXED.toISOString(),
      licence: 'cc-by-4.0',
      counts: { exercises: 3, templates: 1, photos: 2 },
    });
    for (const e of manifest.entries) {
      expect(createHash('sha256').update(files[e.name]).digest('hex'), e.name).toBe(e.sha256);
      expect(files[e.name].length).toBe(e.bytes);
    }
    expect(manifest.entries.map((e) => e.name).sort()).toEqual(names.filter((n) => n !== 'manifest.json' && n !== 'signature.json'));
    const media = names.filter((n) => n.startsWith('media/'));
    expect(media).toHaveLength(2);
    for (const m of media) expect(createHash('sha256').update(files[m]).digest('hex')).toBe(/media\/([a-f0-9]{64})/.exec(m)![1]);

    const exercises = BundleExercisesSchema.parse(JSON.parse(strFromU8(files['records/exercises.json'])));
    expect(exercises.map((e) => e.draft.text.name).sort()).toEqual(['Bird dog, our way', 'Wall slide hold', 'Wall slide march']);
    expect(exercises.find((e) => e.draft.text.name === 'Bird dog, our way')?.basedOnCode).toBe('L2-01');
    const march = exercises.find((e) => e.id === lib.own[1].id)!;
    expect(march.draft.regressionIds).toEqual([lib.own[0].id]);
    expect(march.photos.map((p) => p.caption)).toEqual([null, 'End']);

    const templates = BundleTemplatesSchema.parse(JSON.parse(strFromU8(files['records/templates.json'])));
    const items = templates[0].template.stages.flatMap((s) => s.items);
    // The clinic's exercise by id, the built-in by its code.
    expect(items.map((i) => i.exerciseId ?? i.code)).toEqual([lib.own[0].id, 'L1-01']);
  });

  it('exports only what was chosen, adding the exercises a chosen template names', async () => {
    const { ctx } = await bootTestServices({ now: () => FIXED });
    const lib = await buildClinicLibrary(ctx);
    const only = entries(
      await exportBytes(ctx, { ...SHARE_ALL, exercises: [lib.own[1].id], includeChangedBuiltins: false, templates: [] }),
    );
    const ex = BundleExercisesSchema.parse(JSON.parse(strFromU8(only['records/exercises.json'])));
    expect(ex.map((e) => e.id)).toEqual([lib.own[1].id]);
    // The link to an exercise left out is dropped rather than pointing outside the bundle.
    expect(ex[0].draft.regressionIds).toEqual([]);
    const withTemplate = entries(await exportBytes(ctx, { ...SHARE_ALL, exercises: [], includeChangedBuiltins: false }));
    expect(BundleExercisesSchema.parse(JSON.parse(strFromU8(withTemplate['records/exercises.json']))).map((e) => e.id)).toEqual([
      lib.own[0].id,
    ]);
    const folder = tempDir('loadwise-bundle-refused-');
    expect(() =>
      writeBundle(ctx, { ...SHARE_ALL, exercises: [lib.changedBuiltin.id, crypto.randomUUID()] }, path.join(folder, 'x.loadwise-library')),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
    // Refused before anything is written: no file, no temporary file beside it.
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('lists what can be exported by name: own exercises, changed built-ins, templates; never built-ins, imported or archived ones', async () => {
    const { ctx } = await bootTestServices({ now: () => FIXED });
    const lib = await buildClinicLibrary(ctx);
    await call(ctx, 'library.setArchived', { id: lib.own[1].id, archived: true });
    const items = await call(ctx, 'bundles.exportable', {});
    expect(items.exercises).toEqual([
      { id: lib.changedBuiltin.id, name: 'Bird dog, our way', changedBuiltin: true },
      { id: lib.own[0].id, name: 'Wall slide hold', changedBuiltin: false },
    ]);
    expect(items.templates).toEqual([{ id: lib.templateId, name: 'Our wall progression' }]);
  });

  it('checks export choices from a window like a call, naming the field and never echoing the value', () => {
    const secret = 'PATIENT-Jane-Roe-1961';
    expect(() => parseExportSelection({ ...SHARE_ALL, licence: secret })).toThrow(/^Export choices: licence/);
    try {
      parseExportSelection({ ...SHARE_ALL, licence: secret });
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(secret);
    }
    expect(() => parseExportSelection({ ...SHARE_ALL, path: '/etc/passwd' })).toThrow(/^Export choices:/);
    expect(parseExportSelection(SHARE_ALL)).toEqual(SHARE_ALL);
  });

  it('makes the same bytes from the same content, and different ones after a change', async () => {
    const { ctx } = await bootTestServices({ now: () => FIXED });
    const lib = await buildClinicLibrary(ctx);
    const first = await exportBytes(ctx);
    const second = await exportBytes(ctx);
    expect(second.equals(first)).toBe(true);
    const ex = lib.own[0];
    await call(ctx, 'library.update', {
      id: ex.id,
      contentVersion: ex.contentVersion,
      draft: { ...(await draftOf(ctx, ex.id)), clinicianNotes: 'Changed' },
    });
    expect((await exportBytes(ctx)).equals(first)).toBe(false);
  });

  posixOnly('signs with a clinic key made on demand, kept 0600 in the data folder and never in the bundle', async () => {
    const { ctx } = await bootTestServices({ now: () => FIXED });
    await buildClinicLibrary(ctx);
    expect(await call(ctx, 'bundles.keyInfo', {})).toEqual({ fingerprint: null, publicKey: null });
    const unsigned = entries(await exportBytes(ctx, { ...SHARE_ALL, sign: false }));
    expect(unsigned['signature.json']).toBeUndefined();
    expect(fs.existsSync(path.join(ctx.dataDir, CLINIC_KEY_FILE))).toBe(false);

    const bytes = await exportBytes(ctx);
    const keyFile = path.join(ctx.dataDir, CLINIC_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const info = await call(ctx, 'bundles.keyInfo', {});
    expect(info.fingerprint).toMatch(/^[a-f0-9]{64}$/);
    expect(info.fingerprint).toBe(createHash('sha256').update(Buffer.from(info.publicKey!, 'base64')).digest('hex'));
    const files = entries(bytes);
    const sig = JSON.parse(strFromU8(files['signature.json'])) as { publicKey: string; signature: string };
    expect(sig.publicKey).toBe(info.publicKey);
    expect(
      verify(null, files['manifest.json'], publicKeyFromRaw(Buffer.from(sig.publicKey, 'base64')), Buffer.from(sig.signature, 'base64')),
    ).toBe(true);
    const pem = fs.readFileSync(keyFile, 'utf8');
    const privateBody = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
    expect(bytes.includes(Buffer.from(privateBody))).toBe(false);
    expect(bytes.includes(Buffer.from(privateBody, 'base64'))).toBe(false);
    // The key stays the same from one export to the next.
    await exportBytes(ctx);
    expect((await call(ctx, 'bundles.keyInfo', {})).fingerprint).toBe(info.fingerprint);
  });

  it('never holds patient data: a planted name, note and date of birth appear in no byte', async () => {
    const { ctx } = await bootTestServices({ now: () => FIXED });
    await buildClinicLibrary(ctx);
    const planted = {
      name: 'Zebediah Quartermaine-Canary',
      note: 'ZZ-CANARY-7f3a sleeps badly after the fall',
      dob: '1961-07-23',
    };
    const patient = await call(ctx, 'patients.create', {
      patient: samplePatient({ displayName: planted.name, fullName: planted.name, dateOfBirth: planted.dob, notes: planted.note }),
    });
    const program = await call(ctx, 'programs.create', { patientId: patient.id, title: `Program for ${planted.name}` });
    await call(ctx, 'templates.saveFromProgram', { programId: program.id, name: 'Blank stages' });
    const bytes = await exportBytes(ctx);
    const inflated = Object.values(entries(bytes)).map((b) => Buffer.from(b));
    for (const needle of [planted.name, 'Quartermaine', planted.note, 'ZZ-CANARY-7f3a', planted.dob, patient.id, program.id]) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
      for (const b of inflated) expect(b.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });
});

async function draftOf(ctx: Awaited<ReturnType<typeof bootTestServices>>['ctx'], id: string) {
  const { toDraft } = await import('../../../../db/queries/exercises');
  return toDraft(await call(ctx, 'library.get', { id }));
}
