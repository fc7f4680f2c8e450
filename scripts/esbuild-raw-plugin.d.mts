import type { Plugin } from 'esbuild';
export declare const rawPlugin: Plugin;
