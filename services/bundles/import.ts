// Importing a shared library bundle: a preview that changes nothing, then an apply that reads
// and checks the same file again, decides each item (new, updated, identical, older, or a
// conflict settled by the clinician's choice), backs the library up and writes everything in one
// transaction. Imported exercises are read-only copies (origin `imported`) with provenance; a
// newer bundle from the same source (same key, or the same clinic name when unsigned) updates
// them in place; importing the same bundle again finds everything identical and changes nothing.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { BundleApplyResult, BundlePreview, ConflictChoice, ItemStatus, ParsedArgsOf, PreviewItem } from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import type { BundleExercise, BundleTemplate } from '../../common/domain/bundle';
import { TemplateSchema, type Template } from '../../common/domain/template';
import {
  addTrustedClinic,
  exerciseProvenance,
  importedExerciseFrom,
  importedTemplateFrom,
  logBundleImport,
  readTranslation,
  replaceExercisePhotos,
  setExerciseProvenance,
  templateRecord,
  writeImportedTemplate,
  writeTranslation,
  type Provenance,
  type ProvenanceRow,
} from '../../db/queries/bundles';
import { ftsColumns, readExercise, readRow, toDraft, writeExercise, writeLinks } from '../../db/queries/exercises';
import { insertMedia } from '../../db/queries/media';
import { builtinIdsByCode } from '../../db/queries/templates';
import { createBackup } from '../backups/use-cases';
import type { ServiceContext } from '../context';
import { mediaPath, moveIntoStore } from '../media/store';
import type { StagedFile } from '../staging';
import { withBuiltinCodes } from './export';
import { readBundle, type ReadBundle } from './read-bundle';
import { asJob, type ImportJob } from './import-jobs';

/** A value as canonical JSON: object keys sorted, so equal content compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

interface Planned<T> {
  key: string;
  item: T;
  status: ItemStatus;
  local: { id: string; origin: string; originClinic: string | null } | null;
  detail: string | null;
}

interface Plan {
  exercises: Planned<BundleExercise>[];
  templates: Planned<BundleTemplate>[];
  /** Bundle exercise id → the id it has (or will have) here, before choices. */
  ids: Map<string, string>;
}

const source = (read: ReadBundle): { clinic: string; fingerprint: string | null } => ({
  clinic: read.manifest.clinicName,
  fingerprint: read.signature.fingerprint,
});

function exerciseContent({ draft, translations, photos }: Pick<BundleExercise, 'draft' | 'translations' | 'photos'>): string {
  const links = { progressionIds: [...draft.progressionIds].sort(), regressionIds: [...draft.regressionIds].sort() };
  return canonical({ draft: { ...draft, ...links }, translations, photos });
}

/** The local exercise as a bundle record would hold it, its links in bundle ids. */
function localExerciseContent(ctx: ServiceContext, id: string, toBundleId: (local: string) => string): string | null {
  const ex = readExercise(ctx.db, id);
  if (!ex) return null;
  const draft = toDraft(ex);
  const es = readTranslation(ctx.db, id, 'es');
  return exerciseContent({
    draft: { ...draft, progressionIds: draft.progressionIds.map(toBundleId), regressionIds: draft.regressionIds.map(toBundleId) },
    translations: es ? { es } : {},
    photos: ex.photos.map((p) => ({ sha256: p.sha256, caption: p.caption })),
  });
}

function conflictDetail(local: ProvenanceRow): string {
  if (local.origin === 'clinic') return 'Yours has changed since it was shared';
  if (local.origin === 'imported') return `You have a different version, imported from ${local.originClinic ?? 'another clinic'}`;
  return 'A built-in item has the same id';
}

function plan(ctx: ServiceContext, read: ReadBundle): Plan {
  const src = source(read);
  const ids = new Map<string, string>();
  const matched = read.exercises.map((e) => {
    const fromSource = importedExerciseFrom(ctx.db, e.id, src);
    const local = fromSource ?? exerciseProvenance(ctx.db, e.id);
    ids.set(e.id, local?.id ?? e.id);
    return { e, fromSource, local };
  });
  const toBundle = new Map([...ids].map(([b, l]) => [l, b]));
  const exercises = matched.map(({ e, fromSource, local }): Planned<BundleExercise> => {
    const key = `exercise:${e.id}`;
    const base = { key, item: e, local: local && { id: local.id, origin: local.origin, originClinic: local.originClinic } };
    if (!local) return { ...base, status: 'new', detail: null };
    const same = localExerciseContent(ctx, local.id, (l) => toBundle.get(l) ?? l) === exerciseContent(e);
    if (same) return { ...base, status: 'identical', detail: null };
    if (fromSource) {
      return (fromSource.originVersion ?? 0) < e.contentVersion
        ? { ...base, status: 'updated', detail: `Version ${e.contentVersion} replaces version ${fromSource.originVersion ?? 1}` }
        : { ...base, status: 'older', detail: 'You already have a later version; it stays as it is' };
    }
    return { ...base, status: 'conflict', detail: conflictDetail(local) };
  });

  const templates = read.templates.map((t): Planned<BundleTemplate> => {
    const key = `template:${t.template.id}`;
    const fromSource = importedTemplateFrom(ctx.db, t.template.id, src);
    const local = fromSource ?? templateRecord(ctx.db, t.template.id);
    const base = { key, item: t, local: local && { id: local.id, origin: local.origin, originClinic: local.originClinic } };
    if (!local) return { ...base, status: 'new', detail: null };
    const mine = withBuiltinCodes(ctx, TemplateSchema.parse(JSON.parse(local.doc)));
    const same =
      canonical({ ...remapTemplate(t.template, ids), id: null, version: null }) === canonical({ ...mine, id: null, version: null });
    if (same) return { ...base, status: 'identical', detail: null };
    if (fromSource) {
      return (fromSource.originVersion ?? 0) < t.template.version
        ? { ...base, status: 'updated', detail: `Version ${t.template.version} replaces version ${fromSource.originVersion ?? 1}` }
        : { ...base, status: 'older', detail: 'You already have a later version; it stays as it is' };
    }
    return { ...base, status: 'conflict', detail: conflictDetail(local) };
  });
  return { exercises, templates, ids };
}

function remapTemplate(t: Template, ids: Map<string, string>): Template {
  return {
    ...t,
    stages: t.stages.map((s) => ({
      ...s,
      items: s.items.map((i) => (i.exerciseId === null ? i : { ...i, exerciseId: ids.get(i.exerciseId) ?? i.exerciseId })),
    })),
  };
}

function previewItems(p: Plan): PreviewItem[] {
  return [
    ...p.exercises.map((x) => ({
      key: x.key,
      kind: 'exercise' as const,
      name: x.item.draft.text.name,
      status: x.status,
      detail: x.detail,
    })),
    ...p.templates.map((x) => ({ key: x.key, kind: 'template' as const, name: x.item.template.name, status: x.status, detail: x.detail })),
  ];
}

function cleanUp(read: ReadBundle): void {
  fs.rmSync(read.stagingDir, { recursive: true, force: true });
}

export function previewBundle(ctx: ServiceContext, file: StagedFile, fileName?: string, jobId?: string): Promise<BundlePreview> {
  return asJob(ctx, jobId, (job) => previewWith(ctx, file, fileName, job));
}

async function previewWith(ctx: ServiceContext, file: StagedFile, fileName: string | undefined, job: ImportJob): Promise<BundlePreview> {
  const read = await readBundle(ctx, file.path, fileName, job);
  try {
    const m = read.manifest;
    return {
      bundleSha256: read.sha256,
      bundleId: m.bundleId,
      clinicName: m.clinicName,
      createdAt: m.createdAt,
      licence: m.licence,
      appVersion: m.appVersion,
      signature: { state: read.signature.state, fingerprint: read.signature.fingerprint, trustedAs: read.signature.trustedAs },
      counts: m.counts,
      items: previewItems(plan(ctx, read)),
    };
  } finally {
    cleanUp(read);
  }
}

type Action = 'skip' | 'write' | 'copy';

function actionOf(status: ItemStatus, choice: ConflictChoice, localOrigin: string | undefined): Action {
  if (status === 'new' || status === 'updated') return 'write';
  if (status !== 'conflict' || choice === 'mine') return 'skip';
  // A built-in is never overwritten: "take theirs" keeps both.
  return choice === 'both' || localOrigin === 'builtin' ? 'copy' : 'write';
}

export function applyBundle(ctx: ServiceContext, file: StagedFile, args: ParsedArgsOf<'bundles.apply'>): Promise<BundleApplyResult> {
  return asJob(ctx, args.jobId, (job) => applyWith(ctx, file, args, job));
}

async function applyWith(
  ctx: ServiceContext,
  file: StagedFile,
  args: ParsedArgsOf<'bundles.apply'>,
  job: ImportJob,
): Promise<BundleApplyResult> {
  const read = await readBundle(ctx, file.path, args.fileName, job);
  try {
    if (read.sha256 !== args.bundleSha256) {
      throw new ServiceError('conflict', 'This is not the file that was previewed. Open it again to see its preview. Nothing was changed.');
    }
    const p = plan(ctx, read);
    const choose = (key: string): ConflictChoice => args.choices[key] ?? args.allConflicts;
    const exerciseActions = p.exercises.map((x) => ({ x, action: actionOf(x.status, choose(x.key), x.local?.origin) }));
    const templateActions = p.templates.map((x) => ({ x, action: actionOf(x.status, choose(x.key), x.local?.origin) }));
    const counted = [...exerciseActions, ...templateActions];
    const result: BundleApplyResult = {
      added: counted.filter((a) => a.action === 'copy' || (a.action === 'write' && a.x.status === 'new')).length,
      updated: counted.filter((a) => a.action === 'write' && a.x.status !== 'new').length,
      unchanged: counted.filter((a) => a.x.status === 'identical' || a.x.status === 'older').length,
      keptMine: counted.filter((a) => a.x.status === 'conflict' && a.action === 'skip').length,
      safetyBackup: null,
    };
    const trust = args.trustSigner && read.signature.state === 'unknown';
    if (result.added + result.updated === 0 && !trust) return result;

    job.enter('backup');
    job.check();
    result.safetyBackup = (await createBackup(ctx, 'before-bundle')).name;
    // Past this point the import runs to the end: a cancel asked for during the backup still stops it here.
    job.commit();
    // Final ids: a copy ("keep both") gets a new one; everything else keeps the id it matched.
    const ids = new Map(p.ids);
    for (const { x, action } of exerciseActions) if (action === 'copy') ids.set(x.item.id, randomUUID());
    const written = exerciseActions.filter((a) => a.action !== 'skip');
    // Photos enter the store before the rows that show them (a crash between leaves an unused
    // file, which the start-up sweep removes), never the other way round.
    const needed = new Set(written.flatMap((a) => a.x.item.photos.map((ph) => ph.sha256)));
    for (const [hash, photo] of read.photos) {
      if (!needed.has(hash) || !photo.full || !photo.thumb) continue;
      moveIntoStore(photo.full, mediaPath(ctx.dataDir, hash, 'full', photo.mime));
      moveIntoStore(photo.thumb, mediaPath(ctx.dataDir, hash, 'thumb', photo.mime));
    }
    const now = ctx.now().toISOString();
    const m = read.manifest;
    const provenance = (itemId: string, version: number): Provenance => ({
      bundleId: m.bundleId,
      clinic: m.clinicName,
      fingerprint: read.signature.fingerprint,
      itemId,
      version,
      importedAt: now,
    });
    ctx.db
      .transaction(() => {
        for (const hash of needed) {
          const photo = read.photos.get(hash)!;
          insertMedia(ctx.db, {
            sha256: hash,
            mime: photo.mime,
            width: photo.width,
            height: photo.height,
            bytes: photo.bytes,
            createdAt: now,
          });
        }
        const builtins = builtinIdsByCode(
          ctx.db,
          written.flatMap((a) => (a.x.item.basedOnCode ? [a.x.item.basedOnCode] : [])),
        );
        const seqs: { seq: number; e: BundleExercise }[] = [];
        for (const { x, action } of written) {
          const e = x.item;
          const id = ids.get(e.id)!;
          const existing = action === 'copy' ? null : readRow(ctx.db, id);
          const { progressionIds: _p, regressionIds: _r, ...draft } = e.draft;
          const seq = writeExercise(
            ctx.db,
            {
              id,
              code: null,
              origin: 'imported',
              originBundleId: m.bundleId,
              originBundleName: m.clinicName,
              basedOnId: e.basedOnCode ? (builtins.get(e.basedOnCode) ?? null) : null,
              contentVersion: e.contentVersion,
              createdAt: existing?.created_at ?? now,
              updatedAt: now,
              archivedAt: null,
            },
            draft,
          );
          setExerciseProvenance(ctx.db, seq, provenance(e.id, e.contentVersion));
          replaceExercisePhotos(ctx.db, seq, e.photos);
          writeTranslation(ctx.db, seq, 'es', e.translations.es ?? null);
          const fts = ftsColumns(e.draft);
          ctx.search.learn(`${fts.name} ${fts.body} ${fts.tags}`);
          seqs.push({ seq, e });
        }
        const mapIds = (list: string[]): string[] => list.map((x) => ids.get(x) ?? x);
        for (const { seq, e } of seqs) writeLinks(ctx.db, seq, mapIds(e.draft.progressionIds), mapIds(e.draft.regressionIds));
        for (const { x, action } of templateActions) {
          if (action === 'skip') continue;
          const t = x.item.template;
          const id = action === 'copy' ? `clinic-${randomUUID()}` : (x.local?.id ?? t.id);
          const doc = TemplateSchema.parse({ ...remapTemplate(t, ids), id });
          writeImportedTemplate(
            ctx.db,
            { id, name: t.name, description: t.description, doc: JSON.stringify(doc) },
            provenance(t.id, t.version),
          );
        }
        if (trust) {
          addTrustedClinic(ctx.db, {
            fingerprint: read.signature.fingerprint!,
            publicKey: read.signature.publicKey!,
            clinicName: m.clinicName,
            addedAt: now,
          });
        }
        logBundleImport(ctx.db, {
          bundleId: m.bundleId,
          clinicName: m.clinicName,
          fingerprint: read.signature.fingerprint,
          signature: trust ? 'trusted' : read.signature.state,
          bundleSha256: read.sha256,
          added: result.added,
          updated: result.updated,
          importedAt: now,
        });
      })
      .immediate();
    return result;
  } finally {
    cleanUp(read);
  }
}
