import { describe, expect, it } from 'vitest';
import type { Category, CompiledEntry } from './glossary-types.js';
import { buildRoleIndex, parseRoleQuery, roleStrength } from './search-roles.js';
import { tokenize } from './search.js';

const entry = (id: string, name: string, category: Category, definition: string, aliases: string[] = []): CompiledEntry => ({
  id,
  name,
  category,
  aliases: [name, ...aliases],
  definition,
  related: [],
  background: false,
  anchorOnly: false,
  mentions: 1,
  quotes: [],
});

const ENTRIES = [
  entry('ttp', 'Tehreek-e-Taliban Pakistan', 'organization', 'A militant movement.', ['TTP']),
  entry('taliban', 'Afghan Taliban', 'organization', 'An Islamist movement.', ['Taliban']),
  entry('chief', 'Noor Wali', 'person', 'Chief of the Tehreek-e-Taliban Pakistan (TTP). He pledged allegiance.'),
  entry('emir', 'Hibatullah', 'person', 'Supreme leader of the Afghan Taliban. TTP chief Noor Wali pledged to him.'),
  entry('deputy', 'Siraj', 'person', 'A top Afghan Taliban leader.'),
  entry('network', 'Haqqani network', 'organization', 'A group founded by Jalal and led by his son Siraj.'),
];
const index = buildRoleIndex(ENTRIES);
const holders = (q: string) => {
  const role = parseRoleQuery(index, tokenize(q));
  if (!role) return null;
  return ENTRIES.map((e) => [e.id, roleStrength(index, role, e.id)] as const)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
};

describe('role queries', () => {
  it('is no role query without exactly one role word', () => {
    expect(holders('TTP')).toBeNull();
    expect(holders('chief leader')).toBeNull();
  });
  it('answers from the first sentence only', () => {
    // Hibatullah's second sentence says "TTP chief": he is not the TTP's chief.
    expect(holders('TTP chief')).toEqual(['chief']);
    expect(holders('leader of the TTP')).toEqual(['chief']);
  });
  it('names a subject only by a longest alias match', () => {
    // "Tehreek-e-Taliban Pakistan" holds the word Taliban but names the TTP, not the Afghan Taliban.
    expect(holders('Taliban leader')).toEqual(['emir', 'deputy']);
  });
  it('does not read passive forms as roles', () => {
    expect(holders('leader')).toEqual(['chief', 'emir', 'deputy']);
  });
  it('falls back to plain words when the rest names no entry', () => {
    expect(holders('Afghan leader')).toEqual(['emir', 'deputy']);
    expect(holders('Kashmir leader')).toEqual([]);
  });
});
