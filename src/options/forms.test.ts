// The pure forms alone, in node without a DOM: a form component is a function of (value, onChange, t) that
// returns a vnode tree; these tests walk the tree, find controls by name/label as a person would, fire their
// handlers with a fake event, and check the Settings the form reports. (Hook-using children — the preview and
// the pattern lists — are left unexpanded here; the e2e tests cover them in a real page.)
import type { ComponentChild, VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/schema.js';
import { AppearanceForm } from './AppearanceForm.js';
import { DataPanel, type DataPanelProps } from './DataPanel.js';
import { GlossaryForm } from './GlossaryForm.js';
import { englishT as t } from '../../tests/support/i18n.js';
import { SitesForm } from './SitesForm.js';

type Props = Record<string, unknown> & { children?: ComponentChild | ComponentChild[] };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const HOOK_COMPONENTS = new Set(['MarkPreview', 'PatternList', 'Preview']);

/** Expands function components without hooks and returns every element vnode in document order. */
function elements(node: ComponentChild, out: VNode<Props>[] = []): VNode<Props>[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, out));
  else if (node && typeof node === 'object' && 'type' in node) {
    const v = node as VNode<Props>;
    if (typeof v.type === 'function') {
      if (!HOOK_COMPONENTS.has(v.type.name)) elements((v.type as (p: Props) => ComponentChild)(v.props), out);
      else out.push(v);
    } else {
      out.push(v);
      elements(v.props.children ?? null, out);
    }
  }
  return out;
}
const text = (node: ComponentChild): string =>
  Array.isArray(node) ? node.map(text).join('') : typeof node === 'string' || typeof node === 'number' ? String(node)
    : node && typeof node === 'object' && 'props' in node ? text((node as VNode<Props>).props.children ?? null) : '';
const find = (tree: VNode<Props>[], pred: (v: VNode<Props>) => boolean) => {
  const found = tree.find(pred);
  if (!found) throw new Error('control not found');
  return found;
};
const fire = (v: VNode<Props>, handler: string, target: Record<string, unknown> = {}) =>
  (v.props[handler] as (e: unknown) => void)({ currentTarget: target, preventDefault() {} });

function appearance(value: Settings) {
  const seen: Settings[] = [];
  const tree = elements(AppearanceForm({ value, onChange: (s) => seen.push(s), t }));
  return { tree, seen };
}

describe('AppearanceForm (pure)', () => {
  it('shows the current style checked and reports a new style', () => {
    const { tree, seen } = appearance(DEFAULT_SETTINGS);
    const radios = tree.filter((v) => v.type === 'input' && v.props.name === 'mark-style');
    expect(radios.map((r) => [r.props.value, r.props.checked])).toEqual([['dotted', true], ['solid', false], ['wavy', false], ['background', false], ['none', false]]);
    fire(radios[3]!, 'onChange');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.marking.style).toBe('background');
    expect(seen[0]!.marking.colors).toEqual(DEFAULT_SETTINGS.marking.colors);
  });

  it('reports colours lower-cased, sliders as numbers, the mention mode, theme and skipping repeats', () => {
    const { tree, seen } = appearance(DEFAULT_SETTINGS);
    fire(find(tree, (v) => v.props.name === 'color-place'), 'onInput', { value: '#ABCDEF' });
    fire(find(tree, (v) => v.props.id === 'hover-delay'), 'onInput', { value: '650' });
    fire(find(tree, (v) => v.props.name === 'mentions' && v.props.value === 'paragraph'), 'onChange');
    fire(find(tree, (v) => v.props.name === 'theme'), 'onChange', { value: 'dark' });
    fire(find(tree, (v) => v.props.name === 'mentions' && v.props.value === 'every'), 'onChange');
    fire(find(tree, (v) => v.props.name === 'skip-repeats'), 'onChange', { checked: false });
    const place = DEFAULT_SETTINGS.marking.colors.place;
    expect(
      seen.map((s) => [s.marking.colors.place, s.hover.delayMs, s.marking.everyMention, s.marking.mentions, s.card.theme, s.keyboard.skipRepeats]),
    ).toEqual([
      ['#abcdef', 200, false, 'every', 'system', true],
      [place, 650, false, 'every', 'system', true],
      [place, 200, true, 'paragraph', 'system', true],
      [place, 200, false, 'every', 'dark', true],
      [place, 200, true, 'every', 'system', true],
      [place, 200, false, 'every', 'system', false],
    ]);
  });

  it('labels every slider and shows its value with the unit', () => {
    const { tree } = appearance({ ...clone(DEFAULT_SETTINGS), card: { width: 400, fontSize: 16, theme: 'light' } });
    const outputs = tree.filter((v) => v.type === 'output').map((v) => text(v));
    expect(outputs).toEqual(['200 ms', '400 px', '16 px']);
    for (const id of ['hover-delay', 'card-width', 'font-size']) expect(tree.some((v) => v.type === 'label' && v.props.for === id)).toBe(true);
  });
});

describe('SitesForm (pure)', () => {
  it('switches mode, language rule, iframes and undoes the rules made from cards', () => {
    const value = clone(DEFAULT_SETTINGS);
    value.meaningRules = [{ site: 'dawn.com', entry: 'ttp' }, { site: 'bbc.com', entry: 'kabul' }];
    value.entries.disabled = ['kabul'];
    const seen: Settings[] = [];
    const tree = elements(SitesForm({ value, onChange: (s) => seen.push(s), entryName: (id) => id.toUpperCase(), t }));
    fire(find(tree, (v) => v.props.name === 'site-mode' && v.props.value === 'only-listed'), 'onChange');
    fire(find(tree, (v) => v.props.name === 'languages'), 'onChange', { value: 'all' });
    fire(find(tree, (v) => v.props.name === 'iframes'), 'onChange', { checked: false });
    // In plain words, one line per rule.
    expect(tree.filter((v) => v.type === 'li' && v.props['data-rule']).map((v) => text(v.props.children ?? null))).toEqual([
      'KABUL is not marked on any siteMark again',
      'TTP is not marked on dawn.com (it means something else there)Mark again',
      'KABUL is not marked on bbc.com (it means something else there)Mark again',
    ]);
    fire(find(tree, (v) => v.type === 'button' && v.props['aria-label'] === 'Mark TTP again on dawn.com'), 'onClick');
    fire(find(tree, (v) => v.type === 'button' && v.props['aria-label'] === 'Mark KABUL again'), 'onClick');
    expect(seen[0]!.sites.mode).toBe('only-listed');
    expect(seen[1]!.sites.languages).toBe('all');
    expect(seen[2]!.sites.iframes).toBe(false);
    expect(seen[3]!.meaningRules).toEqual([{ site: 'bbc.com', entry: 'kabul' }]);
    expect(seen[4]!.entries.disabled).toEqual([]);
  });
});

describe('GlossaryForm (pure)', () => {
  it('lists entries with switches and badges and reports toggles, edits and deletes', () => {
    const calls: string[] = [];
    const tree = elements(
      GlossaryForm({
        items: [
          { id: 'own-x', name: 'X term', category: 'concept', aliases: ['X term'], definition: '<b>as text</b>', own: true, overridden: false, anchorOnly: false, enabled: true, categoryEnabled: true },
          { id: 'kabul', name: 'Kabul', category: 'place', aliases: ['Kabul'], definition: 'City.', own: false, overridden: true, anchorOnly: false, enabled: false, categoryEnabled: false },
        ],
        total: 40,
        offCategories: ['place'],
        filter: 'all',
        query: '',
        onFilter: (f) => calls.push(`filter ${f}`),
        onQuery: (q) => calls.push(`query ${q}`),
        onToggleCategory: (c, on) => calls.push(`cat ${c} ${on}`),
        onToggleEntry: (id, on) => calls.push(`entry ${id} ${on}`),
        onEdit: (id) => calls.push(`edit ${id}`),
        onDelete: (id) => calls.push(`delete ${id}`),
        onAdd: () => calls.push('add'),
        t,
      }),
    );
    expect(find(tree, (v) => v.props.name === 'category-place').props.checked).toBe(false);
    expect(text(find(tree, (v) => v.props.class === 'count'))).toBe('2 of 40 entries');
    const rows = tree.filter((v) => v.type === 'li');
    expect(rows.map((r) => text(r))).toEqual(['X termConceptsYours<b>as text</b>EditDelete', 'KabulPlacesChangedCategory offCity.Edit']);
    fire(find(tree, (v) => v.props['aria-label'] === 'Mark “Kabul”'), 'onChange', { checked: true });
    fire(find(tree, (v) => v.props.name === 'category-place'), 'onChange', { checked: true });
    fire(find(tree, (v) => v.props['aria-label'] === 'Edit “Kabul”'), 'onClick');
    fire(find(tree, (v) => v.props['aria-label'] === 'Delete “X term”'), 'onClick');
    fire(find(tree, (v) => v.props.name === 'entry-search'), 'onInput', { value: 'kab' });
    fire(find(tree, (v) => v.props['data-testid'] === 'add-entry'), 'onClick');
    expect(calls).toEqual(['entry kabul true', 'cat place true', 'edit kabul', 'delete own-x', 'query kab', 'add']);
    expect(tree.some((v) => v.props['aria-label'] === 'Delete “Kabul”')).toBe(false); // built-ins cannot be deleted
  });
});

describe('DataPanel (pure)', () => {
  const base: DataPanelProps = {
    importState: { kind: 'idle' }, resetState: { kind: 'idle' }, resetEntriesToo: false, exportWarning: null, storageInfo: null,
    corrupt: { settings: null, userGlossary: null },
    onExport() {}, onImportFile() {}, onApplyImport() {}, onCancelImport() {}, onResetEntriesToo() {}, onAskReset() {}, onConfirmReset() {},
    onCancelReset() {}, onUndo() {}, onDownloadCorrupt() {}, onDiscardCorrupt() {}, t,
  };
  it('lists import errors with their field paths', () => {
    const tree = elements(DataPanel({ ...base, importState: { kind: 'errors', errors: [{ path: 'userGlossary.own[0].definition', message: 'must not be empty' }] } }));
    expect(text(find(tree, (v) => v.props['data-testid'] === 'import-errors'))).toBe('This file cannot be imported. Nothing was changed.userGlossary.own[0].definition: must not be empty');
  });
  it('asks before resetting and offers Undo after', () => {
    const asked = elements(DataPanel({ ...base, resetState: { kind: 'confirm' } }));
    expect(asked.some((v) => v.props['data-testid'] === 'reset-yes')).toBe(true);
    expect(asked.some((v) => v.props['data-testid'] === 'reset')).toBe(false);
    const done = elements(DataPanel({ ...base, resetState: { kind: 'done', canUndo: true } }));
    expect(done.some((v) => v.props['data-testid'] === 'undo')).toBe(true);
  });
  it('shows the local-storage note and the corrupt-copy actions', () => {
    const tree = elements(DataPanel({ ...base, storageInfo: { area: 'local', chunks: 0, bytes: 1, reason: 'quota' },
      corrupt: { settings: { savedAt: '2026-01-02T00:00:00Z', error: 'enabled: expected boolean', raw: 1 }, userGlossary: null } }));
    expect(text(find(tree, (v) => v.props['data-testid'] === 'storage-local'))).toBe('Your settings are stored on this device only: quota');
    expect(text(find(tree, (v) => v.props['data-testid'] === 'corrupt-settings'))).toMatch(
      /^Some of your stored settings could not be read on 2026-01-02\. Only those parts took their defaults; everything else was kept\. What could not be read: enabled: expected boolean/,
    );
  });
});
