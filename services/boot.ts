// Opens the data folder for either transport: database, migrations, built-in library, media.
import path from 'node:path';
import { closeDatabase, DB_FILE_NAME, ensurePrivateDir, openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { DEFAULT_ROTATION, type RotationPolicy } from '../db/backup';
import { MIGRATIONS } from '../db/migrations/index';
import { LibrarySearch } from '../db/queries/search';
import { loadSearchLexicon } from '../db/queries/search-lexicon';
import type { ServiceContext } from './context';
import { createLogger, type Logger } from './log';
import { collectUnusedMedia } from './media/use-cases';
import { ImageCleaner, type SpawnWorker } from './media/image-cleaner';
import { clearStaging } from './staging';
import { lockDataFolder } from './folder-lock';
import { syncBuiltins } from './seed/sync-builtins';

export interface BootOptions {
  dataDir: string;
  seedDir: string;
  appVersion: string;
  transport: ServiceContext['transport'];
  log?: Logger;
  now?: () => Date;
  /** See db/open.ts: only unpackaged Electron passes one. */
  nativeBinding?: string;
  /** Folder holding the built worker scripts; by default `out/workers` beside the bundle. */
  workersDir?: string;
  /** How to start a worker process: Node's fork by default, a utilityProcess in Electron. */
  spawnWorker?: SpawnWorker;
  /** The folder holding search/ (clinical words, synonyms); by default the checkout's resources/. */
  resourcesDir?: string;
  /** Longest a photo may take to clean before it is refused. */
  imageTimeLimitMs?: number;
  /** Which backups are kept; by default the last few today, one per earlier day, ten in all. */
  backupRotation?: RotationPolicy;
}

export interface Services {
  ctx: ServiceContext;
  close(): void;
}

export async function bootServices(options: BootOptions): Promise<Services> {
  const log = options.log ?? createLogger('services');
  const now = options.now ?? (() => new Date());
  // First of all: one process per data folder. A second one stops here, before any migration,
  // sweep or clean-up, saying which process holds the folder (services/folder-lock.ts).
  const lock = lockDataFolder(options.dataDir, options.transport, { nativeBinding: options.nativeBinding, now });
  let db;
  try {
    ensurePrivateDir(options.dataDir);
    db = openDatabase(path.join(options.dataDir, DB_FILE_NAME), {
      nativeBinding: options.nativeBinding,
      maxSchemaVersion: MIGRATIONS.length,
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  try {
    const migration = await migrate(db, options.dataDir);
    if (migration.from !== migration.to) log.info(`database schema ${migration.from} -> ${migration.to}`);
    const seed = syncBuiltins(db, options.seedDir, now());
    if (!seed.skipped)
      log.info(`built-in library v${seed.seedVersion}: ${seed.added} added, ${seed.updated} updated, ${seed.retired} retired`);
    clearStaging(options.dataDir);
    // Bundles live in out/<host>/; the workers beside them in out/workers/.
    const workersDir = options.workersDir ?? path.resolve(__dirname, '..', 'workers');
    const images = new ImageCleaner(path.join(workersDir, 'image-worker.cjs'), options.spawnWorker, options.imageTimeLimitMs);
    const ctx: ServiceContext = {
      db,
      dataDir: options.dataDir,
      search: new LibrarySearch(db, loadSearchLexicon(options.resourcesDir)),
      appVersion: options.appVersion,
      seedVersion: seed.seedVersion,
      transport: options.transport,
      log,
      now,
      images,
      seedDir: options.seedDir,
      backupRotation: options.backupRotation ?? DEFAULT_ROTATION,
      resourcesDir: options.resourcesDir,
      workersDir,
    };
    collectUnusedMedia(ctx);
    return {
      ctx,
      close: () => {
        images.close();
        closeDatabase(ctx.db);
        lock.release();
      },
    };
  } catch (err) {
    closeDatabase(db);
    lock.release();
    throw err;
  }
}
