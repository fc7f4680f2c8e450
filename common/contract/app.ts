// Calls about the app itself.
import { z } from 'zod';
import { call } from './define';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  seedVersion: number;
  exerciseCount: number;
  transport: 'electron' | 'browser';
}

export const appCalls = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
};
