// Issued versions, newest first; choosing one shows what changed since the version before it, in
// sentences a clinician can read aloud, and the stage changes with their reasons.
import { useId, useState } from 'react';
import type { IssuedVersion, VersionSummary } from '../../../../common/contract';
import type { StageChange } from '../../../../common/domain/program';
import { api } from '../../api';
import { useCall } from '../../api/useCall';

interface Props {
  programId: string;
  versions: VersionSummary[];
  stageLog: StageChange[];
  changedSinceIssue: boolean;
}

const when = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function HistoryPanel({ programId, versions, stageLog, changedSinceIssue }: Props) {
  const headingId = useId();
  const [chosen, setChosen] = useState<number | null>(versions.at(-1)?.number ?? null);
  const version = useCall<IssuedVersion>(chosen === null ? null : `${programId}:${chosen}`, () =>
    api['programs.version']({ id: programId, number: chosen as number }),
  );
  return (
    <section className="inspector" aria-labelledby={headingId}>
      <h2 id={headingId} className="inspector-title">
        Versions and history
      </h2>
      {versions.length === 0 ? <p className="muted">Nothing issued yet. Issue the program to make version 1.</p> : null}
      {changedSinceIssue && versions.length > 0 ? (
        <p className="notice">The draft has changes since version {versions.at(-1)?.number}.</p>
      ) : null}
      <ol className="version-list" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.number}>
            <button type="button" className="link-button" aria-pressed={chosen === v.number} onClick={() => setChosen(v.number)}>
              Version {v.number}
            </button>{' '}
            <span className="muted small">
              {when(v.issuedAt)} · {v.clinician} · stage {v.stage} · {v.itemCount} exercises
            </span>
          </li>
        ))}
      </ol>
      {version.value && chosen !== null ? (
        <div className="version-changes">
          <h3 className="inspector-section">{chosen === 1 ? 'Version 1' : `What changed in version ${chosen}`}</h3>
          {chosen === 1 ? (
            <p className="muted">The first issued version.</p>
          ) : version.value.changes.length === 0 ? (
            <p className="muted">No changes to the exercises or stages.</p>
          ) : (
            <ul className="bullets">
              {version.value.changes.map((c, i) => (
                <li key={i}>{c.text}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {version.error ? <p className="notice notice-error">{version.error}</p> : null}
      {stageLog.length > 0 ? (
        <>
          <h3 className="inspector-section">Stage changes</h3>
          <ul className="bullets">
            {stageLog.map((s, i) => (
              <li key={i}>
                {s.date}: stage {s.from} to stage {s.to}. {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
