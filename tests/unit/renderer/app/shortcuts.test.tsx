// Shortcuts are written as Electron accelerators, the text the native menu uses: CmdOrCtrl is ⌘
// on macOS and Ctrl elsewhere; Shift and Alt must match exactly; any other modifier held (Ctrl on
// a Mac, the Windows/Super key elsewhere) means the press is something else.
// (A .tsx file so the renderer's type-check, which has the DOM types shortcuts.ts needs, covers it.)
import { describe, expect, it } from 'vitest';
import { matchesShortcut, parseShortcut, shortcutLabel } from '../../../../renderer/src/app/shortcuts';

type Press = { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean };
const press = (p: Press) => ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...p });

describe('matchesShortcut', () => {
  // [accelerator, the press, on a Mac?, matches?]
  const table: [string, Press, boolean, boolean][] = [
    // CmdOrCtrl: Ctrl off the Mac, ⌘ on it; the other one does not stand in.
    ['CmdOrCtrl+K', { key: 'k', ctrlKey: true }, false, true],
    ['CmdOrCtrl+K', { key: 'k', metaKey: true }, false, false],
    ['CmdOrCtrl+K', { key: 'k', metaKey: true }, true, true],
    ['CmdOrCtrl+K', { key: 'k', ctrlKey: true }, true, false],
    // Both held: the other modifier makes it a different shortcut.
    ['CmdOrCtrl+K', { key: 'k', ctrlKey: true, metaKey: true }, false, false],
    ['CmdOrCtrl+K', { key: 'k', ctrlKey: true, metaKey: true }, true, false],
    // The key alone, or another key, is not the shortcut.
    ['CmdOrCtrl+K', { key: 'k' }, false, false],
    ['CmdOrCtrl+K', { key: 'j', ctrlKey: true }, false, false],
    // Letters match in either case (Caps Lock), and the accelerator's case does not matter.
    ['CmdOrCtrl+K', { key: 'K', ctrlKey: true }, false, true],
    ['cmdorctrl+k', { key: 'k', metaKey: true }, true, true],
    // Shift and Alt must be exactly as written.
    ['CmdOrCtrl+K', { key: 'K', ctrlKey: true, shiftKey: true }, false, false],
    ['CmdOrCtrl+Shift+K', { key: 'K', ctrlKey: true, shiftKey: true }, false, true],
    ['CmdOrCtrl+Shift+K', { key: 'K', metaKey: true, shiftKey: true }, true, true],
    ['CmdOrCtrl+Shift+K', { key: 'k', ctrlKey: true }, false, false],
    ['CmdOrCtrl+K', { key: 'k', ctrlKey: true, altKey: true }, false, false],
    ['CmdOrCtrl+Alt+K', { key: 'k', ctrlKey: true, altKey: true }, false, true],
    ['CmdOrCtrl+Alt+K', { key: 'k', metaKey: true, altKey: true }, true, true],
    ['CmdOrCtrl+Alt+K', { key: 'k', ctrlKey: true }, false, false],
    ['Shift+Alt+P', { key: 'P', shiftKey: true, altKey: true }, false, true],
    // Without CmdOrCtrl, neither Ctrl nor ⌘ may be held.
    ['Alt+P', { key: 'p', altKey: true, ctrlKey: true }, false, false],
    ['Alt+P', { key: 'p', altKey: true, metaKey: true }, true, false],
    // Named keys, and Electron's long spelling of CmdOrCtrl.
    ['CmdOrCtrl+Enter', { key: 'Enter', ctrlKey: true }, false, true],
    ['F2', { key: 'F2' }, false, true],
    ['F2', { key: 'F2', shiftKey: true }, false, false],
    ['CommandOrControl+K', { key: 'k', metaKey: true }, true, true],
  ];
  it.each(table)('%s with %o (mac: %s) → %s', (accelerator, p, mac, expected) => {
    expect(matchesShortcut(press(p), accelerator, mac)).toBe(expected);
  });

  it('ignores a keydown that carries no key (as Chromium sends for autofill)', () => {
    const noKey = press({ key: undefined as unknown as string, ctrlKey: true });
    expect(matchesShortcut(noKey, 'CmdOrCtrl+K', false)).toBe(false);
  });
});

describe('modifiers the page cannot honour', () => {
  it.each(['Ctrl+K', 'Control+K', 'Cmd+K', 'Command+K', 'Super+K', 'Meta+K', 'AltGr+K', 'CmdOrCtrl+Hyper+K'])(
    '%s is refused rather than read as a bare key',
    (accelerator) => {
      expect(() => parseShortcut(accelerator)).toThrow(/CmdOrCtrl, Shift or Alt/);
      // Above all, typing the letter alone into a field must never count as the shortcut.
      expect(() => matchesShortcut(press({ key: 'k' }), accelerator, false)).toThrow();
      expect(() => shortcutLabel(accelerator, false)).toThrow();
    },
  );

  it('refuses an accelerator with no key', () => {
    expect(() => parseShortcut('CmdOrCtrl+')).toThrow(/names no key/);
  });
});

describe('shortcutLabel', () => {
  const table: [string, string, string][] = [
    // [accelerator, elsewhere, macOS]
    ['CmdOrCtrl+K', 'Ctrl+K', '⌘K'],
    ['CmdOrCtrl+k', 'Ctrl+K', '⌘K'],
    ['CmdOrCtrl+F', 'Ctrl+F', '⌘F'],
    // macOS orders its modifier symbols ⌥ ⇧ ⌘ before the key.
    ['CmdOrCtrl+Shift+K', 'Ctrl+Shift+K', '⇧⌘K'],
    ['CmdOrCtrl+Alt+K', 'Ctrl+Alt+K', '⌥⌘K'],
    ['CmdOrCtrl+Shift+Alt+K', 'Ctrl+Shift+Alt+K', '⌥⇧⌘K'],
    ['Shift+Alt+P', 'Shift+Alt+P', '⌥⇧P'],
    ['CommandOrControl+N', 'Ctrl+N', '⌘N'],
    ['F2', 'F2', 'F2'],
    ['CmdOrCtrl+enter', 'Ctrl+Enter', '⌘Enter'],
  ];
  it.each(table)('%s reads %s, and %s on a Mac', (accelerator, elsewhere, mac) => {
    expect(shortcutLabel(accelerator, false)).toBe(elsewhere);
    expect(shortcutLabel(accelerator, true)).toBe(mac);
  });
});
