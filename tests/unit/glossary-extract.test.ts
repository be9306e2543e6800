/**
 * The glossary:extract command line end to end in node: a .txt (the bundled report), an .html page (Readability +
 * linkedom) and a PDF made here with pdf-lib (running header, page-number footer, a hyphenated line end, a paragraph
 * across a page break), each through `node tools/glossary/run.mjs extract`, as `npm run glossary:extract` runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'tools/glossary/run.mjs');

interface Output {
  candidates: { name: string; aliases: string[]; category: string; count: number; sentences: string[] }[];
  acronyms: { short: string; long: string }[];
}

async function extract(file: string): Promise<Output> {
  const { stdout } = await run(process.execPath, [cli, 'extract', file], { cwd: root, maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as Output;
}

function expectShape(out: Output): void {
  expect(Object.keys(out)).toEqual(['candidates', 'acronyms']);
  for (const c of out.candidates) {
    expect(Object.keys(c)).toEqual(['name', 'aliases', 'category', 'count', 'sentences']);
    expect(['person', 'organization', 'place', 'event', 'concept']).toContain(c.category);
  }
  for (const a of out.acronyms) expect(Object.keys(a)).toEqual(['short', 'long']);
}

const HEADER = 'UN Monitoring Team | Report S/2025/123';
const PAGES: string[][] = [
  [
    'The Tehrik-i-Taliban Pakistan (TTP) remained the largest foreign terrorist',
    'group in Afghanistan, with several thousand fighters. Its leader, Noor Wali',
    'Mehsud, received support from the Taliban authorities, and the group kept',
    'up its over-the-horizon threat to Pakistan. Member States described counter-',
    'terrorism cooperation with the Taliban as limited.',
    '',
    'Jamaat-ul-Ahrar (JuA), a TTP splinter, carried out attacks in Khyber',
    'Pakhtunkhwa. One Member State said the Tehrik-i-Taliban Pakistan',
  ],
  [
    'and Jamaat-ul-Ahrar coordinated their operations closely.',
    '',
    'Noor Wali Mehsud appeared in a video in which he pledged allegiance to the',
    'Taliban leader Hibatullah Akhundzada.',
  ],
];

describe('glossary:extract', { timeout: 60_000 }, () => {
  let dir = '';
  beforeAll(async () => {
    // Each run bundles the CLI with esbuild first (as npm run does); two shared cores make that seconds.
    dir = mkdtempSync(join(tmpdir(), 'glossary-extract-'));
    const pdf = await PDFDocument.create();
    pdf.setTitle('UN Monitoring Team report');
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    PAGES.forEach((lines, i) => {
      const page = pdf.addPage([612, 792]);
      page.drawText(HEADER, { x: 72, y: 750, size: 9, font });
      let y = 700;
      for (const line of lines) {
        if (line) page.drawText(line, { x: 72, y, size: 11, font });
        y -= line ? 14 : 20;
      }
      page.drawText(`Page ${i + 1} of ${PAGES.length}`, { x: 280, y: 40, size: 9, font });
    });
    writeFileSync(join(dir, 'report.pdf'), await pdf.save());
  });

  it('reads a PDF: paragraphs, no header or page numbers, hyphenation joined, pairs found', async () => {
    const out = await extract(join(dir, 'report.pdf'));
    expectShape(out);
    const sentences = out.candidates.flatMap((c) => c.sentences);
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) {
      expect(s).not.toContain('Monitoring Team |');
      expect(s).not.toMatch(/Page \d of/);
    }
    expect(sentences.some((s) => s.includes('counterterrorism cooperation'))).toBe(true);
    // The paragraph cut by the page break reads as one sentence.
    expect(sentences).toContain('One Member State said the Tehrik-i-Taliban Pakistan and Jamaat-ul-Ahrar coordinated their operations closely.');
    expect(out.acronyms).toEqual(
      expect.arrayContaining([
        { short: 'TTP', long: 'Tehrik-i-Taliban Pakistan' },
        { short: 'JuA', long: 'Jamaat-ul-Ahrar' },
      ]),
    );
    const ttp = out.candidates.find((c) => c.aliases.includes('TTP'))!;
    expect(ttp.name).toBe('Tehrik-i-Taliban Pakistan');
    expect(ttp.category).toBe('organization');
    const mehsud = out.candidates.find((c) => c.name === 'Noor Wali Mehsud')!;
    expect(mehsud.category).toBe('person');
    expect(mehsud.count).toBe(2);
  });

  it('reads an HTML page through Readability: the article, not the navigation or footer', async () => {
    const out = await extract(join(root, 'tests/fixtures/extract/article.html'));
    expectShape(out);
    const all = JSON.stringify(out);
    for (const junk of ['Subscribe', 'Cricket', 'Copyright', 'Share this story']) expect(all).not.toContain(junk);
    expect(out.acronyms).toEqual(
      expect.arrayContaining([
        { short: 'TTP', long: 'Tehreek-e-Taliban Pakistan' },
        { short: 'KP', long: 'Khyber Pakhtunkhwa' },
        { short: 'ISPR', long: 'Inter-Services Public Relations' },
      ]),
    );
    const names = out.candidates.slice(0, 15).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Zabihullah Mujahid', 'Doha']));
  });

  it('reads the bundled report as text, best candidate first', async () => {
    const out = await extract(join(root, 'glossary/report.txt'));
    expectShape(out);
    expect(out.candidates[0]!.name).toBe('Tehreek-e-Taliban Pakistan');
    expect(out.acronyms).toEqual([{ short: 'TTP', long: 'Tehreek-e-Taliban Pakistan' }]);
  });

  it('fails cleanly on a usage error and an unsupported file', async () => {
    await expect(run(process.execPath, [cli, 'extract'], { cwd: root })).rejects.toMatchObject({ code: 2 });
    writeFileSync(join(dir, 'x.docx'), 'x');
    await expect(run(process.execPath, [cli, 'extract', join(dir, 'x.docx')], { cwd: root })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('unsupported file type') });
  });
});
