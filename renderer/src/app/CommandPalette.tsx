// Ctrl+K (⌘K): every command that can run now, filtered as you type, run with Enter or a click.
// A modal <dialog>: focus stays inside while it is open and Esc closes it.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCommandList, useCommandRegistry, useCommands } from './commands';
import { shortcutLabel } from './shortcuts';

export function CommandPalette() {
  const registry = useCommandRegistry();
  const commands = useCommandList();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  useCommands([{ id: 'app.commandPalette', label: 'Command palette', group: 'App', run: () => setOpen(true) }]);

  const shown = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return commands
      .filter((c) => c.id !== 'app.commandPalette' && registry.isEnabled(c))
      .filter((c) => words.every((w) => `${c.label} ${c.group ?? ''}`.toLowerCase().includes(w)))
      .sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || a.label.localeCompare(b.label));
    // `open` re-evaluates `enabled` each time the palette opens.
  }, [commands, registry, text, open]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setText('');
      setActive(0);
      d.showModal();
      input.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  const runAt = (index: number) => {
    const c = shown[index];
    if (!c) return;
    setOpen(false);
    // After the dialog has closed, so a command that moves focus keeps it.
    requestAnimationFrame(() => registry.run(c.id));
  };

  return (
    <dialog ref={dialog} className="palette" aria-label="Command palette" onClose={() => setOpen(false)}>
      <input
        ref={input}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
        aria-label="Type a command"
        placeholder="Type a command"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter') runAt(active);
          else return;
          e.preventDefault();
        }}
        spellCheck={false}
        autoComplete="off"
      />
      <ul id={listId} role="listbox" aria-label="Commands">
        {shown.map((c, i) => (
          // Options are chosen with the arrow keys from the input (aria-activedescendant) or a click.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li key={c.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} onClick={() => runAt(i)}>
            <span>{c.label}</span>
            {c.group && <span className="muted"> · {c.group}</span>}
            {c.shortcut && <kbd>{shortcutLabel(c.shortcut)}</kbd>}
          </li>
        ))}
        {shown.length === 0 && (
          <li role="option" aria-selected="false" aria-disabled="true" className="muted">
            No command matches
          </li>
        )}
      </ul>
    </dialog>
  );
}
