// @vitest-environment happy-dom
// The editor keeps a draft while the clinician types: written 400 ms after the last change (and at
// once when a field loses focus), not while the form is as it opened, removed when the changes are
// undone, saved, or discarded; and it tells the screen whether there are unsaved changes.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../../../renderer/src/components/Toasts';
import { ExerciseEditor, type EditorHandle, type EditorTarget } from '../../../../../renderer/src/features/library/ExerciseEditor';
import { answer, callsOf, exercise, ok, resetFakeApi } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

beforeEach(() => {
  vi.useFakeTimers();
  resetFakeApi();
  answer('drafts.save', () => ok({ updatedAt: '2026-01-01T00:00:00.000Z' }));
  answer('drafts.discard', () => ok({ discarded: true }));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function open(target: EditorTarget) {
  const dirty = vi.fn();
  const handle = createRef<EditorHandle>();
  render(
    <ToastProvider>
      <ExerciseEditor ref={handle} target={target} onSaved={() => undefined} onRequestClose={() => undefined} onDirtyChange={dirty} />
    </ToastProvider>,
  );
  return { dirty, handle, name: screen.getByLabelText('Name') as HTMLInputElement };
}

const flush = async (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('editor drafts', () => {
  it('writes nothing while the form is as it opened', async () => {
    const { dirty } = open({ kind: 'edit', exercise: exercise() });
    await flush(2000);
    expect(callsOf('drafts.save')).not.toHaveBeenCalled();
    expect(dirty).toHaveBeenLastCalledWith(false);
  });

  it('writes the draft 400 ms after the last change, with the exercise and version it started from', async () => {
    const ex = exercise({ contentVersion: 5 });
    const { dirty, name } = open({ kind: 'edit', exercise: ex });
    fireEvent.change(name, { target: { value: 'Wall pre' } });
    await flush(200);
    fireEvent.change(name, { target: { value: 'Wall press, slow' } });
    await flush(399);
    expect(callsOf('drafts.save')).not.toHaveBeenCalled();
    await flush(1);
    expect(callsOf('drafts.save')).toHaveBeenCalledTimes(1);
    const args = callsOf('drafts.save').mock.calls[0][0] as unknown as {
      key: string;
      exerciseId: string;
      baseContentVersion: number;
      form: { name: string };
    };
    expect(args).toMatchObject({ key: `edit:${ex.id}`, exerciseId: ex.id, baseContentVersion: 5 });
    expect(args.form.name).toBe('Wall press, slow');
    expect(dirty).toHaveBeenLastCalledWith(true);

    // Undoing the change removes the draft: nothing is unsaved any more.
    fireEvent.change(name, { target: { value: ex.text.name } });
    await flush(400);
    expect(callsOf('drafts.discard')).toHaveBeenCalledWith({ key: `edit:${ex.id}` });
    expect(dirty).toHaveBeenLastCalledWith(false);
  });

  it('writes at once when a field loses focus', async () => {
    const { name } = open({ kind: 'create' });
    fireEvent.change(name, { target: { value: 'New one' } });
    fireEvent.blur(name);
    await flush(0);
    expect(callsOf('drafts.save')).toHaveBeenCalledTimes(1);
    expect((callsOf('drafts.save').mock.calls[0][0] as unknown as { key: string }).key).toBe('new');
  });

  it('removes the draft when the changes are discarded, and writes no more after', async () => {
    const { name, handle } = open({ kind: 'copy', source: exercise() });
    expect(name.value).toBe('Wall press (copy)');
    fireEvent.change(name, { target: { value: 'My wall press' } });
    await flush(400);
    await act(async () => handle.current!.discard());
    expect(callsOf('drafts.discard')).toHaveBeenCalledWith({ key: `copy:${exercise().id}` });
    fireEvent.change(name, { target: { value: 'Later' } });
    await flush(1000);
    expect(callsOf('drafts.save')).toHaveBeenCalledTimes(1);
  });

  it('saves a copy with basedOnId and then removes its draft', async () => {
    const source = exercise();
    answer('library.create', () => ok(exercise({ id: '00000000-0000-4000-8000-000000000009', basedOnId: source.id })));
    const { name, handle } = open({ kind: 'copy', source });
    fireEvent.change(name, { target: { value: 'Mine' } });
    let saved = false;
    await act(async () => void (saved = await handle.current!.save()));
    expect(saved).toBe(true);
    expect(callsOf('library.create').mock.calls[0][0]).toMatchObject({ basedOnId: source.id });
    expect(callsOf('drafts.discard')).toHaveBeenCalledWith({ key: `copy:${source.id}` });
  });
});
