// The library's calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { noteExerciseOpened, setExerciseFavourite, shortlists } from './shortlists';
import { createExercise, duplicateExercise, getExercise, searchLibrary, setExerciseArchived, updateExercise } from './use-cases';

type LibraryCall =
  | 'library.search'
  | 'library.get'
  | 'library.create'
  | 'library.update'
  | 'library.duplicate'
  | 'library.setArchived'
  | 'library.setFavourite'
  | 'library.noteOpened'
  | 'library.shortlists';

export const libraryHandlers: HandlerGroup<LibraryCall> = {
  'library.search': (ctx, args) => searchLibrary(ctx, args),
  'library.get': (ctx, args) => getExercise(ctx, args.id),
  'library.create': (ctx, args) => createExercise(ctx, args.draft, args.basedOnId),
  'library.update': (ctx, args) => updateExercise(ctx, args),
  'library.duplicate': (ctx, args) => duplicateExercise(ctx, args.id),
  'library.setArchived': (ctx, args) => setExerciseArchived(ctx, args.id, args.archived),
  'library.setFavourite': (ctx, args) => setExerciseFavourite(ctx, args.id, args.favourite),
  'library.noteOpened': (ctx, args) => noteExerciseOpened(ctx, args.id),
  'library.shortlists': (ctx) => shortlists(ctx),
};
