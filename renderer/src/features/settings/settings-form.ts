// The settings form as typed (strings and choices), turned into ClinicSettings and checked with
// the contract's own schema, so the screen names the same problems the service would refuse.
import {
  ClinicSettingsSchema,
  ROLE_PRESETS,
  type ClinicSettings,
  type PaperSize,
  type WeightUnit,
} from '../../../../common/contract/settings';
import { plainMessage } from '../../../../common/contract/issues';

export type RoleChoice = (typeof ROLE_PRESETS)[number] | 'other' | 'unset';

export interface SettingsForm {
  clinicName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  clinicianName: string;
  role: RoleChoice;
  /** The noun typed for "Other". */
  customRole: string;
  paperSize: PaperSize;
  units: WeightUnit;
}

export type SettingsErrors = Partial<Record<keyof ClinicSettings, string>>;

export function formFromSettings(s: ClinicSettings): SettingsForm {
  const preset = ROLE_PRESETS.find((p) => p === s.roleNoun);
  return {
    clinicName: s.clinicName,
    address: s.address,
    phone: s.phone,
    email: s.email,
    website: s.website,
    clinicianName: s.clinicianName,
    role: s.roleNoun === null ? 'unset' : (preset ?? 'other'),
    customRole: s.roleNoun !== null && !preset ? s.roleNoun : '',
    paperSize: s.paperSize,
    units: s.units,
  };
}

/** The role noun the form stands for: a preset, the typed noun, or none chosen (null). */
export function roleNounOf(f: SettingsForm): string | null {
  if (f.role === 'unset') return null;
  return f.role === 'other' ? f.customRole : f.role;
}

/** What would be saved: the settings, or the problems by field. */
export function validateSettings(f: SettingsForm): { settings: ClinicSettings | null; errors: SettingsErrors } {
  const { role: _role, customRole: _custom, ...rest } = f;
  const parsed = ClinicSettingsSchema.safeParse({ ...rest, roleNoun: roleNounOf(f) });
  if (parsed.success) return { settings: parsed.data, errors: {} };
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ClinicSettings;
    errors[field] ??= plainMessage(issue);
  }
  return { settings: null, errors };
}

/** Whether the form differs from the saved settings (what leaving would lose). */
export function settingsChanged(saved: SettingsForm, now: SettingsForm): boolean {
  const a = validateSettings(saved).settings;
  const b = validateSettings(now).settings;
  if (a && b) return JSON.stringify(a) !== JSON.stringify(b);
  return JSON.stringify(saved) !== JSON.stringify(now);
}
