// Everything about one exercise, in the order a clinician reads it: what and why, how, how much,
// for whom, then links and sources.
import { EQUIPMENT_LABELS, EVIDENCE_LEVEL_LABELS, ORIGIN_LABELS, POSITION_LABELS, REGION_LABELS } from '../../../../common/copy/en';
import { EvidenceLegend } from './EvidenceLegend';
import type { Exercise, LinkedExercise } from '../../../../common/domain/exercise';
import type { LockType } from '../../../../common/domain/vocabulary';
import { dosageRows } from '../../../../common/text/dosage';
import { withRoleNoun } from '../../../../common/text/role';
import { RatingBadge, StageBadge } from '../../components/Badges';
import { ExerciseFigures } from '../../components/Figure';
import { StarIcon } from '../../components/StarIcon';
import { OwnFigure } from '../figures/OwnFigure';
import { Photos } from './Photos';
import { SuitabilityCard } from './SuitabilityCard';

interface Props {
  exercise: Exercise;
  onEdit(): void;
  onDuplicate(): void;
  onArchive(archived: boolean): void;
  onOpen(id: string): void;
  onChanged(ex: Exercise): void;
  /** Whether the exercise is one of the clinician's favourites; absent until known. */
  favourite?: boolean;
  onFavourite?(favourite: boolean): void;
  /** The clinic's role noun (settings): patient text names the clinician with it. */
  roleNoun?: string | null;
}

function ListCard({ title, items, ordered = false }: { title: string; items: string[]; ordered?: boolean }) {
  if (items.length === 0) return null;
  const List = ordered ? 'ol' : 'ul';
  return (
    <section className="card">
      <h3>{title}</h3>
      <List className={ordered ? 'steps' : 'bullets'}>
        {items.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </List>
    </section>
  );
}

function Links({ title, links, onOpen }: { title: string; links: LinkedExercise[]; onOpen(id: string): void }) {
  return (
    <div>
      <h4>{title}</h4>
      {links.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <div className="links">
          {links.map((l) => (
            <button key={l.id} type="button" className="btn btn-small" onClick={() => onOpen(l.id)}>
              <StageBadge stage={l.stage} /> {l.name}
              {l.archived ? ' (archived)' : ''}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The lock column: short words that fit the table ("Week 12", "Until cleared"). */
function lockCell(lock: LockType, earliestWeek: number | null): string {
  if (lock === 'week') return `Week ${earliestWeek ?? '?'}`;
  if (lock === 'criterion') return 'A criterion (see note)';
  if (lock === 'surgeon-clearance') return 'Surgeon clears it';
  return '—';
}

export function ExerciseDetail({
  exercise: ex,
  onEdit,
  onDuplicate,
  onArchive,
  onOpen,
  onChanged,
  favourite,
  onFavourite,
  roleNoun,
}: Props) {
  const own = ex.origin === 'clinic';
  // Patient text as this clinic's patients read it ("your chiropractor"); stored text is unchanged.
  const patient = (text: string) => withRoleNoun(text, roleNoun);
  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <div className="detail-title">
          <div>
            <h2 id="detail-title" tabIndex={-1}>
              {ex.clinicalName}
            </h2>
            <p className="detail-patient-name">
              <span className="muted">Patient name: </span>
              <span data-testid="patient-name">{ex.text.name}</span>
            </p>
          </div>
          <div className="detail-actions">
            {favourite !== undefined && onFavourite && (
              <button type="button" className="btn fav-toggle" aria-pressed={favourite} onClick={() => onFavourite(!favourite)}>
                <StarIcon filled={favourite} />
                Favourite
              </button>
            )}
            {own ? (
              <button type="button" className="btn btn-primary" onClick={onEdit}>
                Edit
              </button>
            ) : null}
            <button type="button" className="btn" onClick={onDuplicate}>
              {own ? 'Duplicate' : 'Duplicate to edit'}
            </button>
            {ex.origin !== 'builtin' && (
              <button type="button" className="btn" onClick={() => onArchive(!ex.archived)}>
                {ex.archived ? 'Restore' : 'Archive'}
              </button>
            )}
          </div>
        </div>
        <div className="result-meta">
          <StageBadge stage={ex.stage} long />
          {(ex.alsoStages ?? []).length > 0 && <span>also stage {(ex.alsoStages ?? []).join(', ')}</span>}
          <span>{REGION_LABELS[ex.region]}</span>
          <span aria-hidden="true">·</span>
          <span>{POSITION_LABELS[ex.position]}</span>
          <span aria-hidden="true">·</span>
          <span>{ex.equipment.map((e) => EQUIPMENT_LABELS[e]).join(', ')}</span>
          <span className="badge badge-origin">
            {ORIGIN_LABELS[ex.origin]}
            {ex.code ? ` ${ex.code}` : ''}
            {ex.originBundleName ? ` from ${ex.originBundleName}` : ''}
          </span>
          {ex.archived && <span className="badge badge-archived">Archived</span>}
        </div>
        <p className="detail-summary">{patient(ex.text.summary)}</p>
        {ex.aliases.length > 0 && <p className="muted small">Also known as {ex.aliases.join(' · ')}</p>}
        {!own && ex.origin === 'builtin' && (
          <p className="notice">
            Built-in exercises stay as shipped so later updates can improve them. Duplicate one to adapt it for your clinic.
          </p>
        )}
      </header>

      {ex.origin === 'builtin' ? (
        <ExerciseFigures code={ex.code} name={ex.text.name} />
      ) : (
        <OwnFigure exerciseId={ex.id} name={ex.text.name} editable={own} />
      )}

      <div className="card-grid">
        <section className="card">
          <h3>Starting position</h3>
          <p>{patient(ex.text.startingPosition)}</p>
        </section>
        <section className="card">
          <h3>Dosage</h3>
          <dl className="kv">
            {dosageRows(ex.dosage).map((r) => (
              <div key={r.label} style={{ display: 'contents' }}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <ListCard title="Steps" items={ex.text.steps.map(patient)} ordered />
      <div className="card-grid">
        <ListCard title="Coaching cues" items={ex.text.cues.map(patient)} />
        <ListCard title="Common mistakes" items={ex.text.mistakes.map(patient)} />
      </div>
      <ListCard title="Precautions" items={ex.text.precautions.map(patient)} />

      <Photos exercise={ex} editable={own} onChanged={onChanged} />

      <SuitabilityCard
        row={(g) => {
          const s = ex.suitability[g];
          return (
            <>
              <td>
                <RatingBadge rating={s.rating} />
              </td>
              <td>{lockCell(s.lock, s.earliestWeek)}</td>
              <td>{s.note ?? ''}</td>
            </>
          );
        }}
      />

      <section className="card">
        <h3>Progress and regress</h3>
        <div className="card-grid">
          <Links title="Regressions (easier)" links={ex.regressions} onOpen={onOpen} />
          <Links title="Progressions (harder)" links={ex.progressions} onOpen={onOpen} />
        </div>
      </section>

      {(ex.clinicianNotes || ex.tags.length > 0) && (
        <section className="card">
          <h3>For the clinician</h3>
          {ex.clinicianNotes && <p>{ex.clinicianNotes}</p>}
          {ex.tags.length > 0 && (
            <div className="links" aria-label="Tags">
              {ex.tags.map((t) => (
                <span key={t} className="badge badge-neutral">
                  {t}
                </span>
              ))}
            </div>
          )}
        </section>
      )}

      {ex.sources.length > 0 && (
        <section className="card">
          <h3>Sources</h3>
          <ol className="sources">
            {ex.sources.map((s, i) => (
              <li key={i}>
                {s.evidenceLevel && (
                  <>
                    <abbr className="badge badge-neutral" title={EVIDENCE_LEVEL_LABELS[s.evidenceLevel]}>
                      {s.evidenceLevel}
                    </abbr>{' '}
                  </>
                )}
                {s.citation}
                {s.doi && <span className="muted"> — doi:{s.doi}</span>}
                {s.pmid && <span className="muted"> — PMID {s.pmid}</span>}
                {s.url && <span className="muted"> — {s.url}</span>}
              </li>
            ))}
          </ol>
          <EvidenceLegend exercise={ex} />
        </section>
      )}
      <p className="muted" style={{ fontSize: 'var(--text-xs)' }}>
        Version {ex.contentVersion} · updated {new Date(ex.updatedAt).toLocaleDateString()}
      </p>
    </article>
  );
}
