/**
 * Live preview of the marks on a sample paragraph, painted with the same CSS Custom Highlight names and the same
 * stylesheet the page engine uses (src/page/highlight-style.ts), so what one sees here is what pages show.
 * The sample's terms are found by their text in the paragraph (the string is ours, from _locales), never by markup.
 */
import { useEffect, useRef } from 'preact/hooks';
import { CATEGORIES, type Category } from '../core/glossary-types.js';
import { mentionMode, type Settings } from '../core/settings/schema.js';
import { highlightCss, highlightName } from '../page/highlight-style.js';
import type { Translate } from '../core/i18n.js';
import type { CompiledEntry, ReportMeta } from '../core/glossary-types.js';
import { TermCard } from '../ui/TermCard.js';

/** The real entry the preview card shows (issue 12 item 9: the preview was a stub). */
export interface PreviewSample {
  entry: CompiledEntry;
  report: ReportMeta;
  resolveEntry: (id: string) => CompiledEntry | undefined;
}

/** Terms in the sample paragraph and their categories (every occurrence is found; first-only applies below). */
// Islamabad stays unmarked, as on real pages: it is a context-only entry.
const PREVIEW_TERMS: readonly [string, Category][] = [
  ['TTP', 'organization'],
  ['Taliban', 'organization'],
  ['Kabul', 'place'],
  ['Noor Wali Mehsud', 'person'],
  ['ceasefire', 'event'],
  ['over-the-horizon counterterrorism', 'concept'],
];

/** Where each preview mark goes: [start, end, category], in text order, honouring first-mention-only and categories. */
export function previewMarks(text: string, settings: Settings): [number, number, Category][] {
  const off = new Set(settings.entries.disabledCategories);
  const out: [number, number, Category][] = [];
  for (const [term, cat] of PREVIEW_TERMS) {
    if (off.has(cat)) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at < 0) break;
      out.push([at, at + term.length, cat]);
      // The preview is one paragraph: first per paragraph and first per page both mark the first only.
      if (mentionMode(settings) !== 'every') break;
      from = at + term.length;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

let sheet: CSSStyleSheet | null = null;

export function MarkPreview({ settings, sample, t }: { settings: Settings; sample?: PreviewSample | undefined; t: Translate }) {
  const para = useRef<HTMLParagraphElement>(null);
  const text = t('options_preview_text');
  useEffect(() => {
    const node = para.current?.firstChild;
    if (!node || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(highlightCss(settings.marking.style, settings.marking.colors));
    const byCat = new Map<Category, Highlight>(CATEGORIES.map((c) => [c, new Highlight()]));
    for (const [start, end, cat] of previewMarks(text, settings)) {
      const r = new Range();
      r.setStart(node, start);
      r.setEnd(node, end);
      byCat.get(cat)!.add(r);
    }
    for (const [c, h] of byCat) CSS.highlights.set(highlightName(c), h);
  }, [settings, text]);
  // The card's own size properties, as the page's card host sets them (src/page/card-host.ts).
  const cardStyle = { '--cg-width': `${settings.card.width}px`, '--cg-font-size': `${settings.card.fontSize}px` };
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t('options_preview')}</h3>
      <p ref={para} class="preview-text" data-testid="preview-text">{text}</p>
      <div class="preview-card" style={cardStyle} data-testid="preview-card">
        {sample ? (
          <TermCard
            entry={sample.entry}
            report={sample.report}
            resolveEntry={sample.resolveEntry}
            t={t}
            theme={settings.card.theme}
            nameId="preview-card-name"
            quoteHref={(anchor) => `reader.html#${anchor}`}
          />
        ) : (
          <span>{t('options_preview_card', [settings.card.width, settings.card.fontSize])}</span>
        )}
      </div>
    </section>
  );
}
