// Keyboard shortcuts written as Electron accelerators ("CmdOrCtrl+K"), so the native menu and the
// page read the same text. CmdOrCtrl is ⌘ on macOS and Ctrl elsewhere.
export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

interface Parsed {
  primary: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(accelerator: string): Parsed {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { primary: mods.has('cmdorctrl'), shift: mods.has('shift'), alt: mods.has('alt'), key };
}

export function matchesShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  accelerator: string,
  mac = isMac(),
): boolean {
  const a = parse(accelerator);
  const primary = mac ? e.metaKey : e.ctrlKey;
  const other = mac ? e.ctrlKey : e.metaKey;
  return a.primary === primary && !other && a.shift === e.shiftKey && a.alt === e.altKey && e.key.toLowerCase() === a.key;
}

/** "Ctrl+K" or "⌘K", as shown beside a command. */
export function shortcutLabel(accelerator: string, mac = isMac()): string {
  const a = parse(accelerator);
  const key = a.key.length === 1 ? a.key.toUpperCase() : a.key[0].toUpperCase() + a.key.slice(1);
  if (mac) return `${a.primary ? '⌘' : ''}${a.shift ? '⇧' : ''}${a.alt ? '⌥' : ''}${key}`;
  return [a.primary ? 'Ctrl' : '', a.shift ? 'Shift' : '', a.alt ? 'Alt' : '', key].filter(Boolean).join('+');
}
