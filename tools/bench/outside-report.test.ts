import { describe, expect, it } from 'vitest';
import type { OutsideRow } from './outside-pages.js';
import { type ChromiumRun, chromiumRow, median, pairedAdded, placeSection, SECTION_BEGIN, SECTION_END, targets } from './outside-report.js';

const row = (id: string, marks = true): OutsideRow => ({ id, label: id, path: `/rows/${id}.html`, glossary: 'real', marks, extraSettleMs: 0, bytes: 1024 });
const run = (totalMs: number, over: Partial<ChromiumRun> = {}): ChromiumRun => ({
  totalMs,
  wallMs: totalMs,
  parts: { style: 0, layout: 0, paint: 0, script: totalMs, gc: 0, other: 0 },
  longTasks: 0,
  longTasksWithExtension: 0,
  extensionScriptMs: 0,
  heapMB: 10,
  ...over,
});

describe('median and pairedAdded', () => {
  it('take the median of paired differences, skipping missing values', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(pairedAdded([10, 20, 30], [1, 2, 100], (x) => x)).toBe(9);
    expect(pairedAdded([{ v: null }, { v: 5 }], [{ v: 1 }, { v: 1 }], (x) => x.v)).toBe(4);
  });
});

describe('targets', () => {
  it('passes and fails each must-show figure from the rows', () => {
    const clean = [run(200), run(210), run(190)];
    const guardian = chromiumRow(row('none-guardian', false), [run(203), run(214), run(193)], clean, [], 'n/a');
    const small = chromiumRow(row('topic-small'), [run(230), run(240), run(220)], clean, [20, 30, null], []);
    const wiki = chromiumRow(
      row('wiki-ttp80'),
      [run(230, { heapMB: 11 }), run(240, { heapMB: 11 }), run(250, { heapMB: 13, longTasks: 1, longTasksWithExtension: 1 })],
      clean,
      [40, 45, 60],
      [1500, 1600, 1400].map((t) => ({ run: run(t), ms: t - 100, hits: 1360 })),
    );
    expect(guardian.addedMs).toBe(3);
    expect(small.firstFrameMs).toBe(25);
    expect(wiki.markjs?.addedMs).toBe(1300);
    const t = targets([guardian, small, wiki]);
    const met = Object.fromEntries(t.map((x) => [x.what.replace(/^.*: /, ''), x.pass]));
    expect(met['added main-thread ≤ 5 ms']).toBe(true);
    expect(met['added ≤ 10 ms']).toBe(false);
    expect(met['added ≤ 40 ms incl. style and paint']).toBe(true);
    expect(met['≥ 35× less than mark.js (added ms)']).toBe(true); // 1300 / 30
    expect(met['JS heap added ≤ 2 MB']).toBe(true);
    expect(t.find((x) => x.what.startsWith('first marked frame'))?.pass).toBe(true); // medians 25 and 45
    expect(t.find((x) => x.what.startsWith('0 long tasks'))?.pass).toBe(false);
  });
});

describe('targets from this build only', () => {
  it('leaves --base rows out and reads a mark.js that hit the cap as a lower bound', () => {
    const clean = [run(200), run(210), run(190)];
    const wiki = chromiumRow(row('wiki-ttp80'), [run(300), run(310), run(290)], clean, [40, 45, 50], [run(900), run(900)].map((r) => ({ run: r, ms: null, hits: null })));
    const base = chromiumRow({ ...row('wiki-ttp80-base'), glossary: 'base' }, [run(400)], [run(200)], [900, 900, 900], 'n/a (base or variant row)');
    const t = targets([base, wiki]);
    const first = t.find((x) => x.what.startsWith('first marked frame'))!;
    expect(first.measured).toBe('45.0 ms (wiki-ttp80)');
    expect(first.pass).toBe(true);
    const ratio = t.find((x) => x.what.includes('mark.js'))!;
    expect(ratio.measured).toBe('≥ 600× (mark.js still running at the 60 s cap)'); // 60,000 / 100
    expect(ratio.pass).toBe(true);
  });
});

describe('placeSection', () => {
  it('inserts after the title once, then replaces between the markers', () => {
    const once = placeSection('# Bench results\n\ninside table\n', 'A');
    expect(once).toBe(`# Bench results\n\n${SECTION_BEGIN}\nA\n${SECTION_END}\n\ninside table\n`);
    expect(placeSection(once, 'B')).toBe(`# Bench results\n\n${SECTION_BEGIN}\nB\n${SECTION_END}\n\ninside table\n`);
  });
});
