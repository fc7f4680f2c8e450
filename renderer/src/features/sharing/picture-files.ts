// Pictures named in an imported file by a path relative to a folder the clinician chooses: each
// path is matched to one of the folder's files (as the browser lists them, "Folder/sub/a.jpg"),
// compared without the chosen folder's own name, with either slash, whatever the case. A path
// that climbs out (..) or is absolute never matches.
export interface FolderFile {
  /** The browser's webkitRelativePath: the chosen folder's name, then the path inside it. */
  webkitRelativePath: string;
  name: string;
}

const normal = (p: string): string =>
  p
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/')
    .toLowerCase();

export function pictureFinder<F extends FolderFile>(files: readonly F[]): (relative: string) => F | null {
  const byPath = new Map<string, F>();
  for (const f of files) {
    const inside = f.webkitRelativePath.split('/').slice(1).join('/') || f.name;
    byPath.set(normal(inside), f);
  }
  return (relative) => {
    if (/^([a-z]:)?[\\/]/i.test(relative) || relative.split(/[\\/]/).includes('..')) return null;
    return byPath.get(normal(relative)) ?? null;
  };
}
