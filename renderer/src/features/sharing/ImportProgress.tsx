// Progress of a long bundle preview or import, with a Cancel button: polls bundles.progress for the
// job the screen started (its own UUID) and asks bundles.cancel. Once the import is writing it can
// no longer be stopped, and the button says so by going away.
import { useEffect, useState } from 'react';
import type { ImportProgress as Progress } from '../../../../common/contract/bundles';
import { SHARING_COPY as COPY } from '../../../../common/copy/en-sharing';
import { api } from '../../api';

const POLL_MS = 250;

export function ImportProgress({ jobId, label }: { jobId: string; label: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    let live = true;
    const poll = async (): Promise<void> => {
      const r = await api['bundles.progress']({ jobId });
      if (live && r.ok) setProgress(r.value);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [jobId]);

  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return (
    <div className="sharing-progress">
      <p role="status" className="sharing-status">
        {label} {progress ? COPY.progress(progress.phase, done, total) : ''}
      </p>
      {total > 0 && <progress max={total} value={done} aria-label={COPY.progressLabel} />}
      {(progress?.cancellable ?? true) && (
        <button
          type="button"
          className="btn"
          disabled={asked}
          onClick={() => {
            setAsked(true);
            void api['bundles.cancel']({ jobId });
          }}
        >
          {asked ? COPY.cancelling : COPY.cancelImport}
        </button>
      )}
    </div>
  );
}
