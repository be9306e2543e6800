import { describe, expect, it, vi } from 'vitest';
import { CardEvents } from './card-events.js';

describe('CardEvents', () => {
  it('calls every listener of a type, and only of that type', () => {
    const ev = new CardEvents();
    const a = vi.fn();
    const b = vi.fn();
    const other = vi.fn();
    ev.on('close', a);
    ev.on('close', b);
    ev.on('pointerenter', other);
    ev.emit('close');
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('unsubscribe removes that subscription only', () => {
    const ev = new CardEvents();
    const fn = vi.fn();
    const off1 = ev.on('pointerleave', fn);
    ev.on('pointerleave', fn);
    off1();
    off1();
    ev.emit('pointerleave');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('a listener that unsubscribes another during emit does not break the emit', () => {
    const ev = new CardEvents();
    const second = vi.fn();
    let offSecond = () => {};
    ev.on('close', () => offSecond());
    offSecond = ev.on('close', second);
    ev.emit('close');
    expect(second).toHaveBeenCalledTimes(1);
    ev.emit('close');
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('clear drops everything', () => {
    const ev = new CardEvents();
    const fn = vi.fn();
    ev.on('close', fn);
    ev.clear();
    ev.emit('close');
    expect(fn).not.toHaveBeenCalled();
  });
});
