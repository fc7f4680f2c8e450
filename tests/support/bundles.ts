// Shared library bundles for tests: a clinic library worth sharing (own exercises with photos and
// links, a changed built-in, a template naming both kinds), export to bytes, preview and apply
// through dispatch like a host, and snapshots of everything an import must leave alone.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ServiceContext } from '../../services/context';
import { DEFAULT_SETTINGS, type ArgsOf, type BundleApplyResult, type BundlePreview, type ExportSelection } from '../../common/contract';
import { writeBundle } from '../../services/bundles/export';
import type { Exercise } from '../../common/domain/exercise';
import { call } from './call';
import { sampleDraft, tempDir } from './fixtures';
import { samplePatient } from './patients';

export async function photo(colour: { r: number; g: number; b: number }, format: 'png' | 'jpeg' = 'jpeg'): Promise<Buffer> {
  const s = sharp({ create: { width: 64, height: 48, channels: 3, background: colour } });
  return (format === 'png' ? s.png() : s.jpeg()).toBuffer();
}

async function builtinId(ctx: ServiceContext, code: string): Promise<string> {
  const found = await call(ctx, 'library.search', { query: code, limit: 5 });
  const hit = found.items.find((i) => i.code === code);
  if (!hit) throw new Error(`no built-in ${code}`);
  return hit.id;
}

export interface SharedLibrary {
  own: Exercise[];
  changedBuiltin: Exercise;
  templateId: string;
}

/** A clinic library: two own exercises (linked, with photos, one shared), a changed built-in, a template. */
export async function buildClinicLibrary(ctx: ServiceContext, clinicName = 'North Spine Clinic'): Promise<SharedLibrary> {
  await call(ctx, 'settings.save', { settings: { ...DEFAULT_SETTINGS, clinicName } });
  const text = sampleDraft().text;
  const a = await call(ctx, 'library.create', { draft: sampleDraft({ text: { ...text, name: 'Wall slide hold' }, tags: ['wall'] }) });
  const b = await call(ctx, 'library.create', {
    draft: sampleDraft({ text: { ...text, name: 'Wall slide march' }, stage: 3, regressionIds: [a.id] }),
  });
  const red = await photo({ r: 200, g: 30, b: 30 });
  const blue = await photo({ r: 30, g: 30, b: 200 }, 'png');
  await call(ctx, 'media.attach', { exerciseId: a.id, fileName: 'a.jpg', dataBase64: red.toString('base64'), caption: 'Start' });
  await call(ctx, 'media.attach', { exerciseId: b.id, fileName: 'b.jpg', dataBase64: red.toString('base64'), caption: null });
  await call(ctx, 'media.attach', { exerciseId: b.id, fileName: 'b.png', dataBase64: blue.toString('base64'), caption: 'End' });
  const dup = await call(ctx, 'library.duplicate', { id: await builtinId(ctx, 'L2-01') });
  const changed = await call(ctx, 'library.update', {
    id: dup.id,
    contentVersion: dup.contentVersion,
    draft: { ...sampleDraft(), text: { ...text, name: 'Bird dog, our way' }, clinicianNotes: 'Slower tempo for our patients' },
  });
  // A template saved from a program: the program belongs to a patient, the template never does.
  const patient = await call(ctx, 'patients.create', { patient: samplePatient() });
  const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'Program for a template' });
  await call(ctx, 'programs.apply', {
    id: program.id,
    revision: 1,
    action: { type: 'add-item', stage: 1, itemId: randomUUID(), exerciseId: a.id },
  });
  await call(ctx, 'programs.apply', {
    id: program.id,
    revision: 2,
    action: { type: 'add-item', stage: 2, itemId: randomUUID(), exerciseId: await builtinId(ctx, 'L1-01') },
  });
  const template = await call(ctx, 'templates.saveFromProgram', { programId: program.id, name: 'Our wall progression' });
  return {
    own: [await call(ctx, 'library.get', { id: a.id }), await call(ctx, 'library.get', { id: b.id })],
    changedBuiltin: changed,
    templateId: template.id,
  };
}

export const SHARE_ALL: ExportSelection = {
  exercises: 'all',
  includeChangedBuiltins: true,
  templates: 'all',
  licence: 'cc-by-4.0',
  sign: true,
};

/** Exports as Electron's main does (writeBundle to a chosen path) and reads the file back. */
export async function exportBytes(ctx: ServiceContext, selection: ExportSelection = SHARE_ALL): Promise<Buffer> {
  const file = path.join(tempDir('loadwise-bundle-out-'), 'Shared.loadwise-library');
  writeBundle(ctx, selection, file);
  return fs.readFileSync(file);
}

export function previewOf(ctx: ServiceContext, bytes: Buffer, fileName = 'Shared.loadwise-library'): Promise<BundlePreview> {
  return call(ctx, 'bundles.preview', { fileName, dataBase64: bytes.toString('base64') });
}

export async function importAll(
  ctx: ServiceContext,
  bytes: Buffer,
  options: Partial<Omit<ArgsOf<'bundles.apply'>, 'bundleSha256'>> = {},
): Promise<{ preview: BundlePreview; result: BundleApplyResult }> {
  const preview = await previewOf(ctx, bytes);
  const result = await call(ctx, 'bundles.apply', {
    allConflicts: 'mine',
    fileName: 'Shared.loadwise-library',
    ...options,
    bundleSha256: preview.bundleSha256,
    dataBase64: bytes.toString('base64'),
  });
  return { preview, result };
}

/** Every file under a folder with its SHA-256: the media folder before and after must be equal. */
export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Every row of every table (except the FTS shadow tables), as text: the database's content. */
export function databaseContent(ctx: ServiceContext): string {
  const tables = ctx.db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'exercise_fts%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return tables.map((t) => `${t}:${JSON.stringify(ctx.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all())}`).join('\n');
}

/** A library with `n` own exercises, each with its own photo (distinct colours): a bundle that takes a while to check. */
export async function libraryWithPhotos(ctx: ServiceContext, n: number, clinicName = 'Photo Clinic'): Promise<void> {
  await call(ctx, 'settings.save', { settings: { ...DEFAULT_SETTINGS, clinicName } });
  const text = sampleDraft().text;
  for (let i = 0; i < n; i++) {
    const ex = await call(ctx, 'library.create', { draft: sampleDraft({ text: { ...text, name: `Photo exercise ${i + 1}` } }) });
    const bytes = await photo({ r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 13 + 50) % 256 });
    await call(ctx, 'media.attach', { exerciseId: ex.id, fileName: `p${i}.jpg`, dataBase64: bytes.toString('base64'), caption: null });
  }
}
