// Moving a whole library to another computer: what the hosts answer for "Export everything" and
// "Import everything" beside the contract calls (only a host may choose where a file goes or
// which file is read). No zod here, so the renderer's first screen loads without it.

/** What an export wrote; `saved: false` when the clinician cancelled the save dialog. */
export type ExportOutcome =
  | { saved: false }
  | {
      saved: true;
      fileName: string;
      exercises: number;
      photos: number;
      /** Electron wrote the file itself; browser mode hands a download to the browser (still under way). */
      downloading: boolean;
    };

/** A library file the clinician chose to import (Electron: the path stays in main). */
export interface ChosenLibraryFile {
  name: string;
  bytes: number;
}

/** Browser mode: POST here (with the token) to prepare an export; the answer carries a one-time download URL. */
export const EXPORT_START_PATH = '/export';
/** Browser mode: the one-time download, `/export/<ticket>`. */
export const EXPORT_DOWNLOAD_PATTERN = /^\/export\/([A-Za-z0-9_-]{43})$/;

/** What POST /export answers. */
export interface ExportTicket {
  url: string;
  fileName: string;
  exercises: number;
  photos: number;
}

/** Browser mode: POST here (token, JSON export choices) to make a library bundle; answers a BundleTicket. */
export const BUNDLE_EXPORT_START_PATH = '/export-bundle';

/** What a bundle export did; `saved: false` when the clinician cancelled the save dialog. */
export type BundleExportOutcome =
  | { saved: false }
  | {
      saved: true;
      fileName: string;
      bytes: number;
      counts: { exercises: number; templates: number; photos: number };
      fingerprint: string | null;
      /** Electron wrote the file itself; browser mode hands a download to the browser (still under way). */
      downloading: boolean;
    };

/** What POST /export-bundle answers: the one-time download (GET /export/<ticket>) and what the bundle holds. */
export interface BundleTicket {
  url: string;
  fileName: string;
  bytes: number;
  counts: { exercises: number; templates: number; photos: number };
  fingerprint: string | null;
}

/**
 * Browser mode: POST here (with the token) for the files `npm run web -- --import FILE` was asked to
 * open. Each is offered once, as a one-time download (GET /export/<ticket>) the page reads like a
 * dropped file.
 */
export const OPENED_FILES_PATH = '/opened-files';

export interface OfferedFile {
  name: string;
  bytes: number;
  url: string;
}
