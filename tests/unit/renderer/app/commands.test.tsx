// @vitest-environment happy-dom
// One registry of named commands: the native menu (through onMenuCommand), the keyboard and the
// command palette all run the same command, once each; in Electron the page leaves the menu's own
// shortcuts to the menu's accelerators.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_DEFS } from '../../../../common/contract/commands';
import { CommandPalette } from '../../../../renderer/src/app/CommandPalette';
import { CommandProvider, CommandRegistry, useCommands, type Command } from '../../../../renderer/src/app/commands';
import { isMac } from '../../../../renderer/src/app/shortcuts';

// The renderer's api module, with the transport chosen per test and onMenuCommand keeping the
// listener the provider gives it, as the preload's appEvents.onCommand does in Electron.
const host = vi.hoisted(() => ({
  transport: 'browser' as 'browser' | 'electron',
  menuListeners: new Set<(command: string) => void>(),
}));
vi.mock('../../../../renderer/src/api', () => ({
  get transport() {
    return host.transport;
  },
  onMenuCommand(listener: (command: string) => void) {
    host.menuListeners.add(listener);
    return () => host.menuListeners.delete(listener);
  },
}));

/** What Electron does when a menu item is chosen (or its accelerator pressed). */
function fromMenu(id: string): void {
  expect(host.menuListeners.size, 'a menu listener is registered').toBe(1);
  act(() => {
    for (const l of host.menuListeners) l(id);
  });
}

/** A key press anywhere on the page; false when the page took it (preventDefault). */
function pressOnWindow(key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean } = { ctrlKey: true }): boolean {
  let notTaken = true;
  act(() => {
    notTaken = fireEvent.keyDown(document.body, { key, ...mods });
  });
  return notTaken;
}

function Registers({ commands }: { commands: Command[] }) {
  useCommands(commands);
  return null;
}

beforeAll(() => {
  // The shortcuts below are pressed with Ctrl: happy-dom reports a Linux navigator.
  expect(isMac()).toBe(false);
});
beforeEach(() => {
  host.transport = 'browser';
  host.menuListeners.clear();
});
afterEach(cleanup);

describe('CommandRegistry', () => {
  const cmd = (id: string, run = vi.fn()): Command => ({ id, label: id, run });

  it('refuses a duplicate id, and keeps nothing of the batch it refused', () => {
    const registry = new CommandRegistry();
    registry.register([cmd('a')]);
    expect(() => registry.register([cmd('b'), cmd('a')])).toThrow('Command "a" is registered twice.');
    expect(() => registry.register([cmd('c'), cmd('c')])).toThrow('Command "c" is registered twice.');
    expect(registry.list().map((c) => c.id)).toEqual(['a']);
    // So "b" can still be registered by whoever owns it.
    expect(() => registry.register([cmd('b')])).not.toThrow();
  });

  it('removes only what a registration added, however often it is undone', () => {
    const registry = new CommandRegistry();
    const undoFirst = registry.register([cmd('a')]);
    undoFirst();
    const second = vi.fn();
    registry.register([cmd('a', second)]);
    undoFirst(); // late or repeated: must not take the newer "a" with it
    expect(registry.run('a')).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('does not run a disabled command, from run() or from its shortcut', () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    let enabled = false;
    registry.register([{ id: 'x', label: 'X', shortcut: 'CmdOrCtrl+J', enabled: () => enabled, run }]);
    expect(registry.run('x')).toBe(false);
    expect(registry.run('unknown')).toBe(false);
    expect(run).not.toHaveBeenCalled();

    render(
      <CommandProvider registry={registry}>
        <span />
      </CommandProvider>,
    );
    // Not taken either: the browser's own meaning of the keys, if any, still applies.
    expect(pressOnWindow('j')).toBe(true);
    fromMenu('x');
    expect(run).not.toHaveBeenCalled();

    enabled = true;
    expect(pressOnWindow('j')).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gives a command the native menu names the menu’s shortcut, whatever the feature wrote', () => {
    const registry = new CommandRegistry();
    for (const def of MENU_COMMAND_DEFS) registry.register([{ id: def.id, label: 'x', shortcut: 'CmdOrCtrl+Shift+Alt+Q', run: vi.fn() }]);
    registry.register([{ id: 'own', label: 'Own', shortcut: 'CmdOrCtrl+J', run: vi.fn() }]);
    const shortcuts = Object.fromEntries(registry.list().map((c) => [c.id, c.shortcut]));
    expect(shortcuts).toEqual({
      ...Object.fromEntries(MENU_COMMAND_DEFS.map((d) => [d.id, d.accelerator])),
      own: 'CmdOrCtrl+J',
    });
  });

  it('refuses, at registration, a shortcut the page could not honour', () => {
    const registry = new CommandRegistry();
    expect(() => registry.register([{ id: 'y', label: 'Y', shortcut: 'Super+K', run: vi.fn() }])).toThrow(/Super/);
    expect(registry.list()).toEqual([]);
  });
});

describe('useCommands', () => {
  it('registers while mounted and unregisters on unmount', () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    const view = render(
      <CommandProvider registry={registry}>
        <Registers commands={[{ id: 'test.one', label: 'One', shortcut: 'CmdOrCtrl+J', run }]} />
      </CommandProvider>,
    );
    expect(registry.list().map((c) => c.id)).toEqual(['test.one']);
    view.rerender(<CommandProvider registry={registry}>{null}</CommandProvider>);
    expect(registry.list()).toEqual([]);
    expect(registry.run('test.one')).toBe(false);
    expect(pressOnWindow('j')).toBe(true);
    expect(run).not.toHaveBeenCalled();
    // The provider lets go of the keyboard and the menu when it goes.
    view.unmount();
    expect(host.menuListeners.size).toBe(0);
  });

  it('runs with the component’s latest state, not the state it registered with', async () => {
    const registry = new CommandRegistry();
    const seen: string[] = [];
    function Note() {
      const [text, setText] = useState('first');
      const [locked, setLocked] = useState(false);
      useCommands([{ id: 'note.say', label: 'Say', enabled: () => !locked, run: () => seen.push(text) }]);
      return (
        <>
          <button onClick={() => setText('second')}>change</button>
          <button onClick={() => setLocked(true)}>lock</button>
        </>
      );
    }
    render(
      <CommandProvider registry={registry}>
        <Note />
      </CommandProvider>,
    );
    const user = userEvent.setup();
    act(() => void registry.run('note.say'));
    await user.click(screen.getByRole('button', { name: 'change' }));
    act(() => void registry.run('note.say'));
    expect(seen).toEqual(['first', 'second']);
    await user.click(screen.getByRole('button', { name: 'lock' }));
    expect(registry.run('note.say')).toBe(false);
    expect(seen).toEqual(['first', 'second']);
  });
});

describe('menu, shortcut and palette', () => {
  // A menu command, so each of the three ways exists for it; its shortcut comes from the menu.
  const def = MENU_COMMAND_DEFS.find((d) => d.id === 'library.newExercise')!;
  const key = def.accelerator.split('+').pop()!.toLowerCase();

  function setup(others: Command[] = []) {
    const run = vi.fn();
    const registry = new CommandRegistry();
    render(
      <CommandProvider registry={registry}>
        <Registers commands={[{ id: def.id, label: 'New exercise', group: 'Library', run }, ...others]} />
        <CommandPalette />
      </CommandProvider>,
    );
    return { run, registry };
  }

  it('run the same command, exactly once each', async () => {
    const { run } = setup();
    const user = userEvent.setup();

    // (a) The native menu sends the command's id.
    fromMenu(def.id);
    expect(run).toHaveBeenCalledTimes(1);

    // (b) Its shortcut, pressed anywhere on the page (browser mode has no native menu).
    expect(def.accelerator).toBe('CmdOrCtrl+N');
    expect(pressOnWindow(key)).toBe(false);
    expect(run).toHaveBeenCalledTimes(2);

    // (c) The palette: Ctrl+K, type, Enter.
    await user.keyboard('{Control>}k{/Control}');
    const input = screen.getByRole('combobox', { name: 'Type a command' });
    expect(document.activeElement).toBe(input);
    await user.keyboard('new exer');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('New exercise')]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(run).toHaveBeenCalledTimes(3));
    // And nothing runs it again afterwards.
    await new Promise((r) => setTimeout(r, 50));
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('in Electron, leave a menu command’s key press to the menu, but still handle other shortcuts', async () => {
    host.transport = 'electron';
    const own = vi.fn();
    const { run } = setup([{ id: 'test.own', label: 'Own', shortcut: 'CmdOrCtrl+J', run: own }]);

    // The native accelerator has already sent the id through the menu path: the page's key
    // handler must not run it a second time, nor take the key.
    fromMenu(def.id);
    expect(pressOnWindow(key)).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);

    // A shortcut the menu does not have is the page's to handle.
    expect(pressOnWindow('j')).toBe(false);
    expect(own).toHaveBeenCalledTimes(1);

    // Ctrl+K is the menu's too: the page does not open the palette itself; the menu does.
    const dialog = screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
    expect(pressOnWindow('k')).toBe(true);
    expect(dialog.open).toBe(false);
    fromMenu('app.commandPalette');
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Type a command' }));
  });
});
