import { describe, expect, it } from 'vitest';
import {
  carriedSense,
  decideLocal,
  filterByContext,
  type HeadingCues,
  headingCues,
  hitAllowed,
  presentEntries,
  sentenceSpans,
} from './context-rules.js';
import { Matcher } from './matcher/index.js';
import type { TermInput } from './matcher/types.js';

// Entries: 0 TTP, 1 Taliban, 2 Pakistan, 3 ceasefire, 4 mothership, 5 Afghanistan
const terms: TermInput[] = [
  { entry: 0, text: 'Tehreek-e-Taliban Pakistan', caseRule: 'proper' }, // 0: unconditional
  { entry: 0, text: 'TTP', caseRule: 'exact', requires: [1, 2] }, // 1: acronym needs Taliban or Pakistan
  { entry: 1, text: 'Taliban', caseRule: 'proper' }, // 2
  { entry: 2, text: 'Pakistan', caseRule: 'proper' }, // 3
  { entry: 3, text: 'cease-fire', caseRule: 'any', requires: [0] }, // 4: needs TTP
  { entry: 4, text: 'mothership', caseRule: 'any', requires: [0, 1] }, // 5
  { entry: 5, text: 'Afghanistan', caseRule: 'proper', requires: [] }, // 6: empty requires = unconditional
  { entry: 6, text: 'loop-a', caseRule: 'any', requires: [7] }, // 7: 6 and 7 require each other
  { entry: 7, text: 'loop-b', caseRule: 'any', requires: [6] }, // 8
];
const m = Matcher.compile(terms);
const entriesOn = (text: string): number[] => [...presentEntries(terms, m.scan(text))].sort((a, b) => a - b);
const keptOn = (text: string): string[] => filterByContext(terms, m.scan(text)).map((h) => text.slice(h.start, h.end));

describe('presentEntries (fixpoint)', () => {
  it.each<[string, number[]]>([
    ['', []],
    ['the ceasefire held', []], // anchor absent
    ['the TTP said', []], // acronym alone: no Taliban/Pakistan
    ['the TTP in Pakistan', [0, 2]],
    ['the TTP and a ceasefire', []], // chain without its root
    ['TTP, Taliban, ceasefire', [0, 1, 3]], // chain: Taliban -> TTP -> ceasefire
    ['Tehreek-e-Taliban Pakistan and a ceasefire', [0, 3]],
    ['a mothership of the Taliban', [1, 4]],
    ['Afghanistan', [5]],
    ['loop-a and loop-b', []], // mutual requirements do not bootstrap each other
  ])('%j -> %j', (text, expected) => {
    expect(entriesOn(text)).toEqual(expected);
  });

  it('ignores blocker hits and unknown terms', () => {
    expect([...presentEntries(terms, [{ entry: -1, term: 0 }, { entry: 9, term: 99 }])]).toEqual([9]);
  });
});

describe('hitAllowed / filterByContext', () => {
  it.each<[string, string[]]>([
    ['the TTP said', []],
    ['the TTP in Pakistan', ['TTP', 'Pakistan']],
    ['a ceasefire with the TTP near Taliban posts', ['ceasefire', 'TTP', 'Taliban']],
    ['a ceasefire with the TTP', []],
    ['Afghanistan', ['Afghanistan']],
  ])('%j keeps %j', (text, expected) => {
    expect(keptOn(text)).toEqual(expected);
  });

  it('checks one hit against a presence set', () => {
    expect(hitAllowed(terms, { term: 1 }, new Set([2]))).toBe(true);
    expect(hitAllowed(terms, { term: 1 }, new Set([5]))).toBe(false);
    expect(hitAllowed(terms, { term: 0 }, new Set())).toBe(true);
    expect(hitAllowed(terms, { term: 6 }, new Set())).toBe(true);
  });
});

const cues = (entries: Set<number>, parties = new Map<number, boolean>()): HeadingCues => ({ entries, parties });

describe('decideLocal (mention-level rules, issue 11)', () => {
  // 0 ttp, 1 afghan-taliban, 2 ttp-ceasefire, 3 swat (cue), 4 kabul (counter-cue)
  const T: TermInput[] = [
    { entry: 0, text: 'TTP', caseRule: 'exact' },
    { entry: 1, text: 'Taliban', caseRule: 'proper', resolve: { entry: 0, when: [0, 3], unless: [4] } },
    { entry: 2, text: 'ceasefire', caseRule: 'any', requires: [0], window: 'paragraph' },
    { entry: 3, text: 'Swat', caseRule: 'proper' },
    { entry: 4, text: 'Kabul', caseRule: 'proper' },
    { entry: 2, text: 'truce', caseRule: 'any', requires: [0], window: 'sentence' },
    { entry: 2, text: 'the talks', caseRule: 'any', requires: [0], window: 'heading' },
  ];
  const hitsOf = (text: string) => {
    const out: { entry: number; term: number; start: number; end: number }[] = [];
    T.forEach((t, term) => {
      for (let i = text.indexOf(t.text); i >= 0; i = text.indexOf(t.text, i + 1)) out.push({ entry: t.entry, term, start: i, end: i + t.text.length });
    });
    return out.sort((a, b) => a.start - b.start);
  };
  const decide = (text: string) =>
    decideLocal(T, text, hitsOf(text)).map((d, i) => `${text.slice(hitsOf(text)[i]!.start, hitsOf(text)[i]!.end)}=${d.entry}${d.allowed ? '' : '!'}${d.weak ? '?' : ''}`);

  it('resolves a shared name by paragraph cues, not when the target is named in the same sentence', () => {
    expect(decide('The Taliban burned schools in Swat.')).toEqual(['Taliban=0', 'Swat=3']);
    expect(decide('The Taliban met in Kabul. Swat was calm.')).toEqual(['Taliban=1?', 'Kabul=4', 'Swat=3']);
    expect(decide('The TTP pledged allegiance to the Taliban.')).toEqual(['TTP=0', 'Taliban=1']);
    expect(decide('No cue: the Taliban spoke.')).toEqual(['Taliban=1']);
  });

  it('checks requires in the sentence or paragraph window, resolved entries included', () => {
    expect(decide('A ceasefire in Gaza held.')).toEqual(['ceasefire=2!']);
    expect(decide('The TTP spoke. A ceasefire held.')).toEqual(['TTP=0', 'ceasefire=2']);
    expect(decide('The TTP spoke. A truce held.')).toEqual(['TTP=0', 'truce=2!']);
    expect(decide('In Swat the Taliban agreed a truce.')).toEqual(['Swat=3', 'Taliban=0', 'truce=2']);
  });

  it('a heading window sees the paragraph and the entries its nearest heading names', () => {
    const text = 'Officials said the talks resumed.';
    const at = (heading?: Set<number>) => decideLocal(T, text, hitsOf(text), heading && cues(heading)).map((d) => d.allowed);
    expect(at()).toEqual([false]);
    expect(at(new Set([4]))).toEqual([false]);
    expect(at(new Set([0]))).toEqual([true]);
    // Other windows ignore the heading.
    const p = 'A ceasefire held.';
    expect(decideLocal(T, p, hitsOf(p), cues(new Set([0]))).map((d) => d.allowed)).toEqual([false]);
  });

  it('a paragraph with no cue for a shared name takes its heading\'s', () => {
    expect(decide('He said the Taliban had renounced militancy.')).toEqual(['Taliban=1']);
    const text = 'He said the Taliban had renounced militancy.';
    expect(decideLocal(T, text, hitsOf(text), cues(new Set([3]))).map((d) => d.entry)).toEqual([0]);
    // A cue in the paragraph itself wins over the heading.
    const k = 'The Taliban met in Kabul.';
    expect(decideLocal(T, k, hitsOf(k), cues(new Set([3]))).map((d) => d.entry)).toEqual([1, 4]);
  });

  it("a paragraph with no cue for a shared name reads it as the story last did on evidence, before the heading", () => {
    const para = 'Militants claiming to be Taliban held the men.';
    const withCarried = (before: string, heading?: Set<number>) =>
      decideLocal(T, para, hitsOf(para), heading && cues(heading), () => carriedSense(T, before, hitsOf(before))).map(
        (d) => `${d.entry}${d.weak ? '?' : ''}`,
      );
    // The earlier paragraph read "Taliban" as the TTP (Swat) or as the Afghan Taliban (Kabul): the story goes on so.
    expect(withCarried('Locals marched in Swat against the Taliban.')).toEqual(['0']);
    expect(withCarried('The Taliban met in Kabul.')).toEqual(['1']);
    // Mere cues do not carry: "Islamabad blames the TTP" then "the Taliban deny it" is still the Afghan Taliban.
    expect(withCarried('Locals marched in Swat.')).toEqual(['1']);
    expect(carriedSense(T, 'The TTP spoke in Swat.', hitsOf('The TTP spoke in Swat.'))).toBeUndefined();
    // A reading by default (no cue either way) or on weak evidence (both kinds) carries nothing either.
    expect(carriedSense(T, 'The Taliban spoke.', hitsOf('The Taliban spoke.'))).toBeUndefined();
    expect(carriedSense(T, 'The Taliban met in Kabul. Swat was calm.', hitsOf('The Taliban met in Kabul. Swat was calm.'))).toBeUndefined();
    // No earlier reading: the heading decides, as before; an earlier reading beats the heading.
    expect(withCarried('Officials spoke.', new Set([3]))).toEqual(['0']);
    expect(withCarried('The Taliban met in Kabul.', new Set([3]))).toEqual(['1']);
    // Its own cues win: the earlier reading is not even asked for.
    const own = 'The Taliban met in Kabul.';
    let asked = false;
    const carried = () => ((asked = true), new Map([[1, 0]]));
    expect(decideLocal(T, own, hitsOf(own), undefined, carried).map((d) => d.entry)).toEqual([1, 4]);
    expect(asked).toBe(false);
  });

  it('a shared name with no cue before, in or above its paragraph reads as the next paragraphs do on evidence', () => {
    // "Taleban shoot girl blogger" over "… the former Taleban stronghold of Swat" (eval:news dev scotsman-2012-taleban).
    const para = 'Militants claiming to be Taliban held the men.';
    const withAhead = (after: string, opts: { before?: string; heading?: Set<number> } = {}) =>
      decideLocal(
        T,
        para,
        hitsOf(para),
        opts.heading && cues(opts.heading),
        opts.before === undefined ? undefined : () => carriedSense(T, opts.before!, hitsOf(opts.before!)),
        () => carriedSense(T, after, hitsOf(after)),
      ).map((d) => `${d.entry}${d.weak ? '?' : ''}${d.read ? '' : '~'}`);
    expect(withAhead('Schools closed in Swat after the Taliban came.')).toEqual(['0']);
    expect(withAhead('The Taliban met in Kabul.')).toEqual(['1']);
    // Only a reading on evidence: cues alone, a default reading or weak evidence next say nothing (default, unread).
    expect(withAhead('Schools closed in Swat.')).toEqual(['1~']);
    expect(withAhead('The Taliban spoke.')).toEqual(['1~']);
    expect(withAhead('The Taliban met in Kabul. Swat was calm.')).toEqual(['1~']);
    // Looked at last: the story before it and its heading win.
    expect(withAhead('Schools closed in Swat after the Taliban came.', { before: 'The Taliban met in Kabul.' })).toEqual(['1']);
    expect(withAhead('Schools closed in Swat after the Taliban came.', { heading: new Set([4]) })).toEqual(['1']);
    // Its own cues win: the next paragraphs are not even asked.
    const own = 'The Taliban met in Kabul.';
    let asked = false;
    const ahead = () => ((asked = true), new Map([[1, 0]]));
    expect(decideLocal(T, own, hitsOf(own), undefined, undefined, ahead).map((d) => d.entry)).toEqual([1, 4]);
    expect(asked).toBe(false);
  });

  it("a heading's default reading of a shared name is no evidence for the paragraphs below it", () => {
    const h = headingCues(T, 'Taliban shoot girl', hitsOf('Taliban shoot girl'));
    expect([...h.entries]).toEqual([1]); // it still names the entry (concept anchors below keep working)
    expect([...(h.byDefault ?? [])]).toEqual([1]);
    const para = 'Militants claiming to be Taliban held the men.';
    const next = 'Schools closed in Swat after the Taliban came.';
    expect(decideLocal(T, para, hitsOf(para), h, undefined, () => carriedSense(T, next, hitsOf(next))).map((d) => d.entry)).toEqual([0]);
    // Read on the heading's own cue it is evidence, as before.
    const k = headingCues(T, 'Taliban meet in Kabul', hitsOf('Taliban meet in Kabul'));
    expect(k.byDefault?.has(1)).toBe(false);
    expect(decideLocal(T, para, hitsOf(para), k, undefined, () => carriedSense(T, next, hitsOf(next))).map((d) => d.entry)).toEqual([1]);
  });

  it('a shared name written as the mediator stays itself, whatever the cues', () => {
    expect(decide('Swat talks were hosted by the Taliban.')).toEqual(['Swat=3', 'Taliban=1']);
    expect(decide('Swat talks were held at the request of the Taliban.')).toEqual(['Swat=3', 'Taliban=1']);
    // Not a mediator: the cue decides.
    expect(decide('Swat talks were held with the Taliban.')).toEqual(['Swat=3', 'Taliban=0']);
  });

  it("a heading names an entry only where the heading meets that entry's page rule itself", () => {
    // Entries of the first table: 0 TTP (bare "TTP" needs the Taliban or Pakistan), 1 Taliban, 2 Pakistan.
    const hits = (text: string) => m.scan(text).map((h) => ({ entry: h.entry, term: h.term, start: h.start, end: h.end }));
    const named = (text: string) => [...headingCues(terms, text, hits(text)).entries].sort((a, b) => a - b);
    // The security sense (marks-context.html): no anchor in the heading, so no TTP for the paragraphs below it.
    expect(named('Mapping attacker TTP to defences')).toEqual([]);
    // The report's own title: Pakistan and the Taliban anchor it.
    expect(named("Pakistan's TTP problem rises following Taliban's takeover")).toEqual([0, 1, 2]);
    // The full name needs no context (its inner "Taliban" and "Pakistan" are consumed by the longer match).
    expect(named('Tehreek-e-Taliban Pakistan talks')).toEqual([0]);
  });

  it('splits sentences at . ! ? before a capital, not inside U.S. usage', () => {
    expect(sentenceSpans('U.S. troops left. Then A.')).toEqual([[0, 18], [18, 25]]);
  });
});

describe('decideLocal: parties (issue 11, deliverable 1)', () => {
  // 0 ttp, 1 pakistan, 2 afghanistan, 3 ttp-ceasefire (parties, against afghanistan), 4 afghan-taliban -> ttp
  const T: TermInput[] = [
    { entry: 0, text: 'TTP', caseRule: 'exact' },
    { entry: 1, text: 'Pakistan', caseRule: 'proper' },
    { entry: 2, text: 'Afghanistan', caseRule: 'proper' },
    { entry: 3, text: 'ceasefire', caseRule: 'any', requires: [0], window: 'heading', parties: { against: [2] } },
    { entry: 4, text: 'Taliban', caseRule: 'proper', resolve: { entry: 0, when: [0], unless: [2] } },
  ];
  const hitsOf = (text: string) => {
    const out: { entry: number; term: number; start: number; end: number }[] = [];
    T.forEach((t, term) => {
      for (let i = text.indexOf(t.text); i >= 0; i = text.indexOf(t.text, i + 1)) out.push({ entry: t.entry, term, start: i, end: i + t.text.length });
    });
    return out.sort((a, b) => a.start - b.start);
  };
  /** The allowed flag of each "ceasefire" in the text. */
  const ceasefires = (text: string, heading?: HeadingCues) => {
    const hits = hitsOf(text);
    return decideLocal(T, text, hits, heading).filter((_, i) => hits[i]!.entry === 3).map((d) => d.allowed);
  };

  it('a ceasefire whose sentence names its parties is the TTP cease-fire only with the TTP among them', () => {
    expect(ceasefires('Pakistan agreed a ceasefire with the TTP.')).toEqual([true]);
    expect(ceasefires('Pakistan and the TTP have agreed to extend the ceasefire.')).toEqual([true]);
    expect(ceasefires('The TTP named its chief. Pakistan and Afghanistan agreed to an immediate ceasefire.')).toEqual([false]);
    expect(ceasefires('The TTP named its chief. The talks led to a ceasefire between Israel and Hamas.')).toEqual([false]);
    expect(ceasefires('The TTP named its chief. The India-Pakistan ceasefire held.')).toEqual([false]);
    // A reference to the group named just before: "the militants".
    expect(ceasefires('The TTP attacked a post. Officials announced a ceasefire with the militants.')).toEqual([true]);
  });

  it('"the two countries" are states; "the parties" / "both sides" are the sides named before, else no mark (wave 9)', () => {
    expect(ceasefires('The TTP named its chief. The two countries agreed to extend the ceasefire.')).toEqual([false]);
    expect(ceasefires('After the TTP raid, the two countries agreed to extend the ceasefire.')).toEqual([false]);
    expect(ceasefires('The TTP named its chief. The parties also decided to ensure the sustainability of the ceasefire.')).toEqual([false]);
    expect(ceasefires('Pakistan agreed a ceasefire with the TTP. Both sides extended the ceasefire.')).toEqual([true, true]);
    const heading = headingCues(T, 'Pakistan and the TTP agree to ceasefire', hitsOf('Pakistan and the TTP agree to ceasefire'));
    expect(ceasefires('The parties also decided to hold talks on the ceasefire.', heading)).toEqual([true]);
  });

  it('fighting along the border in a sentence that names no TTP: the states\' ceasefire (wave 9)', () => {
    expect(ceasefires('The TTP chief was targeted. The strike triggered fierce exchanges across the border before a fragile ceasefire took hold.')).toEqual([false]);
    expect(ceasefires('Border clashes went on until a ceasefire. The TTP is strong.')).toEqual([false]);
    // The sentence names the TTP itself: the window rule.
    expect(ceasefires('The TTP kept up attacks across the border even during the ceasefire.')).toEqual([true]);
  });

  it('an exchange of artillery is between armies: the states\' ceasefire (wave 10, dev sambatimes-2025-timeline)', () => {
    expect(ceasefires('Afghanistan shelters TTP fighters. Fighting has reignited with heavy artillery exchanges and no immediate ceasefire in sight.')).toEqual([false]);
    expect(ceasefires('The TTP named its chief. After an exchange of artillery fire, a ceasefire held.')).toEqual([false]);
    // An army shelling the group's hideouts is no exchange: the window rule.
    expect(ceasefires('The TTP hideouts came under artillery fire before the ceasefire.')).toEqual([true]);
  });

  it('a group reference with no one named before it in its paragraph is the group the paragraph before named', () => {
    const text = 'A day later the banned outfit declared an end to the ceasefire.';
    const at = (named?: Set<number>) => {
      const hits = hitsOf(text);
      return decideLocal(T, text, hits, undefined, undefined, undefined, () => named).filter((_, i) => hits[i]!.entry === 3).map((d) => d.allowed);
    };
    expect(at(new Set([0, 1]))).toEqual([true]); // "… the TTP … urged the banned outfit …" just before
    expect(at(new Set([1]))).toEqual([false]); // the paragraph before named no TTP
    expect(at()).toEqual([false]);
    // Someone named before it in its own paragraph: the reference is theirs, the paragraph before is not asked.
    const own = 'Afghanistan said the banned outfit declared an end to the ceasefire.';
    let asked = false;
    const hits = hitsOf(own);
    const d = decideLocal(T, own, hits, undefined, undefined, undefined, () => ((asked = true), new Set([0])));
    expect(d.filter((_, i) => hits[i]!.entry === 3).map((x) => x.allowed)).toEqual([false]);
    expect(asked).toBe(false);
  });

  it('a sentence with no party phrase takes the paragraph\'s last verdict, then the heading\'s, then the window with the against veto', () => {
    expect(ceasefires('Pakistan and Afghanistan agreed to a ceasefire. It names the TTP. The ceasefire aims to end the bloodshed.')).toEqual([false, false]);
    const heading = headingCues(T, 'Pakistan, Afghanistan agree to ceasefire', hitsOf('Pakistan, Afghanistan agree to ceasefire'));
    expect(heading.parties.get(3)).toBe(false);
    expect(ceasefires('Kabul denies sheltering the TTP. The ceasefire aims to end the bloodshed.', heading)).toEqual([false]);
    expect(ceasefires('Kabul denies sheltering the TTP. The ceasefire aims to end the bloodshed.')).toEqual([true]);
    expect(ceasefires('Even after a ceasefire, Pakistan accused Afghanistan of harbouring the TTP.')).toEqual([false]);
    // A mediator is no side.
    expect(ceasefires('The TTP is strong. The ceasefire was agreed on at the request of the Afghanistan government.')).toEqual([true]);
    // "they agreed" names no one: the window rule decides.
    expect(ceasefires('The TTP met officials. They agreed a ceasefire.')).toEqual([true]);
  });
});

describe('decideLocal: a part of a name inside another name (partOf, issue 11 wave 8)', () => {
  // Entries: 0 leader (a bare surname), 1 government (a name's head), 2 the group (a shared name with a cue rule).
  const t: TermInput[] = [
    { entry: 0, text: 'Akhundzada', caseRule: 'proper', partOf: { kind: 'person', own: ['hbtl', 'kndzd'] } },
    { entry: 1, text: 'Islamic Emirate', caseRule: 'proper', partOf: { kind: 'name' } },
    { entry: 2, text: 'Taliban', caseRule: 'proper', resolve: { entry: 3, when: [4], unless: [0] } },
    { entry: 4, text: 'Swat', caseRule: 'proper' },
  ];
  const mm = Matcher.compile(t);
  const decide = (text: string) =>
    decideLocal(t, text, mm.scan(text)).map((d, k) => `${text.slice(mm.scan(text)[k]!.start, mm.scan(text)[k]!.end)}:${d.entry}:${d.allowed}`);
  it('someone else’s full name is no mention and no cue', () => {
    expect(decide('PPP leader Akhundzada Chatta spoke of the Taliban in Swat today.')).toEqual(['Akhundzada:0:false', 'Taliban:3:true', 'Swat:4:true']);
    expect(decide('The leader Akhundzada spoke of the Taliban in Swat today.')).toEqual(['Akhundzada:0:true', 'Taliban:2:true', 'Swat:4:true']);
  });
  it('the head of a longer name followed by "of" and a name', () => {
    expect(decide('It declared the Islamic Emirate of the Caucasus in 2007.')).toEqual(['Islamic Emirate:1:false']);
    expect(decide('A spokesman of the Islamic Emirate said so on Monday.')).toEqual(['Islamic Emirate:1:true']);
  });
});

describe('decideLocal: a place named as a border is no cue for a shared name (eval:news wave 9)', () => {
  // Entries: 0 the group's own (shared name), 1 the other reading, 2 a local place (cue for 1), 3 the country (cue for 0).
  const t: TermInput[] = [
    { entry: 0, text: 'Taliban', caseRule: 'proper', resolve: { entry: 1, when: [2], unless: [3] } },
    { entry: 2, text: 'Swat Valley', caseRule: 'proper' },
    { entry: 3, text: 'Afghanistan', caseRule: 'proper' },
    { entry: 3, text: 'Afghan', caseRule: 'proper' },
  ];
  const mm = Matcher.compile(t);
  const taliban = (text: string) => decideLocal(t, text, mm.scan(text)).filter((_, k) => mm.scan(text)[k]!.term === 0).map((d) => d.entry);
  it.each<[string, number[]]>([
    ['A ceasefire with Taliban militants in the Swat Valley, a region bordering Afghanistan.', [1]],
    ['Taliban fighters in the Swat Valley, along the Afghan border, attacked.', [1]],
    ['Taliban fighters in the Swat Valley near the Pakistan-Afghanistan border attacked.', [1]],
    // A place named as itself stays a cue: both kinds in the paragraph, the sentence decides.
    ['Taliban fighters in the Swat Valley fled to Afghanistan.', [0]],
    ['The Taliban rule Afghanistan.', [0]],
  ])('%j -> %j', (text, expected) => {
    expect(taliban(text)).toEqual(expected);
  });
});

describe('decideLocal: notOf, a mention followed by "of"/"in" and another entry is another event (wave 9)', () => {
  // Entries: 0 the 2021 takeover, 1 a Pakistani region (anchor), 2 Kabul.
  const t: TermInput[] = [
    { entry: 0, text: 'Taliban takeover', caseRule: 'proper', notOf: [1] },
    { entry: 1, text: 'Swat', caseRule: 'proper' },
    { entry: 2, text: 'Kabul', caseRule: 'proper' },
  ];
  const mm = Matcher.compile(t);
  const takeover = (text: string) => decideLocal(t, text, mm.scan(text)).filter((_, k) => mm.scan(text)[k]!.entry === 0).map((d) => d.allowed);
  it.each<[string, boolean[]]>([
    ['Malala had resisted the Taliban takeover of Swat with her diary.', [false]],
    ['The Taliban takeover in the Swat valley in 2008 closed schools.', [false]],
    ['After the Taliban takeover of Kabul, girls stayed home.', [true]],
    ['After the Taliban takeover, Swat was calm.', [true]],
  ])('%j -> %j', (text, expected) => {
    expect(takeover(text)).toEqual(expected);
  });
});

describe('decideLocal: a window rule may name the entry itself, met by another of its mentions (wave 9)', () => {
  // Entries: 0 the group (full name, and a local spelling that needs the group or the country in its paragraph), 1 country.
  const t: TermInput[] = [
    { entry: 0, text: 'Tehreek-i-Taliban Pakistan', caseRule: 'proper' },
    { entry: 0, text: 'home-grown Taliban', caseRule: 'proper', requires: [0, 1], window: 'paragraph' },
    { entry: 1, text: 'Pakistan', caseRule: 'proper' },
  ];
  const mm = Matcher.compile(t);
  const local = (text: string) => decideLocal(t, text, mm.scan(text)).filter((_, k) => mm.scan(text)[k]!.term === 1).map((d) => d.allowed);
  it.each<[string, boolean[]]>([
    ['The Tehreek-i-Taliban Pakistan – the main faction of the home-grown Taliban – claimed it.', [true]],
    ['They are the home-grown Taliban of Pakistan.', [true]],
    ['They are the home-grown Taliban.', [false]],
    ['The home-grown Taliban and the home-grown Taliban.', [false, false]],
  ])('%j -> %j', (text, expected) => {
    expect(local(text)).toEqual(expected);
  });
});
