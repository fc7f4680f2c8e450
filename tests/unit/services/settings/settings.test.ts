// The clinic's settings through dispatch on a real SQLite file: the defaults until first saved,
// saved and read back, kept across a restart, replaced as a whole; bad input refused with a message
// that names the field and the problem, and nothing written.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ClinicSettingsInput } from '../../../../common/contract';
import { bootTestServices, tempDir } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';

const NOW = '2026-03-02T09:30:00.000Z';

const clinic: ClinicSettingsInput = {
  clinicName: 'Riverside Spine & Rehab',
  address: '  12 Mill Street \n\n Suite 4\r\nPortland, OR 97201  ',
  phone: '(503) 555-0142 ext. 12',
  email: 'front.desk@riverside-rehab.com',
  website: 'www.riverside-rehab.com',
  clinicianName: 'Dana Whitfield, DPT',
  roleNoun: 'physiotherapist',
  paperSize: 'a4',
  units: 'kg',
};

describe('settings', () => {
  it('answers the defaults (Letter, pounds, no role noun) until the clinic saves', async () => {
    const { ctx } = await bootTestServices();
    expect(await call(ctx, 'settings.get', {})).toEqual({ settings: DEFAULT_SETTINGS, updatedAt: null });
    expect(DEFAULT_SETTINGS).toMatchObject({ paperSize: 'letter', units: 'lb', roleNoun: null });
    expect(ctx.db.prepare('SELECT count(*) FROM clinic_settings').pluck().get()).toBe(0);
  });

  it('saves, reads back, and keeps the settings in the database file across a restart', async () => {
    const dataDir = tempDir();
    const first = await bootTestServices({ dataDir, now: () => new Date(NOW) });
    const saved = await call(first.ctx, 'settings.save', { settings: clinic });
    const expected = {
      ...clinic,
      // Lines trimmed, blank lines dropped, Windows line ends made plain.
      address: '12 Mill Street\nSuite 4\nPortland, OR 97201',
    };
    expect(saved).toEqual({ settings: expected, updatedAt: NOW });
    expect(await call(first.ctx, 'settings.get', {})).toEqual(saved);
    first.close();

    const again = await bootTestServices({ dataDir });
    expect(await call(again.ctx, 'settings.get', {})).toEqual({ settings: expected, updatedAt: NOW });
  });

  it('replaces the whole record on each save, one row only; a custom role noun is kept as typed', async () => {
    const { ctx } = await bootTestServices();
    await call(ctx, 'settings.save', { settings: clinic });
    const next = { ...DEFAULT_SETTINGS, clinicName: 'Northside Chiropractic', roleNoun: 'athletic trainer' };
    expect((await call(ctx, 'settings.save', { settings: next })).settings).toEqual(next);
    expect((await call(ctx, 'settings.get', {})).settings).toEqual(next);
    expect(ctx.db.prepare('SELECT count(*) FROM clinic_settings').pluck().get()).toBe(1);
  });

  const refused: [what: string, patch: Record<string, unknown>, field: string, message: RegExp][] = [
    ['an email without @', { email: 'frontdesk.clinic.com' }, 'settings.email', /email address like/],
    ['a phone number with letters', { phone: 'call us' }, 'settings.phone', /digits, spaces/],
    ['a website with spaces', { website: 'riverside rehab' }, 'settings.website', /web address like/],
    ['a clinic name over 120 characters', { clinicName: 'x'.repeat(121) }, 'settings.clinicName', /under 120 characters/],
    ['a clinic name on two lines', { clinicName: 'Riverside\nRehab' }, 'settings.clinicName', /one line/],
    ['an address of six lines', { address: 'a\nb\nc\nd\ne\nf' }, 'settings.address', /5 lines/],
    ['an empty custom role', { roleNoun: '   ' }, 'settings.roleNoun', /choose one of the roles/],
    ['a role with digits', { roleNoun: 'PT2' }, 'settings.roleNoun', /letters, spaces/],
    ['legal paper', { paperSize: 'legal' }, 'settings.paperSize', /Letter or A4/],
    ['stones', { units: 'st' }, 'settings.units', /pounds \(lb\) or kilograms \(kg\)/],
    ['a field it does not know', { logo: 'x.png' }, 'settings', /unknown field/],
  ];

  it.each(refused)('refuses %s, naming the field, and writes nothing', async (_what, patch, field, message) => {
    const { ctx } = await bootTestServices();
    const err = await failure(ctx, 'settings.save', { settings: { ...clinic, ...patch } });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toContain(`${field}: `);
    expect(err.message).toMatch(message);
    expect(ctx.db.prepare('SELECT count(*) FROM clinic_settings').pluck().get()).toBe(0);
  });

  it('refuses a record with a field missing', async () => {
    const { ctx } = await bootTestServices();
    const { email: _email, ...partial } = clinic;
    const err = await failure(ctx, 'settings.save', { settings: partial });
    expect(err.message).toContain('settings.email: ');
  });
});
