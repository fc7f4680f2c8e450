// @vitest-environment happy-dom
// The objective-tests panel through its components: the stopwatch starts, stops, resets and
// announces its time by keyboard; a questionnaire is entered item by item and scored live by the
// kernel, then saved with the items (the service scores again); the gate's criteria show met, not
// met or not yet measured, and "Ready for stage 2" proposes the advance. Only the services are faked.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Measurement } from '../../../../../common/contract/assessments';
import { emptyRedFlagScreen, type PatientClinical } from '../../../../../common/domain/patient';
import type { Criterion } from '../../../../../common/safety/gates';
import { AssessmentsPanel } from '../../../../../renderer/src/features/assessments/AssessmentsPanel';
import { Stopwatch } from '../../../../../renderer/src/features/assessments/Stopwatch';
import { answer, callsOf, idOf, ok, resetFakeApi } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

const PATIENT: PatientClinical = { pspsType: 1, regions: ['lumbar'], generators: ['disc'], surgeries: [], redFlags: emptyRedFlagScreen() };
const ADIM: Criterion = {
  id: 'adim',
  label: 'ADIM 10 x 10 s, clean',
  rule: { kind: 'threshold', measure: 'adim-clean-holds', op: '>=', value: 10 },
  source: 'S28',
};
const WALK: Criterion = {
  id: 'walking',
  label: 'Walks 15 min',
  rule: { kind: 'threshold', measure: 'walk-continuous-min', op: '>=', value: 15 },
  source: 'S27',
};
const ODI: Criterion = {
  id: 'odi',
  label: 'ODI down 10 points',
  rule: { kind: 'change', measure: 'odi-percent', op: '<=', value: -10 },
  source: 'S91',
};
const GATE = { required: [ADIM], supporting: [WALK, ODI], minSupporting: 1 };

let stored: Measurement[] = [];
const m = (n: number, measureId: string, value: number, date = '2026-03-01'): Measurement => ({
  id: idOf(n),
  measureId,
  date,
  value,
  detail: {},
  createdAt: `${date}T10:00:00.000Z`,
});

beforeEach(() => {
  resetFakeApi();
  stored = [];
  answer('assessments.list', () => ok(stored));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Stopwatch', () => {
  it('starts, stops, announces the time, hands it to a field, and resets, from the keyboard', async () => {
    let t = 1000;
    const used: number[] = [];
    render(<Stopwatch now={() => t} targets={[{ label: 'this test', onUse: (s) => used.push(s) }]} />);
    const user = userEvent.setup();
    const start = screen.getByRole('button', { name: 'Start' });
    expect((screen.getByRole('button', { name: 'Use for this test' }) as HTMLButtonElement).disabled).toBe(true);
    start.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status').textContent).toContain('Timing');
    t += 42_370;
    await user.keyboard(' '); // the same button, now "Stop"
    expect(screen.getByRole('status').textContent).toContain('Stopped at 42.3 s');
    expect(screen.getByRole('group', { name: 'Stopwatch' }).textContent).toContain('42.3 s');
    await user.click(screen.getByRole('button', { name: 'Use for this test' }));
    expect(used).toEqual([42.3]);
    // Resume adds to the time held so far.
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    t += 1000;
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.getByRole('status').textContent).toContain('Stopped at 43.3 s');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByRole('status').textContent).toContain('Stopwatch reset to 0');
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();
  });

  it('shows the running time as it goes', async () => {
    vi.useFakeTimers();
    let t = 0;
    render(<Stopwatch now={() => t} targets={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    t = 5_050;
    await act(async () => vi.advanceTimersByTime(200));
    expect(screen.getByRole('group', { name: 'Stopwatch' }).textContent).toContain('5.0 s');
  });
});

describe('AssessmentsPanel', () => {
  const renderPanel = (onProposeAdvance = vi.fn()) =>
    render(
      <AssessmentsPanel
        patientId={idOf(99)}
        patient={PATIENT}
        stage={1}
        gate={GATE}
        today="2026-03-14"
        onProposeAdvance={onProposeAdvance}
      />,
    );

  const statusOf = async (label: string) => {
    const row = (await screen.findByText(label)).closest('li')!;
    return row;
  };

  it('shows each criterion as met, not met or not yet measured, with a button to record its measure', async () => {
    stored = [m(1, 'adim-clean-holds', 6), m(2, 'walk-continuous-min', 20)];
    renderPanel();
    expect((await statusOf('ADIM 10 x 10 s, clean')).textContent).toContain('Not met');
    expect((await statusOf('Walks 15 min')).textContent).toContain('Met');
    expect((await statusOf('ODI down 10 points')).textContent).toContain('Not yet measured');
    expect((await statusOf('No active red flag')).textContent).toContain('Not yet measured');
    expect(within(await statusOf('ODI down 10 points')).getByRole('button', { name: /Record Oswestry Disability Index/ })).toBeTruthy();
    expect(screen.queryByText(/Ready for stage 2/)).toBeNull();
  });

  it('says "Ready for stage 2" when every criterion is met, and proposes the advance', async () => {
    stored = [
      m(1, 'red-flags-clear', 1),
      m(2, 'pain-response-weeks', 2),
      m(3, 'form-clean-sessions', 3),
      m(4, 'adim-clean-holds', 10),
      m(5, 'walk-continuous-min', 20),
    ];
    const propose = vi.fn();
    renderPanel(propose);
    expect(await screen.findByText(/Ready for stage 2/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Propose stage 2' }));
    expect(propose).toHaveBeenCalledTimes(1);
  });

  it('enters the ODI item by item with a live score, and saves the items for the service to score', async () => {
    const user = userEvent.setup();
    answer('assessments.record', (args) => {
      const saved = { ...m(7, args.measureId, 20, args.date), detail: args.detail ?? {} };
      stored = [...stored, saved];
      return ok(saved);
    });
    renderPanel();
    const odiRow = await statusOf('ODI down 10 points');
    await user.click(within(odiRow).getByRole('button', { name: /Record Oswestry/ }));
    const form = screen.getByRole('form', { name: 'Record a test' });
    expect(within(form).getByText(/licensed copy of the form/)).toBeTruthy();
    expect(within(form).getByRole('status').textContent).toContain('Not complete yet: ODI has no answered items');
    for (let i = 1; i <= 9; i++) {
      await user.click(within(within(form).getByRole('group', { name: `Item ${i}` })).getByRole('radio', { name: '1' }));
    }
    // Nine sections answered (one missing): 9 / 45 = 20%.
    expect(within(form).getByRole('status').textContent).toContain('Score: 20% (minimal)');
    await user.click(within(within(form).getByRole('group', { name: 'Item 10' })).getByRole('radio', { name: '5' }));
    expect(within(form).getByRole('status').textContent).toContain('Score: 28% (moderate)');
    await user.click(within(form).getByRole('button', { name: 'Save result' }));
    const sent = callsOf('assessments.record').mock.calls[0][0] as unknown as Record<string, unknown>;
    expect(sent).toMatchObject({
      patientId: idOf(99),
      measureId: 'odi',
      date: '2026-03-14',
      detail: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 5] },
    });
    expect(sent.value).toBeUndefined();
    expect(await screen.findByRole('heading', { name: 'Oswestry Disability Index (ODI)' })).toBeTruthy();
  });

  it('shows the service’s refusal in words', async () => {
    const user = userEvent.setup();
    answer('assessments.record', () => ({
      ok: false,
      error: { code: 'invalid_argument', message: 'A test date cannot be in the future; got 2026-03-20' },
    }));
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Record a test' }));
    const form = screen.getByRole('form', { name: 'Record a test' });
    await user.click(within(form).getByRole('radio', { name: '4' }));
    expect(within(form).getByRole('status').textContent).toContain('Score: 4 points');
    await user.click(within(form).getByRole('button', { name: 'Save result' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A test date cannot be in the future');
  });

  it('shows history with the change against the MCID', async () => {
    stored = [m(1, 'nprs', 7, '2026-02-01'), m(2, 'nprs', 3, '2026-03-01')];
    renderPanel();
    expect(await screen.findByText('Improved by 4 points, more than the MCID of 2 points (first 7, latest 3).')).toBeTruthy();
  });
});
