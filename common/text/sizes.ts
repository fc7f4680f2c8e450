// File sizes in the words every message uses, so a limit is stated the same way everywhere.
const MB = 1024 * 1024;

/** "10 MB" for round limits, "12.4 MB" for a file's own size. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** "This file is 12.4 MB. Photos can be up to 10 MB." The file's name is never repeated back. */
export function tooLargeMessage(bytes: number, limit: number, what: string): string {
  return `This file is ${megabytes(bytes)}. ${what} can be up to ${megabytes(limit)}.`;
}
