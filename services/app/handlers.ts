// Calls about the app itself.
import { schemaVersion } from '../../db/migrate';
import { countExercises } from '../../db/queries/exercises';
import type { HandlerGroup } from '../handlers';

export const appHandlers: HandlerGroup<'app.info'> = {
  'app.info': (ctx) => ({
    name: 'Loadwise',
    version: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    seedVersion: ctx.seedVersion,
    exerciseCount: countExercises(ctx.db),
    transport: ctx.transport,
  }),
};
