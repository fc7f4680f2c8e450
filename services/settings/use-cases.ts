// The clinic's settings: read (the defaults until first saved) and saved as a whole. Arguments
// arrive parsed by dispatch against ClinicSettingsSchema, so what is stored is always valid.
import { DEFAULT_SETTINGS, type ClinicSettings, type SavedSettings } from '../../common/contract/settings';
import { readSettings, writeSettings } from '../../db/queries/settings';
import type { ServiceContext } from '../context';

export function getSettings(ctx: ServiceContext): SavedSettings {
  const row = readSettings(ctx.db);
  if (!row) return { settings: { ...DEFAULT_SETTINGS }, updatedAt: null };
  const { updatedAt, ...settings } = row;
  return { settings, updatedAt };
}

export function saveSettings(ctx: ServiceContext, settings: ClinicSettings): SavedSettings {
  const updatedAt = ctx.now().toISOString();
  writeSettings(ctx.db, { ...settings, updatedAt });
  return getSettings(ctx);
}
