// Writes a shared library bundle: the clinic's own exercises (all or chosen), the built-ins it
// duplicated and changed, its templates with the exercises they name, and their photos once each
// by hash. Reads the exercise, media and template tables only, never a patient table. The same
// content and clock give the same bytes: entries sorted, one fixed timestamp, keys in a fixed
// order, a bundle id derived from the content, and Ed25519 signatures are deterministic.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { ExportSelectionSchema, type BundleWritten, type ExportSelection } from '../../common/contract/bundles';
import { describeZodError } from '../../common/contract/issues';
import { ServiceError } from '../../common/contract/result';
import {
  BUNDLE_EXTENSION,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleExerciseSchema,
  BundleManifestSchema,
  EXERCISES_ENTRY,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  TEMPLATES_ENTRY,
  type BundleExercise,
  type BundleManifest,
  type BundleTemplate,
} from '../../common/domain/bundle';
import { TemplateSchema, type Template } from '../../common/domain/template';
import { clinicExerciseIds, exerciseOriginById, ownTemplates, readTranslation } from '../../db/queries/bundles';
import { readExercise, toDraft } from '../../db/queries/exercises';
import { readSettings } from '../../db/queries/settings';
import { fsyncDir } from '../../db/backup';
import type { ServiceContext } from '../context';
import { mediaPath } from '../media/store';
import { asDiskProblem, stagingDir } from '../staging';
import { ensurePrivateDir } from '../../db/open';
import { writePrivateFile } from '../private-file';
import { ensureClinicKey, signManifest } from './clinic-key';

/** Every entry's timestamp: a fixed local date (zip times are local), so bytes do not depend on the clock. */
const ENTRY_TIME = new Date(1980, 0, 1, 12, 0, 0);

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 1)}\n`, 'utf8');

/** A UUID (version 8, RFC 9562) made from a content hash, so the same content keeps one id. */
function contentUuid(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '8';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** A file name with nothing a file system refuses. */
export function bundleFileName(clinic: string, createdAt: string): string {
  const safe =
    clinic
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'Loadwise';
  return `${safe} library ${createdAt.slice(0, 10)}${BUNDLE_EXTENSION}`;
}

/** A template with its built-in exercises named by code (stable across installations) rather than by id. */
export function withBuiltinCodes(ctx: ServiceContext, t: Template): Template {
  const stages = t.stages.map((s) => ({
    ...s,
    items: s.items.map((item) => {
      const origin = item.exerciseId === null ? null : exerciseOriginById(ctx.db, item.exerciseId);
      return origin?.origin === 'builtin' && origin.code ? { ...item, code: origin.code, exerciseId: null } : item;
    }),
  }));
  return TemplateSchema.parse({ ...t, stages });
}

interface Chosen {
  exerciseIds: Set<string>;
  templates: Template[];
}

function choose(ctx: ServiceContext, sel: ExportSelection): Chosen {
  const own = clinicExerciseIds(ctx.db);
  const ownIds = new Set(own.map((e) => e.id));
  const exerciseIds = new Set<string>();
  if (sel.exercises === 'all') {
    for (const e of own) if (e.basedOnCode === null) exerciseIds.add(e.id);
  } else {
    for (const id of sel.exercises) {
      if (!ownIds.has(id))
        throw new ServiceError('not_found', 'One of the chosen exercises is not one of the clinic’s own. Nothing was exported.');
      exerciseIds.add(id);
    }
  }
  if (sel.includeChangedBuiltins) for (const e of own) if (e.basedOnCode !== null) exerciseIds.add(e.id);

  const all = ownTemplates(ctx.db);
  const rows = sel.templates === 'all' ? all : all.filter((t) => (sel.templates as string[]).includes(t.id));
  if (sel.templates !== 'all' && rows.length !== sel.templates.length) {
    throw new ServiceError('not_found', 'One of the chosen templates is not one of the clinic’s own. Nothing was exported.');
  }
  const templates = rows.map((row) => {
    const t = withBuiltinCodes(ctx, TemplateSchema.parse(JSON.parse(row.doc)));
    for (const item of t.stages.flatMap((s) => s.items)) {
      if (item.exerciseId === null) continue;
      if (!exerciseOriginById(ctx.db, item.exerciseId)) {
        throw new ServiceError(
          'not_found',
          `The template “${t.name}” names an exercise that is no longer in the library. Nothing was exported.`,
        );
      }
      // Each exercise of the clinic's that a template names goes into the bundle with it.
      exerciseIds.add(item.exerciseId);
    }
    return t;
  });
  return { exerciseIds, templates };
}

function exerciseRecord(ctx: ServiceContext, id: string, inBundle: Set<string>, basedOnCode: string | null): BundleExercise {
  const ex = readExercise(ctx.db, id);
  if (!ex) throw new ServiceError('not_found', 'An exercise was removed while the bundle was being made. Nothing was exported.');
  const draft = toDraft(ex);
  const es = readTranslation(ctx.db, id, 'es');
  return BundleExerciseSchema.parse({
    id: ex.id,
    contentVersion: ex.contentVersion,
    basedOnCode,
    draft: {
      ...draft,
      progressionIds: draft.progressionIds.filter((x) => inBundle.has(x)),
      regressionIds: draft.regressionIds.filter((x) => inBundle.has(x)),
    },
    translations: es ? { es } : {},
    photos: ex.photos.map((p) => ({ sha256: p.sha256, caption: p.caption })),
  });
}

/** Builds the bundle in memory (bundles are capped at 200 MB) and returns its bytes. */
export function buildBundle(
  ctx: ServiceContext,
  sel: ExportSelection,
): { bytes: Uint8Array; manifest: BundleManifest; fingerprint: string | null } {
  const { exerciseIds, templates } = choose(ctx, sel);
  const basedOn = new Map(clinicExerciseIds(ctx.db).map((e) => [e.id, e.basedOnCode]));
  const exercises = [...exerciseIds].sort().map((id) => exerciseRecord(ctx, id, exerciseIds, basedOn.get(id) ?? null));
  const templateRecords: BundleTemplate[] = templates.sort((a, b) => (a.id < b.id ? -1 : 1)).map((template) => ({ template }));

  const files = new Map<string, Buffer>();
  files.set(EXERCISES_ENTRY, json(exercises));
  files.set(TEMPLATES_ENTRY, json(templateRecords));
  const photoHashes = [...new Set(exercises.flatMap((e) => e.photos.map((p) => p.sha256)))].sort();
  for (const hash of photoHashes) {
    const ex = exercises.find((e) => e.photos.some((p) => p.sha256 === hash))!;
    const mime = readExercise(ctx.db, ex.id)!.photos.find((p) => p.sha256 === hash)!.mime;
    const bytes = fs.readFileSync(mediaPath(ctx.dataDir, hash, 'full', mime));
    if (sha256(bytes) !== hash) throw new ServiceError('internal', 'A stored photo does not match its hash. Nothing was exported.');
    files.set(`media/${hash}.${mime === 'image/png' ? 'png' : 'jpg'}`, bytes);
  }

  const entries = [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, bytes]) => ({ name, sha256: sha256(bytes), bytes: bytes.length }));
  const clinicName = readSettings(ctx.db)?.clinicName || 'Unnamed clinic';
  const contentId = sha256(Buffer.from(JSON.stringify({ clinicName, licence: sel.licence, entries })));
  const manifest = BundleManifestSchema.parse({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: ctx.appVersion,
    bundleId: contentUuid(contentId),
    clinicName,
    createdAt: ctx.now().toISOString(),
    licence: sel.licence,
    counts: { exercises: exercises.length, templates: templateRecords.length, photos: photoHashes.length },
    entries,
  });
  const manifestBytes = json(manifest);
  files.set(MANIFEST_ENTRY, manifestBytes);
  let fingerprint: string | null = null;
  if (sel.sign) {
    const key = ensureClinicKey(ctx.dataDir);
    fingerprint = key.fingerprint;
    files.set(SIGNATURE_ENTRY, json({ algorithm: 'ed25519', publicKey: key.publicKeyBase64, signature: signManifest(key, manifestBytes) }));
  }

  const zippable: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    zippable[name] = [files.get(name)!, { level: name.startsWith('media/') ? 0 : 6, mtime: ENTRY_TIME }];
  }
  return { bytes: zipSync(zippable), manifest, fingerprint };
}

/**
 * Checks a selection that came from the window (hosts call this before any dialog or file): the
 * same schema the contract used, refused with the field named.
 */
export function parseExportSelection(raw: unknown): ExportSelection {
  const parsed = ExportSelectionSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ServiceError('invalid_argument', `Export choices: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** The name offered in a save dialog before the bundle is made: the clinic's name and today's date. */
export function suggestedBundleName(ctx: ServiceContext): string {
  return bundleFileName(readSettings(ctx.db)?.clinicName || 'Unnamed clinic', ctx.now().toISOString());
}

/**
 * Writes `bytes` to `destination` so that it appears whole or not at all: written to a temporary
 * name beside it (unique, so two writers never share one), flushed to disk, then renamed over.
 * Also what publishing into a shared folder uses.
 */
export function writeFileAtomically(destination: string, bytes: Uint8Array): void {
  const part = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomUUID()}.part`);
  try {
    writePrivateFile(part, bytes);
    fs.renameSync(part, destination);
    fsyncDir(path.dirname(destination));
  } catch (err) {
    fs.rmSync(part, { force: true });
    throw asDiskProblem(err);
  }
}

function written(manifest: BundleManifest, fingerprint: string | null, file: string, size: number): BundleWritten {
  return {
    fileName: path.basename(file),
    bytes: size,
    bundleId: manifest.bundleId,
    counts: manifest.counts,
    fingerprint,
  };
}

/** Makes the bundle and writes it at `destination` (Electron's save dialog chose it). */
export function writeBundle(ctx: ServiceContext, sel: ExportSelection, destination: string): BundleWritten {
  const { bytes, manifest, fingerprint } = buildBundle(ctx, sel);
  writeFileAtomically(destination, bytes);
  return written(manifest, fingerprint, destination, bytes.length);
}

/** A bundle made into the staging folder, waiting for its download (browser mode); the caller disposes of it. */
export interface PreparedBundle {
  file: string;
  /** The name the download offers. */
  fileName: string;
  summary: BundleWritten;
  dispose(): void;
}

export function prepareBundle(ctx: ServiceContext, sel: ExportSelection): PreparedBundle {
  const { bytes, manifest, fingerprint } = buildBundle(ctx, sel);
  const dir = stagingDir(ctx.dataDir);
  ensurePrivateDir(dir);
  const file = path.join(dir, `${randomUUID()}.bundle`);
  try {
    fs.writeFileSync(file, bytes, { mode: 0o600 });
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw asDiskProblem(err);
  }
  const fileName = bundleFileName(manifest.clinicName, manifest.createdAt);
  return {
    file,
    fileName,
    summary: { ...written(manifest, fingerprint, file, bytes.length), fileName },
    dispose: () => fs.rmSync(file, { force: true }),
  };
}
