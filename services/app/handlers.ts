// Calls about the app itself.
import { countExercises } from '../../db/queries/exercises';
import type { HandlerGroup } from '../handlers';

export const appHandlers: HandlerGroup<'app.info'> = {
  'app.info': (ctx) => ({
    name: 'Loadwise',
    version: ctx.appVersion,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    seedVersion: ctx.seedVersion,
    exerciseCount: countExercises(ctx.db),
    transport: ctx.transport,
  }),
};
