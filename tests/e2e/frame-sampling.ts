// Frame sampling for the "no blink" checks (glossary-live, dynamic): every animation frame, the texts our category
// highlights hold, read in the page's world; then the frames that lacked a mark that should have stayed.
import type { Page } from 'puppeteer-core';

/** Records, every animation frame, the texts our category highlights hold (read in the page's world). */
export function startSampling(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { cgFrames: string[][]; cgSampling: boolean };
    w.cgFrames = [];
    w.cgSampling = true;
    const names = ['person', 'organization', 'place', 'event', 'concept'].map((c) => `context-glossary-${c}`);
    const sample = () => {
      const texts = new Set<string>();
      for (const n of names) {
        for (const r of (CSS.highlights.get(n) ?? []) as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          texts.add(range.toString());
        }
      }
      w.cgFrames.push([...texts]);
      if (w.cgSampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

/** The frames sampled since startSampling (sampling goes on), and those of them missing one of `kept`. */
export async function framesMissing(page: Page, kept: string[]): Promise<{ frames: number; missing: { frame: number; lacks: string[] }[] }> {
  const frames = await page.evaluate(() => (window as unknown as { cgFrames: string[][] }).cgFrames);
  const missing = frames.flatMap((f, i) => {
    const lacks = kept.filter((k) => !f.includes(k));
    return lacks.length ? [{ frame: i, lacks }] : [];
  });
  return { frames: frames.length, missing };
}
