import { describe, expect, it } from 'vitest';
import { firstBelow, IDLE_SLICE_BUDGET_MS, paintHoldMs, SLICE_BUDGET_MS, SliceClock, sliceBudgetAfter, viewportFirstOrder, yieldToMain } from './scheduling.js';

describe('viewportFirstOrder', () => {
  it('goes down from the viewport, then up nearest first', () => {
    expect(viewportFirstOrder(6, 3)).toEqual([3, 4, 5, 2, 1, 0]);
    expect(viewportFirstOrder(3, 0)).toEqual([0, 1, 2]);
    expect(viewportFirstOrder(3, 9)).toEqual([2, 1, 0]);
    expect(viewportFirstOrder(0, 0)).toEqual([]);
  });
});

describe('firstBelow', () => {
  it('binary-searches the first item reaching the viewport top', () => {
    const bottoms = [-500, -300, -10, 20, 400, 900];
    const calls: number[] = [];
    const at = firstBelow(bottoms.length, 0, (i) => (calls.push(i), bottoms[i]!));
    expect(at).toBe(3);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(firstBelow(bottoms.length, -1000, (i) => bottoms[i]!)).toBe(0);
    expect(firstBelow(bottoms.length, 5000, (i) => bottoms[i]!)).toBe(6);
  });
});

describe('SliceClock', () => {
  it('expires after the budget, checking the clock only every N calls', () => {
    let t = 0;
    let reads = 0;
    const clock = new SliceClock(() => (reads++, t), 8, 4);
    clock.start();
    t = 10;
    expect([clock.expired(), clock.expired(), clock.expired()]).toEqual([false, false, false]);
    expect(clock.expired()).toBe(true);
    expect(reads).toBe(2);
    expect(clock.expiredNow()).toBe(true);
  });
});

describe('yieldToMain', () => {
  it('resumes in order', async () => {
    const seen: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldToMain().then(() => seen.push(n))));
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('paintHoldMs', () => {
  it('holds nothing after a fast frame, twice a slow frame after it, capped', () => {
    expect(paintHoldMs(16)).toBe(0);
    expect(paintHoldMs(50)).toBe(0);
    expect(paintHoldMs(51)).toBe(102);
    expect(paintHoldMs(600)).toBe(1200);
    expect(paintHoldMs(60_000)).toBe(3000);
    expect(paintHoldMs(Number.NaN)).toBe(0);
  });
});

describe('sliceBudgetAfter', () => {
  it('doubles the budget after a yield that came back at once, keeps it when the page had work waiting', () => {
    expect(sliceBudgetAfter(0.2)).toBe(IDLE_SLICE_BUDGET_MS);
    expect(sliceBudgetAfter(4)).toBe(SLICE_BUDGET_MS);
    expect(IDLE_SLICE_BUDGET_MS).toBeLessThanOrEqual(16);
  });
});
