import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from './base64.js';
import { buildStats } from './build.js';
import { packCore, unpackTables } from './wire.js';
import { Matcher } from './index.js';
import { referenceScan } from '../../../tests/support/reference-matcher.js';
import { syntheticGlossary, syntheticText, prng } from '../../../tests/support/synthetic-glossary.js';

describe('base64', () => {
  it('round-trips every length 0..64 and random buffers, matching node Buffer', () => {
    const rnd = prng(5);
    for (let n = 0; n < 200; n++) {
      const len = n < 64 ? n : Math.floor(rnd() * 5000);
      const bytes = Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
      const s = base64Encode(bytes);
      expect(s).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(base64Decode(s)).equals(Buffer.from(bytes))).toBe(true);
    }
  });
  it('uses the engine’s Uint8Array.fromBase64 where present (browsers), and wraps its errors', () => {
    const U = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
    expect(U.fromBase64).toBeUndefined(); // node 20: the portable decoder is what the other tests cover
    let calls = 0;
    U.fromBase64 = function (this: unknown, s: string): Uint8Array {
      calls++;
      expect(this).toBe(Uint8Array);
      if (/[^A-Za-z0-9+/=]/.test(s)) throw new SyntaxError('bad');
      return new Uint8Array(Buffer.from(s, 'base64'));
    };
    try {
      expect(base64Decode('AQID')).toEqual(new Uint8Array([1, 2, 3]));
      expect(() => base64Decode('@@@@')).toThrow(/base64: invalid character/);
      expect(calls).toBe(2);
    } finally {
      delete U.fromBase64;
    }
  });
  it.each(['abc', 'ab=c', '@@@@', 'ab\u00e9c', 'a===', '===='])('rejects %j', (s) => {
    expect(() => base64Decode(s)).toThrow(/base64/);
  });
});

describe('serialize / load', () => {
  it('round-trips through JSON and scans the same', () => {
    const terms = syntheticGlossary(300, 3);
    const text = syntheticText(50_000, terms, 4);
    const m = Matcher.compile(terms);
    const loaded = Matcher.load(JSON.parse(JSON.stringify(m.serialize())));
    const hits = m.scan(text);
    expect(hits.length).toBeGreaterThan(100);
    expect(loaded.scan(text)).toEqual(hits);
    expect(loaded.terms).toEqual(m.terms);
    expect(loaded.serialize()).toEqual(m.serialize());
  });

  it('loads a 5,000-term matcher without rebuilding: no build, dense rows derived equal to compile’s', () => {
    const terms = syntheticGlossary(5000, 7);
    const m = Matcher.compile(terms);
    const s = m.serialize();
    const builds = buildStats.builds;
    const loaded = Matcher.load(s);
    expect(buildStats.builds).toBe(builds);
    // What ships is the core only: no dense rows, no output chains (they are derived at load).
    const core = unpackTables(base64Decode(s.tables));
    expect(Object.keys(core)).not.toContain('dense');
    expect(Object.keys(core)).not.toContain('dictLink');
    const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const keys = Object.keys(m.tables);
    expect(keys.length).toBe(17);
    for (const [k, v] of Object.entries(m.tables)) {
      const l = (loaded.tables as unknown as Record<string, unknown>)[k];
      if (ArrayBuffer.isView(v)) {
        expect((l as object).constructor, k).toBe(v.constructor);
        expect(bytes(l as ArrayBufferView).equals(bytes(v)), k).toBe(true);
      } else expect(l).toBe(v);
    }
    expect(loaded.tables.dense.length).toBeGreaterThan(10_000);
    const text = syntheticText(20_000, terms, 8);
    expect(loaded.scan(text)).toEqual(m.scan(text));
  }, 60_000);

  it('load takes the failure links from the serialized core (it does not recompute them)', () => {
    const terms = syntheticGlossary(300, 3);
    const m = Matcher.compile(terms);
    const core = unpackTables(base64Decode(m.serialize().tables));
    // A deep state whose real failure link is not a root: point it at ROOT_START instead (still well formed).
    // core.fail holds the links of states 2.. (the roots' are fixed).
    const at = core.fail.findIndex((f, i) => i + 2 >= core.denseCount && f >= 2);
    expect(at).toBeGreaterThan(0);
    const s = at + 2;
    core.fail[at] = 0;
    const altered = Matcher.load({ ...m.serialize(), tables: base64Encode(packCore(core)) });
    expect(altered.tables.fail[s]).toBe(0);
    expect(m.tables.fail[s]).not.toBe(0);
    expect(buildStats.builds).toBeGreaterThan(0);
  });

  it('rejects malformed input with a clear error', () => {
    const s = Matcher.compile([{ entry: 0, text: 'TTP', caseRule: 'exact' }]).serialize();
    expect(() => Matcher.load({ ...s, format: 2 as 1 })).toThrow(/format/);
    expect(() => Matcher.load({ ...s, tables: 'AAAA' })).toThrow(/matcher tables/);
    expect(() => Matcher.load({ ...s, tables: s.tables.slice(0, 40) })).toThrow(/matcher tables|base64/);
    expect(() => Matcher.load({ ...s, tables: '#' + s.tables.slice(1) })).toThrow(/base64/);
    expect(() => Matcher.load({ ...s, terms: [] })).toThrow(/terms/);
    expect(() => Matcher.load(null as never)).toThrow(/format/);
  });

  it('compile copies its input: later edits to the caller’s terms do not change the matcher', () => {
    const terms = [{ entry: 0, text: 'TTP', caseRule: 'exact' as const, requires: [1] }];
    const m = Matcher.compile(terms);
    terms[0]!.text = 'XYZ';
    terms[0]!.requires.push(2);
    expect(m.terms[0]).toEqual({ entry: 0, text: 'TTP', caseRule: 'exact', requires: [1] });
  });
});

describe('large glossary', () => {
  it('5,000 terms: same hits as the reference on news-like text, with and without dense rows', () => {
    const terms = syntheticGlossary(5000, 11);
    const text = syntheticText(4000, terms, 12);
    const expected = referenceScan(terms, text);
    expect(expected.length).toBeGreaterThan(20);
    expect(Matcher.compile(terms).scan(text)).toEqual(expected);
    expect(Matcher.compile(terms, { denseBudget: 0 }).scan(text)).toEqual(expected);
  }, 120_000);
});
