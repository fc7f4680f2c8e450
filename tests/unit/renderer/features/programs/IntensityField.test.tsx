// @vitest-environment happy-dom
// The item's intensity: as the exercise, none, or a kind with its numbers or band level; every
// change is handed on as one dose value.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { IntensityField } from '../../../../../renderer/src/features/programs/IntensityField';

afterEach(cleanup);

it('offers the exercise’s own intensity, none, or a kind, and hands on each choice', () => {
  const onChange = vi.fn(() => null);
  const own = { kind: 'rm' as const, value: 8, valueMax: 12, band: null, bandColor: null };
  const { rerender } = render(<IntensityField value={undefined} own={own} onChange={onChange} />);
  const kind = screen.getByLabelText('Intensity kind') as HTMLSelectElement;
  expect(kind.value).toBe('own');
  expect(kind.options[0]?.textContent).toMatch(/^As the exercise \(8.12 RM\)$/);

  fireEvent.change(kind, { target: { value: 'band' } });
  expect(onChange).toHaveBeenLastCalledWith({ kind: 'band', value: null, valueMax: null, band: 'light', bandColor: null });
  const band = { kind: 'band' as const, value: null, valueMax: null, band: 'light' as const, bandColor: null };
  rerender(<IntensityField value={band} own={own} onChange={onChange} />);
  fireEvent.change(screen.getByLabelText('Band level'), { target: { value: 'heavy' } });
  expect(onChange).toHaveBeenLastCalledWith({ ...band, band: 'heavy' });

  rerender(<IntensityField value={{ kind: 'rpe', value: 6, valueMax: null, band: null, bandColor: null }} own={own} onChange={onChange} />);
  const to = screen.getByLabelText('To (optional)');
  fireEvent.change(to, { target: { value: '7' } });
  fireEvent.blur(to);
  expect(onChange).toHaveBeenLastCalledWith({ kind: 'rpe', value: 6, valueMax: 7, band: null, bandColor: null });

  fireEvent.change(screen.getByLabelText('Intensity kind'), { target: { value: 'none' } });
  expect(onChange).toHaveBeenLastCalledWith(null);
  fireEvent.change(screen.getByLabelText('Intensity kind'), { target: { value: 'own' } });
  expect(onChange).toHaveBeenLastCalledWith(undefined);
});
