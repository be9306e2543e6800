// One prefilter question in flight: changes made while one is pending are asked about together, after it, with
// their text as it is then; a "maybe" ends the queue; a failed question counts as "maybe".
import { describe, expect, it, vi } from 'vitest';
import { prefilterQueue } from './prefilter-queue.js';

/** A controllable `ask`: every question waits until answered by hand. */
function asker() {
  const asked: string[] = [];
  const waiting: Array<{ resolve: (v: boolean) => void; reject: (e: unknown) => void }> = [];
  const ask = (text: string) =>
    new Promise<boolean>((resolve, reject) => {
      asked.push(text);
      waiting.push({ resolve, reject });
    });
  const answer = async (v: boolean | Error) => {
    const w = waiting.shift()!;
    if (v instanceof Error) w.reject(v);
    else w.resolve(v);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, ask, answer, pending: () => waiting.length };
}

/** Blocks are names; their "text" is looked up when a question is asked (the latest text wins). */
function setup() {
  const text = new Map<string, string>();
  const a = asker();
  const answers: Array<[boolean, boolean]> = [];
  const q = prefilterQueue<string>((blocks) => [...blocks].map((b) => text.get(b) ?? '').join('\n'), a.ask, (maybe, first) => answers.push([maybe, first]));
  return { text, a, answers, q };
}

describe('prefilterQueue', () => {
  it('keeps one question in flight and asks about everything changed meanwhile in one question, as it is then', async () => {
    const { text, a, answers, q } = setup();
    q.addText('the whole page');
    text.set('p1', 'first').set('p2', 'second');
    q.add(['p1']);
    q.add(['p2', 'p1']);
    text.set('p1', 'first, changed again');
    expect(a.asked).toEqual(['the whole page']);
    await a.answer(false);
    expect(answers).toEqual([[false, true]]);
    expect(a.asked).toEqual(['the whole page', 'first, changed again\nsecond']);
    q.add(['p2']);
    q.add(['p2']);
    await a.answer(false);
    expect(a.asked).toHaveLength(3);
    expect(a.asked[2]).toBe('second');
    await a.answer(false);
    expect(answers).toEqual([
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(a.pending()).toBe(0);
  });

  it('stops at the first "maybe": what was waiting is not asked', async () => {
    const { text, a, answers, q } = setup();
    q.addText('page');
    text.set('p1', 'x');
    q.add(['p1']);
    await a.answer(true);
    expect(answers).toEqual([[true, true]]);
    expect(a.asked).toEqual(['page']);
    q.add(['p1']);
    expect(a.asked).toEqual(['page']);
  });

  it('counts a failed question as "maybe"', async () => {
    const { a, answers, q } = setup();
    q.addText('page');
    await a.answer(new Error('no background'));
    expect(answers).toEqual([[true, true]]);
  });

  it('asks about a page even when empty, never about changed blocks without text', async () => {
    const { a, q } = setup();
    q.addText('');
    expect(a.asked).toEqual(['']);
    await a.answer(false);
    q.add(['empty']);
    expect(a.asked).toEqual(['']);
  });

  it('after stop() asks and calls nothing, also when a pending question answers', async () => {
    const { text, a, answers, q } = setup();
    q.addText('page');
    text.set('p1', 'x');
    q.add(['p1']);
    q.stop();
    await a.answer(true);
    expect(answers).toEqual([]);
    expect(a.asked).toEqual(['page']);
  });

  it('with a gap, waits that long after the last question and asks about everything changed meanwhile at once', async () => {
    vi.useFakeTimers();
    try {
      const text = new Map([['u1', 'update one'], ['u2', 'update two'], ['u3', 'update three']]);
      const a = asker();
      const answers: boolean[] = [];
      const q = prefilterQueue<string>((blocks) => [...blocks].map((b) => text.get(b)!).join('\n'), a.ask, (maybe) => answers.push(maybe), 500);
      q.addText('the whole page');
      const answer = async () => {
        a.answer(false);
        await vi.advanceTimersByTimeAsync(0);
      };
      await answer();
      q.add(['u1']); // answered at once, but within the gap: waits
      await vi.advanceTimersByTimeAsync(100);
      q.add(['u2']);
      expect(a.asked).toEqual(['the whole page']);
      await vi.advanceTimersByTimeAsync(400);
      expect(a.asked).toEqual(['the whole page', 'update one\nupdate two']);
      await answer();
      await vi.advanceTimersByTimeAsync(600); // quiet for longer than the gap: the next change is asked at once
      q.add(['u3']);
      expect(a.asked).toHaveLength(3);
      await answer();
      q.add(['u1']);
      q.stop(); // a waiting question is dropped
      await vi.advanceTimersByTimeAsync(1000);
      expect(a.asked).toHaveLength(3);
      expect(answers).toEqual([false, false, false]);
    } finally {
      vi.useRealTimers();
    }
  });
});
