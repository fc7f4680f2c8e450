// The Patients section as the shell shows it: PatientScreen, loaded on the first visit (with the
// schema library its form checks with), so the app's first screen loads without either.
import { lazy, Suspense } from 'react';

const PatientScreen = lazy(() => import('./PatientScreen').then((m) => ({ default: m.PatientScreen })));

export function PatientsSection() {
  return (
    <Suspense fallback={<main className="empty-pane">Opening patients…</main>}>
      <PatientScreen />
    </Suspense>
  );
}
