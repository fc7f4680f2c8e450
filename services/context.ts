// What every service call receives from the transport that booted the services.
import type { DB } from '../db/open';
import type { LibrarySearch } from '../db/queries/search';
import type { Logger } from './log';

export interface ServiceContext {
  db: DB;
  dataDir: string;
  search: LibrarySearch;
  appVersion: string;
  seedVersion: number;
  transport: 'electron' | 'browser';
  log: Logger;
  now: () => Date;
}
