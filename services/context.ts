// What every service call receives from the transport that booted the services.
import type { RotationPolicy } from '../db/backup';
import type { DB } from '../db/open';
import type { LibrarySearch } from '../db/queries/search';
import type { Logger } from './log';
import type { ImageCleaner } from './media/image-cleaner';

export interface ServiceContext {
  /**
   * The library's connection. Restoring a backup replaces it (services/backups/swap.ts): read it
   * from the context each time, never keep it across an await.
   */
  db: DB;
  dataDir: string;
  search: LibrarySearch;
  appVersion: string;
  seedVersion: number;
  transport: 'electron' | 'browser';
  log: Logger;
  now: () => Date;
  /** Cleans photos in a separate process (services/media/image-cleaner.ts). */
  images: ImageCleaner;
  /** The built-in library this build ships, brought into a restored or imported library too. */
  seedDir: string;
  /** Which backups are kept (db/backup.ts). */
  backupRotation: RotationPolicy;
  /** The folder holding fonts/, search/ and translations/ (the packaged app's resources); the checkout's by default. */
  resourcesDir?: string;
  /** The folder of the built worker scripts (out/workers beside the bundles by default). */
  workersDir?: string;
}
