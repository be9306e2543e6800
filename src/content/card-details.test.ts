import { describe, expect, it, vi } from 'vitest';
import type { CompiledEntry } from '../core/glossary-types.js';
import type { EntryDetails } from '../core/page-glossary.js';
import { CardDetails } from './card-details.js';

const entry = (id: string, related: string[] = [], own = false): CompiledEntry => ({
  id,
  name: id.toUpperCase(),
  category: 'organization',
  aliases: [],
  definition: own ? 'Mine.' : '',
  related,
  background: false,
  anchorOnly: false,
  mentions: 1,
  quotes: [],
  ...(own ? { own: true } : {}),
});
const details = (id: string): EntryDetails => ({ id, aliases: [id], definition: `${id} is.`, quotes: [{ paragraph: 1, sentence: 1, text: `${id} said.`, marks: [[0, id.length]] }] });

function table(entries: CompiledEntry[]) {
  return { entries, indexById: new Map(entries.map((e, i) => [e.id, i])) };
}

describe('CardDetails', () => {
  it('asks once for the entry and its related entries, then shows them in the card glossary', async () => {
    const ask = vi.fn((ids: string[]) => Promise.resolve(ids.map(details)));
    const arrived = vi.fn();
    const d = new CardDetails(table([entry('ttp', ['kabul', 'gone']), entry('kabul'), entry('own-x', [], true)]), ask, arrived);
    const p = d.prepare('ttp');
    expect(d.prepare('ttp')).toBe(p); // asked already: the same answer
    await p;
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith(['ttp', 'kabul']); // an unknown related id is not asked
    expect(arrived).toHaveBeenCalledTimes(1);
    expect(d.cardGlossary().entries[0]).toMatchObject({ definition: 'ttp is.', quotes: details('ttp').quotes, aliases: ['ttp'] });
    expect(d.prepare('kabul')).toBeNull(); // came with ttp
    expect(d.prepare('own-x')).toBeNull(); // own entries are whole
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('drops an answer asked before the glossaries changed, and asks again', async () => {
    let answer: (v: EntryDetails[]) => void = () => {};
    const ask = vi.fn(() => new Promise<EntryDetails[]>((r) => (answer = r)));
    const d = new CardDetails(table([entry('ttp')]), ask, () => {});
    const p = d.prepare('ttp');
    d.clear();
    answer([details('ttp')]);
    await p;
    expect(d.cardGlossary().entries[0]!.definition).toBe('');
    expect(d.prepare('ttp')).not.toBeNull();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('shows the text it had until the text asked after a glossary change arrives (an open card keeps it)', async () => {
    let answer: (v: EntryDetails[]) => void = () => {};
    const ask = vi.fn().mockResolvedValueOnce([details('ttp')]).mockImplementationOnce(() => new Promise<EntryDetails[]>((r) => (answer = r)));
    const d = new CardDetails(table([entry('ttp')]), ask, () => {});
    await d.prepare('ttp');
    d.clear();
    expect(d.cardGlossary().entries[0]!.definition).toBe('ttp is.');
    const p = d.prepare('ttp');
    expect(p).not.toBeNull(); // asked again: the text may differ now
    answer([{ ...details('ttp'), definition: 'ttp is, now.' }]);
    await p;
    expect(d.cardGlossary().entries[0]!.definition).toBe('ttp is, now.');
  });

  it('a failed question leaves the entry without text and lets the next card ask again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ask = vi.fn().mockRejectedValueOnce(new Error('background restarting')).mockResolvedValue([details('ttp')]);
    const d = new CardDetails(table([entry('ttp')]), ask, () => {});
    await d.prepare('ttp');
    expect(d.cardGlossary().entries[0]!.definition).toBe('');
    await d.prepare('ttp');
    expect(d.cardGlossary().entries[0]!.definition).toBe('ttp is.');
    warn.mockRestore();
  });

  it('keeps what it has when the user entries change (a new table)', async () => {
    const d = new CardDetails(table([entry('ttp')]), (ids) => Promise.resolve(ids.map(details)), () => {});
    await d.prepare('ttp');
    d.setTable(table([entry('ttp'), entry('own-y', [], true)]));
    expect(d.cardGlossary().entries.map((e) => e.definition)).toEqual(['ttp is.', 'Mine.']);
  });
});
