/**
 * The make page (issue 14): a report from the current tab (`make.html?tab=N`, opened by "Make a glossary from this
 * page"), a pasted text or a .txt/.html/.pdf file -> editable metadata -> candidates found in a Worker -> review ->
 * saved by the background (compiled with the bundled glossary's compiler), then marking pages.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { pagesFor, reportParagraphs, type PagedParagraph } from '../core/extract/paragraphs.js';
import { MAX_PARAGRAPH_CHARS, type GlossaryDraft } from '../core/glossary-draft.js';
import { termsToEntries } from '../core/glossary-store-draft.js';
import { browser } from '../shared/browser.js';
import { t } from '../shared/i18n.js';
import { sendToBackground, sendToTab } from '../shared/messaging.js';
import { GlossaryList } from './GlossaryList.js';
import { ReportPreview } from './ReportPreview.js';
import { ReviewList } from './ReviewList.js';
import { acceptedTerms, rowsOf, type Row } from './review-state.js';
import { htmlSource, pdfSource, textSource, type Meta, type Source } from './sources.js';
import { extractInWorker } from './worker-client.js';

const EMPTY_META: Meta = { title: '', date: '', publisher: '', source: '' };

export function MakeApp() {
  const [meta, setMeta] = useState<Meta>(EMPTY_META);
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [revision, setRevision] = useState(0);
  /** The PDF's paragraphs with their pages, until another source replaces it (issue 14: quotes say their page). */
  const [paged, setPaged] = useState<PagedParagraph[] | null>(null);

  const use = (s: Source) => {
    setMeta(s.meta);
    setPaged(s.paged ?? null);
    setText(s.paragraphs.join('\n'));
    setRows(null);
    setStatus(s.paragraphs.length ? '' : t('make_no_text'));
  };

  useEffect(() => {
    const tab = Number(new URLSearchParams(location.search).get('tab'));
    if (!Number.isSafeInteger(tab) || tab <= 0) return;
    // The user asked for this page's glossary (popup or context menu): only now is its HTML read.
    sendToTab(tab, 'getPageHtml', {}, 0).then(
      (r) => use(htmlSource(r.html, r.url)),
      () => setStatus(t('make_no_page')),
    );
  }, []);

  const pickFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (/\.pdf$/i.test(file.name)) use(await pdfSource(new Uint8Array(await file.arrayBuffer()), file.name, browser.runtime.getURL('pdf.worker.mjs')));
    else if (/\.html?$/i.test(file.name)) use(htmlSource(await file.text(), file.name));
    else use(textSource(await file.text(), file.name));
  };

  // Once per text, not per render: a 150 KB report re-split on every keystroke of the review costs a frame.
  const paragraphsNow = useMemo(() => reportParagraphs(text, MAX_PARAGRAPH_CHARS), [text]);
  const paragraphs = () => paragraphsNow;
  const pages = useMemo(() => pagesFor(paragraphsNow, paged), [paragraphsNow, paged]);

  const find = async () => {
    const ps = paragraphs();
    if (!ps.length) return setStatus(t('make_no_text'));
    setStatus(t('make_working'));
    setRows(rowsOf(await extractInWorker(ps.join('\n'))));
    setStatus('');
  };

  /** The glossary as it stands: what saving sends and what the preview marks. */
  const draftOf = (reviewed: Row[]): GlossaryDraft => {
    const ps = paragraphs();
    const title = meta.title.trim() || (ps[0] ?? '').slice(0, 120);
    return { meta: { ...meta, title }, paragraphs: ps, ...(pages ? { pages } : {}), entries: termsToEntries(acceptedTerms(reviewed)) };
  };

  const save = async () => {
    if (!rows) return;
    const draft = draftOf(rows);
    const title = draft.meta.title;
    const r = await sendToBackground('saveGlossary', { draft });
    if (r.ok) {
      setErrors([]);
      setStatus(t('make_saved', [draft.entries.length - r.dropped.length, title]));
      setRevision((n) => n + 1);
    } else setErrors(r.errors);
  };

  const field = (k: keyof Meta, label: string, type = 'text') => (
    <label>
      {label} <input name={k} type={type} value={meta[k]} onInput={(e) => setMeta({ ...meta, [k]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  const accepted = rows ? acceptedTerms(rows).length : 0;

  return (
    <main>
      <h1>{t('make_title')}</h1>
      <section aria-labelledby="source-title">
        <h2 id="source-title">{t('make_source')}</h2>
        <div class="meta">
          {field('title', t('make_meta_title'))}
          {field('date', t('make_meta_date'), 'date')}
          {field('publisher', t('make_meta_publisher'))}
          {field('source', t('make_meta_source'))}
        </div>
        <label class="paste">
          {t('make_paste')}
          <textarea name="text" rows={8} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          {t('make_file')} <input type="file" name="file" accept=".txt,.text,.md,.html,.htm,.pdf" onChange={(e) => void pickFile(e)} />
        </label>
        <p>
          <button type="button" class="find" onClick={() => void find()}>
            {t('make_find')}
          </button>
        </p>
      </section>
      <p class="status" role="status">
        {status}
      </p>
      {errors.length > 0 && (
        <div class="errors" role="alert">
          <p>{t('make_failed')}</p>
          <ul>
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {rows && (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t('make_review', [rows.length])}</h2>
          <p class="hint">{t('make_review_hint')}</p>
          <p>
            <button type="button" class="save" disabled={accepted === 0} onClick={() => void save()}>
              {t('make_save', [accepted])}
            </button>
          </p>
          <div class="review-area">
            <ReviewList rows={rows} setRows={setRows} t={t} />
            <ReportPreview draft={draftOf(rows)} t={t} />
          </div>
        </section>
      )}
      <GlossaryList t={t} revision={revision} />
    </main>
  );
}
