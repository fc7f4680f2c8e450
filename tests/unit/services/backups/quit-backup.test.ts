// Browser mode backs up at quit when something changed, and only then: the real process
// (out/browser/cli.cjs) stopped with SIGTERM after a write leaves one checked `-at-quit` backup
// holding that write; stopped without any write, it leaves none.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME } from '../../../../db/backup';
import { sampleDraft, tempDir } from '../../../support/fixtures';
import { postCall, startCli } from '../../../support/cli-process';

const backups = (dataDir: string): string[] =>
  fs.existsSync(path.join(dataDir, BACKUP_DIR_NAME)) ? fs.readdirSync(path.join(dataDir, BACKUP_DIR_NAME)) : [];

describe('the backup at quit (browser mode)', () => {
  it('is taken when something changed, and holds the change', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-quit-'), 'data');
    const run = startCli(ctx, dataDir);
    const { port, token } = await run.ready;
    const draft = sampleDraft({ text: { ...sampleDraft().text, name: 'Saved just before quitting' } });
    expect(JSON.parse((await postCall(port, token, 'library.create', { draft })).body)).toMatchObject({ ok: true });
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const made = backups(dataDir);
    expect(made).toEqual([expect.stringMatching(/^loadwise-\d{8}-\d{9}-00-at-quit\.db$/)]);
    const db = new Database(path.join(dataDir, BACKUP_DIR_NAME, made[0]), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM exercise_text WHERE name = 'Saved just before quitting'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('is not taken when nothing changed', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-quit-'), 'data');
    const run = startCli(ctx, dataDir);
    const { port, token } = await run.ready;
    expect(JSON.parse((await postCall(port, token, 'library.search', { query: 'bird' })).body)).toMatchObject({ ok: true });
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(backups(dataDir)).toEqual([]);
  });
});
