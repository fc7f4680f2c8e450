// The identity of a generated clinic exercise written straight into SQLite by the bench.
import { randomUUID } from 'node:crypto';
import type { ExerciseIdentity } from '../../db/queries/exercises';

export const clinicIdentity = (stamp: string): ExerciseIdentity => ({
  id: randomUUID(),
  code: null,
  origin: 'clinic',
  originBundleId: null,
  originBundleName: null,
  basedOnId: null,
  contentVersion: 1,
  createdAt: stamp,
  updatedAt: stamp,
  archivedAt: null,
});
