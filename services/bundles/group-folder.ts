// A clinic group without a server: each workstation names a folder the group already syncs (a
// network share, a synced cloud drive). Publishing writes this workstation's signed bundle there
// under a name of its own (the clinic and its key's fingerprint), atomically: written to a unique
// temporary name beside it (starting with a dot), flushed, then renamed over the last one, so two
// workstations publishing at once never write the same file and a reader never sees half of one.
// Checking lists the folder's bundles by their manifest and signature alone: new ones from trusted
// clinics are offered for import through the usual preview; a file that cannot be read yet (half
// synced, damaged) is listed with the reason and read again at the next check. A file is imported
// from a copy in staging, so a sync that changes it meanwhile cannot change what is imported.
// The folder is this computer's setting, kept in the data folder (group-folder.json), not in the
// library, which moves between computers.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  MAX_BUNDLE_BYTES,
  type BundleApplyResult,
  type BundlePreview,
  type BundleWritten,
  type GroupCheck,
  type GroupFile,
  type GroupFolderInfo,
  type ParsedArgsOf,
} from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import { BUNDLE_EXTENSION, type Licence } from '../../common/domain/bundle';
import { importedBundleShas } from '../../db/queries/bundles';
import { readSettings } from '../../db/queries/settings';
import type { ServiceContext } from '../context';
import { removeStaged, stageStream, type StagedFile } from '../staging';
import { readClinicKey, ensureClinicKey } from './clinic-key';
import { buildBundle, writeFileAtomically } from './export';
import { applyBundle, previewBundle } from './import';
import { peekBundle } from './read-bundle';

export const GROUP_CONFIG_FILE = 'group-folder.json';
const MAX_HANDLED = 2_000;

const ConfigSchema = z.object({
  folder: z.string().nullable(),
  /** SHA-256 of the group files this workstation has imported (or found nothing new in). */
  handled: z.array(z.string().regex(/^[a-f0-9]{64}$/)).default([]),
});
type Config = z.infer<typeof ConfigSchema>;

const configFile = (ctx: ServiceContext): string => path.join(ctx.dataDir, GROUP_CONFIG_FILE);

function readConfig(ctx: ServiceContext): Config {
  try {
    return ConfigSchema.parse(JSON.parse(fs.readFileSync(configFile(ctx), 'utf8')));
  } catch {
    return { folder: null, handled: [] };
  }
}

function writeConfig(ctx: ServiceContext, config: Config): void {
  writeFileAtomically(configFile(ctx), Buffer.from(`${JSON.stringify(config, null, 1)}\n`, 'utf8'));
}

export function groupFolder(ctx: ServiceContext): GroupFolderInfo {
  return { folder: readConfig(ctx).folder };
}

/** Names the shared folder (or none): an existing folder this computer can write to, outside the data folder. */
export function setGroupFolder(ctx: ServiceContext, folder: string | null): GroupFolderInfo {
  const config = readConfig(ctx);
  if (folder === null) {
    writeConfig(ctx, { ...config, folder: null });
    return { folder: null };
  }
  if (!path.isAbsolute(folder))
    throw new ServiceError('invalid_argument', 'Name the shared folder by its full path (for example /Volumes/Clinic/Loadwise).');
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new ServiceError('not_found', 'There is no folder at that path on this computer.');
  }
  if (!stat.isDirectory()) throw new ServiceError('invalid_argument', 'That path is a file, not a folder.');
  const data = path.resolve(ctx.dataDir);
  if (resolved === data || resolved.startsWith(`${data}${path.sep}`) || data.startsWith(`${resolved}${path.sep}`)) {
    throw new ServiceError('invalid_argument', 'The shared folder must be outside Loadwise’s own data folder.');
  }
  try {
    fs.accessSync(resolved, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new ServiceError('read_only', 'Loadwise cannot write to that folder. Check that it is shared with this computer for writing.');
  }
  writeConfig(ctx, { ...config, folder: resolved });
  return { folder: resolved };
}

function requireFolder(ctx: ServiceContext): string {
  const folder = readConfig(ctx).folder;
  if (!folder) throw new ServiceError('not_found', 'Name the clinic group’s shared folder in Settings first.');
  if (!fs.existsSync(folder))
    throw new ServiceError('not_found', 'The shared folder cannot be reached (is the drive connected?). Nothing was changed.');
  return folder;
}

/** This workstation's file in the folder: its clinic and key, so each publisher writes only its own. */
function publishedName(clinic: string, fingerprint: string): string {
  const safe =
    clinic
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 80) || 'Loadwise';
  return `${safe} ${fingerprint.slice(0, 12)}${BUNDLE_EXTENSION}`;
}

/** Publishes everything the clinic shares (its own exercises, changed built-ins, templates), signed. */
export function publishToGroup(ctx: ServiceContext, licence: Licence): BundleWritten {
  const folder = requireFolder(ctx);
  const key = ensureClinicKey(ctx.dataDir);
  const { bytes, manifest, fingerprint } = buildBundle(ctx, {
    exercises: 'all',
    includeChangedBuiltins: true,
    templates: 'all',
    licence,
    sign: true,
  });
  const name = publishedName(readSettings(ctx.db)?.clinicName || 'Unnamed clinic', key.fingerprint);
  writeFileAtomically(path.join(folder, name), bytes);
  return { fileName: name, bytes: bytes.length, bundleId: manifest.bundleId, counts: manifest.counts, fingerprint };
}

const GROUP_FILE = /^[^/\\.][^/\\]*\.loadwise-library$/i;

/** Lists the folder's bundles: new from a trusted clinic, already imported, this workstation's own, untrusted, or not readable yet. */
export function checkGroup(ctx: ServiceContext): GroupCheck {
  // No folder named: nothing to list (not a mistake; most clinics have no group).
  if (readConfig(ctx).folder === null) return { folder: null, checkedAt: ctx.now().toISOString(), files: [] };
  const folder = requireFolder(ctx);
  const own = readClinicKey(ctx.dataDir)?.fingerprint ?? null;
  const config = readConfig(ctx);
  const done = new Set([...config.handled, ...importedBundleShas(ctx.db)]);
  const files: GroupFile[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    if (!GROUP_FILE.test(name)) continue; // temporary (dot) names of a publish in progress, and anything else
    const file = path.join(folder, name);
    const base = { name, clinicName: null, createdAt: null, fingerprint: null, counts: null, problem: null };
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile()) continue;
      if (stat.size > MAX_BUNDLE_BYTES) {
        files.push({ ...base, status: 'unreadable', problem: 'It is larger than a library file may be.' });
        continue;
      }
      const head = peekBundle(ctx, file, name);
      const sig = head.signature;
      const status: GroupFile['status'] =
        sig.fingerprint !== null && sig.fingerprint === own
          ? 'yours'
          : sig.state !== 'trusted'
            ? 'untrusted'
            : done.has(head.sha256)
              ? 'imported'
              : 'new';
      files.push({
        ...base,
        status,
        clinicName: sig.trustedAs ?? head.manifest.clinicName,
        createdAt: head.manifest.createdAt,
        fingerprint: sig.fingerprint,
        counts: head.manifest.counts,
      });
    } catch (err) {
      // Half synced, damaged, or gone since the listing: said, and read again at the next check.
      const problem = err instanceof ServiceError ? err.message : 'It could not be read yet (it may still be syncing).';
      files.push({ ...base, status: 'unreadable', problem });
    }
  }
  return { folder, checkedAt: ctx.now().toISOString(), files };
}

/** The named group file copied into staging (a sync cannot change it under the import), or refused. */
async function stageGroupFile(ctx: ServiceContext, name: string): Promise<StagedFile> {
  const folder = requireFolder(ctx);
  if (!GROUP_FILE.test(name)) throw new ServiceError('invalid_argument', 'That is not a library file in the shared folder.');
  const file = path.join(folder, name);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    throw new ServiceError('not_found', `“${name}” is no longer in the shared folder. Check the folder again.`);
  }
  if (!stat.isFile()) throw new ServiceError('invalid_argument', 'That is not a library file in the shared folder.');
  return stageStream(ctx.dataDir, fs.createReadStream(file), { maxBytes: MAX_BUNDLE_BYTES, fileNoun: 'Library bundles' });
}

export async function previewGroupFile(ctx: ServiceContext, name: string, jobId?: string): Promise<BundlePreview> {
  const staged = await stageGroupFile(ctx, name);
  try {
    return await previewBundle(ctx, staged, name, jobId);
  } finally {
    removeStaged(staged);
  }
}

export async function applyGroupFile(ctx: ServiceContext, args: ParsedArgsOf<'bundles.applyGroupFile'>): Promise<BundleApplyResult> {
  const staged = await stageGroupFile(ctx, args.name);
  try {
    const { name, ...rest } = args;
    const result = await applyBundle(ctx, staged, { ...rest, fileName: name });
    // Handled, also when it changed nothing: it is no longer offered as new.
    const config = readConfig(ctx);
    writeConfig(ctx, {
      ...config,
      handled: [...config.handled.filter((h) => h !== args.bundleSha256), args.bundleSha256].slice(-MAX_HANDLED),
    });
    return result;
  } finally {
    removeStaged(staged);
  }
}
