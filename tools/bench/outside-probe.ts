// The page-world probe of the outside-in bench, installed before any page script (evaluateOnNewDocument, which is
// a preload script over BiDi). It sees what a page sees: frames (requestAnimationFrame) and the document's highlight
// registry, which our content script fills from its isolated world. It is not the extension's code and the extension
// does not know about it.
//
//  - first marked frame: the first animation frame, after DOMContentLoaded, at which a `context-glossary*` highlight
//    holds a range; reported as that frame's time minus domContentLoadedEventStart. Marks set in a task before a
//    frame are painted in that frame.
//  - the page's own first frame: the first animation frame after DOMContentLoaded whatever it shows, the same way
//    (measured in a clean profile it is the floor of the first marked frame: no mark can be painted before the page
//    paints at all; issue 13's "first marked frame within 50 ms of DOMContentLoaded").
//  - frames: every rAF timestamp from DOMContentLoaded on (Firefox's outside measure: gaps are time the page could
//    not paint). The Chromium traced runs do not install the probe: its frames would be counted in the trace.

export interface ProbeResult {
  firstMarkedMs: number | null;
  frames: number[];
  dclMs: number;
  loadMs: number;
}

declare global {
  interface Window {
    __cgOutsideProbe?: { stop(): ProbeResult; first(): number | null; own(): number | null };
    __markjsDone?: { ms: number; hits: number };
  }
}

/** Installs the probe in the top document; `recordFrames` keeps every frame time (else it stops at the first mark). */
export function installProbe(recordFrames: boolean): void {
  if (window !== window.top) return;
  const frames: number[] = [];
  let first: number | null = null;
  let own: number | null = null;
  let stopped = false;
  const nav = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const marked = () => {
    for (const [name, h] of CSS.highlights) if (name.startsWith('context-glossary') && h.size > 0) return true;
    return false;
  };
  const loop = (ts: number) => {
    if (stopped) return;
    if (recordFrames) frames.push(ts);
    own ??= ts - (nav()?.domContentLoadedEventStart ?? 0);
    if (first === null && marked()) first = ts - (nav()?.domContentLoadedEventStart ?? 0);
    if (recordFrames || first === null) requestAnimationFrame(loop);
  };
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(loop));
  window.__cgOutsideProbe = {
    first: () => first,
    own: () => own,
    stop() {
      stopped = true;
      const n = nav();
      return { firstMarkedMs: first, frames, dclMs: n?.domContentLoadedEventStart ?? 0, loadMs: n?.loadEventEnd ?? 0 };
    },
  };
}

/** Firefox's outside figures from the probe's frames: time the page could not paint, and frames of 50 ms or more. */
export function blockedFromFrames(frames: number[], frameMs = 1000 / 60): { blockedMs: number; longFrames: number } {
  let blockedMs = 0;
  let longFrames = 0;
  for (let i = 1; i < frames.length; i++) {
    const gap = frames[i]! - frames[i - 1]!;
    if (gap > frameMs * 1.5) blockedMs += gap - frameMs;
    if (gap >= 50) longFrames++;
  }
  return { blockedMs, longFrames };
}
