// What every service call receives from the transport that booted the services.
import type { DB } from '../db/open';
import type { LibrarySearch } from '../db/queries/search';
import type { Logger } from './log';
import type { ImageCleaner } from './media/image-cleaner';

export interface ServiceContext {
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
}
