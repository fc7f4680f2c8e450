// Names only, no schemas: the sandboxed preload imports this file and nothing else from the app,
// so it stays a few kilobytes. `common/contract/index.ts` checks at compile time that these are
// exactly the contract's calls.
export const CALL_NAMES = [
  'app.info',
  'library.search',
  'library.get',
  'library.create',
  'library.update',
  'library.duplicate',
  'library.setArchived',
  'library.setFavourite',
  'library.noteOpened',
  'library.shortlists',
  'media.attach',
  'media.remove',
  'drafts.save',
  'drafts.get',
  'drafts.discard',
  'drafts.list',
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.importAll',
  'patients.list',
  'patients.get',
  'patients.create',
  'patients.update',
  'patients.setArchived',
  'programs.list',
  'programs.create',
  'programs.get',
  'programs.apply',
  'programs.undo',
  'programs.redo',
  'programs.issue',
  'programs.version',
  'programs.setArchived',
  'templates.list',
  'templates.saveFromProgram',
  'templates.setArchived',
  'settings.get',
  'settings.save',
  'assessments.list',
  'assessments.record',
  'assessments.remove',
  'bundles.exportable',
  'bundles.preview',
  'bundles.apply',
  'bundles.progress',
  'bundles.cancel',
  'bundles.groupFolder',
  'bundles.setGroupFolder',
  'bundles.publish',
  'bundles.checkGroup',
  'bundles.previewGroupFile',
  'bundles.applyGroupFile',
  'bundles.keyInfo',
  'bundles.createKey',
  'bundles.trustedList',
  'bundles.trust',
  'bundles.untrust',
  'handouts.render',
  'handouts.renderCatalogue',
  'handouts.recordGiven',
  'handouts.listGiven',
  'figures.get',
  'figures.save',
  'figures.remove',
  'imports.read',
  'imports.run',
  'imports.mappings',
  'imports.saveMapping',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

/** Calls that carry a file's bytes beside their JSON arguments (the byte lane). */
export const BYTE_CALL_NAMES = [
  'media.attach',
  'backups.importAll',
  'bundles.preview',
  'bundles.apply',
  'imports.read',
  'imports.run',
] as const satisfies readonly CallName[];
export type ByteCallName = (typeof BYTE_CALL_NAMES)[number];

// IPC channel names carry a prefix so nothing else on the bus can be mistaken for a call.
export const IPC_PREFIX = 'loadwise:';
export const ipcChannelName = (channel: string): string => `${IPC_PREFIX}${channel}`;
/** Main → window: a menu command, by its id in `commands.ts`. */
export const IPC_COMMAND = 'loadwise-event:command';
/** Host capabilities the preload offers besides contract calls (Electron only). */
export const HOST_SAVE_FILE = 'host.saveFile';
/** "Export everything": main asks where (save dialog) and writes the export there itself. */
export const HOST_EXPORT_ALL = 'host.exportAll';
/** A shared library bundle: main asks where (save dialog) and writes the `.loadwise-library` file itself. */
export const HOST_EXPORT_BUNDLE = 'host.exportBundle';
/** "Import everything": main shows the open dialog and keeps the chosen path; the window sees its name and size. */
export const HOST_CHOOSE_LIBRARY_FILE = 'host.chooseLibraryFile';
/** Imports the file chosen with host.chooseLibraryFile, read by main from disk (never sent over IPC). */
export const HOST_IMPORT_CHOSEN = 'host.importChosen';
/** A rendered handout's PDF bytes, read by main from the service's file (handouts.render gives the id). */
export const HOST_HANDOUT_BYTES = 'host.handoutBytes';
/** Main → window: a file the app was asked to open (command line, double-click, macOS open-file). */
export const IPC_FILE_OPENED = 'loadwise-event:file-opened';
