// @vitest-environment happy-dom
// The unsaved-changes question: a modal dialog naming what changed, focus on "Keep editing", Tab
// kept on its three buttons, Esc meaning keep editing, and each button answering its choice once.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsavedChangesDialog } from '../../../../renderer/src/components/UnsavedChangesDialog';

afterEach(cleanup);

describe('UnsavedChangesDialog', () => {
  it('asks about what changed, with focus on Keep editing', () => {
    render(<UnsavedChangesDialog subject="“Wall press”" onChoose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Unsaved changes' });
    expect(dialog).toHaveProperty('open', true);
    expect(dialog.textContent).toContain('You have changed “Wall press” and not saved it.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep editing' }));
  });

  it.each([
    ['Keep editing', 'keep'],
    ['Discard changes', 'discard'],
    ['Save', 'save'],
  ])('%s answers %s and closes the dialog first', (label, choice) => {
    const onChoose = vi.fn((_c: string) => expect(dialog.open).toBe(false));
    render(<UnsavedChangesDialog subject="this new exercise" onChoose={onChoose} />);
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    fireEvent.click(screen.getByRole('button', { name: label }));
    expect(onChoose.mock.calls).toEqual([[choice]]);
  });

  it('treats Esc (the dialog cancelled) as keep editing, and keeps other keys from the editor behind', () => {
    const onChoose = vi.fn();
    const behind = vi.fn();
    render(
      <div onKeyDown={behind}>
        <UnsavedChangesDialog subject="this copy" onChoose={onChoose} />
      </div>,
    );
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onChoose.mock.calls).toEqual([['keep']]);
    expect(behind).not.toHaveBeenCalled();
  });

  it('keeps Tab on its buttons, wrapping at both ends', () => {
    render(<UnsavedChangesDialog subject="this copy" onChoose={() => undefined} />);
    const dialog = screen.getByRole('dialog');
    const keep = screen.getByRole('button', { name: 'Keep editing' });
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });
});
