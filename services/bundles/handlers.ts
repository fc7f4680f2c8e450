// The bundle calls, registered as one group: preview and apply, the clinic's signing key and the
// clinics this library trusts. An export is host work (export.ts: the hosts write the file).
import type { HandlerGroup } from '../handlers';
import { applyBundle, previewBundle } from './import';
import { cancelJob, jobProgress } from './import-jobs';
import { applyGroupFile, checkGroup, groupFolder, previewGroupFile, publishToGroup, setGroupFolder } from './group-folder';
import { exportableItems } from '../../db/queries/bundles';
import { clinicKeyInfo, createClinicKey, listTrusted, trustClinic, untrustClinic } from './trust';

export const bundleHandlers: HandlerGroup<
  | 'bundles.exportable'
  | 'bundles.preview'
  | 'bundles.apply'
  | 'bundles.progress'
  | 'bundles.cancel'
  | 'bundles.groupFolder'
  | 'bundles.setGroupFolder'
  | 'bundles.publish'
  | 'bundles.checkGroup'
  | 'bundles.previewGroupFile'
  | 'bundles.applyGroupFile'
  | 'bundles.keyInfo'
  | 'bundles.createKey'
  | 'bundles.trustedList'
  | 'bundles.trust'
  | 'bundles.untrust'
> = {
  'bundles.exportable': (ctx) => exportableItems(ctx.db),
  'bundles.preview': (ctx, args, file) => previewBundle(ctx, file, args.fileName, args.jobId),
  'bundles.apply': (ctx, args, file) => applyBundle(ctx, file, args),
  'bundles.progress': (ctx, args) => jobProgress(ctx, args.jobId),
  'bundles.cancel': (ctx, args) => cancelJob(ctx, args.jobId),
  'bundles.groupFolder': (ctx) => groupFolder(ctx),
  'bundles.setGroupFolder': (ctx, args) => setGroupFolder(ctx, args.folder),
  'bundles.publish': (ctx, args) => publishToGroup(ctx, args.licence),
  'bundles.checkGroup': (ctx) => checkGroup(ctx),
  'bundles.previewGroupFile': (ctx, args) => previewGroupFile(ctx, args.name, args.jobId),
  'bundles.applyGroupFile': (ctx, args) => applyGroupFile(ctx, args),
  'bundles.keyInfo': (ctx) => clinicKeyInfo(ctx),
  'bundles.createKey': (ctx) => createClinicKey(ctx),
  'bundles.trustedList': (ctx) => listTrusted(ctx),
  'bundles.trust': (ctx, args) => trustClinic(ctx, args),
  'bundles.untrust': (ctx, args) => untrustClinic(ctx, args.fingerprint),
};
