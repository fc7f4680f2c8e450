// The clinic settings' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { getSettings, saveSettings } from './use-cases';

type SettingsCall = 'settings.get' | 'settings.save';

export const settingsHandlers: HandlerGroup<SettingsCall> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.save': (ctx, args) => saveSettings(ctx, args.settings),
};
