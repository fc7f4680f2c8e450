// The window: a top bar with search, and the library workspace beneath it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, onMenuCommand } from '../api';
import { SearchIcon } from '../components/Icons';
import { ToastProvider } from '../components/Toasts';
import { LibraryScreen } from '../features/library/LibraryScreen';

export function App() {
  const [query, setQuery] = useState('');
  const [createRequest, setCreateRequest] = useState(0);
  const [blocked, setBlocked] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'library.focusSearch') focusSearch();
        if (command === 'library.newExercise') setCreateRequest((n) => n + 1);
      }),
    [focusSearch],
  );

  // Browser mode has no native menu: the same shortcuts are handled here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() === 'f') {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch]);

  // Browser mode opened without its launch token (or with an old one) can do nothing: say so.
  useEffect(() => {
    void api['app.info']({}).then((r) => {
      if (!r.ok && r.error.code === 'unauthorized') {
        setBlocked(
          'Open Loadwise with the full address it printed when it started: the part after #token= lets this window in. Each start makes a new one.',
        );
      }
    });
  }, []);

  const shortcut = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘F' : 'Ctrl+F';
  if (blocked) {
    return (
      <main className="empty-pane" style={{ height: '100%' }}>
        <div className="card" style={{ maxWidth: 520 }}>
          <h1>This window is not connected</h1>
          <p>{blocked}</p>
        </div>
      </main>
    );
  }
  return (
    <ToastProvider>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              Lw
            </span>
            <span>Loadwise</span>
          </div>
          <nav aria-label="Sections">
            <a href="#library" aria-current="page">
              Exercise library
            </a>
          </nav>
          <div className="search" role="search">
            <SearchIcon />
            <input
              ref={searchRef}
              type="search"
              aria-label="Search exercises"
              placeholder="Search by name, muscle, cue or tag"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  document.querySelector<HTMLElement>('.result')?.focus();
                }
              }}
              spellCheck={false}
              autoComplete="off"
            />
            {query === '' && <kbd aria-hidden="true">{shortcut}</kbd>}
          </div>
          <div className="topbar-actions">
            <button type="button" className="btn btn-primary" onClick={() => setCreateRequest((n) => n + 1)}>
              New exercise
            </button>
          </div>
        </header>
        <LibraryScreen query={query} createRequest={createRequest} />
      </div>
    </ToastProvider>
  );
}
