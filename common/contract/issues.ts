// The one place zod issues become words. Three readers need them: the dispatcher (messages that
// never echo typed values), the editor (plain words beside a field) and the seed check (every
// problem, for developers).
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Names written by programmers (fields, calls) are echoed; anything else might be typed data. */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/** "filters.stages.0", with any segment that is not an identifier or index shown as "…". */
export function issuePath(issue: Issue, redact = true): string {
  if (issue.path.length === 0) return redact ? 'arguments' : '(root)';
  return issue.path
    .map(String)
    .map((p) => (!redact || IDENTIFIER.test(p) || /^\d+$/.test(p) ? p : '…'))
    .join('.');
}

/** zod's wording is for developers; these are the words shown beside a field. */
export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return 'Required';
      if (issue.origin === 'array') return 'Add at least one';
      return `At least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `Keep it under ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `Up to ${String(issue.maximum)}`;
      return `At most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'number' ? 'Enter a whole number' : 'Required';
    case 'invalid_format':
      return issue.format === 'url' ? 'Use a web address starting with https://' : issue.message;
    default:
      return issue.message;
  }
}

function describeIssue(issue: Issue, redact: boolean): string {
  const where = issuePath(issue, redact);
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.filter((k) => !redact || IDENTIFIER.test(k)).slice(0, 3);
    const more = issue.keys.length > named.length ? ', …' : '';
    const list = named.length > 0 ? `: ${named.join(', ')}${more}` : '';
    return `${where}: ${issue.keys.length} unknown field${issue.keys.length === 1 ? '' : 's'}${list}`;
  }
  return `${where}: ${issue.message}`;
}

export interface DescribeOptions {
  /** Hide path segments and keys that could be typed data (every message a call answers with). */
  redact?: boolean;
  /** Most issues listed; the rest are dropped. */
  limit?: number;
  /** Longest message returned, with an ellipsis past it. */
  maxLength?: number;
}

/** "filters.stages.0: Invalid input; draft.text.name: Too small", one clause per problem. */
export function describeZodError(error: z.ZodError, options: DescribeOptions = {}): string {
  const { redact = true, limit = 5, maxLength = 400 } = options;
  const text = error.issues
    .slice(0, limit)
    .map((i) => describeIssue(i, redact))
    .join('; ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** One line per problem, unredacted, for a developer reading a seed or bundle check. */
export function listIssues(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${prefix}: ${describeIssue(i, false)}`);
}
