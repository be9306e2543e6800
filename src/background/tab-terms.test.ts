import { describe, expect, it } from 'vitest';
import {
  badgeText,
  parseTabMap,
  removeFrame,
  removeTab,
  setFrame,
  setFrameIfAbsent,
  startLoading,
  summarize,
  takePreviousFrames,
  type FrameReport,
  type TabMap,
} from './tab-terms.js';

const report = (terms: [string, number][] | null, extra: Partial<FrameReport> = {}): FrameReport => ({
  terms: terms && terms.map(([id, count]) => ({ id, count })),
  count: terms ? terms.length : 0,
  active: true,
  host: 'news.example',
  ...extra,
});

describe('tab term map', () => {
  it('sums frames: counts add up, distinct ids once, frames listed top first', () => {
    let m: TabMap = {};
    m = setFrame(m, 7, 3, report([['ttp', 2]], { host: 'ads.example' }));
    m = setFrame(m, 7, 0, report([['ttp', 5], ['siraj-haqqani', 1]]));
    const s = summarize(m[7]);
    expect(s.host).toBe('news.example');
    expect(s.active).toBe(true);
    expect(s.count).toBe(2);
    expect(s.terms).toEqual([
      { id: 'ttp', count: 7, frameIds: [0, 3] },
      { id: 'siraj-haqqani', count: 1, frameIds: [0] },
    ]);
  });

  it('a frame that replaces its report replaces its terms; inactive frames count nothing', () => {
    let m: TabMap = {};
    m = setFrame(m, 1, 0, report([['ttp', 5]]));
    m = setFrame(m, 1, 0, report([], { active: false }));
    expect(summarize(m[1])).toEqual({ host: 'news.example', active: false, terms: [], count: 0 });
  });

  it('counts frames that sent only a count', () => {
    let m: TabMap = {};
    m = setFrame(m, 1, 0, { terms: null, count: 4, active: null, host: 'a.example' });
    m = setFrame(m, 1, 2, report([['ttp', 1]]));
    expect(summarize(m[1]).count).toBe(5);
    expect(summarize(m[1]).active).toBe(true);
  });

  it('forgets a loading tab but remembers which frames to ask again', () => {
    let m: TabMap = {};
    m = setFrame(m, 1, 0, report([['ttp', 5]]));
    m = setFrame(m, 1, 4, report([['ttp', 1]]));
    m = startLoading(m, 1);
    expect(summarize(m[1]).count).toBe(0);
    m = setFrame(m, 1, 0, report([['usip', 1]])); // the new page reported before "complete"
    const taken = takePreviousFrames(m, 1);
    expect(taken.frameIds).toEqual([4]);
    expect(takePreviousFrames(taken.map, 1).frameIds).toEqual([]);
    m = removeFrame(taken.map, 1, 4);
    expect(summarize(m[1]).terms.map((t) => t.id)).toEqual(['usip']);
    expect(removeTab(m, 1)).toEqual({});
    expect(summarize(undefined)).toEqual({ host: null, active: null, terms: [], count: 0 });
  });

  it("an answer to our question never replaces the frame's own report (it may have been computed before it)", () => {
    let m: TabMap = {};
    m = setFrame(m, 1, 0, report([], { active: true })); // the frame's prefilter "no": active, nothing marked
    m = setFrameIfAbsent(m, 1, 0, report([], { active: false })); // our listPageTerms, answered before it decided
    expect(m[1]!.frames[0]!.active).toBe(true);
    m = setFrameIfAbsent(m, 1, 2, report([['ttp', 1]])); // a frame that never reported: its answer is recorded
    expect(summarize(m[1]).terms.map((t) => t.id)).toEqual(['ttp']);
  });

  it('shows badge text only for a positive count, capped', () => {
    expect([0, 1, 42, 999, 1000].map(badgeText)).toEqual(['', '1', '42', '999', '999+']);
  });

  it('drops anything malformed found in session storage', () => {
    expect(parseTabMap(null)).toEqual({});
    expect(parseTabMap({ x: {}, 3: { frames: {}, previousFrames: [1, 'a'] } })).toEqual({ 3: { frames: {}, previousFrames: [1] } });
    const good = report([['ttp', 2]]);
    expect(parseTabMap({ 3: { frames: { 0: good, 1: { count: 'x' }, y: good }, previousFrames: [] } })).toEqual({
      3: { frames: { 0: good }, previousFrames: [] },
    });
  });
});
