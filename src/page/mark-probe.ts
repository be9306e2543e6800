/**
 * Test-only mark probe: mirrors every painted mark into an unstyled highlight named
 * `context-glossary-entry-<entry id>` (plus `context-glossary-weak-<entry id>` when the mark's evidence is weak), so
 * a test or the real-news evaluation (tools/eval, issue 11) can read from the page which entry each mark opens.
 *
 * Compiled out of the product: `__MARK_PROBE__` is defined `true` only by `node build.mjs --probe` (output in
 * dist-probe/); in every other build it is `false` and esbuild drops the calls (darkreader's `__TEST__` pattern,
 * see ../shared/notes/style.md). Highlights without a ::highlight rule paint nothing.
 */
declare const __MARK_PROBE__: boolean | undefined;

export const MARK_PROBE: boolean = typeof __MARK_PROBE__ !== 'undefined' && __MARK_PROBE__ === true;

type Registry = Map<string, Highlight>;

/** Adds or removes one mark's range in its entry's probe highlight. */
export function probeMark(doc: Document, entryId: string, weak: boolean, range: AbstractRange, on: boolean): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const reg = (view as { CSS?: { highlights?: Registry } } | null)?.CSS?.highlights;
  const Ctor = (view as { Highlight?: typeof Highlight } | null)?.Highlight;
  if (!reg || !Ctor) return;
  for (const name of [`context-glossary-entry-${entryId}`, ...(weak ? [`context-glossary-weak-${entryId}`] : [])]) {
    let h = reg.get(name);
    if (!h && on) reg.set(name, (h = new Ctor()));
    if (!h) continue;
    if (on) h.add(range);
    else h.delete(range);
  }
}
