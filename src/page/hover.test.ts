// The hover state machine (dwell, grace, noise, Esc) with a fake document and card: no DOM needed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardController } from './card-api.js';
import { CardEvents } from './card-events.js';
import { GRACE_MS, HoverController, type HoverTarget } from './hover.js';

type Listener = (e: unknown) => void;

function setup(delayMs = 200) {
  const listeners = new Map<string, Listener>();
  let frameCb: (() => void) | null = null;
  const view = {
    requestAnimationFrame: (cb: () => void) => ((frameCb = cb), 1),
    cancelAnimationFrame: () => void (frameCb = null),
  };
  const doc = {
    defaultView: view,
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as Document;
  const host = {} as HTMLElement;
  const events = new CardEvents();
  const card = {
    visible: false as boolean,
    pinned: false as boolean,
    entryId: null as string | null,
    events,
    onPointerEnter: (fn: () => void) => events.on('pointerenter', fn),
    onPointerLeave: (fn: () => void) => events.on('pointerleave', fn),
    onClose: (fn: () => void) => events.on('close', fn),
    onHide: (fn: () => void) => events.on('hide', fn),
    hostElement: host,
    show: vi.fn((id: string, _anchor: unknown, _options: unknown) => {
      card.visible = true;
      card.entryId = id;
    }),
    hide: vi.fn(() => {
      card.visible = false;
      card.entryId = null;
    }),
    destroy: vi.fn(),
  } satisfies CardController & Record<string, unknown>;
  const marks = new Map<string, HoverTarget>();
  const target = (id: string): HoverTarget => {
    let t = marks.get(id);
    if (!t) marks.set(id, (t = { key: {}, entryId: id, anchor: { getBoundingClientRect: () => ({}) as DOMRect, getClientRects: () => [] } }));
    return t;
  };
  // x < 100: over mark "a"; 100..199: over mark "b"; else nothing (`layout` renames them after a swap).
  const layout = { left: 'a', right: 'b' };
  const hit = (x: number) => (x < 100 ? target(layout.left) : x < 200 ? target(layout.right) : null);
  /** The engine swapped in new marks: new keys (and entries) where the old ones were; `carried` maps old → new. */
  const swapMarks = (left: string, right: string) => {
    const old = new Map([...marks.values()].map((t) => [t.key, t.entryId]));
    marks.clear();
    Object.assign(layout, { left, right });
    return (key: object) => {
      const id = old.get(key);
      return id !== undefined && (id === left || id === right) ? target(id).key : undefined;
    };
  };
  const frame = () => {
    const cb = frameCb;
    frameCb = null;
    cb?.();
  };
  const ctrl = new HoverController(doc, card, (x) => hit(x), (t) => card.show(t.entryId, t.anchor, { reason: 'hover' }), delayMs);
  const move = (x: number, extra: Record<string, unknown> = {}) => {
    listeners.get('pointermove')!({ isTrusted: true, pointerType: 'mouse', buttons: 0, clientX: x, clientY: 10, target: null, composedPath: () => [], ...extra });
    const cb = frameCb;
    frameCb = null;
    cb?.();
  };
  const inCard = () => move(500, { target: host, composedPath: () => [host] });
  return { ctrl, card, move, inCard, swapMarks, frame };
}

describe('HoverController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows after the dwell, not before', () => {
    const { card, move } = setup(200);
    move(50);
    vi.advanceTimersByTime(199);
    expect(card.show).not.toHaveBeenCalled();
    move(53); // small moves over the same mark do not restart the dwell
    vi.advanceTimersByTime(1);
    expect(card.show).toHaveBeenCalledTimes(1);
    expect(card.entryId).toBe('a');
  });

  it('ignores a pointer that only crosses a mark, touch, and moves with a button down', () => {
    const { card, move } = setup(200);
    move(50);
    vi.advanceTimersByTime(100);
    move(300); // left before the dwell
    vi.advanceTimersByTime(500);
    move(150, { pointerType: 'touch' });
    vi.advanceTimersByTime(500);
    move(60, { buttons: 1 }); // selecting text
    vi.advanceTimersByTime(500);
    expect(card.show).not.toHaveBeenCalled();
  });

  it('ignores pointer events a page script dispatched (isTrusted false)', () => {
    const { card, move } = setup(200);
    move(50, { isTrusted: false });
    vi.advanceTimersByTime(500);
    move(52, { isTrusted: false });
    vi.advanceTimersByTime(500);
    expect(card.show).not.toHaveBeenCalled();
  });

  it('hides after the grace period, unless the pointer reaches the card', () => {
    const { card, move, inCard } = setup(0);
    move(50);
    vi.advanceTimersByTime(0);
    expect(card.visible).toBe(true);
    move(300); // off the mark, towards the card
    vi.advanceTimersByTime(GRACE_MS - 50);
    inCard();
    vi.advanceTimersByTime(1000);
    expect(card.visible).toBe(true);
    move(320); // out of the card onto the page
    vi.advanceTimersByTime(GRACE_MS);
    expect(card.hide).toHaveBeenCalled();
    expect(card.visible).toBe(false);
  });

  it('listens to the card through subscriptions: pointer in the card holds it open, destroy unsubscribes', () => {
    const { ctrl, card, move } = setup(0);
    move(50);
    vi.advanceTimersByTime(0);
    move(300); // off the mark: grace starts
    card.events.emit('pointerenter'); // the card says the pointer is in it
    vi.advanceTimersByTime(GRACE_MS * 3);
    expect(card.visible).toBe(true);
    card.events.emit('pointerleave');
    vi.advanceTimersByTime(GRACE_MS);
    expect(card.visible).toBe(false);
    ctrl.destroy();
    card.visible = true;
    card.events.emit('pointerleave'); // no listener left: nothing schedules a hide
    vi.advanceTimersByTime(GRACE_MS * 3);
    expect(card.hide).toHaveBeenCalledTimes(1);
  });

  it('moving to another mark switches after a new dwell; a pinned card stays', () => {
    const { card, move } = setup(100);
    move(50);
    vi.advanceTimersByTime(100);
    move(150);
    vi.advanceTimersByTime(100);
    expect(card.entryId).toBe('b');
    card.pinned = true;
    move(400);
    vi.advanceTimersByTime(2000);
    expect(card.visible).toBe(true);
  });

  it('after Esc the mark under the pointer stays quiet until the pointer leaves it', () => {
    const { ctrl, card, move } = setup(0);
    move(50);
    vi.advanceTimersByTime(0);
    card.hide();
    ctrl.closed();
    move(55);
    vi.advanceTimersByTime(500);
    expect(card.show).toHaveBeenCalledTimes(1);
    move(300);
    move(50);
    vi.advanceTimersByTime(0);
    expect(card.show).toHaveBeenCalledTimes(2);
  });

  it('a dwell pending when the marks are swapped opens the new mark under the pointer, never the old one', () => {
    const { ctrl, card, move, swapMarks, frame } = setup(200);
    move(50);
    vi.advanceTimersByTime(100);
    // A new glossary: where "a" was, entry "c" now (indices shifted); nothing is carried over.
    ctrl.remap(swapMarks('c', 'b'));
    vi.advanceTimersByTime(500);
    expect(card.show).not.toHaveBeenCalled(); // the old dwell is gone
    frame(); // hit-tested again on the new marks, without the pointer moving
    vi.advanceTimersByTime(200);
    expect(card.show).toHaveBeenCalledTimes(1);
    expect(card.entryId).toBe('c');
  });

  it('marks cleared: the pending dwell goes and nothing is shown for a mark that is gone', () => {
    const { ctrl, card, move, swapMarks, frame } = setup(200);
    move(250); // nothing under the pointer
    move(50);
    swapMarks('a', 'b');
    ctrl.remap(() => undefined);
    Object.assign(card, { visible: false });
    vi.advanceTimersByTime(500);
    expect(card.show).not.toHaveBeenCalled();
    frame();
    vi.advanceTimersByTime(200);
    expect(card.show).toHaveBeenCalledTimes(1); // the mark now at the pointer (a new key), after its own dwell
  });

  it("a swap keeps Esc's quiet on the carried mark, and the shown card's mark", () => {
    const { ctrl, card, move, swapMarks } = setup(0);
    move(50);
    vi.advanceTimersByTime(0);
    card.hide();
    ctrl.closed();
    ctrl.remap(swapMarks('a', 'b')); // the same entries: "a" carried to its new mark
    move(55);
    vi.advanceTimersByTime(500);
    expect(card.show).toHaveBeenCalledTimes(1); // still quiet
    move(150);
    vi.advanceTimersByTime(0);
    expect(card.entryId).toBe('b');
    ctrl.remap(swapMarks('a', 'b'));
    move(155); // the same mark, carried: the shown card is not reopened
    vi.advanceTimersByTime(500);
    expect(card.show).toHaveBeenCalledTimes(2);
  });

  it('a card opened by keyboard is not closed by pointer movement', () => {
    const { ctrl, card, move } = setup(0);
    card.visible = true;
    ctrl.shownElsewhere();
    move(300);
    vi.advanceTimersByTime(2000);
    expect(card.hide).not.toHaveBeenCalled();
  });
});
