// The bundle calls, registered as one group: preview and apply, the clinic's signing key and the
// clinics this library trusts. An export is host work (export.ts: the hosts write the file).
import type { HandlerGroup } from '../handlers';
import { applyBundle, previewBundle } from './import';
import { clinicKeyInfo, createClinicKey, listTrusted, trustClinic, untrustClinic } from './trust';

export const bundleHandlers: HandlerGroup<
  | 'bundles.preview'
  | 'bundles.apply'
  | 'bundles.keyInfo'
  | 'bundles.createKey'
  | 'bundles.trustedList'
  | 'bundles.trust'
  | 'bundles.untrust'
> = {
  'bundles.preview': (ctx, args, file) => previewBundle(ctx, file, args.fileName),
  'bundles.apply': (ctx, args, file) => applyBundle(ctx, file, args),
  'bundles.keyInfo': (ctx) => clinicKeyInfo(ctx),
  'bundles.createKey': (ctx) => createClinicKey(ctx),
  'bundles.trustedList': (ctx) => listTrusted(ctx),
  'bundles.trust': (ctx, args) => trustClinic(ctx, args),
  'bundles.untrust': (ctx, args) => untrustClinic(ctx, args.fingerprint),
};
