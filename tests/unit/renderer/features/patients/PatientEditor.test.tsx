// @vitest-environment happy-dom
// The patient form and the red-flag screen as a clinician meets them: problems beside their fields
// (and focus on the first), weeks since surgery as the date is typed, the record sent as the
// services expect it, a stale save explained, and an emergency "yes" bringing up the referral advice.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Patient } from '../../../../../common/contract/patients';
import { RED_FLAG_COPY, PATIENTS_COPY } from '../../../../../common/copy/en-patients';
import { emptyRedFlagScreen } from '../../../../../common/domain/patient';
import { ToastProvider } from '../../../../../renderer/src/components/Toasts';
import { PatientEditor } from '../../../../../renderer/src/features/patients/PatientEditor';
import { RedFlagPanel } from '../../../../../renderer/src/features/patients/RedFlagPanel';
import { todayIso } from '../../../../../renderer/src/features/patients/patient-form';
import { answer, callsOf, idOf, ok, resetFakeApi } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

beforeEach(resetFakeApi);
afterEach(cleanup);

const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return todayIso(d);
};

function patient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: idOf(7),
    displayName: 'JD',
    fullName: null,
    dateOfBirth: null,
    notes: null,
    archived: false,
    revision: 2,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    clinical: { pspsType: 1, regions: ['lumbar'], generators: ['disc'], surgeries: [], redFlags: emptyRedFlagScreen() },
    ...overrides,
  };
}

const withToasts = (ui: React.ReactNode) => render(<ToastProvider>{ui}</ToastProvider>);

describe('the patient form', () => {
  it('shows each problem beside its field, tied to it for screen readers, and focuses the first', async () => {
    withToasts(<PatientEditor target={{ kind: 'create' }} onSaved={() => undefined} onRequestClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add patient' }));
    const name = await screen.findByRole('textbox', { name: 'Display name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = (name.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Give the patient a display name (initials are enough)');
    expect(document.activeElement).toBe(name);
    expect(screen.getByRole('group', { name: /Regions/ }).textContent).toContain('Choose at least one region');
    expect(screen.getByRole('alert').textContent).toContain('Display name (give the patient a display name');
    expect(callsOf('patients.create')).not.toHaveBeenCalled();

    // Fixed fields clear as they are fixed.
    fireEvent.change(name, { target: { value: 'AB' } });
    expect(name.getAttribute('aria-invalid')).toBeNull();
  });

  it('adds a surgery with Type 2, shows the weeks since it as the date is typed, and sends the record', async () => {
    const onSaved = vi.fn();
    answer('patients.create', ({ patient: p }) => ok({ ...p, id: idOf(9), archived: false, revision: 1, createdAt: '', updatedAt: '' }));
    withToasts(<PatientEditor target={{ kind: 'create' }} onSaved={onSaved} onRequestClose={() => undefined} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Display name' }), { target: { value: 'TF' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Low back (lumbar)' }));
    fireEvent.click(screen.getByRole('radio', { name: /PSPS Type 2/ }));
    const surgery = screen.getByRole('group', { name: 'Surgery 1' });
    fireEvent.change(within(surgery).getByLabelText('Procedure'), { target: { value: 'lumbar-fusion' } });
    fireEvent.change(within(surgery).getByLabelText('Date'), { target: { value: daysAgo(56) } });
    expect(within(surgery).getByText('Week 8 since surgery')).toBeTruthy();
    expect(screen.getByText('Week 8 since surgery', { selector: '.badge' })).toBeTruthy();
    fireEvent.change(within(surgery).getByRole('textbox', { name: 'Levels' }), { target: { value: 'L4-L5' } });
    fireEvent.click(within(surgery).getByRole('button', { name: 'Add restriction' }));
    const restriction = within(surgery).getByRole('group', { name: 'Restriction 1' });
    fireEvent.change(within(restriction).getByLabelText('Kind'), { target: { value: 'lifting-limit' } });
    fireEvent.change(within(restriction).getByLabelText('Most weight'), { target: { value: '10' } });
    fireEvent.change(within(restriction).getByLabelText('Unit'), { target: { value: 'kg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add patient' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const sent = callsOf('patients.create').mock.calls[0][0] as { patient: Patient };
    expect(sent.patient.clinical.pspsType).toBe(2);
    expect(sent.patient.clinical.surgeries[0]).toMatchObject({
      procedure: 'lumbar-fusion',
      levels: ['L4-L5'],
      date: daysAgo(56),
      restrictions: [{ kind: 'lifting-limit', limit: { value: 10, unit: 'kg' }, until: { kind: 'cleared', clearedOn: null } }],
    });
  });

  it('names a level that is not one beside the levels field', async () => {
    withToasts(<PatientEditor target={{ kind: 'create' }} onSaved={() => undefined} onRequestClose={() => undefined} />);
    fireEvent.click(screen.getByRole('radio', { name: /PSPS Type 2/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Levels' }), { target: { value: 'L4L5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add patient' }));
    const levels = await screen.findByRole('textbox', { name: 'Levels' });
    await vi.waitFor(() => expect(levels.getAttribute('aria-invalid')).toBe('true'));
    expect(levels.parentElement?.textContent).toContain('“L4L5” is not a level: a level looks like L4-L5, C5-C6 or T10');
  });

  it('explains a stale save and offers the latest version, keeping what was typed', async () => {
    const onLoadLatest = vi.fn();
    answer('patients.update', () => ({ ok: false, error: { code: 'conflict', message: 'changed elsewhere' } }));
    withToasts(
      <PatientEditor
        target={{ kind: 'edit', patient: patient() }}
        onSaved={() => undefined}
        onRequestClose={() => undefined}
        onLoadLatest={onLoadLatest}
      />,
    );
    const name = screen.getByRole('textbox', { name: 'Display name' });
    fireEvent.change(name, { target: { value: 'JD2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(PATIENTS_COPY.staleEdit);
    expect(callsOf('patients.update').mock.calls[0][0]).toMatchObject({ id: idOf(7), revision: 2 });
    expect((name as HTMLInputElement).value).toBe('JD2');
    fireEvent.click(within(alert).getByRole('button', { name: PATIENTS_COPY.loadLatest }));
    expect(onLoadLatest).toHaveBeenCalledOnce();
  });
});

describe('the red-flag screen', () => {
  it('shows the referral advice as soon as an emergency question is answered yes', () => {
    withToasts(<RedFlagPanel patient={patient()} onSaved={() => undefined} onRequestClose={() => undefined} />);
    expect(screen.queryByText(RED_FLAG_COPY.emergencyAdvice)).toBeNull();
    const question = screen.getByRole('group', { name: /Possible cauda equina/ });
    fireEvent.click(within(question).getByRole('radio', { name: 'Yes' }));
    const alert = screen.getAllByRole('alert').find((a) => a.textContent?.includes(RED_FLAG_COPY.emergencyAdviceHeading));
    expect(alert?.textContent).toContain(RED_FLAG_COPY.emergencyAdvice);
    fireEvent.click(within(question).getByRole('radio', { name: 'No' }));
    expect(screen.queryByText(RED_FLAG_COPY.emergencyAdvice)).toBeNull();
  });

  it('saves an urgent flag dealt with, with what was done and when, on the record’s revision', async () => {
    const onSaved = vi.fn();
    answer('patients.update', ({ patient: p }) => ok({ ...patient(), ...p, revision: 3 }));
    withToasts(<RedFlagPanel patient={patient()} onSaved={onSaved} onRequestClose={() => undefined} />);
    const question = screen.getByRole('group', { name: /Calf pain or swelling/ });
    fireEvent.click(within(question).getByRole('radio', { name: 'Yes' }));
    expect(screen.getByText(RED_FLAG_COPY.urgentAdvice)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Dealt with/ }));
    fireEvent.click(screen.getByRole('button', { name: RED_FLAG_COPY.save }));
    const note = await screen.findByRole('textbox', { name: RED_FLAG_COPY.resolutionNote });
    await vi.waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(note.parentElement?.textContent).toContain('Say what was done');
    fireEvent.change(note, { target: { value: 'Doppler clear' } });
    fireEvent.click(screen.getByRole('button', { name: RED_FLAG_COPY.save }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const sent = callsOf('patients.update').mock.calls[0][0] as { revision: number; patient: Patient };
    expect(sent.revision).toBe(2);
    expect(sent.patient.clinical.redFlags.date).toBe(todayIso());
    expect(sent.patient.clinical.redFlags.urgent['calf-pain-swelling']).toEqual({
      answer: 'yes',
      resolution: { note: 'Doppler clear', date: todayIso() },
    });
  });
});
