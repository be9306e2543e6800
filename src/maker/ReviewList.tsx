/**
 * Candidates ranked, each with its sentences, decided in a few keystrokes (issue 14 deliverable 3): ↑/↓ move,
 * A accept, X reject, R rename (focus the name), C next category, M merge into the accepted term above. Every
 * action is a button too; the definition drafted from the report's sentence is editable.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../core/i18n.js';
import type { Category } from '../core/glossary-types.js';
import { mergeUp, nextCategory, type Row } from './review-state.js';

const ROWS_PER_TASK = 10;

interface Props {
  rows: Row[];
  setRows: (rows: Row[]) => void;
  t: Translate;
}

export function ReviewList({ rows, setRows, t }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // Ten rows at first, ten more per task: forty rows of fields and sentences in one go were the make page's one long
  // task when candidates arrive (glossary:make:bench).
  const [shown, setShown] = useState(ROWS_PER_TASK);
  useEffect(() => {
    if (shown >= rows.length) return;
    const timer = setTimeout(() => setShown((n) => n + ROWS_PER_TASK));
    return () => clearTimeout(timer);
  }, [shown, rows.length]);
  const set = (i: number, change: Partial<Row>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const setTerm = (i: number, change: Partial<Row['term']>) => set(i, { term: { ...rows[i]!.term, ...change } });
  const focusRow = (i: number) => (list.current?.children[Math.max(0, Math.min(rows.length - 1, i))] as HTMLElement | undefined)?.focus();

  const onKey = (i: number) => (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return; // typing in a field
    const key = e.key.toLowerCase();
    if (key === 'arrowdown' || key === 'j') focusRow(i + 1);
    else if (key === 'arrowup' || key === 'k') focusRow(i - 1);
    else if (key === 'a') {
      set(i, { decision: 'accepted' });
      focusRow(i + 1);
    } else if (key === 'x') {
      set(i, { decision: 'rejected' });
      focusRow(i + 1);
    } else if (key === 'c') setTerm(i, { category: nextCategory(rows[i]!.term.category) });
    else if (key === 'm') setRows(mergeUp(rows, i));
    else if (key === 'r') (e.currentTarget as HTMLElement).querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    else return;
    e.preventDefault();
  };

  return (
    <ol class="review" ref={list} aria-label={t('make_review', [rows.length])}>
      {rows.slice(0, shown).map((r, i) => (
        <li key={i} tabIndex={0} class={`row ${r.decision}`} data-name={r.term.name} data-decision={r.decision} onKeyDown={onKey(i)}>
          <div class="row-head">
            <label>
              {t('make_name')}{' '}
              <input name="name" value={r.term.name} onInput={(e) => setTerm(i, { name: (e.target as HTMLInputElement).value })} />
            </label>
            <label>
              {t('make_category')}{' '}
              <select value={r.term.category} onChange={(e) => setTerm(i, { category: (e.target as HTMLSelectElement).value as Category })}>
                {(['person', 'organization', 'place', 'event', 'concept'] as const).map((c) => (
                  <option value={c}>{t(`card_category_${c}`)}</option>
                ))}
              </select>
            </label>
            <span class="count">{t('make_mentions', [r.count])}</span>
            <button type="button" class="accept" aria-pressed={r.decision === 'accepted'} onClick={() => set(i, { decision: 'accepted' })}>
              {t('make_accept')}
            </button>
            <button type="button" class="reject" aria-pressed={r.decision === 'rejected'} onClick={() => set(i, { decision: 'rejected' })}>
              {t('make_reject')}
            </button>
            <button type="button" class="merge" disabled={i === 0} onClick={() => setRows(mergeUp(rows, i))}>
              {t('make_merge')}
            </button>
          </div>
          {r.decision !== 'rejected' && r.decision !== 'merged' && (
            <>
              <label class="definition">
                {t('make_definition')}
                <textarea rows={2} value={r.term.definition} onInput={(e) => setTerm(i, { definition: (e.target as HTMLTextAreaElement).value })} />
              </label>
              <ul class="sentences">
                {r.term.sentences.slice(0, 3).map((s) => (
                  <li>{s}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
