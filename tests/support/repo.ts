// The checkout's root folder, for tests that read source, seed or build output by path.
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
