/**
 * Going to a sentence of the report (`reader.html#p4s2`): scroll it to the middle of the view and flash it.
 * The flash is a class on our own sentence element (this is our page, not someone else's), removed after the
 * animation; under prefers-reduced-motion the stylesheet shows a still highlight instead and scrolling jumps.
 */
import { parseQuoteAnchor } from '../ui/quote-segments.js';

const FLASH_CLASS = 'flash';
const FLASH_MS = 2400;

function flashElement(el: Element): void {
  el.classList.remove(FLASH_CLASS);
  // Force a style flush so re-adding the class restarts the animation (same sentence linked twice).
  void (el as HTMLElement).offsetWidth;
  el.classList.add(FLASH_CLASS);
  const timers = flashTimers;
  clearTimeout(timers.get(el));
  timers.set(
    el,
    setTimeout(() => el.classList.remove(FLASH_CLASS), FLASH_MS),
  );
}
const flashTimers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/** Scrolls to and flashes the sentence named by `hash` ("#p4s2"); false when there is no such sentence. */
export function goToSentence(doc: Document, hash: string): boolean {
  const anchor = parseQuoteAnchor(hash);
  if (!anchor) return false;
  const el = doc.getElementById(`p${anchor.paragraph}s${anchor.sentence}`);
  if (!el) return false;
  const reduce = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  // Focus for screen readers and keyboard users (the sentence has tabindex=-1), without a second scroll.
  (el as HTMLElement).focus({ preventScroll: true });
  flashElement(el);
  return true;
}
