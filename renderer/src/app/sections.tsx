// The app's sections, each a feature that owns its state and its toolbar. Patients and Programs
// join this list when the program builder lands.
import { lazy, Suspense, type ReactNode } from 'react';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { PatientsSection } from '../features/patients';
// Settings validate with the contract's schema (zod), so the screen loads when first opened.
const SharingScreen = lazy(() => import('../features/sharing/SharingScreen').then((m) => ({ default: m.SharingScreen })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

/** The section the window opens on (the library, also when others are listed before it). */
export const START_SECTION_ID = 'library';

export interface Section {
  id: string;
  label: string;
  render(): ReactNode;
}

export const SECTIONS: Section[] = [
  { id: 'patients', label: 'Patients', render: () => <PatientsSection /> },
  { id: 'library', label: 'Exercise library', render: () => <LibraryScreen /> },
  {
    id: 'sharing',
    label: 'Share',
    render: () => (
      <Suspense fallback={<main className="empty-pane">Opening Share…</main>}>
        <SharingScreen />
      </Suspense>
    ),
  },
  { id: 'backups', label: 'Backups', render: () => <BackupsScreen /> },
  {
    id: 'settings',
    label: 'Settings',
    render: () => (
      <Suspense fallback={<main className="empty-pane">Opening the settings…</main>}>
        <SettingsScreen />
      </Suspense>
    ),
  },
];
