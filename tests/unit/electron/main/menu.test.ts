// The native menu template: standard Edit roles and the two app commands.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../../electron/main/menu';
import type { MenuCommand } from '../../../../common/contract/commands';
import { MENU_COMMANDS } from '../../../../common/contract/commands';

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

  it('offers no developer tools or reload item', () => {
    const roles = flatten(build(platform).template).map((i) => i.role);
    for (const role of ['toggleDevTools', 'reload', 'forceReload']) expect(roles).not.toContain(role);
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
