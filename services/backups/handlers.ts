// The backup calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { importAll } from './transfer';
import { createBackup, listBackups, restoreBackup } from './use-cases';

export const backupHandlers: HandlerGroup<'backups.list' | 'backups.create' | 'backups.restore' | 'backups.importAll'> = {
  'backups.list': (ctx) => listBackups(ctx),
  'backups.create': (ctx) => createBackup(ctx, 'manual'),
  'backups.restore': (ctx, args) => restoreBackup(ctx, args.name),
  'backups.importAll': (ctx, _args, file) => importAll(ctx, file),
};
