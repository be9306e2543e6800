/**
 * The small value checks every receiver of our messages uses (src/shared/protocol.ts's validators and the getGlossary
 * reply's parser, src/shared/glossary-json.ts). Pure.
 */
import { ENTRY_ID_RE } from '../core/user-glossary.js';

/**
 * A plain object (not an array, Map, Set, Date…); the tag check also works across realms (Firefox content). No
 * enumerable key may be inherited: validators read fields as `p.x`, and an object with a prototype of its own would
 * pass inherited fields for its own (the protocol's fuzz test found `{ __proto__: { '': new Map() } }`; structured
 * clone never makes one, so only a bug or a hostile caller could).
 */
export const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Object.prototype.toString.call(v) !== '[object Object]') return false;
  for (const k in v) if (!Object.hasOwn(v, k)) return false;
  return true;
};
export const isShortString = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
export const isEntryId = (v: unknown): v is string => typeof v === 'string' && ENTRY_ID_RE.test(v);
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1e6;
/** Only these keys, each optional ones included: an extra key means the sender is not speaking our protocol. */
export const onlyKeys = (p: Record<string, unknown>, keys: readonly string[]) => Object.keys(p).every((k) => keys.includes(k));
