// The clinic's signing key as the screen sees it (the fingerprint and public key, never the
// private key) and the list of trusted clinics the user manages.
import type { ClinicKeyInfo, ParsedArgsOf, TrustedClinic } from '../../common/contract';
import { addTrustedClinic, listTrustedClinics, removeTrustedClinic, trustedClinic } from '../../db/queries/bundles';
import type { ServiceContext } from '../context';
import { ensureClinicKey, fingerprintOf, readClinicKey } from './clinic-key';

export function clinicKeyInfo(ctx: ServiceContext): ClinicKeyInfo {
  const key = readClinicKey(ctx.dataDir);
  return { fingerprint: key?.fingerprint ?? null, publicKey: key?.publicKeyBase64 ?? null };
}

export function createClinicKey(ctx: ServiceContext): ClinicKeyInfo {
  const key = ensureClinicKey(ctx.dataDir);
  return { fingerprint: key.fingerprint, publicKey: key.publicKeyBase64 };
}

export function listTrusted(ctx: ServiceContext): TrustedClinic[] {
  return listTrustedClinics(ctx.db).map(({ fingerprint, clinicName, addedAt }) => ({ fingerprint, clinicName, addedAt }));
}

export function trustClinic(ctx: ServiceContext, args: ParsedArgsOf<'bundles.trust'>): TrustedClinic {
  const fingerprint = fingerprintOf(Buffer.from(args.publicKey, 'base64'));
  const addedAt = ctx.now().toISOString();
  ctx.db
    .transaction(() => addTrustedClinic(ctx.db, { fingerprint, publicKey: args.publicKey, clinicName: args.clinicName, addedAt }))
    .immediate();
  const row = trustedClinic(ctx.db, fingerprint)!;
  return { fingerprint, clinicName: row.clinicName, addedAt: row.addedAt };
}

export function untrustClinic(ctx: ServiceContext, fingerprint: string): { removed: boolean } {
  return { removed: ctx.db.transaction(() => removeTrustedClinic(ctx.db, fingerprint)).immediate() };
}
