import { type Generator, type Rating, type Stage } from '../../../common/domain/vocabulary';
import { GENERATOR_LABELS, RATING_LABELS, STAGE_LABELS } from '../../../common/copy/en';

export function StageBadge({ stage, long = false }: { stage: Stage; long?: boolean }) {
  return (
    <span className={`badge badge-stage-${stage}`} title={STAGE_LABELS[stage]}>
      Stage {stage}
      {long ? ` · ${STAGE_LABELS[stage]}` : ''}
    </span>
  );
}

export function RatingBadge({ rating, generator }: { rating: Rating; generator?: Generator }) {
  return (
    <span className={`badge rating-${rating}`}>
      {generator ? `${GENERATOR_LABELS[generator]}: ` : ''}
      {RATING_LABELS[rating]}
    </span>
  );
}
