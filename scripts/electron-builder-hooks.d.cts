// Types for scripts/electron-builder-hooks.cjs, for the TypeScript tests that import it.
export const BUILDER_ARCH: readonly string[];
export const NODE_ARCH: Readonly<Record<string, string>>;
export function cannotPackHere(platform: string, builderArch: string, host?: { platform: string; arch: string }): string | null;
export function stagedBinary(root: string, builderArch: string): string;
export function beforePack(context: { electronPlatformName: string; arch: number; packager: { projectDir: string } }): Promise<void>;
