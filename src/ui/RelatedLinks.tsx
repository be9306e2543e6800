/** Related entries as buttons that switch the card to that entry (the owner keeps the Back history). */
import type { CompiledEntry } from '../core/glossary-types.js';
import type { Translate } from '../core/i18n.js';

export interface RelatedLinksProps {
  ids: readonly string[];
  resolveEntry: (id: string) => CompiledEntry | undefined;
  onNavigate?: ((id: string) => void) | undefined;
  t: Translate;
}

export function RelatedLinks({ ids, resolveEntry, onNavigate, t }: RelatedLinksProps) {
  // Ids whose entry is missing (a user glossary pointing at a removed entry) are skipped, not shown broken.
  const entries = ids.map((id) => resolveEntry(id)).filter((e): e is CompiledEntry => e !== undefined);
  if (entries.length === 0) return null;
  return (
    <section class="cg-related-section" aria-label={t('card_related')}>
      <h3 class="cg-section-title">{t('card_related')}</h3>
      <ul class="cg-related">
        {entries.map((e) => (
          <li key={e.id}>
            {onNavigate ? (
              <button type="button" class="cg-related-link" data-related={e.id} onClick={() => onNavigate(e.id)}>
                {e.short && e.short !== e.name ? `${e.name} (${e.short})` : e.name}
              </button>
            ) : (
              <span class="cg-related-link" data-related={e.id}>
                {e.name}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
