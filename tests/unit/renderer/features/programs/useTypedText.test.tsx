// @vitest-environment happy-dom
// Typed text in the builder is saved after a short pause, on blur and when the field goes away;
// the field keeps what is being typed (a trailing space survives its own save), and a change from
// elsewhere (an undo) replaces it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { TYPING_PAUSE_MS, useTypedText } from '../../../../../renderer/src/features/programs/useTypedText';

function Field({ value, onCommit }: { value: string; onCommit(t: string): void }) {
  const { text, change, flush } = useTypedText(value, onCommit);
  return <input aria-label="note" value={text} onChange={(e) => change(e.target.value)} onBlur={flush} />;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('saves after a pause in typing, once, and keeps a trailing space being typed', () => {
  const saves: string[] = [];
  let value = '';
  const { rerender } = render(<Field value={value} onCommit={(t) => saves.push((value = t.trim()))} />);
  const input = screen.getByLabelText('note') as HTMLInputElement;
  fireEvent.change(input, { target: { value: 'Do these ' } });
  act(() => vi.advanceTimersByTime(TYPING_PAUSE_MS - 1));
  expect(saves).toEqual([]);
  act(() => vi.advanceTimersByTime(1));
  expect(saves).toEqual(['Do these']);
  rerender(<Field value={value} onCommit={(t) => saves.push((value = t.trim()))} />);
  expect(input.value).toBe('Do these ');
  fireEvent.change(input, { target: { value: 'Do these before work' } });
  fireEvent.blur(input);
  expect(saves).toEqual(['Do these', 'Do these before work']);
  act(() => vi.advanceTimersByTime(TYPING_PAUSE_MS));
  expect(saves).toHaveLength(2);
});

it('saves what is pending when the field goes away', () => {
  const saves: string[] = [];
  const { unmount } = render(<Field value="" onCommit={(t) => saves.push(t)} />);
  fireEvent.change(screen.getByLabelText('note'), { target: { value: 'Half typed' } });
  unmount();
  expect(saves).toEqual(['Half typed']);
});

it('takes a change made elsewhere, such as an undo', () => {
  const { rerender } = render(<Field value="Before" onCommit={() => undefined} />);
  rerender(<Field value="After undo" onCommit={() => undefined} />);
  expect((screen.getByLabelText('note') as HTMLInputElement).value).toBe('After undo');
});
