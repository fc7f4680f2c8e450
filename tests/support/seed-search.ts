// Search on the real built-in library (resources/seed), for tests that check what a clinician's
// query finds: a fresh service context booted on the shipped seed before each test, and the codes
// of a query's top results.
import path from 'node:path';
import { beforeEach } from 'vitest';
import type { ServiceContext } from '../../services/context';
import { call } from './call';
import { bootTestServices } from './fixtures';
import { repoRoot } from './repo';

/** Boots the services on the shipped seed before each test (the fixtures close them after it); returns the current context. */
export function useSeedLibrary(): () => ServiceContext {
  let ctx: ServiceContext | undefined;
  beforeEach(async () => {
    ({ ctx } = await bootTestServices({ seedDir: path.join(repoRoot, 'resources', 'seed') }));
  });
  return () => {
    if (!ctx) throw new Error('useSeedLibrary: the services are booted before each test; call the getter inside a test');
    return ctx;
  };
}

/** The codes of the first `limit` results for `query` (3 by default: "in the top three"). */
export async function topCodes(ctx: ServiceContext, query: string, limit = 3): Promise<(string | null)[]> {
  return (await call(ctx, 'library.search', { query, limit })).items.map((i) => i.code);
}
