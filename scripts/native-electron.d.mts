// Types for scripts/native-electron.mjs, for the TypeScript tests that import it.
import type { SpawnSyncReturns } from 'node:child_process';

export const NATIVE_FILE: string;

export interface NativeTarget {
  format: 'elf' | 'macho' | 'pe';
  arch: string;
}

export interface ElectronInfo {
  pkgDir?: string;
  version: string;
  abi: string | null;
  bin: string | null;
}

export type Run = (
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; encoding: 'utf8'; timeout: number },
) => Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr'> & { error?: Error };

export type EnsureResult =
  { ok: true; path: string; key: string; source: 'cache' | 'prebuilt' | 'compiled' } | { ok: false; reason: string };

export function electronNativeKey(v: { betterSqlite3: string; modules: string; platform: string; arch: string }): string;
export function electronNativePath(root: string, key: string): string;
export function binaryTarget(file: string): NativeTarget | null;
export function checkBinary(file: string, platform: string, arch: string): string | null;
export function electronInfo(root: string): ElectronInfo & { pkgDir: string };
export function electronArch(bin: string | null, env?: NodeJS.ProcessEnv, hostArch?: string): string;
export function findNodeGyp(root: string, env?: NodeJS.ProcessEnv): string | null;
export function ensureElectronNative(options: {
  root: string;
  run?: Run;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  arch?: string;
  betterSqlite3Dir?: string;
  electron?: ElectronInfo;
}): EnsureResult;
