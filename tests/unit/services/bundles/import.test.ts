// Importing shared library bundles between two real libraries: the round trip (every record and
// photo hash), provenance, read-only copies, the preview's statuses, conflicts settled by choice,
// a newer bundle updating in place, the same bundle twice changing nothing, and the signature
// states (trusted, unknown, unsigned).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, failure } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { buildClinicLibrary, databaseContent, exportBytes, folderHashes, importAll, previewOf, SHARE_ALL } from '../../../support/bundles';
import { toDraft } from '../../../../db/queries/exercises';
import { readTranslation, writeTranslation } from '../../../../db/queries/bundles';
import type { ServiceContext } from '../../../../services/context';
import { MEDIA_DIR_NAME } from '../../../../services/media/store';

const FIXED = new Date('2026-05-04T10:00:00.000Z');

async function twoLibraries() {
  const sender = (await bootTestServices({ now: () => FIXED })).ctx;
  const lib = await buildClinicLibrary(sender);
  const receiver = (await bootTestServices({ now: () => FIXED })).ctx;
  return { sender, receiver, lib };
}

async function exercisesById(ctx: ServiceContext, ids: string[]) {
  return Promise.all(ids.map((id) => call(ctx, 'library.get', { id })));
}

describe('bundle import', () => {
  it('round trip: every record and photo hash arrives in a fresh library, as read-only copies with provenance', async () => {
    const { sender, receiver, lib } = await twoLibraries();
    const seq = sender.db.prepare('SELECT seq FROM exercises WHERE id = ?').pluck().get(lib.own[0].id) as number;
    sender.db.transaction(() => writeTranslation(sender.db, seq, 'es', { ...lib.own[0].text, name: 'Deslizamiento en pared' }))();
    const bytes = await exportBytes(sender);
    const { preview, result } = await importAll(receiver, bytes);
    expect(preview.signature.state).toBe('unknown');
    expect(preview.items.map((i) => i.status)).toEqual(['new', 'new', 'new', 'new']);
    expect(result).toMatchObject({ added: 4, updated: 0, unchanged: 0, keptMine: 0 });
    expect(result.safetyBackup).toMatch(/before-bundle/);

    const ids = [...lib.own.map((e) => e.id), lib.changedBuiltin.id];
    const theirs = await exercisesById(sender, ids);
    const ours = await exercisesById(receiver, ids);
    for (let i = 0; i < ids.length; i++) {
      const { progressionIds, regressionIds, ...draft } = toDraft(theirs[i]);
      const mine = toDraft(ours[i]);
      expect(mine).toMatchObject(draft);
      expect(mine.progressionIds).toEqual(progressionIds);
      expect(mine.regressionIds).toEqual(regressionIds);
      expect(ours[i].photos).toEqual(theirs[i].photos);
      expect(ours[i].origin).toBe('imported');
      expect(ours[i].originBundleName).toBe('North Spine Clinic');
      expect(ours[i].contentVersion).toBe(theirs[i].contentVersion);
    }
    expect(readTranslation(receiver.db, lib.own[0].id, 'es')?.name).toBe('Deslizamiento en pared');
    const prov = receiver.db
      .prepare('SELECT origin_bundle_id, origin_clinic, origin_fingerprint, origin_item_id, imported_at FROM exercises WHERE id = ?')
      .get(lib.own[0].id);
    expect(prov).toEqual({
      origin_bundle_id: preview.bundleId,
      origin_clinic: 'North Spine Clinic',
      origin_fingerprint: preview.signature.fingerprint,
      origin_item_id: lib.own[0].id,
      imported_at: FIXED.toISOString(),
    });
    // The changed built-in points at this library's own copy of the built-in it came from.
    const bird = ours[2];
    expect((await call(receiver, 'library.get', { id: bird.basedOnId! })).code).toBe('L2-01');
    // Photos: the same bytes under the same hash, full size and thumbnail.
    const sentMedia = folderHashes(path.join(sender.dataDir, MEDIA_DIR_NAME));
    const gotMedia = folderHashes(path.join(receiver.dataDir, MEDIA_DIR_NAME));
    for (const [file, hash] of Object.entries(gotMedia)) expect(sentMedia[file], file).toBe(hash);
    expect(Object.keys(gotMedia).filter((f) => !f.endsWith('.thumb.jpg') && !f.endsWith('.thumb.png'))).toHaveLength(2);
    // The template, its exercise by id, the built-in by this library's id.
    const templates = await call(receiver, 'templates.list', {});
    const t = templates.find((x) => x.name === 'Our wall progression');
    expect(t?.itemCount).toBe(2);
    // Read-only: a change is refused; a duplicate is the clinic's own to edit.
    const refused = await failure(receiver, 'library.update', {
      id: ours[0].id,
      contentVersion: ours[0].contentVersion,
      draft: toDraft(ours[0]),
    });
    expect(refused.code).toBe('read_only');
    const copy = await call(receiver, 'library.duplicate', { id: ours[0].id });
    expect(copy.origin).toBe('clinic');
    // Nothing staged is left behind.
    expect(fs.readdirSync(path.join(receiver.dataDir, 'staging'))).toEqual([]);
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const { sender, receiver } = await twoLibraries();
    const bytes = await exportBytes(sender);
    await importAll(receiver, bytes);
    const before = databaseContent(receiver);
    const media = folderHashes(path.join(receiver.dataDir, MEDIA_DIR_NAME));
    const backups = fs.readdirSync(path.join(receiver.dataDir, 'backups'));
    const { preview, result } = await importAll(receiver, bytes);
    expect(preview.items.every((i) => i.status === 'identical')).toBe(true);
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 4, keptMine: 0, safetyBackup: null });
    expect(databaseContent(receiver)).toBe(before);
    expect(folderHashes(path.join(receiver.dataDir, MEDIA_DIR_NAME))).toEqual(media);
    expect(fs.readdirSync(path.join(receiver.dataDir, 'backups'))).toEqual(backups);
  });

  it('a newer bundle from the same clinic updates its copies in place; an older one leaves them', async () => {
    const { sender, receiver, lib } = await twoLibraries();
    const v1 = await exportBytes(sender);
    await importAll(receiver, v1);
    const ex = await call(sender, 'library.get', { id: lib.own[0].id });
    await call(sender, 'library.update', {
      id: ex.id,
      contentVersion: ex.contentVersion,
      draft: { ...toDraft(ex), clinicianNotes: 'Hold longer' },
    });
    const v2 = await exportBytes(sender);
    const { preview, result } = await importAll(receiver, v2);
    expect(preview.items.find((i) => i.key === `exercise:${ex.id}`)).toMatchObject({ status: 'updated' });
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 3 });
    const updated = await call(receiver, 'library.get', { id: ex.id });
    expect(updated.clinicianNotes).toBe('Hold longer');
    expect(updated.origin).toBe('imported');
    expect(receiver.db.prepare("SELECT count(*) FROM exercises WHERE origin = 'imported'").pluck().get()).toBe(3);
    const old = await previewOf(receiver, v1);
    expect(old.items.find((i) => i.key === `exercise:${ex.id}`)).toMatchObject({ status: 'older' });
    expect((await importAll(receiver, v1)).result).toMatchObject({ added: 0, updated: 0 });
    expect((await call(receiver, 'library.get', { id: ex.id })).clinicianNotes).toBe('Hold longer');
  });

  it('conflicts: the same exercise changed on both sides, settled per item and for all', async () => {
    const sender = (await bootTestServices({ now: () => FIXED })).ctx;
    const lib = await buildClinicLibrary(sender);
    const bytes = await exportBytes(sender);
    // The sender's own library is "the other side": edit two of its exercises after sharing.
    for (const e of lib.own) {
      const cur = await call(sender, 'library.get', { id: e.id });
      await call(sender, 'library.update', {
        id: e.id,
        contentVersion: cur.contentVersion,
        draft: { ...toDraft(cur), clinicianNotes: 'Edited here' },
      });
    }
    const preview = await previewOf(sender, bytes);
    const conflicts = preview.items.filter((i) => i.status === 'conflict');
    expect(conflicts.map((c) => c.key).sort()).toEqual(lib.own.map((e) => `exercise:${e.id}`).sort());
    expect(conflicts[0].detail).toMatch(/changed since it was shared/);
    const [first, second] = lib.own;
    const { result } = await importAll(sender, bytes, { allConflicts: 'mine', choices: { [`exercise:${second.id}`]: 'both' } });
    expect(result).toMatchObject({ added: 1, updated: 0, keptMine: 1 });
    expect((await call(sender, 'library.get', { id: first.id })).clinicianNotes).toBe('Edited here');
    expect((await call(sender, 'library.get', { id: second.id })).clinicianNotes).toBe('Edited here');
    const copy = sender.db
      .prepare("SELECT id FROM exercises WHERE origin = 'imported' AND origin_item_id = ?")
      .pluck()
      .all(second.id) as string[];
    expect(copy).toHaveLength(1);
    expect(copy[0]).not.toBe(second.id);
    expect((await call(sender, 'library.get', { id: copy[0] })).clinicianNotes).toBeNull();
    // Take theirs for everything left: mine is replaced by the shared version.
    const again = await importAll(sender, bytes, { allConflicts: 'theirs' });
    expect(again.result).toMatchObject({ updated: 1 });
    const taken = await call(sender, 'library.get', { id: first.id });
    expect(taken.clinicianNotes).toBeNull();
    expect(taken.origin).toBe('imported');
  });

  it('signature states: unsigned, unknown key, trusted after trusting it, and the trusted list', async () => {
    const { sender, receiver } = await twoLibraries();
    const unsigned = await previewOf(receiver, await exportBytes(sender, { ...SHARE_ALL, sign: false }));
    expect(unsigned.signature).toEqual({ state: 'unsigned', fingerprint: null, trustedAs: null });
    const signed = await exportBytes(sender);
    const key = await call(sender, 'bundles.keyInfo', {});
    const unknown = await previewOf(receiver, signed);
    expect(unknown.signature).toEqual({ state: 'unknown', fingerprint: key.fingerprint, trustedAs: null });
    await importAll(receiver, signed, { trustSigner: true });
    expect(await call(receiver, 'bundles.trustedList', {})).toEqual([
      { fingerprint: key.fingerprint, clinicName: 'North Spine Clinic', addedAt: FIXED.toISOString() },
    ]);
    const trusted = await previewOf(receiver, signed);
    expect(trusted.signature).toEqual({ state: 'trusted', fingerprint: key.fingerprint, trustedAs: 'North Spine Clinic' });
    expect(await call(receiver, 'bundles.untrust', { fingerprint: key.fingerprint! })).toEqual({ removed: true });
    expect((await previewOf(receiver, signed)).signature.state).toBe('unknown');
    await call(receiver, 'bundles.trust', { clinicName: 'North (by phone)', publicKey: key.publicKey! });
    expect((await previewOf(receiver, signed)).signature.trustedAs).toBe('North (by phone)');
  });

  it('refuses to apply a file other than the one previewed, changing nothing', async () => {
    const { sender, receiver } = await twoLibraries();
    const bytes = await exportBytes(sender);
    const before = databaseContent(receiver);
    const err = await failure(receiver, 'bundles.apply', {
      fileName: 'Shared.loadwise-library',
      bundleSha256: 'c'.repeat(64),
      allConflicts: 'mine',
      dataBase64: bytes.toString('base64'),
    });
    expect(err).toMatchObject({ code: 'conflict' });
    expect(databaseContent(receiver)).toBe(before);
  });
});
