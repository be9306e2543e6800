import { describe, expect, it } from 'vitest';
import { parseMessage, parseReply } from './protocol.js';
import { isPrefilterReply } from './protocol-bootstrap.js';

describe('testPrefilter with the page glossary (issue 13: no getGlossary after the prefilter)', () => {
  const glossary = { json: '{"version":1}', partial: true };
  it('takes `glossary: true` in a request and refuses any other value there', () => {
    expect(parseMessage({ type: 'testPrefilter', payload: { text: 'a', active: true, glossary: true } })).not.toBeNull();
    for (const bad of [false, 1, 'yes', null, {}]) expect(parseMessage({ type: 'testPrefilter', payload: { text: 'a', glossary: bad } })).toBeNull();
  });
  it('takes a "maybe" with a getGlossary reply, and refuses a malformed glossary or one with a "no"', () => {
    expect(parseReply('testPrefilter', { maybe: true, glossary })).toEqual({ maybe: true, glossary });
    expect(parseReply('testPrefilter', { maybe: true })).toEqual({ maybe: true });
    expect(isPrefilterReply({ maybe: true, glossary })).toBe(true);
    for (const bad of [{ maybe: false, glossary }, { maybe: true, glossary: 'x' }, { maybe: true, glossary: null }, { maybe: true, more: 1 }]) {
      expect(parseReply('testPrefilter', bad)).toBeNull();
      expect(isPrefilterReply(bad)).toBe(false);
    }
    // The bootstrap checks only the shape around it (its validators stay small); engine.js checks the glossary itself.
    expect(parseReply('testPrefilter', { maybe: true, glossary: { json: 1 } })).toBeNull();
    expect(parseReply('getGlossary', { json: 1 })).toBeNull();
  });
});
