// Reads and checks the built-in library shipped in resources/seed. Every problem is collected and
// reported with its file and field, so an author sees all of them at once.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { listIssues } from '../../common/contract/issues';
import { REGION_CODE_LETTERS } from '../../common/domain/vocabulary';
import { SeedFileSchema, type SeedExercise } from './seed-schema';

export const SEED_MANIFEST = 'manifest.json';

const ManifestSchema = z
  .object({
    /** Raised whenever any built-in changes; the app re-syncs built-ins when it sees a new one. */
    seedVersion: z.number().int().min(1),
    files: z.array(z.string().regex(/^[a-z0-9-]+\.json$/)).min(1),
  })
  .strict();

export interface SeedLibrary {
  seedVersion: number;
  exercises: SeedExercise[];
}

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The built-in library has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'SeedError';
  }
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push(`${path.basename(file)}: ${(err as Error).message}`);
    return undefined;
  }
}

export function readSeedManifest(seedDir: string): { seedVersion: number; files: string[] } {
  const problems: string[] = [];
  const parsed = ManifestSchema.safeParse(readJson(path.join(seedDir, SEED_MANIFEST), problems));
  if (!parsed.success) throw new SeedError([...problems, ...listIssues(SEED_MANIFEST, parsed.error)]);
  return parsed.data;
}

export function loadSeedLibrary(seedDir: string): SeedLibrary {
  const manifest = readSeedManifest(seedDir);
  const problems: string[] = [];
  const exercises: SeedExercise[] = [];
  const where = new Map<SeedExercise, string>();
  for (const name of manifest.files) {
    const parsed = SeedFileSchema.safeParse(readJson(path.join(seedDir, 'exercises', name), problems));
    if (!parsed.success) {
      problems.push(...listIssues(name, parsed.error));
      continue;
    }
    for (const [i, ex] of parsed.data.exercises.entries()) {
      if (ex.region !== parsed.data.region || ex.stage !== parsed.data.stage) {
        problems.push(`${name}: exercises.${i} (${ex.code}) is not ${parsed.data.region} stage ${parsed.data.stage}`);
      }
      const prefix = `${REGION_CODE_LETTERS[ex.region]}${ex.stage}-`;
      if (!ex.code.startsWith(prefix)) problems.push(`${name}: ${ex.code} should start with ${prefix}`);
      if (ex.alsoStages?.includes(ex.stage)) problems.push(`${name}: ${ex.code} lists its own stage ${ex.stage} in alsoStages`);
      exercises.push(ex);
      where.set(ex, `${name}: exercises.${i} (${ex.code})`);
    }
  }
  problems.push(...crossCheck(exercises, where));
  if (problems.length > 0) throw new SeedError(problems);
  return { seedVersion: manifest.seedVersion, exercises };
}

/** `where` names each exercise's file and position, so every problem says where to look. */
function crossCheck(exercises: SeedExercise[], where: Map<SeedExercise, string>): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, SeedExercise>();
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const ex of exercises) {
    if (byCode.has(ex.code)) problems.push(`${where.get(ex)}: code used twice`);
    if (ids.has(ex.id)) problems.push(`${where.get(ex)}: id ${ex.id} used twice`);
    const nameKey = `${ex.region}:${ex.text.name.toLowerCase()}`;
    if (names.has(nameKey)) problems.push(`${where.get(ex)}: name "${ex.text.name}" used twice in ${ex.region}`);
    byCode.set(ex.code, ex);
    ids.add(ex.id);
    names.add(nameKey);
  }
  for (const ex of exercises) {
    for (const kind of ['progressions', 'regressions'] as const) {
      for (const code of ex[kind]) {
        const target = byCode.get(code);
        if (!target) problems.push(`${where.get(ex)}: ${kind} names ${code}, which does not exist`);
        else if (target.region !== ex.region) problems.push(`${where.get(ex)}: ${kind} ${code} is another region`);
        else if (code === ex.code) problems.push(`${where.get(ex)}: links to itself`);
      }
    }
  }
  return problems;
}
