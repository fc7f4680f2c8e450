// @vitest-environment happy-dom
// The pose editor: a slider per joint, named in words, operable from the keyboard and held to the
// joint's range; start and end adjusted apart; starting from another built-in figure; the pictures
// follow the sliders; Save hands back the figure as set.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomFigure } from '../../../../../common/domain/figure';
import { JOINT_NAMES } from '../../../../../common/figures/body';
import { customFromBuiltin } from '../../../../../common/figures/custom';
import { JOINT_GROUPS, PoseEditor } from '../../../../../renderer/src/features/figures/PoseEditor';

afterEach(cleanup);

function setup(initial: CustomFigure | null = customFromBuiltin('L2-06')) {
  const onSave = vi.fn<(f: CustomFigure) => void>();
  render(<PoseEditor name="Our bridge" initial={initial} onSave={onSave} onCancel={() => undefined} />);
  return { onSave, user: userEvent.setup() };
}

describe('PoseEditor', () => {
  it('has one slider per joint, grouped, each with the range of that joint', () => {
    setup();
    expect(JOINT_GROUPS.flatMap((g) => g.joints).sort()).toEqual([...JOINT_NAMES].sort());
    const knee = screen.getByRole('slider', { name: 'Knee bend (right)' });
    expect([knee.getAttribute('min'), knee.getAttribute('max')]).toEqual(['0', '150']);
    expect(screen.getAllByRole('slider')).toHaveLength(JOINT_NAMES.length);
  });

  it('moves a joint with its slider, stops at its range, and changes only the pose being adjusted', async () => {
    const { onSave, user } = setup();
    const knee = screen.getByRole('slider', { name: 'Knee bend (right)' }) as HTMLInputElement;
    const before = Number(knee.value);
    // A native range input: the browser moves it with the arrow, Page and Home/End keys.
    expect(knee.type).toBe('range');
    fireEvent.change(knee, { target: { value: String(before + 2) } });
    expect(Number(knee.value)).toBe(before + 2);
    expect(knee.getAttribute('aria-valuetext')).toBe(`${before + 2} degrees`);
    fireEvent.change(knee, { target: { value: '400' } });
    expect(Number(knee.value)).toBeLessThanOrEqual(150);
    await user.click(screen.getByRole('radio', { name: 'End' }));
    const endKnee = screen.getByRole('slider', { name: 'Knee bend (right)' }) as HTMLInputElement;
    expect(Number(endKnee.value)).toBe(customFromBuiltin('L2-06').end.kneeFlexR);
    await user.click(screen.getByRole('button', { name: 'Save figure' }));
    const saved = onSave.mock.calls[0][0];
    expect(saved.start.kneeFlexR).toBe(150);
    expect(saved.end.kneeFlexR).toBe(customFromBuiltin('L2-06').end.kneeFlexR);
  });

  it('redraws the picture as a slider moves', () => {
    setup();
    const start = screen.getByRole('img', { name: 'Start pose of Our bridge' });
    const before = start.innerHTML;
    fireEvent.change(screen.getByRole('slider', { name: /^Hip bend .*\(right\)$/ }), { target: { value: '110' } });
    expect(screen.getByRole('img', { name: 'Start pose of Our bridge' }).innerHTML).not.toBe(before);
  });

  it('starts from another built-in figure, and says when a contact no longer holds', async () => {
    const { user } = setup(null);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Start from' }), 'C1-02');
    expect((screen.getByRole('slider', { name: /^Hip bend .*\(right\)$/ }) as HTMLInputElement).value).toBe('90');
    expect(screen.getByRole('status', { name: 'Figure checks' }).textContent).toBe('');
    fireEvent.change(screen.getByRole('slider', { name: 'Knee bend (right)' }), { target: { value: '10' } });
    fireEvent.change(screen.getByRole('slider', { name: 'Knee bend (left)' }), { target: { value: '10' } });
    expect(screen.getByRole('status', { name: 'Figure checks' }).textContent).toMatch(
      /In the start pose the feet are \d+ cm off the floor/,
    );
  });
});
