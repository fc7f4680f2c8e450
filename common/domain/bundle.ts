// A shared library bundle (`.loadwise-library`, issue 13): a zip holding `manifest.json`, an
// optional `signature.json`, the records as JSON and photos stored once by content hash. These
// are the shapes every entry must have; records reuse the app's own exercise and template
// schemas, so a bundle can never carry what the editor would refuse. No patient data has a place
// here: there is no field that could hold it.
import { z } from 'zod';
import { ExerciseDraftSchema, ExerciseTextSchema } from './exercise';
import { BuiltinCodeSchema, TemplateSchema } from './template';

export const BUNDLE_FORMAT = 'loadwise-library';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.loadwise-library';

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'signature.json';
export const EXERCISES_ENTRY = 'records/exercises.json';
export const TEMPLATES_ENTRY = 'records/templates.json';
/** Photos: `media/<sha256>.png|jpg`, the hash of the bytes themselves. */
export const MEDIA_ENTRY = /^media\/([a-f0-9]{64})\.(png|jpg)$/;

/** Licences a clinic can put on what it shares. */
export const LICENCES = ['all-rights-reserved', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc0-1.0'] as const;
export type Licence = (typeof LICENCES)[number];
export const LicenceSchema = z.enum(LICENCES);

const Sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, 'Expected a SHA-256 hex digest');
const count = z.number().int().min(0).max(100_000);

export const ManifestEntrySchema = z
  .object({
    name: z.string().min(1).max(200),
    sha256: Sha256Schema,
    bytes: z
      .number()
      .int()
      .min(0)
      .max(1024 ** 3),
  })
  .strict();

export const BundleManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.number().int().min(1).max(1000),
    appVersion: z.string().min(1).max(40),
    bundleId: z.uuid(),
    clinicName: z.string().trim().min(1).max(120),
    createdAt: z.iso.datetime(),
    licence: LicenceSchema,
    counts: z.object({ exercises: count, templates: count, photos: count }).strict(),
    entries: z.array(ManifestEntrySchema).max(5000),
  })
  .strict();
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

export const BundleSignatureSchema = z
  .object({
    algorithm: z.literal('ed25519'),
    /** The raw 32-byte Ed25519 public key, base64. */
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'Expected a base64 Ed25519 public key'),
    /** Over the exact bytes of manifest.json, base64 (64 bytes). */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'Expected a base64 Ed25519 signature'),
  })
  .strict();
export type BundleSignature = z.infer<typeof BundleSignatureSchema>;

export const BundlePhotoSchema = z.object({ sha256: Sha256Schema, caption: z.string().trim().max(200).nullable() }).strict();

export const BundleExerciseSchema = z
  .object({
    /** The exercise's id in the sending clinic's library. */
    id: z.uuid(),
    contentVersion: z.number().int().min(1).max(1_000_000),
    /** The built-in it was duplicated from, by code (stable across installations); null otherwise. */
    basedOnCode: BuiltinCodeSchema.nullable(),
    /** Links name other exercises of the same bundle by their ids. */
    draft: ExerciseDraftSchema,
    translations: z.object({ es: ExerciseTextSchema.optional() }).strict(),
    photos: z.array(BundlePhotoSchema).max(12),
  })
  .strict();
export type BundleExercise = z.infer<typeof BundleExerciseSchema>;

export const BundleTemplateSchema = z
  .object({
    /** Items name built-ins by code and the bundle's exercises by their ids. */
    template: TemplateSchema,
  })
  .strict();
export type BundleTemplate = z.infer<typeof BundleTemplateSchema>;

export const BundleExercisesSchema = z.array(BundleExerciseSchema).max(20_000);
export const BundleTemplatesSchema = z.array(BundleTemplateSchema).max(2_000);

/** How a bundle's signature stands: a bundle whose signature does not match is refused outright. */
export type SignatureState = 'trusted' | 'unknown' | 'unsigned';
