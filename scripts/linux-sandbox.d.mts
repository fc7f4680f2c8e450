// Types for scripts/linux-sandbox.mjs, for the TypeScript tests that import it.
export interface SandboxHelper {
  path: string;
  uid: number;
  mode: number;
}

export interface SandboxFacts {
  platform: string;
  uid: number | null;
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns, or null where absent. */
  restrictUserns: string | null;
  /** /proc/sys/kernel/unprivileged_userns_clone (Debian's older switch), or null. */
  usernsClone: string | null;
  /** /proc/sys/user/max_user_namespaces, or null. */
  maxUserNamespaces: string | null;
  helper: SandboxHelper | null;
  /** An /etc/apparmor.d profile naming the binary with `userns,`, or null. */
  apparmorProfile: string | null;
}

export type SandboxDecision = { action: 'electron'; args: string[] } | { action: 'browser'; reason: string; helperPath: string | null };

type FsLike = Pick<typeof import('node:fs'), 'readFileSync' | 'readdirSync' | 'statSync' | 'realpathSync'>;

export function apparmorProfileFor(bin: string, fsImpl?: FsLike, dir?: string): string | null;
export function readSandboxFacts(electronBin: string, options?: { fs?: FsLike; platform?: string; uid?: number }): SandboxFacts;
export function helperReady(helper: SandboxHelper | null): boolean;
export function sandboxDecision(facts: SandboxFacts): SandboxDecision;
