// The one contract between the UI and the services: every call, its argument schema and its
// result type, combined from one file per feature. Both hosts and the renderer's `api` derive
// from it; `channels.ts` repeats the names without zod for the preload, checked here.
import type { z } from 'zod';
import { appCalls } from './app';
import { assessmentCalls } from './assessments';
import { backupCalls } from './backups';
import { bundleCalls } from './bundles';
import { BYTE_CALL_NAMES, CALL_NAMES, type ByteCallName, type CallName } from './channels';
import type { CallSpec } from './define';
import { draftCalls } from './drafts';
import { figureCalls } from './figures';
import { handoutCalls } from './handouts';
import { importCalls } from './imports';
import { libraryCalls } from './library';
import { mediaCalls } from './media';
import { patientCalls } from './patients';
import { programCalls, templateCalls } from './programs';
import type { Result } from './result';
import { settingsCalls } from './settings';

export * from './app';
export * from './assessments';
export * from './backups';
export * from './bundles';
export * from './drafts';
export * from './figures';
export * from './handouts';
export * from './imports';
export * from './library';
export * from './media';
export * from './settings';
export * from './patients';
export * from './programs';

/** Feature groups, combined; a name may appear in one group only (checked in services/dispatch.ts). */
export const CONTRACT_GROUPS = {
  app: appCalls,
  library: libraryCalls,
  media: mediaCalls,
  drafts: draftCalls,
  backups: backupCalls,
  patients: patientCalls,
  programs: programCalls,
  templates: templateCalls,
  settings: settingsCalls,
  assessments: assessmentCalls,
  bundles: bundleCalls,
  handouts: handoutCalls,
  figures: figureCalls,
  imports: importCalls,
} as const;

export const contract = {
  ...appCalls,
  ...libraryCalls,
  ...mediaCalls,
  ...draftCalls,
  ...backupCalls,
  ...patientCalls,
  ...programCalls,
  ...templateCalls,
  ...settingsCalls,
  ...assessmentCalls,
  ...bundleCalls,
  ...handoutCalls,
  ...figureCalls,
  ...importCalls,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS: readonly Channel[] = CALL_NAMES;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ValueOf<C extends Channel> = Contract[C] extends CallSpec<z.ZodType, infer R> ? R : never;

/** Calls that take a file's bytes beside their arguments; each declares its `maxBytes`. */
export type ByteChannel = ByteCallName;
export const BYTE_CHANNELS: readonly ByteChannel[] = BYTE_CALL_NAMES;
export const isByteChannel = (name: string): name is ByteChannel => (BYTE_CHANNELS as readonly string[]).includes(name);

/** The byte limit a call declares and the noun its messages use; undefined for calls without a file. */
export function byteLimitOf(channel: Channel): { maxBytes: number; fileNoun: string } | undefined {
  const spec = contract[channel] as CallSpec;
  return spec.maxBytes === undefined ? undefined : { maxBytes: spec.maxBytes, fileNoun: spec.fileNoun ?? 'Files' };
}

/**
 * What the renderer calls: one async function per channel, answering a Result. Byte calls take
 * the file as a Blob; each transport moves it its own way.
 */
export type Api = {
  [C in Channel]: C extends ByteChannel
    ? (args: ArgsOf<C>, file: Blob) => Promise<Result<ValueOf<C>>>
    : (args: ArgsOf<C>) => Promise<Result<ValueOf<C>>>;
};

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

// The preload's name list and the contract must be the same set, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<Channel, CallName> = true;
void namesMatch;
