// End-to-end tests drive the production build: make sure it is current before any test starts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
