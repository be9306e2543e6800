/**
 * Role words in a search: "TTP chief", "Taliban leader", "military spokesman", "Haqqani founder". Pure.
 *
 * Issue 12 (item 10): "TTP chief" ranked Hibatullah first (his definition says "TTP chief Noor Wali Mehsud has
 * pledged allegiance to him") and "TTP leader" ranked Siraj Haqqani ("A top Afghan Taliban leader"): plain word
 * overlap cannot tell who *is* the chief from who is merely mentioned near the word. A role query is answered from
 * each entry's role sentence — the first sentence of its definition, which says what the entry is ("Chief of the
 * Tehreek-e-Taliban Pakistan (TTP).") — and only when that sentence both holds a word of the query's role group and
 * names the query's subject. The subject is resolved to an entry by its aliases, and a sentence names an entry only
 * by a longest alias match ("Tehreek-e-Taliban Pakistan" names the TTP, not the Afghan Taliban through its inner
 * "Taliban"), the way the page matcher reads text.
 */
import type { CompiledEntry } from './glossary-types.js';
import { foldString } from './fold.js';

/** Words of one role, as a query or a role sentence may say it. Passive forms ("led by", "founded by") are left
 *  out on purpose: "a group founded by Jalaluddin Haqqani and led by his son" is led, not a leader. */
const ROLE_GROUPS: readonly (readonly string[])[] = [
  ['chief', 'leader', 'leaders', 'head', 'heads', 'leads', 'emir', 'amir', 'commander', 'supremo'],
  ['spokesman', 'spokesperson', 'spokeswoman', 'spokesmen'],
  ['founder', 'founders', 'cofounder'],
  ['president'],
];
const ROLE_OF = new Map<string, number>(ROLE_GROUPS.flatMap((words, group) => words.map((w) => [w, group] as const)));
/** Filler between role and subject ("leader of the TTP", "TTP's chief"). */
const FILLER = new Set(['of', 'the', 'a', 'an', 's', 'in', 'for', 'who', 'is']);

const words = (text: string): string[] =>
  foldString(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);

interface RoleSentence {
  tokens: string[];
  /** Entries the sentence names (longest alias match), itself excluded. */
  names: Set<string>;
}

export interface RoleIndex {
  /** Alias token sequences by first token, longest first. */
  readonly aliases: ReadonlyMap<string, readonly { tokens: string[]; id: string }[]>;
  readonly sentences: ReadonlyMap<string, RoleSentence>;
}

function namesIn(tokens: readonly string[], aliases: RoleIndex['aliases']): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const hit = aliases.get(tokens[i]!)?.find((a) => a.tokens.every((t, k) => tokens[i + k] === t));
    if (hit) {
      found.add(hit.id);
      i += hit.tokens.length;
    } else i++;
  }
  return found;
}

/** The first sentence of a definition: up to the first ". " (or the whole text). */
function firstSentence(definition: string): string {
  const m = /^.*?[.!?](?=\s|$)/su.exec(definition);
  return m ? m[0] : definition;
}

export function buildRoleIndex(entries: readonly CompiledEntry[]): RoleIndex {
  const aliases = new Map<string, { tokens: string[]; id: string }[]>();
  for (const e of entries) {
    for (const alias of new Set([e.name, ...e.aliases, ...(e.short ? [e.short] : [])])) {
      const tokens = words(alias);
      if (tokens.length === 0) continue;
      const list = aliases.get(tokens[0]!) ?? [];
      list.push({ tokens, id: e.id });
      aliases.set(tokens[0]!, list);
    }
  }
  for (const list of aliases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const sentences = new Map<string, RoleSentence>();
  for (const e of entries) {
    const tokens = words(firstSentence(e.definition));
    const names = namesIn(tokens, aliases);
    names.delete(e.id);
    sentences.set(e.id, { tokens, names });
  }
  return { aliases, sentences };
}

/** A query read as role + subject, or null when it holds no role word. */
export interface RoleQuery {
  group: number;
  /** The entry the rest of the query names in full, if any. */
  subject: string | null;
  /** The rest of the query's words (filler dropped), for a subject no alias names. */
  rest: string[];
}

export function parseRoleQuery(index: RoleIndex, queryTokens: readonly string[]): RoleQuery | null {
  const roles = queryTokens.filter((t) => ROLE_OF.has(t));
  if (roles.length !== 1) return null;
  const rest = queryTokens.filter((t) => !ROLE_OF.has(t) && !FILLER.has(t));
  // The whole rest must be one name ("pakistani taliban"), not a name plus other words.
  const whole = rest.length > 0 ? index.aliases.get(rest[0]!)?.find((a) => a.tokens.length === rest.length && a.tokens.every((t, k) => rest[k] === t)) : undefined;
  const subject = whole?.id ?? null;
  return { group: ROLE_OF.get(roles[0]!)!, subject, rest };
}

/**
 * How strongly entry `id` holds the role: 0 when it does not; otherwise higher when the role word comes earlier in
 * its role sentence ("Supreme leader of the Afghan Taliban" is the leader; "A top Afghan Taliban leader" one of them).
 */
export function roleStrength(index: RoleIndex, query: RoleQuery, id: string): number {
  const s = index.sentences.get(id);
  if (!s || id === query.subject) return 0;
  const at = s.tokens.findIndex((t) => ROLE_OF.get(t) === query.group);
  if (at < 0) return 0;
  const names = query.subject !== null ? s.names.has(query.subject) : query.rest.every((r) => s.tokens.includes(r));
  return names ? 100 - Math.min(at, 99) : 0;
}
