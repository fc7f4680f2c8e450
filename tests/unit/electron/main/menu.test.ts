// The native menu template: standard Edit roles and the app commands, built from
// MENU_COMMAND_DEFS (the list the renderer's command registry reads too), so a label, an
// accelerator or a place changes in one file.
import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../../electron/main/menu';
import type { MenuCommand } from '../../../../common/contract/commands';
import { MENU_COMMAND_DEFS, MENU_COMMANDS } from '../../../../common/contract/commands';
import { repoRoot } from '../../../support/repo';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(platform: NodeJS.Platform): { template: MenuItemConstructorOptions[]; sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  return { template: menuTemplate(platform, (c) => sent.push(c)), sent };
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as unknown as () => void)();
}

describe.each(['linux', 'win32', 'darwin'] as const)('menuTemplate(%s)', (platform) => {
  it('has an Edit menu with the standard text-editing roles', () => {
    const { template } = build(platform);
    const edit = template.find((m) => (m.label ?? '').replace('&', '') === 'Edit');
    expect(edit).toBeDefined();
    const roles = (edit!.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(roles).toContain(role);
  });

  it('sends library.focusSearch for CmdOrCtrl+F, and nothing before it is clicked', () => {
    const { template, sent } = build(platform);
    const items = flatten(template).filter((i) => i.accelerator === 'CmdOrCtrl+F');
    expect(items).toHaveLength(1);
    expect(sent).toEqual([]);
    click(items[0]);
    expect(sent).toEqual(['library.focusSearch']);
  });

  it('sends library.newExercise for CmdOrCtrl+N', () => {
    const { template, sent } = build(platform);
    const items = flatten(template).filter((i) => i.accelerator === 'CmdOrCtrl+N');
    expect(items).toHaveLength(1);
    click(items[0]);
    expect(sent).toEqual(['library.newExercise']);
  });

  it('only ever sends known app commands, and no accelerator is bound twice', () => {
    const { template, sent } = build(platform);
    const all = flatten(template);
    for (const item of all) if (typeof item.click === 'function') click(item);
    expect(sent.length).toBeGreaterThan(0); // some item did send, so the check below holds for something
    for (const c of sent) expect(MENU_COMMANDS).toContain(c);
    const accelerators = all.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it.each(MENU_COMMAND_DEFS.map((d) => [d.id, d] as const))('offers %s once, as MENU_COMMAND_DEFS says', (_id, def) => {
    const { template, sent } = build(platform);
    const items = flatten(template).filter((i) => i.label === def.label);
    expect(items).toHaveLength(1);
    expect(items[0].accelerator).toBe(def.accelerator);
    // In the menu the definition names.
    const menu = template.find((m) => (m.label ?? '').replace('&', '').toLowerCase() === def.menu);
    expect(menu, `a ${def.menu} menu`).toBeDefined();
    expect(menu!.submenu as MenuItemConstructorOptions[]).toContain(items[0]);
    click(items[0]);
    expect(sent).toEqual([def.id]);
  });

  it('has no app command beyond MENU_COMMAND_DEFS, and no separator at an edge or doubled', () => {
    const { template } = build(platform);
    const commandItems = flatten(template).filter((i) => typeof i.click === 'function');
    expect(commandItems.map((i) => i.label).sort()).toEqual(MENU_COMMAND_DEFS.map((d) => d.label).sort());
    for (const menu of template) {
      if (!Array.isArray(menu.submenu)) continue;
      const types = menu.submenu.map((i) => i.type);
      expect(types[0]).not.toBe('separator');
      expect(types.at(-1)).not.toBe('separator');
      expect(types.join(',')).not.toContain('separator,separator');
    }
  });

  it('offers no developer tools or reload item', () => {
    const roles = flatten(build(platform).template).map((i) => i.role);
    for (const role of ['toggleDevTools', 'reload', 'forceReload']) expect(roles).not.toContain(role);
  });
});

describe('one source', () => {
  it('menu.ts writes no label or accelerator of its own for app commands', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'electron/main/menu.ts'), 'utf8');
    expect(source).toContain('MENU_COMMAND_DEFS');
    expect(source).not.toMatch(/accelerator:\s*['"`]/);
    for (const d of MENU_COMMAND_DEFS) {
      expect(source).not.toContain(d.label);
      expect(source).not.toContain(d.accelerator);
      expect(source).not.toContain(`'${d.id}'`);
    }
  });
});

describe('platform differences', () => {
  it('starts with the app menu on macOS only', () => {
    expect(build('darwin').template[0].role).toBe('appMenu');
    expect(build('linux').template[0].role).toBeUndefined();
    expect(flatten(build('linux').template).map((i) => i.role)).not.toContain('appMenu');
    expect(flatten(build('win32').template).map((i) => i.role)).not.toContain('appMenu');
  });

  it('has Quit in File outside macOS', () => {
    expect(flatten(build('linux').template).map((i) => i.role)).toContain('quit');
  });
});
