// Unit tests that read build output (the CLI, the built main bundle, the renderer) need `out/`
// current: build what is stale once, before any test file starts, and stop the run if it fails.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repo';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
