/**
 * The text the bootstrap and the engine's page watch ask the background about (issue 13): a root's `textContent`
 * without its large scripts and styles, and the page's text as the prefilter reads it (the body's and every open
 * shadow root's). Reads more than the engine does (small scripts and styles, hidden text), never less.
 */

/** Scripts and styles at least this long are left out of the text asked about (a few small ones cost nothing)… */
const CUT_AT = 1024;
/**
 * …when together they are at least this long: reading around them (a Range per script) costs a little more than
 * `textContent`, so it only pays where their copy would cost more (sampled on the Guardian page, 23 KB of large
 * scripts in 76 KB of text: no gain; Wired, 847 KB of 890 KB: the copy was most of our time).
 */
const CUT_TOTAL = 32 * 1024;

/**
 * The text of `root` as `textContent` gives it, without the text of its large scripts and styles (the engine skips
 * them: src/page/dom-rules.ts SKIPPED_TAGS). On the 1.5 MB Wired page 847 KB of its ~890 KB of body text is script
 * (JSON state), and every character asked about is copied into the background: that copy was most of the ~40 ms
 * sampled in our script there. The text around each script is read exactly (a Range between them) and joined with
 * nothing between, as the engine sees it; a script or style root has no text for the engine.
 */
export function rootText(doc: Document, root: Node): string {
  if (root.nodeType === 1 && /^(?:script|style)$/.test((root as Element).localName)) return '';
  const all = root.nodeType === 1 || root.nodeType === 11 ? (root as ParentNode).querySelectorAll('script, style') : [];
  const big: Element[] = [];
  let total = 0;
  for (const el of all) {
    const n = el.textContent?.length ?? 0;
    if (n >= CUT_AT) {
      big.push(el);
      total += n;
    }
  }
  if (total < CUT_TOTAL) return root.textContent ?? '';
  const range = doc.createRange();
  range.setStart(root, 0);
  let out = '';
  for (const el of big) {
    range.setEndBefore(el);
    out += range.toString();
    range.setStartAfter(el);
  }
  range.setEnd(root, root.childNodes.length);
  return out + range.toString();
}

/**
 * Elements that can never host a shadow root. DOM §4.2.14 (attachShadow, and declarative shadow roots by the same
 * rule): only an HTML element whose local name is a valid custom element name (it has a hyphen) or one of article,
 * aside, blockquote, body, div, footer, h1-h6, header, main, nav, p, section, span. The walk below asks the browser
 * for the other elements with one selector and never touches these from script (issue 13: on the Guardian page the
 * walk touched every element, ~1 µs each in our isolated world, ~1 ms sampled per load; about two thirds of its body's
 * elements are links, list items, images, sources, SVG and such). Names listed here only narrow the walk: a name
 * missing from the list costs a little time, never a shadow root. page-text.test.ts checks no host name is here.
 * SVG names are matched as written (case-sensitively for non-HTML elements).
 */
export const NOT_HOSTS: readonly string[] = [
  ...'a abbr address area audio b bdi bdo br button canvas caption cite code col colgroup data datalist dd del details'.split(' '),
  ...'dfn dialog dl dt em embed fieldset figcaption figure form hr i iframe img input ins kbd label legend li link map'.split(' '),
  ...'mark menu meta meter noscript object ol optgroup option output picture pre progress q rp rt ruby s samp script'.split(' '),
  ...'select slot small source strong style sub summary sup table tbody td template textarea tfoot th thead time title'.split(' '),
  ...'tr track u ul var video wbr svg path g use defs symbol circle rect line polyline polygon ellipse stop text tspan'.split(' '),
  ...'clipPath linearGradient radialGradient mask pattern image desc filter math'.split(' '),
];
const CANDIDATES = `*:not(${NOT_HOSTS.join(',')})`;

/** Every open shadow root under `root` (nested ones included): their text is not in `textContent`. */
export function shadowRoots(_doc: Document, root: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const queue: Node[] = [root];
  for (let r = queue.pop(); r; r = queue.pop()) {
    if (r.nodeType !== 1 && r.nodeType !== 9 && r.nodeType !== 11) continue;
    for (const n of (r as ParentNode).querySelectorAll(CANDIDATES)) {
      const s = n.shadowRoot;
      if (s) {
        out.push(s);
        queue.push(s);
      }
    }
  }
  return out;
}

/** The body (or the document element) and every open shadow root under it. */
export function pageRoots(doc: Document): Node[] {
  const root: Node = doc.body ?? doc.documentElement;
  return root ? [root, ...shadowRoots(doc, root)] : [];
}

// Joined by a newline, a separator to the prefilter: a spelling across two roots only ever adds a "maybe".
export const rootsText = (doc: Document, roots: readonly Node[]) => roots.map((r) => rootText(doc, r)).join('\n');

/** The page's raw text as the prefilter reads it (the body's and every open shadow root's). */
export const pageText = (doc: Document): string => rootsText(doc, pageRoots(doc));
