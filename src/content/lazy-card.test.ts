import { describe, expect, it, vi } from 'vitest';
import type { ReportMeta } from '../core/glossary-types.js';
import { DEFAULT_SETTINGS } from '../core/settings/schema.js';
import type { CardAnchor } from '../page/card-api.js';
import { CardEvents } from '../page/card-events.js';
import type { CardHost, CardHostOptions } from '../page/card-host.js';
import { LazyCard, type CardModule } from './lazy-card.js';

/** A stand-in for the real card: records what it was told and lets the test fire its events. */
function fakeModule() {
  const made: { opts: CardHostOptions; shown: string[]; hidden: number; events: CardEvents }[] = [];
  const mod: CardModule = {
    createCard(opts) {
      const events = new CardEvents();
      const rec = { opts, shown: [] as string[], hidden: 0, events };
      made.push(rec);
      const card = {
        show: (id: string) => void rec.shown.push(id),
        hide: () => void rec.hidden++,
        update: (settings: typeof DEFAULT_SETTINGS, _g: unknown, report?: ReportMeta) =>
          void (rec.opts = { ...rec.opts, settings, ...(report ? { report } : {}) }),
        destroy: () => {},
        onPointerEnter: (l: () => void) => events.on('pointerenter', l),
        onPointerLeave: (l: () => void) => events.on('pointerleave', l),
        onClose: (l: () => void) => events.on('close', l),
        onHide: (l: () => void) => events.on('hide', l),
        visible: true,
        pinned: false,
        entryId: null,
        hostElement: null,
      };
      return card as unknown as CardHost;
    },
  };
  return { mod, made };
}

const opts = { settings: DEFAULT_SETTINGS } as unknown as CardHostOptions;
const anchor = {} as CardAnchor;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('LazyCard', () => {
  it('loads nothing until the first show, then shows the latest asked-for entry once', async () => {
    const { mod, made } = fakeModule();
    const load = vi.fn(() => Promise.resolve(mod));
    const card = new LazyCard(opts, load);
    expect(load).not.toHaveBeenCalled();
    card.show('ttp', anchor, { reason: 'hover' });
    card.show('kabul', anchor, { reason: 'hover' });
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(made).toHaveLength(1);
    expect(made[0]!.shown).toEqual(['kabul']);
  });

  it('a hide while loading cancels the pending show', async () => {
    const { mod, made } = fakeModule();
    const card = new LazyCard(opts, () => Promise.resolve(mod));
    card.show('ttp', anchor, { reason: 'hover' });
    card.hide();
    await flush();
    expect(made[0]!.shown).toEqual([]);
  });

  it('forwards the real card events to listeners subscribed before it loaded, until they unsubscribe', async () => {
    const { mod, made } = fakeModule();
    const card = new LazyCard(opts, () => Promise.resolve(mod));
    const closed = vi.fn();
    const off = card.onClose(closed);
    card.show('ttp', anchor, { reason: 'keyboard' });
    await flush();
    made[0]!.events.emit('close');
    expect(closed).toHaveBeenCalledTimes(1);
    off();
    made[0]!.events.emit('close');
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('hands settings given before the load to the real card', async () => {
    const { mod, made } = fakeModule();
    const card = new LazyCard(opts, () => Promise.resolve(mod));
    const changed = { ...DEFAULT_SETTINGS, badge: !DEFAULT_SETTINGS.badge };
    card.update(changed);
    card.show('ttp', anchor, { reason: 'hover' });
    await flush();
    expect(made[0]!.opts.settings).toBe(changed);
  });

  it("hands the report's metadata to the card, before and after the load (glossaries switched: another first report)", async () => {
    const { mod, made } = fakeModule();
    const card = new LazyCard(opts, () => Promise.resolve(mod));
    const before = { title: 'Made report' } as ReportMeta;
    card.update(DEFAULT_SETTINGS, undefined, before);
    card.show('ttp', anchor, { reason: 'hover' });
    await flush();
    expect(made[0]!.opts.report).toBe(before);
    const after = { title: 'Bundled report' } as ReportMeta;
    card.update(DEFAULT_SETTINGS, undefined, after);
    expect(made[0]!.opts.report).toBe(after);
  });

  it('a module that fails to load leaves no card and no error thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const card = new LazyCard(opts, () => Promise.reject(new Error('extension reloaded')));
    card.show('ttp', anchor, { reason: 'hover' });
    await flush();
    expect(card.visible).toBe(false);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('LazyCard with card text asked on show', () => {
  it('shows an entry only once its text is there; a later show or a hide meanwhile wins', async () => {
    const { mod, made } = fakeModule();
    const waits = new Map<string, () => void>();
    const prepare = (id: string) => (id === 'ready' ? null : new Promise<void>((r) => waits.set(id, r)));
    const card = new LazyCard(opts, () => Promise.resolve(mod), prepare);
    card.show('ttp', anchor, { reason: 'hover' });
    await flush();
    expect(made[0]!.shown).toEqual([]);
    waits.get('ttp')!();
    await flush();
    expect(made[0]!.shown).toEqual(['ttp']);
    card.show('kabul', anchor, { reason: 'hover' });
    card.hide();
    waits.get('kabul')!();
    await flush();
    expect(made[0]!.shown).toEqual(['ttp']);
    card.show('swat', anchor, { reason: 'hover' });
    card.show('ready', anchor, { reason: 'hover' }); // here already: at once, and the older show is dropped
    waits.get('swat')!();
    await flush();
    expect(made[0]!.shown).toEqual(['ttp', 'ready']);
  });
});
