// Calls for the clinic's settings: who the clinic is (name, address, phone, email, website), the
// clinician a handout names by default and the word patients read for them ("your physical
// therapist"), and how handouts print (paper size, pounds or kilograms). One record per clinic,
// saved as a whole; every field is checked here, so the screen and the service say the same thing.
import { z } from 'zod';
import { call } from './define';

/** The role nouns offered as choices; any other short noun may be typed instead. */
export const ROLE_PRESETS = ['physical therapist', 'chiropractor', 'physiotherapist'] as const;
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const WEIGHT_UNITS = ['lb', 'kg'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

/** Most lines an address may have (as it prints under the clinic's name). */
export const MAX_ADDRESS_LINES = 5;

/** One line of text: no line breaks, trimmed, empty allowed. */
const line = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} under ${max} characters`)
    .refine((v) => !/[\r\n]/.test(v), `The ${what} fits on one line`);

/** Optional text that must match `pattern` when it is given. */
const optional = (max: number, what: string, pattern: RegExp, message: string) =>
  line(max, what).refine((v) => v === '' || pattern.test(v), message);

export const ClinicSettingsSchema = z
  .object({
    clinicName: line(120, 'clinic name'),
    /** Up to MAX_ADDRESS_LINES lines; blank lines and spaces at line ends are dropped. */
    address: z
      .string()
      .max(400, 'Keep the address under 400 characters')
      .transform((v) =>
        v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .join('\n'),
      )
      .refine((v) => v === '' || v.split('\n').length <= MAX_ADDRESS_LINES, `Keep the address to ${MAX_ADDRESS_LINES} lines`),
    phone: optional(
      40,
      'phone number',
      /^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(\s*(x|ext\.?)\s*[0-9]{1,6})?$/i,
      'Use digits, spaces, ( ) - . or a leading +, like (555) 123-4567',
    ),
    email: optional(254, 'email address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address like front.desk@clinic.com'),
    website: optional(
      200,
      'website',
      /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?([/?#]\S*)?$/i,
      'Enter a web address like www.clinic.com or https://clinic.com',
    ),
    /** The clinician handouts name unless a program names another. */
    clinicianName: line(120, 'clinician name'),
    /**
     * What patient text calls the clinician: one of ROLE_PRESETS or the clinic's own noun
     * ("athletic trainer"). Null until chosen: patient text then says "physical therapist or chiropractor".
     */
    roleNoun: line(40, 'role')
      .refine((v) => v !== '', 'Type the word patients should read, or choose one of the roles')
      .refine((v) => /^[\p{L}][\p{L} .'’-]*$/u.test(v), 'Use letters, spaces, hyphens or apostrophes, like "athletic trainer"')
      .nullable(),
    paperSize: z.enum(PAPER_SIZES, 'Choose Letter or A4'),
    units: z.enum(WEIGHT_UNITS, 'Choose pounds (lb) or kilograms (kg)'),
  })
  .strict();

export type ClinicSettings = z.output<typeof ClinicSettingsSchema>;
export type ClinicSettingsInput = z.input<typeof ClinicSettingsSchema>;

/** What a clinic starts with: nothing about it yet, US Letter paper and pounds. */
export const DEFAULT_SETTINGS: ClinicSettings = {
  clinicName: '',
  address: '',
  phone: '',
  email: '',
  website: '',
  clinicianName: '',
  roleNoun: null,
  paperSize: 'letter',
  units: 'lb',
};

/** The settings and when they were last saved (null: never, the defaults). */
export interface SavedSettings {
  settings: ClinicSettings;
  updatedAt: string | null;
}

export const settingsCalls = {
  'settings.get': call<SavedSettings>()(z.object({}).strict()),
  'settings.save': call<SavedSettings>()(z.object({ settings: ClinicSettingsSchema }).strict()),
};
