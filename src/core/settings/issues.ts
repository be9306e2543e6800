/**
 * Turns zod issues into `{ path, message }` errors a person can act on: the path is written the way one would
 * point at the field in the JSON (`userGlossary.own[2].definition`), the message says what was expected.
 * Pure.
 */
import type { z } from 'zod';

export interface FieldError {
  /** Dotted path with [index] for arrays; '' for the whole value. */
  path: string;
  message: string;
}

export function formatPath(parts: readonly (string | number)[], prefix = ''): string {
  let out = prefix;
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** A short, safe description of any value for a message: never stringifies a whole (possibly huge or deep) value. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === undefined) return 'nothing';
  return describeType(v);
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** zod's own wording for size issues (replaced); a schema's custom message is kept as written. */
const ZOD_DEFAULT = /^(String|Array|Number|Set|Date|BigInt) must (contain|be|have)/;

/** One readable message per issue; unions are flattened to their most specific branch. */
export function zodIssuesToErrors(issues: readonly z.ZodIssue[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path, prefix);
    let message = issue.message;
    switch (issue.code) {
      case 'invalid_type':
        message =
          issue.received === 'undefined'
            ? `is missing (expected ${issue.expected})`
            : `expected ${issue.expected}, got ${issue.received}`;
        break;
      case 'unrecognized_keys':
        message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        break;
      case 'invalid_enum_value':
        message = `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')} (got ${describeValue(issue.received)})`;
        break;
      case 'invalid_literal':
        message =
          issue.received === undefined
            ? `is missing (expected ${JSON.stringify(issue.expected)})`
            : `must be ${JSON.stringify(issue.expected)} (got ${describeValue(issue.received)})`;
        break;
      case 'too_big':
        if (!ZOD_DEFAULT.test(issue.message)) break;
        message =
          issue.type === 'array'
            ? `has too many items (at most ${String(issue.maximum)})`
            : issue.type === 'string'
              ? `is too long (at most ${String(issue.maximum)} characters)`
              : `must be at most ${String(issue.maximum)}`;
        break;
      case 'too_small':
        if (!ZOD_DEFAULT.test(issue.message)) break;
        message =
          issue.type === 'array'
            ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
            : issue.type === 'string'
              ? Number(issue.minimum) <= 1
                ? 'must not be empty'
                : `is too short (at least ${String(issue.minimum)} characters)`
              : `must be at least ${String(issue.minimum)}`;
        break;
      case 'invalid_union':
        message = 'has the wrong shape';
        break;
      default:
        break;
    }
    out.push({ path, message });
  }
  return out;
}

export function errorsToText(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n');
}
