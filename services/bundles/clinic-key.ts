// The clinic's signing key: an Ed25519 key pair made on request with Node's crypto and kept in the
// data folder as `clinic-key.pem` (0600). The private key never leaves that file: it is not in
// backups (they copy the database), not in "Export everything" (database and photos) and never in
// a bundle, which carries only the public key and a signature over its manifest.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writePrivateFile } from '../private-file';

export const CLINIC_KEY_FILE = 'clinic-key.pem';

/** The raw 32 bytes of an Ed25519 public key: the last 32 bytes of its SPKI DER encoding. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The SHA-256 of the raw public key, hex: what the trusted list and the screen compare. */
export function fingerprintOf(rawKey: Buffer): string {
  return createHash('sha256').update(rawKey).digest('hex');
}

const keyFile = (dataDir: string): string => path.join(dataDir, CLINIC_KEY_FILE);

export interface ClinicKey {
  privateKey: KeyObject;
  publicKeyBase64: string;
  fingerprint: string;
}

/** The clinic's key, or null when none has been made. */
export function readClinicKey(dataDir: string): ClinicKey | null {
  const file = keyFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const privateKey = createPrivateKey(fs.readFileSync(file));
  const raw = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKeyBase64: raw.toString('base64'), fingerprint: fingerprintOf(raw) };
}

/** Makes the key if there is none (written 0600, then renamed in), and returns it. */
export function ensureClinicKey(dataDir: string): ClinicKey {
  const existing = readClinicKey(dataDir);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const tmp = `${keyFile(dataDir)}.${process.pid}.tmp`;
  writePrivateFile(tmp, Buffer.from(pem, 'utf8'));
  fs.renameSync(tmp, keyFile(dataDir));
  return readClinicKey(dataDir)!;
}

export function signManifest(key: ClinicKey, manifest: Buffer): string {
  return sign(null, manifest, key.privateKey).toString('base64');
}

export function verifyManifest(publicKeyBase64: string, manifest: Buffer, signatureBase64: string): boolean {
  try {
    return verify(null, manifest, publicKeyFromRaw(Buffer.from(publicKeyBase64, 'base64')), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
