/**
 * The card's stylesheet (one string: the card host adopts it into its shadow root; the popup adds it to its page).
 * Palette by custom properties: `.theme-system` follows prefers-color-scheme, `.theme-light`/`.theme-dark` force
 * one. Sizes in em so `--cg-font-size` (settings.card.fontSize, 11–22 px) scales everything.
 */

const LIGHT = `
  --cg-bg: #ffffff;
  --cg-fg: #1f2328;
  --cg-muted: #57606a;
  --cg-border: #d0d7de;
  --cg-accent: #0b57d0;
  --cg-mark-bg: #fff1b8;
  --cg-mark-fg: #1f2328;
  --cg-quote-bg: #f6f8fa;
  --cg-quote-hover: #eaeef2;
  --cg-note-bg: #fff8c5;
  --cg-note-fg: #4d2d00;
  --cg-shadow: 0 6px 24px rgba(31, 35, 40, 0.18), 0 1px 3px rgba(31, 35, 40, 0.12);
  --cg-focus: #0b57d0;
  --cg-scroll-shadow: rgba(31, 35, 40, 0.22);
`;

const DARK = `
  --cg-bg: #1f2329;
  --cg-fg: #e6edf3;
  --cg-muted: #9da7b3;
  --cg-border: #3d444d;
  --cg-accent: #7cb4ff;
  --cg-mark-bg: #5a4a12;
  --cg-mark-fg: #fff6d6;
  --cg-quote-bg: #272c33;
  --cg-quote-hover: #30363d;
  --cg-note-bg: #3b2f0b;
  --cg-note-fg: #f2d98b;
  --cg-shadow: 0 6px 24px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.4);
  --cg-focus: #7cb4ff;
  --cg-scroll-shadow: rgba(0, 0, 0, 0.6);
`;

export const TERM_CARD_CSS = `
.cg-card {
  ${LIGHT}
  box-sizing: border-box;
  width: var(--cg-width, 360px);
  max-width: calc(100vw - 16px);
  /* Never under 12 px (issue 12): the font-size setting goes down to 11. */
  font: normal normal 400 max(12px, var(--cg-font-size, 14px)) / 1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--cg-fg);
  background: var(--cg-bg);
  border: 1px solid var(--cg-border);
  border-radius: 0.6em;
  box-shadow: var(--cg-shadow);
  padding: 0.85em 1em 0.7em;
  text-align: start;
  overflow-wrap: break-word;
  color-scheme: light;
}
.cg-card.theme-dark { ${DARK} color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  .cg-card.theme-system { ${DARK} color-scheme: dark; }
}
.cg-card *, .cg-card *::before, .cg-card *::after { box-sizing: border-box; }
.cg-card:focus { outline: none; }
.cg-card:focus-visible { outline: 2px solid var(--cg-focus); outline-offset: 2px; }
.cg-card button, .cg-card a { font: inherit; color: var(--cg-accent); }
.cg-card button:focus-visible, .cg-card a:focus-visible { outline: 2px solid var(--cg-focus); outline-offset: 1px; border-radius: 3px; }

.cg-card { display: flex; flex-direction: column; }
.cg-head { flex: none; margin: 0 0 0.45em; }
.cg-body {
  flex: 1 1 auto; min-height: 0; overflow: visible; overscroll-behavior: contain; margin: 0 -0.4em; padding: 0 0.4em;
  scrollbar-width: thin;
  scrollbar-color: var(--cg-border) transparent;
  /* Scroll shadows: a soft edge shows when there is more above or below (covers move with the content). */
  background:
    linear-gradient(var(--cg-bg) 30%, transparent) center top / 100% 1.5em no-repeat local,
    linear-gradient(transparent, var(--cg-bg) 70%) center bottom / 100% 1.5em no-repeat local,
    radial-gradient(farthest-side at 50% 0, var(--cg-scroll-shadow), transparent) center top / 100% 0.5em no-repeat scroll,
    radial-gradient(farthest-side at 50% 100%, var(--cg-scroll-shadow), transparent) center bottom / 100% 0.5em no-repeat scroll;
}
.cg-kicker { display: flex; align-items: baseline; gap: 0.4em; margin: 0 0 0.15em; font-size: max(12px, 0.8em); line-height: 1.3; }
.cg-category { text-transform: uppercase; letter-spacing: 0.06em; font-weight: 600; color: var(--cg-muted); }
.cg-own { color: var(--cg-accent); font-weight: 600; }
.cg-back {
  margin-inline-start: auto; border: 0; background: none; padding: 0; cursor: pointer; font-size: 1.1em;
}
.cg-name { margin: 0; font-size: 1.2em; font-weight: 650; line-height: 1.25; color: var(--cg-fg); }
.cg-short { font-weight: 600; color: var(--cg-muted); }

.cg-definition { margin: 0 0 0.6em; }
.cg-beyond { margin: 0 0 0.6em; font-size: max(12px, 0.9em); color: var(--cg-muted); }
.cg-beyond strong { color: var(--cg-fg); font-weight: 600; }

.cg-section-title {
  display: flex; align-items: baseline; justify-content: space-between; gap: 0.5em;
  margin: 0.8em 0 0.35em; font-size: max(12px, 0.8em); font-weight: 650; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--cg-muted);
}
.cg-count { text-transform: none; letter-spacing: 0; font-weight: 400; }
.cg-quotes { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35em; }
.cg-quote {
  display: block; padding: 0.4em 0.6em; border-inline-start: 3px solid var(--cg-border); border-radius: 0 0.35em 0.35em 0;
  background: var(--cg-quote-bg); color: var(--cg-fg) !important; text-decoration: none; font-size: max(12px, 0.93em); line-height: 1.4;
}
.cg-quote:hover { background: var(--cg-quote-hover); border-inline-start-color: var(--cg-accent); }
.cg-quote mark { background: var(--cg-mark-bg); color: var(--cg-mark-fg); font-weight: 650; padding: 0 0.1em; border-radius: 2px; }
.cg-quote-page { font-size: max(12px, 0.85em); white-space: nowrap; }
.cg-quote-ref { display: block; margin-top: 0.15em; font-size: max(12px, 0.8em); color: var(--cg-accent); }
.cg-expander { margin-top: 0.35em; border: 0; background: none; padding: 0; cursor: pointer; font-size: max(12px, 0.9em); }
.cg-expander:hover, .cg-related-link:hover, .cg-action:hover, .cg-back:hover { text-decoration: underline; }
.cg-empty { margin: 0; color: var(--cg-muted); font-size: max(12px, 0.9em); }

.cg-related { display: flex; flex-wrap: wrap; gap: 0.3em 0.45em; margin: 0; padding: 0; list-style: none; }
.cg-related-link {
  border: 1px solid var(--cg-border); background: none; border-radius: 1em; padding: 0.05em 0.65em; cursor: pointer;
  font-size: max(12px, 0.88em);
}

.cg-foot { flex: none; margin-top: 0.6em; padding-top: 0.5em; border-top: 1px solid var(--cg-border); }
.cg-source { margin: 0.6em 0 0; font-size: max(12px, 0.85em); color: var(--cg-muted); }
.cg-provenance { margin: 0.2em 0 0; padding: 0; list-style: none; font-size: max(12px, 0.85em); color: var(--cg-muted); }
.cg-fact-sources { margin: -0.3em 0 0.6em; font-size: max(12px, 0.85em); color: var(--cg-muted); }
.cg-newer { margin: 0.4em 0 0; padding: 0.3em 0.5em; border-radius: 0.35em; font-size: max(12px, 0.85em); background: var(--cg-note-bg); color: var(--cg-note-fg); }
.cg-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2em 0.8em; margin-top: 0.5em; }
.cg-action { border: 0; background: none; padding: 0.1em 0; cursor: pointer; font-size: max(12px, 0.9em); }
.cg-action-end { margin-inline-start: auto; }
.cg-menu { flex-basis: 100%; display: flex; flex-direction: column; align-items: flex-start; gap: 0.25em; padding-top: 0.3em; }
.cg-menu[hidden] { display: none; }
.cg-menu-item { border: 0; background: none; padding: 0.1em 0; cursor: pointer; font-size: max(12px, 0.9em); }
.cg-menu-item:hover { text-decoration: underline; }
.cg-shortcuts { margin: 0.3em 0 0; padding: 0.3em 0 0; list-style: none; border-top: 1px solid var(--cg-border); align-self: stretch; font-size: max(12px, 0.85em); color: var(--cg-muted); }
.cg-menu-item[aria-pressed="true"] { font-weight: 650; }
.cg-gist { margin: 0 0 0.55em; }
.cg-weak { margin: -0.2em 0 0.55em; font-size: max(12px, 0.88em); color: var(--cg-note-fg); background: var(--cg-note-bg); padding: 0.2em 0.5em; border-radius: 0.35em; }
.cg-count-line { margin: 0.35em 0 0; font-size: max(12px, 0.88em); color: var(--cg-muted); }
.cg-background-note { margin: 0; padding: 0.4em 0.6em; border-radius: 0.35em; font-size: max(12px, 0.9em); background: var(--cg-quote-bg); }
.cg-more-toggle { display: block; margin: 0.5em 0 0; border: 0; background: none; padding: 0; cursor: pointer; font-size: max(12px, 0.9em); }
.cg-more-toggle:hover { text-decoration: underline; }
.cg-more { margin-top: 0.6em; }
.cg-more[hidden], .cg-more-quotes[hidden] { display: none; }
.cg-more-quotes:not([hidden]) { margin-top: 0.35em; }
/* Opened on request ("More"): only then may the card's body scroll. */
.cg-body.cg-body-open { overflow: auto; }

/* A short viewport: one scroll for the whole card rather than a fixed footer squeezing the content. */
@media (max-height: 520px) {
  .cg-card { overflow: auto; overscroll-behavior: contain; }
  .cg-body { flex: none; overflow: visible; background: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .cg-card.cg-animate { animation: cg-in 120ms ease-out; }
}
@keyframes cg-in { from { opacity: 0; transform: translateY(3px); } to { opacity: 1; transform: none; } }
@media (forced-colors: active) {
  .cg-card { border: 1px solid CanvasText; }
  .cg-quote mark { forced-color-adjust: none; background: Mark; color: MarkText; }
}
`;
