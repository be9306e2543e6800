/**
 * The serialized core (wire.ts): hand-made byte strings for every rule the reader enforces, and random damage to a
 * real one (a damaged table loads with a clear error or scans safely, never throws mid-page or hangs).
 */
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from './base64.js';
import { Matcher } from './index.js';
import { prng, syntheticGlossary, syntheticText } from '../../../tests/support/synthetic-glossary.js';
import type { Hit, TermInput } from './types.js';
import type { CoreTables } from './tables.js';
import { coreOf, packCore, unpackTables } from './wire.js';

const TTP: TermInput[] = [{ entry: 0, text: 'TTP', caseRule: 'exact' }];

// "TTP", exact case: states 0 (start), 1 (inside), 2 "t", 3 "tt", 4 "ttp"; classes 5 = t, 6 = p.
const CORE = {
  stateCount: 5,
  denseCount: 5,
  alphabetSize: 7,
  alphabet: [0xffff, 0xffff, 0xffff, 0xffff, 0x20, 0x74, 0x70],
  childCount: [1, 0, 1, 1, 0],
  childClass: [5, 5, 6],
  fail: [1, 1, 1], // states 2..4: inside a word, nothing may start
  varEnd: [4],
  varStep: [1], // term 0 (step 0) * 2 + cased
  caseData: [1, 1, 1], // three times CASE_UPPER
};
type Hand = { [K in keyof typeof CORE]: (typeof CORE)[K] };
const core = (over: Partial<Hand> = {}): CoreTables => {
  const c = { ...CORE, ...over };
  return {
    ...c,
    alphabet: Uint16Array.from(c.alphabet),
    childCount: Uint32Array.from(c.childCount),
    childClass: Uint32Array.from(c.childClass),
    fail: Uint32Array.from(c.fail),
    varEnd: Uint32Array.from(c.varEnd),
    varStep: Uint32Array.from(c.varStep),
    caseData: Uint8Array.from(c.caseData),
  };
};
const wire = (over: Partial<Hand> = {}): string => base64Encode(packCore(core(over)));
const load = (tables: string, terms = TTP): Matcher => Matcher.load({ format: 1, terms, tables });

describe('wire format', () => {
  it('the hand-made core is exactly what compile serializes, and it scans', () => {
    expect(wire()).toBe(Matcher.compile(TTP).serialize().tables);
    const m = load(wire());
    expect(m.scan('the TTP said, not ttp or TTPs').map((h) => [h.start, h.end])).toEqual([[4, 7]]);
  });

  it('stores each array in the narrowest width its values fit', () => {
    const at = (n: number): Uint8Array => base64Decode(wire({ varStep: [1 + 2 * n] }));
    const ttps = (n: number): TermInput[] => Array.from({ length: n + 1 }, () => TTP[0]!);
    const width = (n: number): number => unpackTables(at(n)).varStep.BYTES_PER_ELEMENT;
    expect([width(0), width(127), width(128), width(32_767), width(32_768)]).toEqual([1, 1, 2, 2, 4]);
    expect(load(base64Encode(at(200)), ttps(200)).tables.varTerm).toEqual(Int32Array.of(200));
    expect(load(base64Encode(at(40_000)), ttps(40_000)).tables.varTerm).toEqual(Int32Array.of(40_000));
  });

  it.each<[string, Partial<Hand>, RegExp]>([
    ['fewer than two dense states', { denseCount: 1 }, /inconsistent sizes/],
    ['more dense states than states', { denseCount: 6 }, /inconsistent sizes/],
    ['no room for the fixed classes', { alphabetSize: 4, alphabet: [0xffff, 0xffff, 0xffff, 0xffff] }, /inconsistent sizes/],
    ['children on the inside root', { childCount: [1, 1, 1, 0, 0], childClass: [5, 5, 6] }, /children out of order/],
    ['a child numbered before its parent', { childCount: [0, 0, 1, 1, 1] }, /children out of order/],
    ['a state without a parent', { childCount: [1, 0, 1, 0, 0] }, /states without a parent/],
    ['more children than states', { childCount: [4, 0, 0, 0, 0] }, /children out of order/],
    ['unsorted child classes', { childCount: [1, 0, 2, 0, 0], childClass: [5, 6, 5] }, /child classes out of order/],
    ['a child class below space', { childClass: [3, 5, 6] }, /child classes out of order/],
    ['a child class beyond the alphabet', { childClass: [5, 5, 7] }, /child classes out of order/],
    ['a failure link to itself', { fail: [1, 3, 1] }, /failure link out of range/],
    ['a failure link to a later state', { fail: [1, 4, 1] }, /failure link out of range/],
    ['a pattern ending at a root', { varEnd: [1] }, /pattern end out of range/],
    ['a pattern ending beyond the states', { varEnd: [5] }, /pattern end out of range/],
    ['case data not matching the pattern lengths', { caseData: [1, 1, 1, 1] }, /case data does not match/],
    ['an uncased pattern with case data', { varStep: [0] }, /case data does not match/],
  ])('rejects %s', (_, over, message) => {
    expect(() => load(wire(over))).toThrow(message);
  });

  it('rejects bad magic, truncation, trailing bytes, bad widths, terms that do not fit', () => {
    const good = base64Decode(wire());
    const with_ = (f: (b: number[]) => void): string => {
      const b = [...good];
      f(b);
      return base64Encode(Uint8Array.from(b));
    };
    expect(() => load(with_((b) => (b[3] = 0x32)))).toThrow(/bad magic/);
    expect(() => load(with_((b) => b.splice(20)))).toThrow(/too short/);
    expect(() => load(with_((b) => b.splice(40)))).toThrow(/truncated/);
    expect(() => load(with_((b) => b.pop()))).toThrow(/truncated/);
    expect(() => load(with_((b) => b.push(0)))).toThrow(/trailing bytes/);
    expect(() => load(with_((b) => (b[24] = 0x33)))).toThrow(/bad element width/);
    expect(() => load(with_((b) => (b[4] = 1)))).toThrow(/inconsistent sizes/);
    expect(() => load(wire({ varStep: [3] }))).toThrow(/do not belong to these terms/);
    expect(() => load(wire(), [])).toThrow(/do not belong to these terms/);
  });

  it('a damaged real table either fails to load with a clear error or scans without throwing (2,000 damages)', () => {
    const terms = syntheticGlossary(200, 21);
    const text = syntheticText(3000, terms, 22);
    const good = base64Decode(Matcher.compile(terms).serialize().tables);
    const rnd = prng(23);
    let rejected = 0;
    let loaded = 0;
    const malformed: Hit[] = [];
    for (let n = 0; n < 2000; n++) {
      const b = [...good];
      const at = 4 + Math.floor(rnd() * (b.length - 4)); // past the magic: that check is covered above
      const kind = n % 4;
      if (kind === 0) b[at] = Math.floor(rnd() * 256);
      else if (kind === 1) b[at] = b[at]! ^ (1 << Math.floor(rnd() * 8));
      else if (kind === 2) b.splice(at, 1 + Math.floor(rnd() * 3));
      else b.splice(at, 0, Math.floor(rnd() * 256));
      let m: Matcher;
      try {
        m = load(base64Encode(Uint8Array.from(b)), terms);
      } catch (e) {
        expect(String(e)).toMatch(/^Error: matcher( tables)?: /);
        rejected++;
        continue;
      }
      loaded++;
      for (const h of m.scan(text)) {
        const ok = h.start >= 0 && h.end > h.start && h.end <= text.length && terms[h.term]?.entry === h.entry;
        if (!ok) malformed.push(h);
      }
    }
    expect(malformed).toEqual([]);
    // Both outcomes really happen (a value changed in range loads; a broken structure does not).
    console.log(`damaged tables: ${rejected} rejected, ${loaded} loaded and scanned`);
    expect(rejected).toBeGreaterThan(500);
    expect(loaded).toBeGreaterThan(100);
  }, 120_000);

  it('unpackTables reads back exactly the core of what compile computed', () => {
    const terms = syntheticGlossary(100, 5);
    const m = Matcher.compile(terms);
    const read = unpackTables(base64Decode(m.serialize().tables));
    const want = coreOf(m.tables);
    for (const [k, v] of Object.entries(want)) {
      const got = (read as unknown as Record<string, unknown>)[k];
      if (ArrayBuffer.isView(v)) expect(Array.from(got as Uint32Array), k).toEqual(Array.from(v as Uint32Array));
      else expect(got, k).toBe(v);
    }
    expect(read.childClass.BYTES_PER_ELEMENT).toBe(1); // 5 + a few dozen classes
    expect(read.fail.BYTES_PER_ELEMENT).toBe(2); // thousands of states
  });
});
