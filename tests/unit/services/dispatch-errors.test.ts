// The two SQLite failures a clinician can meet and fix, through dispatch on a real database file:
// another connection holding the write lock (another window) answers database_busy, and a full
// disk answers disk_problem; either way nothing is half-written and nothing saved is lost.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../db/open';
import { dispatch } from '../../../services/dispatch';
import { createLogger, type Logger } from '../../../services/log';
import type { ServiceContext } from '../../../services/context';
import { bootTestServices, sampleDraft } from '../../support/fixtures';
import { call, tableCounts } from '../../support/call';

const draftNamed = (name: string) => sampleDraft({ text: { ...sampleDraft().text, name } });

/** The services' context with a logger that keeps its lines. */
async function servicesWithLog(): Promise<{ ctx: ServiceContext; lines: string[] }> {
  const lines: string[] = [];
  const services = await bootTestServices();
  const log: Logger = createLogger('dispatch-errors', (l) => lines.push(l));
  return { ctx: { ...services.ctx, log }, lines };
}

describe('dispatch maps SQLite failures to codes a clinician can act on', () => {
  it('answers database_busy while another connection holds the write lock, and writes once it is released', async () => {
    const { ctx } = await servicesWithLog();
    // The services wait up to 5 s for a lock (db/open.ts); a short wait keeps the test quick.
    ctx.db.pragma('busy_timeout = 50');
    const other = new Database(path.join(ctx.dataDir, DB_FILE_NAME));
    try {
      other.exec('BEGIN IMMEDIATE'); // another window, in the middle of its own write
      const before = tableCounts(ctx);
      const busy = await dispatch(ctx, 'library.create', { draft: draftNamed('Written while locked') });
      expect(busy).toMatchObject({ ok: false, error: { code: 'database_busy' } });
      expect(busy.ok ? '' : busy.error.message).toMatch(/busy/i);
      // Reads still work under the lock (WAL), and the refused write left nothing behind.
      expect(tableCounts(ctx)).toEqual(before);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    const created = await call(ctx, 'library.create', { draft: draftNamed('Written after the lock') });
    expect((await call(ctx, 'library.get', { id: created.id })).text.name).toBe('Written after the lock');
  });

  it('answers disk_problem when the database cannot grow, and loses nothing already saved', async () => {
    const { ctx, lines } = await servicesWithLog();
    // A disk that fills up: the file may grow by only a few pages from here.
    const pages = ctx.db.pragma('page_count', { simple: true }) as number;
    expect(ctx.db.pragma(`max_page_count = ${pages + 8}`, { simple: true })).toBe(pages + 8);

    const saved: { id: string; name: string }[] = [];
    let refused: Awaited<ReturnType<typeof dispatch>> | null = null;
    let countsBeforeRefusal: Record<string, number> = {};
    for (let i = 0; i < 500 && !refused; i++) {
      const name = `Saved before the disk filled ${i}`;
      countsBeforeRefusal = tableCounts(ctx);
      const result = await dispatch(ctx, 'library.create', { draft: draftNamed(name) });
      if (result.ok) saved.push({ id: (result.value as { id: string }).id, name });
      else refused = result;
    }
    expect(saved.length).toBeGreaterThan(0); // some writes fitted before the disk was full
    expect(refused).toMatchObject({ ok: false, error: { code: 'disk_problem' } });
    expect(refused!.ok ? '' : refused!.error.message).toMatch(/Nothing was saved/);
    expect(lines.join('\n')).toMatch(/library\.create failed writing to disk \(SqliteError SQLITE_FULL\)/);

    // The refused write left nothing half-done, and every earlier one is whole.
    expect(tableCounts(ctx)).toEqual(countsBeforeRefusal);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const { id, name } of saved) {
      const ex = await call(ctx, 'library.get', { id });
      expect(ex.text.name).toBe(name);
      expect(ex.tags).toEqual(sampleDraft().tags);
      expect(ex.equipment).toEqual(sampleDraft().equipment);
    }
    // With room again, writing works again.
    ctx.db.pragma('max_page_count = 1073741823');
    await call(ctx, 'library.create', { draft: draftNamed('Saved after room was made') });
  });
});
