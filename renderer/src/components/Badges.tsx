import { type Generator, type LockType, type Rating, type Stage } from '../../../common/domain/vocabulary';
import { GENERATOR_LABELS, lockText, RATING_LABELS, STAGE_LABELS } from '../../../common/copy/en';

export function StageBadge({ stage, long = false }: { stage: Stage; long?: boolean }) {
  return (
    <span className={`badge badge-stage-${stage}`} title={STAGE_LABELS[stage]}>
      Stage {stage}
      {long ? ` · ${STAGE_LABELS[stage]}` : ''}
    </span>
  );
}

/** "After lumbar fusion: Caution, locked until week 12" — the rating, and what holds it back first. */
export function RatingBadge({
  rating,
  generator,
  lock = 'none',
  earliestWeek = null,
}: {
  rating: Rating;
  generator?: Generator;
  lock?: LockType;
  earliestWeek?: number | null;
}) {
  const locked = lockText(lock, earliestWeek);
  return (
    <span className={`badge rating-${rating}`}>
      {generator ? `${GENERATOR_LABELS[generator]}: ` : ''}
      {RATING_LABELS[rating]}
      {locked ? `, ${locked.toLowerCase()}` : ''}
    </span>
  );
}
