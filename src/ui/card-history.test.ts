import { describe, expect, it } from 'vitest';
import { canGoBack, popHistory, pushHistory, startHistory } from './card-history.js';

describe('card history', () => {
  it('pushes related entries and pops back in order', () => {
    let h = startHistory('ttp');
    expect(canGoBack(h)).toBe(false);
    h = pushHistory(h, 'noor-wali-mehsud');
    h = pushHistory(h, 'afghan-taliban');
    expect(h).toEqual({ back: ['ttp', 'noor-wali-mehsud'], current: 'afghan-taliban' });
    expect(canGoBack(h)).toBe(true);
    h = popHistory(h);
    expect(h.current).toBe('noor-wali-mehsud');
    h = popHistory(h);
    expect(h).toEqual({ back: [], current: 'ttp' });
    expect(popHistory(h)).toBe(h);
  });
  it('ignores navigating to the entry already shown', () => {
    const h = startHistory('ttp');
    expect(pushHistory(h, 'ttp')).toBe(h);
  });
  it('keeps at most `limit` entries behind', () => {
    let h = startHistory('e0');
    for (let i = 1; i <= 10; i++) h = pushHistory(h, `e${i}`, 3);
    expect(h).toEqual({ back: ['e7', 'e8', 'e9'], current: 'e10' });
  });
  it('does not mutate earlier values', () => {
    const a = pushHistory(startHistory('a'), 'b');
    const b = pushHistory(a, 'c');
    popHistory(b);
    expect(a).toEqual({ back: ['a'], current: 'b' });
    expect(b).toEqual({ back: ['a', 'b'], current: 'c' });
  });
});
