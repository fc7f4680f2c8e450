// The objective tests' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { listAssessments, recordAssessment, removeAssessment } from './use-cases';

type AssessmentCall = 'assessments.list' | 'assessments.record' | 'assessments.remove';

export const assessmentHandlers: HandlerGroup<AssessmentCall> = {
  'assessments.list': (ctx, args) => listAssessments(ctx, args),
  'assessments.record': (ctx, args) => recordAssessment(ctx, args),
  'assessments.remove': (ctx, args) => removeAssessment(ctx, args),
};
