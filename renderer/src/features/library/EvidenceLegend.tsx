// What the tags on an exercise's sources and notes mean, folded away under the sources until asked
// for: the evidence levels its sources carry (P, G, Pr, Sec, C), the numbered source keys its
// citations use ("S17b"), and "[C]" in its clinician notes. Only the tags this exercise shows.
import { EVIDENCE_LEVEL_LABELS, EVIDENCE_TAG_NOTES } from '../../../../common/copy/en';
import type { Exercise } from '../../../../common/domain/exercise';
import { EVIDENCE_LEVELS } from '../../../../common/domain/vocabulary';

const SOURCE_KEY = /\bS\d+[a-z]?\b/;

/** The tags `ex` shows, in the legend's order: [tag, meaning]. */
export function evidenceTags(ex: Pick<Exercise, 'sources' | 'clinicianNotes'>): [string, string][] {
  const levels = new Set(ex.sources.map((s) => s.evidenceLevel));
  const tags: [string, string][] = EVIDENCE_LEVELS.filter((l) => levels.has(l)).map((l) => [l, EVIDENCE_LEVEL_LABELS[l]]);
  const key = ex.sources.map((s) => SOURCE_KEY.exec(s.citation)?.[0]).find(Boolean);
  if (key) tags.push([key, EVIDENCE_TAG_NOTES.sourceKey]);
  if (ex.clinicianNotes?.includes('[C]')) tags.push(['[C]', EVIDENCE_TAG_NOTES.convention]);
  return tags;
}

export function EvidenceLegend({ exercise }: { exercise: Pick<Exercise, 'sources' | 'clinicianNotes'> }) {
  const tags = evidenceTags(exercise);
  if (tags.length === 0) return null;
  return (
    <details className="evidence-legend">
      <summary>What the tags mean</summary>
      <dl aria-label="Evidence tags">
        {tags.map(([tag, meaning]) => (
          <div key={tag}>
            <dt>{tag}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
