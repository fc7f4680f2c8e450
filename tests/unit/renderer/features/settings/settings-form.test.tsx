// The settings form model: a role noun maps to its radio choice or to "Other" with the typed noun
// and back; the screen names the same problems the service refuses; only a real change is unsaved.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/contract/settings';
import {
  formFromSettings,
  roleNounOf,
  settingsChanged,
  validateSettings,
} from '../../../../../renderer/src/features/settings/settings-form';

describe('settings form', () => {
  it('maps presets, a custom noun and no noun to the role choices and back', () => {
    for (const roleNoun of ['chiropractor', 'athletic trainer', null]) {
      const form = formFromSettings({ ...DEFAULT_SETTINGS, roleNoun });
      expect(roleNounOf(form)).toBe(roleNoun);
      expect(validateSettings(form).settings).toEqual({ ...DEFAULT_SETTINGS, roleNoun });
    }
    expect(formFromSettings({ ...DEFAULT_SETTINGS, roleNoun: 'chiropractor' })).toMatchObject({ role: 'chiropractor', customRole: '' });
    expect(formFromSettings({ ...DEFAULT_SETTINGS, roleNoun: 'athletic trainer' })).toMatchObject({
      role: 'other',
      customRole: 'athletic trainer',
    });
    expect(formFromSettings(DEFAULT_SETTINGS).role).toBe('unset');
  });

  it('names each problem beside its field, in plain words', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), email: 'nope', phone: 'call us', role: 'other' as const, customRole: '' };
    const { settings, errors } = validateSettings(form);
    expect(settings).toBeNull();
    expect(errors.email).toBe('Enter an email address like front.desk@clinic.com');
    expect(errors.phone).toMatch(/^Use digits, spaces/);
    expect(errors.roleNoun).toBe('Type the word patients should read, or choose one of the roles');
    expect(validateSettings({ ...form, clinicName: 'x'.repeat(121) }).errors.clinicName).toBe('Keep it under 120 characters');
  });

  it('counts only a real change as unsaved', () => {
    const saved = formFromSettings({ ...DEFAULT_SETTINGS, clinicName: 'Riverside' });
    expect(settingsChanged(saved, { ...saved })).toBe(false);
    expect(settingsChanged(saved, { ...saved, clinicName: 'Riverside  ' })).toBe(false);
    expect(settingsChanged(saved, { ...saved, customRole: 'ignored unless Other is chosen' })).toBe(false);
    expect(settingsChanged(saved, { ...saved, clinicName: 'Northside' })).toBe(true);
    expect(settingsChanged(saved, { ...saved, units: 'kg' })).toBe(true);
    expect(settingsChanged(saved, { ...saved, email: 'not valid' })).toBe(true);
  });
});
