// Keyboard shortcuts written as Electron accelerators ("CmdOrCtrl+K"), so the native menu and the
// page read the same text. CmdOrCtrl is ⌘ on macOS and Ctrl elsewhere.
export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

interface Parsed {
  primary: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

// The modifiers the page understands. Any other ("Ctrl", "Super", "Meta"…) is refused rather than
// ignored: ignored, "Ctrl+K" would match a bare K typed into any field.
const MODIFIERS: Record<string, keyof Omit<Parsed, 'key'>> = {
  cmdorctrl: 'primary',
  commandorcontrol: 'primary',
  shift: 'shift',
  alt: 'alt',
};

/** Reads an accelerator; throws for a modifier the page cannot honour or a missing key. */
export function parseShortcut(accelerator: string): Parsed {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  if (!key) throw new Error(`Shortcut "${accelerator}" names no key.`);
  const parsed: Parsed = { primary: false, shift: false, alt: false, key };
  for (const p of parts) {
    const mod = MODIFIERS[p.toLowerCase()];
    if (!mod) throw new Error(`Shortcut "${accelerator}": use CmdOrCtrl, Shift or Alt, not "${p}".`);
    parsed[mod] = true;
  }
  return parsed;
}

export function matchesShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  accelerator: string,
  mac = isMac(),
): boolean {
  // Chromium's autofill sends keydown events that carry no key.
  if (typeof e.key !== 'string') return false;
  const a = parseShortcut(accelerator);
  const primary = mac ? e.metaKey : e.ctrlKey;
  const other = mac ? e.ctrlKey : e.metaKey;
  return a.primary === primary && !other && a.shift === e.shiftKey && a.alt === e.altKey && e.key.toLowerCase() === a.key;
}

/** "Ctrl+K" or "⌘K", as shown beside a command (macOS orders its symbols ⌥⇧⌘). */
export function shortcutLabel(accelerator: string, mac = isMac()): string {
  const a = parseShortcut(accelerator);
  const key = a.key.length === 1 ? a.key.toUpperCase() : a.key[0].toUpperCase() + a.key.slice(1);
  if (mac) return `${a.alt ? '⌥' : ''}${a.shift ? '⇧' : ''}${a.primary ? '⌘' : ''}${key}`;
  return [a.primary ? 'Ctrl' : '', a.shift ? 'Shift' : '', a.alt ? 'Alt' : '', key].filter(Boolean).join('+');
}
