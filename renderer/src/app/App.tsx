// The window: the shell (brand, sections, the section's toolbar, the command palette) around the
// section on screen. Features own their state and toolbars; commands run through one registry.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { ToastProvider } from '../components/Toasts';
import { CommandPalette } from './CommandPalette';
import { CommandProvider, useCommandRegistry, useCommands } from './commands';
import { FileTargetProvider } from './file-targets';
import { GroupCheckAtStart } from '../features/sharing/GroupCheckAtStart';
import { LeaveGuardProvider, useLeaveGuardSlot } from './leave-guard';
import { SECTIONS, START_SECTION_ID } from './sections';
import { shortcutLabel } from './shortcuts';
import { ToolbarSlotProvider } from './toolbar';

function NotConnected() {
  return (
    <main className="empty-pane" style={{ height: '100%' }}>
      <div className="card" style={{ maxWidth: 520 }}>
        <h1>This window is not connected</h1>
        <p>
          Open Loadwise with the full address it printed when it started: the part after #token= lets this window in. Each start makes a new
          one.
        </p>
      </div>
    </main>
  );
}

/** Skip links, first in the tab order and shown on focus: straight to the parts of the library. */
const SKIP_LINKS = [
  { target: 'library-search', label: 'Skip to search' },
  { target: 'library-filters', label: 'Skip to filters' },
  { target: 'library-results', label: 'Skip to results' },
  { target: 'library-detail', label: 'Skip to exercise details' },
];

function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {SKIP_LINKS.map((l) => (
        <a
          key={l.target}
          href={`#${l.target}`}
          onClick={(e) => {
            e.preventDefault();
            const el = document.getElementById(l.target);
            // A collapsed pane (the filter drawer, a hidden tab) is opened by its own toggle first.
            el?.dispatchEvent(new CustomEvent('loadwise:reveal', { bubbles: true }));
            requestAnimationFrame(() => el?.focus());
          }}
        >
          {l.label}
        </a>
      ))}
    </nav>
  );
}

function Shell() {
  const [sectionId, setSectionId] = useState(START_SECTION_ID);
  // Kept in state so the features' toolbar portals render once the slot element exists.
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const registry = useCommandRegistry();
  const section = SECTIONS.find((s) => s.id === sectionId) ?? SECTIONS[0];
  // A section with unsaved changes may ask before it is left.
  const guard = useLeaveGuardSlot();
  const go = (id: string) => {
    if (id !== section.id) guard.leave(() => setSectionId(id));
  };

  useCommands(SECTIONS.map((s) => ({ id: `go.${s.id}`, label: `Go to ${s.label}`, group: 'Sections', run: () => go(s.id) })));

  return (
    <div className="app">
      <SkipLinks />
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            Lw
          </span>
          <span>Loadwise</span>
        </div>
        <nav aria-label="Sections">
          {SECTIONS.map((s) => (
            <a
              key={s.id}
              href={`#${s.id}`}
              aria-current={s.id === section.id ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(s.id);
              }}
            >
              {s.label}
            </a>
          ))}
        </nav>
        <div className="topbar-toolbar" ref={setSlot} />
        <button type="button" className="btn btn-ghost palette-button" onClick={() => registry.run('app.commandPalette')}>
          Commands <kbd>{shortcutLabel('CmdOrCtrl+K')}</kbd>
        </button>
      </header>
      <LeaveGuardProvider slot={guard.slot}>
        <ToolbarSlotProvider slot={slot}>{section.render()}</ToolbarSlotProvider>
      </LeaveGuardProvider>
      <CommandPalette />
    </div>
  );
}

export function App() {
  const [blocked, setBlocked] = useState(false);
  // Browser mode opened without its launch token (or with an old one) can do nothing: say so.
  useEffect(() => {
    void api['app.info']({}).then((r) => setBlocked(!r.ok && r.error.code === 'unauthorized'));
  }, []);
  if (blocked) return <NotConnected />;
  return (
    <ToastProvider>
      <CommandProvider>
        <FileTargetProvider>
          <GroupCheckAtStart />
          <Shell />
        </FileTargetProvider>
      </CommandProvider>
    </ToastProvider>
  );
}
