// Files dropped anywhere on the window, or opened with the app (Electron's `loadwise FILE` and a
// double-click, browser mode's `--import FILE`), go to the one place that can take them. A shared
// library file (.loadwise-library) goes to the Share screen's import preview whatever screen is
// open: it waits in the bundle inbox and Share is opened, which takes it from there. Any other
// file goes to the screen on screen: a feature registers a target while it is shown (the photos of
// a clinic exercise), and the latest registered target receives it.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { onFileOpened } from '../api';
import { useToast } from '../components/Toasts';
import { useCommandRegistry } from './commands';

/** A shared library file, by its name (the import checks its bytes). */
export const isBundleFile = (file: { name: string }): boolean => /\.loadwise-library$/i.test(file.name);
/** The command that opens the Share screen (App.tsx registers one `go.<section>` per section). */
const OPEN_SHARE = 'go.sharing';

/**
 * The library file waiting for the Share screen: the latest one delivered, taken once. The Share
 * screen subscribes while it is shown and is told when one arrives.
 */
const bundleInbox = {
  waiting: null as File | null,
  listeners: new Set<() => void>(),
  put(file: File): void {
    this.waiting = file;
    for (const l of this.listeners) l();
  },
  take(): File | null {
    const file = this.waiting;
    this.waiting = null;
    return file;
  },
};

/** The Share screen: receives each library file delivered anywhere (one waiting before it opened, too). */
export function useBundleInbox(receive: (file: File) => void): void {
  const latest = useRef(receive);
  latest.current = receive;
  useEffect(() => {
    const check = (): void => {
      const file = bundleInbox.take();
      if (file) latest.current(file);
    };
    bundleInbox.listeners.add(check);
    check();
    return () => {
      bundleInbox.listeners.delete(check);
    };
  }, []);
}

export interface FileTarget {
  /** What a drop does here, shown while files are dragged over the window: "Add photos to Bird dog". */
  label: string;
  accepts(file: File): boolean;
  /** What to say about a file this target does not take: "… is not a PNG or JPEG photo." */
  refusal: string;
  receive(files: File[]): void;
}

interface Registry {
  register(target: FileTarget): () => void;
}

const TargetContext = createContext<Registry | null>(null);

/** Registers a target while mounted; pass null when the screen cannot take files right now. */
export function useFileTarget(target: FileTarget | null): void {
  const registry = useContext(TargetContext);
  const latest = useRef(target);
  latest.current = target;
  const active = target !== null;
  const label = target?.label ?? '';
  useEffect(() => {
    if (!registry || !active) return;
    return registry.register({
      label,
      refusal: latest.current!.refusal,
      accepts: (f) => latest.current?.accepts(f) ?? false,
      receive: (files) => latest.current?.receive(files),
    });
  }, [registry, active, label]);
}

const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');

export function FileTargetProvider({ children }: { children: ReactNode }) {
  const targets = useRef<FileTarget[]>([]);
  const [dragging, setDragging] = useState<string | null>(null);
  const toast = useToast();
  const commands = useCommandRegistry();
  const registry = useRef<Registry>({
    register(target) {
      targets.current.push(target);
      return () => {
        targets.current = targets.current.filter((t) => t !== target);
      };
    },
  }).current;

  useEffect(() => {
    const deliver = (all: File[]): void => {
      const bundles = all.filter(isBundleFile);
      const files = all.filter((f) => !isBundleFile(f));
      if (bundles.length > 1) toast(`Open one library file at a time: “${bundles[0].name}” is shown first.`, 'error');
      if (bundles.length > 0) {
        bundleInbox.put(bundles[0]);
        // Share takes it from the inbox once open (at once when it is already on screen).
        commands.run(OPEN_SHARE);
      }
      if (files.length === 0) return;
      const target = targets.current.at(-1);
      if (!target) {
        toast('Open one of your clinic exercises to add photos by dropping them on the window.', 'error');
        return;
      }
      const taken = files.filter((f) => target.accepts(f));
      for (const f of files.filter((x) => !taken.includes(x))) toast(`“${f.name}” ${target.refusal}`, 'error');
      if (taken.length > 0) target.receive(taken);
    };
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(targets.current.at(-1)?.label ?? 'Nothing here can take files');
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(null);
    };
    const onOver = (e: DragEvent) => {
      // Without this the browser would navigate to the dropped file.
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(null);
      deliver([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    const stopOpened = onFileOpened((file) => {
      if (file instanceof File) deliver([file]);
      else toast(`“${file.name}” is too large to open here.`, 'error');
    });
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
      stopOpened();
    };
  }, [toast, commands]);

  return (
    <TargetContext.Provider value={registry}>
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <span>{dragging}</span>
        </div>
      )}
    </TargetContext.Provider>
  );
}
