// End-to-end tests drive the production build: make sure it is current before any test starts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../support/repo';

export default function globalSetup(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
