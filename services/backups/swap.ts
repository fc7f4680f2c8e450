// Putting another database file in place of the library's, within the running services.
//
// How the context's connection is replaced safely:
// - Every call reads `ctx.db` (and `ctx.search`) when it runs; none keeps it across an await
//   (media.attach reads it again after the image worker answers). Prepared statements and the
//   search vocabulary are cached per connection, so the new connection starts with fresh ones.
// - Backup work (create, restore, import, export, the schedule) runs one at a time (queue.ts), so
//   no backup is reading the old connection when it closes.
// - The swap itself is synchronous: no other call can run between closing the old connection and
//   setting the new one.
// - On disk, the new file is renamed over loadwise.db (atomic) only after the old connection has
//   emptied its -wal into the file and closed; a -wal with anything left in it stops the swap,
//   since SQLite would otherwise replay the old library's pages onto the new file.
// - If the new file cannot be opened after all, the library as it was (the safety backup taken
//   just before) is put back and opened, and the call says so.
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../common/contract/result';
import { fsyncDir } from '../../db/backup';
import { MIGRATIONS } from '../../db/migrations/index';
import { DB_FILE_NAME, nativeBindingOf, openDatabase, type DB } from '../../db/open';
import { checkpointFully, totalChanges } from '../../db/queries/backups';
import { LibrarySearch } from '../../db/queries/search';
import type { ServiceContext } from '../context';
import { syncBuiltins } from '../seed/sync-builtins';
import { markBackedUp } from './queue';

function open(ctx: ServiceContext, binding: string | undefined): DB {
  return openDatabase(path.join(ctx.dataDir, DB_FILE_NAME), { nativeBinding: binding, maxSchemaVersion: MIGRATIONS.length });
}

function adopt(ctx: ServiceContext, db: DB): void {
  ctx.db = db;
  ctx.search = new LibrarySearch(db);
  const seed = syncBuiltins(db, ctx.seedDir, ctx.now());
  ctx.seedVersion = seed.seedVersion;
  markBackedUp(db, totalChanges(db));
}

/**
 * Replaces the library's database with `prepared` (a checked, self-contained file of the current
 * schema, in the data folder's file system) and points the context at it. `safetyCopy` is the
 * backup of the library taken just before, put back if the new file cannot be opened.
 */
export function swapDatabase(ctx: ServiceContext, prepared: string, safetyCopy: string): void {
  const file = path.join(ctx.dataDir, DB_FILE_NAME);
  const old = ctx.db;
  const binding = nativeBindingOf(old);
  // Closed without closeDatabase's optimize: that may write again after the checkpoint, and the
  // -wal must be empty when the file is replaced (another reader of the file, if any, keeps it).
  if (!checkpointFully(old)) {
    throw new ServiceError('database_busy', 'The library is busy. Try again in a moment; nothing was changed.');
  }
  old.close();
  try {
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error('the -wal still holds changes');
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(prepared, file);
    fsyncDir(ctx.dataDir);
  } catch (err) {
    // Nothing was replaced: the library is still the old file; open it again.
    adopt(ctx, open(ctx, binding));
    ctx.log.error('could not put the chosen library in place', err);
    throw new ServiceError('disk_problem', 'Loadwise could not replace the library file, so nothing was changed.');
  }
  try {
    adopt(ctx, open(ctx, binding));
  } catch (err) {
    ctx.log.error('the replaced library could not be opened; putting the previous one back', err);
    fs.copyFileSync(safetyCopy, `${file}.putback`);
    fs.renameSync(`${file}.putback`, file);
    fsyncDir(ctx.dataDir);
    adopt(ctx, open(ctx, binding));
    throw new ServiceError('internal', 'The chosen library could not be opened after all, so your library was put back as it was.');
  }
}
