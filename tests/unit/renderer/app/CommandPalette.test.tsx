// @vitest-environment happy-dom
// The command palette as the keyboard uses it: it opens with focus in its input, lists the
// commands that can run now (filtered by every word typed, in any order), moves its active option
// with the arrow keys (aria-activedescendant), runs the active one with Enter, and Esc closes it
// with nothing run.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette } from '../../../../renderer/src/app/CommandPalette';
import { CommandProvider, CommandRegistry, useCommands, type Command } from '../../../../renderer/src/app/commands';

vi.mock('../../../../renderer/src/api', () => ({ transport: 'browser', onMenuCommand: () => () => undefined }));

// happy-dom has <dialog> with showModal() and close(), but no close request: Esc does nothing.
// A minimal stand-in for what a browser does when Esc is pressed in a modal dialog: a cancel
// event, then close() unless cancel was prevented. (The Playwright spec presses the real Esc in
// Chromium.) Installed once for this file.
beforeAll(() => {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
    if (dialog && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
  });
});

let exportEnabled = false;
const runs = {
  find: vi.fn(),
  new: vi.fn(),
  export: vi.fn(),
  go: vi.fn(),
};

function Commands() {
  const commands: Command[] = [
    { id: 'go.library', label: 'Go to Exercise library', group: 'Sections', run: runs.go },
    { id: 'library.newExercise', label: 'New exercise', group: 'Library', run: runs.new },
    { id: 'library.focusSearch', label: 'Find in library', group: 'Library', run: runs.find },
    { id: 'programs.export', label: 'Export program', group: 'Programs', enabled: () => exportEnabled, run: runs.export },
  ];
  useCommands(commands);
  return <button type="button">Somewhere else</button>;
}

function setup() {
  const registry = new CommandRegistry();
  render(
    <CommandProvider registry={registry}>
      <Commands />
      <CommandPalette />
    </CommandProvider>,
  );
  const user = userEvent.setup();
  const dialog = screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
  return {
    registry,
    user,
    dialog,
    async open() {
      await user.keyboard('{Control>}k{/Control}');
      expect(dialog.open).toBe(true);
    },
  };
}

const input = () => screen.getByRole('combobox', { name: 'Type a command' });
const listbox = () => screen.getByRole('listbox', { name: 'Commands' });
const labels = () =>
  within(listbox())
    .getAllByRole('option')
    .map((o) => o.querySelector('span')!.textContent);
const activeOption = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
const nothingRan = () => Object.values(runs).every((r) => r.mock.calls.length === 0);

beforeEach(() => {
  exportEnabled = false;
  for (const r of Object.values(runs)) r.mockReset();
});
afterEach(cleanup);

describe('CommandPalette', () => {
  it('opens as a modal dialog named "Command palette" with focus in its input', async () => {
    const p = setup();
    expect(p.dialog.open).toBe(false);
    screen.getByRole('button', { name: 'Somewhere else' }).focus();
    await p.open();
    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBe(p.dialog);
    expect(document.activeElement).toBe(input());
    expect(input().getAttribute('aria-controls')).toBe(listbox().id);
  });

  it('lists every command that can run now, by group, without itself or a disabled one', async () => {
    const p = setup();
    await p.open();
    expect(labels()).toEqual(['Find in library', 'New exercise', 'Go to Exercise library']);
    expect(screen.queryByText('Export program')).toBeNull();
    expect(screen.queryByText(/Command palette/i, { selector: 'li span' })).toBeNull();
    // Shortcuts are shown beside their commands, from the menu's accelerators.
    expect(within(listbox()).getByText('New exercise').closest('li')!.querySelector('kbd')!.textContent).toBe('Ctrl+N');

    // Whether a command can run is asked again each time the palette opens.
    await p.user.keyboard('{Escape}');
    exportEnabled = true;
    await p.open();
    expect(labels()).toContain('Export program');
  });

  it('filters by every word typed, in any order and any case, across label and group', async () => {
    const p = setup();
    await p.open();
    await p.user.keyboard('LIB fi');
    expect(labels()).toEqual(['Find in library']);
    await p.user.clear(input());
    await p.user.keyboard('sections');
    expect(labels()).toEqual(['Go to Exercise library']);
    await p.user.clear(input());
    await p.user.keyboard('library');
    expect(labels()).toEqual(['Find in library', 'New exercise', 'Go to Exercise library']);
    await p.user.keyboard(' new');
    expect(labels()).toEqual(['New exercise']);
  });

  it('moves the active option with the arrow keys, staying within the list', async () => {
    const p = setup();
    await p.open();
    const options = within(listbox()).getAllByRole('option');
    const selected = () => options.filter((o) => o.getAttribute('aria-selected') === 'true');
    expect(activeOption()).toBe(options[0]);
    expect(selected()).toEqual([options[0]]);
    await p.user.keyboard('{ArrowDown}');
    expect(activeOption()).toBe(options[1]);
    expect(selected()).toEqual([options[1]]);
    await p.user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeOption()).toBe(options[2]);
    await p.user.keyboard('{ArrowUp}');
    expect(activeOption()).toBe(options[1]);
    await p.user.keyboard('{ArrowUp}{ArrowUp}');
    expect(activeOption()).toBe(options[0]);
    // Focus stays in the input throughout: the options are pointed at, never focused.
    expect(document.activeElement).toBe(input());
    // Typing starts again from the first match.
    await p.user.keyboard('{ArrowDown}e');
    expect(activeOption()).toBe(within(listbox()).getAllByRole('option')[0]);
  });

  it('runs the active command with Enter, once, and closes', async () => {
    const p = setup();
    await p.open();
    await p.user.keyboard('{ArrowDown}{Enter}');
    expect(p.dialog.open).toBe(false);
    await waitFor(() => expect(runs.new).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(runs.new).toHaveBeenCalledTimes(1);
    expect(runs.find).not.toHaveBeenCalled();
    expect(runs.go).not.toHaveBeenCalled();
  });

  it('runs a command that is clicked', async () => {
    const p = setup();
    await p.open();
    await p.user.click(within(listbox()).getByText('Go to Exercise library'));
    expect(p.dialog.open).toBe(false);
    await waitFor(() => expect(runs.go).toHaveBeenCalledTimes(1));
  });

  it('closes with Esc and runs nothing; it opens again empty', async () => {
    const p = setup();
    await p.open();
    await p.user.keyboard('new{ArrowDown}');
    await p.user.keyboard('{Escape}');
    expect(p.dialog.open).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(nothingRan()).toBe(true);

    // The palette knows it closed: it opens again, from the start.
    await p.open();
    expect(input()).toHaveProperty('value', '');
    expect(labels()).toHaveLength(3);
    expect(activeOption()).toBe(within(listbox()).getAllByRole('option')[0]);
    expect(document.activeElement).toBe(input());
  });

  it('says "No command matches", and Enter then runs nothing and keeps it open', async () => {
    const p = setup();
    await p.open();
    await p.user.keyboard('zzq');
    const only = within(listbox()).getByRole('option');
    expect(only.textContent).toBe('No command matches');
    expect(only.getAttribute('aria-disabled')).toBe('true');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    await p.user.keyboard('{ArrowDown}{Enter}');
    expect(p.dialog.open).toBe(true);
    // A disabled command is not found by name either.
    await p.user.clear(input());
    await p.user.keyboard('export');
    expect(within(listbox()).getByRole('option').textContent).toBe('No command matches');
    await p.user.keyboard('{Enter}');
    await new Promise((r) => setTimeout(r, 50));
    expect(nothingRan()).toBe(true);
    // And after that, a match is still reachable and runs.
    await p.user.clear(input());
    await p.user.keyboard('{ArrowDown}find{Enter}');
    await waitFor(() => expect(runs.find).toHaveBeenCalledTimes(1));
  });

  it('opens from the registry, as the Commands button and the menu do', async () => {
    const p = setup();
    act(() => void p.registry.run('app.commandPalette'));
    expect(p.dialog.open).toBe(true);
    expect(document.activeElement).toBe(input());
  });
});
