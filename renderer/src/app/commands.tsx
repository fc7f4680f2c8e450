// One registry of named commands drives the native menu (through onMenuCommand), the keyboard
// shortcuts and the buttons, and the command palette lists it. A feature registers its commands
// while it is on screen; the command's `run` is the one place its action lives.
import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { MENU_COMMAND_DEFS, MENU_COMMANDS } from '../../../common/contract/commands';
import { onMenuCommand, transport } from '../api';
import { matchesShortcut, parseShortcut } from './shortcuts';

export interface Command {
  id: string;
  label: string;
  /** Electron accelerator syntax, e.g. "CmdOrCtrl+K". */
  shortcut?: string;
  /** Where the palette lists it. */
  group?: string;
  enabled?: () => boolean;
  run: () => void;
}

const menuDef = (id: string) => MENU_COMMAND_DEFS.find((d) => d.id === id);

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly listeners = new Set<() => void>();
  private snapshot: Command[] = [];

  /**
   * Adds commands, all or none; a command the native menu names takes its shortcut from there (one
   * source). The returned function removes these commands (and not a later one with the same id).
   */
  register(commands: Command[]): () => void {
    const added = commands.map((c) => {
      const def = menuDef(c.id);
      return def ? { ...c, shortcut: def.accelerator } : c;
    });
    const ids = new Set<string>();
    for (const c of added) {
      if (this.commands.has(c.id) || ids.has(c.id)) throw new Error(`Command "${c.id}" is registered twice.`);
      ids.add(c.id);
      if (c.shortcut) parseShortcut(c.shortcut); // refuses a shortcut the page cannot honour, now
    }
    for (const c of added) this.commands.set(c.id, c);
    this.changed();
    return () => {
      for (const c of added) if (this.commands.get(c.id) === c) this.commands.delete(c.id);
      this.changed();
    };
  }

  list(): Command[] {
    return this.snapshot;
  }

  isEnabled(c: Command): boolean {
    return c.enabled ? c.enabled() : true;
  }

  /** Runs a command by id; false when it is unknown or disabled right now. */
  run(id: string): boolean {
    const c = this.commands.get(id);
    if (!c || !this.isEnabled(c)) return false;
    c.run();
    return true;
  }

  /**
   * The command a key press asks for. In Electron the native menu's accelerators already catch
   * the menu's shortcuts and arrive through onMenuCommand, so the page leaves those alone.
   */
  forKey(e: KeyboardEvent, electron: boolean): Command | null {
    for (const c of this.commands.values()) {
      if (!c.shortcut || (electron && (MENU_COMMANDS as readonly string[]).includes(c.id))) continue;
      if (matchesShortcut(e, c.shortcut)) return c;
    }
    return null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = [...this.commands.values()];
    for (const l of this.listeners) l();
  }
}

const RegistryContext = createContext<CommandRegistry | null>(null);

export function useCommandRegistry(): CommandRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useCommandRegistry needs a CommandProvider');
  return registry;
}

/** The registered commands, updating as features come and go. */
export function useCommandList(): Command[] {
  const registry = useCommandRegistry();
  return useSyncExternalStore(registry.subscribe, () => registry.list());
}

/**
 * Registers commands while the calling component is mounted. `run` and `enabled` always see the
 * component's latest state (the registry holds stable wrappers around the newest functions).
 */
export function useCommands(commands: Command[]): void {
  const registry = useCommandRegistry();
  const latest = useRef(commands);
  latest.current = commands;
  const ids = commands.map((c) => c.id).join('\n');
  useEffect(() => {
    const find = (id: string) => latest.current.find((c) => c.id === id)!;
    return registry.register(
      ids.split('\n').map((id) => {
        const c = find(id);
        return { ...c, enabled: () => find(id).enabled?.() ?? true, run: () => find(id).run() };
      }),
    );
  }, [registry, ids]);
}

export function CommandProvider({ children, registry }: { children: ReactNode; registry?: CommandRegistry }) {
  const own = useRef<CommandRegistry>(registry ?? new CommandRegistry());
  useEffect(() => {
    const reg = own.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const c = reg.forKey(e, transport === 'electron');
      if (c && reg.isEnabled(c)) {
        e.preventDefault();
        c.run();
      }
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = onMenuCommand((id) => reg.run(id));
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, []);
  return <RegistryContext.Provider value={own.current}>{children}</RegistryContext.Provider>;
}
