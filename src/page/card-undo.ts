/**
 * The undo bar for the card's destructive actions (issue 12 deliverable 2): "Kabul won't be marked on any site ·
 * Undo", shown in our shadow root for several seconds after the card closed. Focus moves to Undo when the card
 * had it (the dialog it was in is gone), so a keyboard user can take it back with Enter; Esc dismisses.
 * Plain DOM with textContent (no HTML from data); the host's capture listeners already drop untrusted events.
 */
const UNDO_MS = 8000;

export interface UndoOffer {
  message: string;
  undoLabel: string;
  undo: () => void;
  /** Move focus to the Undo button (the card had focus when the action ran). */
  focus: boolean;
}

export class UndoBar {
  private readonly bar: HTMLElement;
  private readonly text: HTMLElement;
  private readonly button: HTMLButtonElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: (() => void) | null = null;

  constructor(doc: Document, parent: ShadowRoot) {
    this.bar = doc.createElement('div');
    this.bar.className = 'cg-undo';
    this.bar.setAttribute('role', 'status');
    this.bar.hidden = true;
    this.text = doc.createElement('span');
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.dataset.action = 'undo';
    this.button.addEventListener('click', () => {
      const undo = this.current;
      this.dismiss();
      undo?.();
    });
    this.bar.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.dismiss();
    });
    this.bar.append(this.text, this.button);
    parent.append(this.bar);
  }

  offer(o: UndoOffer): void {
    clearTimeout(this.timer);
    this.current = o.undo;
    this.text.textContent = o.message;
    this.button.textContent = o.undoLabel;
    this.bar.hidden = false;
    if (o.focus) this.button.focus({ preventScroll: true });
    // Not while the pointer or focus is on it: a reader about to press Undo must not lose it.
    this.timer = setTimeout(() => this.expire(), UNDO_MS);
  }

  private expire(): void {
    if (this.bar.matches(':hover') || this.bar.contains(this.bar.ownerDocument.activeElement) || this.bar.matches(':focus-within')) {
      this.timer = setTimeout(() => this.expire(), 1000);
      return;
    }
    this.dismiss();
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.current = null;
    this.bar.hidden = true;
  }
}

export const UNDO_CSS = `
.cg-undo {
  pointer-events: auto;
  position: fixed; inset-inline-start: 50%; bottom: 16px; transform: translateX(-50%); z-index: 2147483647;
  display: flex; align-items: center; gap: 12px; max-width: calc(100vw - 32px); padding: 10px 14px;
  font: 400 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #ffffff; background: #1f2328; border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.35);
}
.cg-undo[hidden] { display: none; }
.cg-undo button {
  font: inherit; font-weight: 650; color: #9ecbff; background: none; border: 0; padding: 2px 4px; cursor: pointer;
}
.cg-undo button:focus-visible { outline: 2px solid #9ecbff; outline-offset: 2px; border-radius: 3px; }
`;
