// Calls for sharing libraries between clinics (issue 13): exporting a `.loadwise-library` bundle,
// previewing one before anything changes, applying it with a choice per conflict, the clinic's
// signing key and the clinics this library trusts.
import { z } from 'zod';
import { LicenceSchema, type Licence, type SignatureState } from '../domain/bundle';
import { call, Id } from './define';

/** Largest bundle accepted on the byte lane (the reader's own cap is the same). */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

const TemplateId = z.string().min(1).max(80);
const Fingerprint = z.string().regex(/^[a-f0-9]{64}$/, 'Expected a key fingerprint');

export const ExportSelectionSchema = z
  .object({
    /** 'all' or the chosen ones among the clinic's own exercises. */
    exercises: z.union([z.literal('all'), z.array(Id).max(20_000)]),
    /** The built-in exercises the clinic duplicated and changed. */
    includeChangedBuiltins: z.boolean(),
    templates: z.union([z.literal('all'), z.array(TemplateId).max(2_000)]),
    licence: LicenceSchema,
    sign: z.boolean(),
  })
  .strict();
export type ExportSelection = z.infer<typeof ExportSelectionSchema>;

/**
 * What an export wrote. A bundle is never a call's answer: Electron's main writes it where the save
 * dialog says (electron/main/host-transfer.ts) and browser mode streams it as a download
 * (browser-mode/export-downloads.ts), so its bytes never travel as text.
 */
export interface BundleWritten {
  fileName: string;
  bytes: number;
  bundleId: string;
  counts: { exercises: number; templates: number; photos: number };
  fingerprint: string | null;
}

/** What an export can hold, by name: the clinic's own exercises (and which are changed built-ins) and its templates. */
export interface ExportableItems {
  exercises: { id: string; name: string; changedBuiltin: boolean }[];
  templates: { id: string; name: string }[];
}

export type ItemStatus = 'new' | 'updated' | 'identical' | 'conflict' | 'older';
export type ConflictChoice = 'mine' | 'theirs' | 'both';

export interface PreviewItem {
  /** `exercise:<id>` or `template:<id>`, the bundle's ids: what a choice names. */
  key: string;
  kind: 'exercise' | 'template';
  name: string;
  status: ItemStatus;
  /** For a conflict or an update: why, in words. */
  detail: string | null;
}

export interface BundlePreview {
  bundleSha256: string;
  bundleId: string;
  clinicName: string;
  createdAt: string;
  licence: Licence;
  appVersion: string;
  signature: { state: SignatureState; fingerprint: string | null; trustedAs: string | null };
  counts: { exercises: number; templates: number; photos: number };
  items: PreviewItem[];
}

export interface BundleApplyResult {
  added: number;
  updated: number;
  unchanged: number;
  keptMine: number;
  /** The backup taken before the change; null when nothing changed (and no backup was needed). */
  safetyBackup: string | null;
}

/** How far a previewed or applied bundle has got (bundles.progress). */
export interface ImportProgress {
  /** reading: entries checked and photos decoded (done of total photos); backup; writing: past cancelling; done. */
  phase: 'reading' | 'backup' | 'writing' | 'done';
  done: number;
  total: number;
  cancelRequested: boolean;
  /** False once the import has started writing: it then runs to the end. */
  cancellable: boolean;
}

/** The clinic group's shared folder on this computer (null: none named). */
export interface GroupFolderInfo {
  folder: string | null;
}

/**
 * A library file in the shared folder: new from a trusted clinic, already imported, this
 * workstation's own, from a clinic not trusted here, or not readable yet (with the reason).
 */
export interface GroupFile {
  name: string;
  status: 'new' | 'imported' | 'yours' | 'untrusted' | 'unreadable';
  clinicName: string | null;
  createdAt: string | null;
  fingerprint: string | null;
  counts: { exercises: number; templates: number; photos: number } | null;
  problem: string | null;
}

export interface GroupCheck {
  /** Null when this computer names no group folder (then nothing is listed). */
  folder: string | null;
  checkedAt: string;
  files: GroupFile[];
}

export interface ClinicKeyInfo {
  fingerprint: string | null;
  publicKey: string | null;
}

export interface TrustedClinic {
  fingerprint: string;
  clinicName: string;
  addedAt: string;
}

/** The file's name as the clinician sees it, for messages (never used as a path). */
const FileName = z.string().trim().min(1).max(260);
const ItemKey = z.string().regex(/^(exercise|template):[A-Za-z0-9-]{1,80}$/, 'Expected an item key');
const Choice = z.enum(['mine', 'theirs', 'both']);
/** The window's own id for a long preview or import, to ask its progress or cancel it. */
const JobId = z.uuid();
/** A file's name in the shared folder, never a path. */
const GroupFileName = z.string().regex(/^[^/\\.][^/\\]{0,254}\.loadwise-library$/i, 'Expected a library file name');

/** What applying a previewed file takes, wherever the file comes from. */
const APPLY_CHOICES = {
  /** The preview's bundleSha256: the file must be the one previewed. */
  bundleSha256: z.string().regex(/^[a-f0-9]{64}$/),
  allConflicts: Choice,
  choices: z.record(ItemKey, Choice).default({}),
  /** Also trust the signing clinic (a bundle signed by an unknown key). */
  trustSigner: z.boolean().default(false),
  jobId: JobId.optional(),
};

export const bundleCalls = {
  'bundles.exportable': call<ExportableItems>()(z.object({}).strict()),
  'bundles.preview': call<BundlePreview>()(z.object({ fileName: FileName, jobId: JobId.optional() }).strict(), {
    maxBytes: MAX_BUNDLE_BYTES,
    fileNoun: 'Library bundles',
  }),
  'bundles.apply': call<BundleApplyResult>()(z.object({ fileName: FileName, ...APPLY_CHOICES }).strict(), {
    maxBytes: MAX_BUNDLE_BYTES,
    fileNoun: 'Library bundles',
  }),
  'bundles.progress': call<ImportProgress | null>()(z.object({ jobId: JobId }).strict()),
  'bundles.cancel': call<{ cancelled: boolean }>()(z.object({ jobId: JobId }).strict()),
  'bundles.groupFolder': call<GroupFolderInfo>()(z.object({}).strict()),
  'bundles.setGroupFolder': call<GroupFolderInfo>()(z.object({ folder: z.string().trim().min(1).max(1000).nullable() }).strict()),
  'bundles.publish': call<BundleWritten>()(z.object({ licence: LicenceSchema }).strict()),
  'bundles.checkGroup': call<GroupCheck>()(z.object({}).strict()),
  'bundles.previewGroupFile': call<BundlePreview>()(z.object({ name: GroupFileName, jobId: JobId.optional() }).strict()),
  'bundles.applyGroupFile': call<BundleApplyResult>()(z.object({ name: GroupFileName, ...APPLY_CHOICES }).strict()),
  'bundles.keyInfo': call<ClinicKeyInfo>()(z.object({}).strict()),
  'bundles.createKey': call<ClinicKeyInfo>()(z.object({}).strict()),
  'bundles.trustedList': call<TrustedClinic[]>()(z.object({}).strict()),
  'bundles.trust': call<TrustedClinic>()(
    z
      .object({
        clinicName: z.string().trim().min(1).max(120),
        publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'Expected a base64 Ed25519 public key'),
      })
      .strict(),
  ),
  'bundles.untrust': call<{ removed: boolean }>()(z.object({ fingerprint: Fingerprint }).strict()),
};
