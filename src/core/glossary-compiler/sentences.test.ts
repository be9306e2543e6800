import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutReport, splitSentences } from './sentences.js';

const sentencesOf = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['plain sentences', 'One two. Three four! Five six? Seven.', ['One two.', 'Three four!', 'Five six?', 'Seven.']],
    ['no split before lowercase', 'He said no. and left.', ['He said no. and left.']],
    ['split before a digit', 'It rose. 2021 was worse.', ['It rose.', '2021 was worse.']],
    ['split before an opening quote', 'He paused. "Enough," he said.', ['He paused.', '"Enough," he said.']],
    ['closing quote stays with its sentence', 'He said "stop." Then he left.', ['He said "stop."', 'Then he left.']],
    ['closing bracket stays', 'It ended (finally.) Next came.', ['It ended (finally.)', 'Next came.']],
    ['curly quotes', 'She said “go.” They went.', ['She said “go.”', 'They went.']],
    ['dotted abbreviation U.S.', 'The U.S. Army left. Then rain.', ['The U.S. Army left.', 'Then rain.']],
    ['title abbreviations', 'Dr. Khan met Mr. Alvi and Gen. Bajwa. Talks began.', ['Dr. Khan met Mr. Alvi and Gen. Bajwa.', 'Talks began.']],
    ['single-letter initial', 'John F. Kennedy spoke. Crowds cheered.', ['John F. Kennedy spoke.', 'Crowds cheered.']],
    ['month abbreviation', 'On Jan. 31 it was published. It spread.', ['On Jan. 31 it was published.', 'It spread.']],
    ['decimal numbers', 'It grew 3.5 percent. Then fell.', ['It grew 3.5 percent.', 'Then fell.']],
    ['double dash is not an end', 'It held -- as noted -- until May. Then not.', ['It held -- as noted -- until May.', 'Then not.']],
    ['ellipsis before uppercase', 'Wait... What now?', ['Wait...', 'What now?']],
    ['unicode ellipsis', 'Wait\u2026 What now?', ['Wait\u2026', 'What now?']],
    ['ellipsis before lowercase', 'Wait... what now?', ['Wait... what now?']],
    ['no final punctuation', 'First. Second without end', ['First.', 'Second without end']],
    ['surrounding whitespace trimmed', '  One.   Two.  ', ['One.', 'Two.']],
    ['empty', '   ', []],
  ])('%s', (_label, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('covers every non-space character exactly once, in order', () => {
    const text = 'A b. C d! E "f." G (h?) I.';
    const spans = splitSentences(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.map((s) => text.slice(s.start, s.end)).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

describe('layoutReport on the bundled report', () => {
  const text = readFileSync('glossary/report.txt', 'utf8');
  const layout = layoutReport(text);

  it('takes line 1 as title and line 2 as date', () => {
    expect(layout.title).toBe("Pakistan's TTP problem rises following Taliban's takeover in Afghanistan: Report");
    expect(layout.dateLine).toBe('Jan 31, 2022');
  });

  it('finds 13 paragraphs with the sentence counts read by hand', () => {
    // p1 dateline sentence; p2 "In 2021…" / "Operating…"; … p13 "But for now…" + 4 more.
    expect(layout.paragraphs.map((p) => p.sentences.length)).toEqual([1, 2, 1, 2, 2, 2, 1, 2, 2, 2, 1, 2, 5]);
  });

  it('opens with the dateline and keeps offsets into the full text', () => {
    const first = layout.paragraphs[0]!;
    expect(text.slice(first.span.start, first.span.end)).toMatch(/^Islamabad \[Pakistan\], January 31 : /);
    const last = layout.paragraphs[12]!.sentences.map((s) => text.slice(s.start, s.end));
    expect(last).toEqual([
      'But for now, there are limits.',
      'Pakistan is not willing to get tougher with the Taliban government on counterterrorism, including on issues that affect its own security.',
      "Pakistan's reliance on Siraj Haqqani -- who remains a designated terrorist by the US government and close to al-Qaeda -- is also a major hurdle to meaningful cooperation.",
      'Until that changes, Pakistan is likely to only offer assistance to the US government on a narrow set of targets, with restrictive and conditional terms of cooperation.',
      'Policymakers should be clear-eyed on these limits, as analyzed by the United States Institute of Peace.',
    ]);
  });

  it('every sentence ends with a period and starts with an uppercase letter', () => {
    for (const p of layout.paragraphs) {
      for (const s of p.sentences) {
        const t = text.slice(s.start, s.end);
        expect(t).toMatch(/^[A-Z]/);
        expect(t.endsWith('.')).toBe(true);
      }
    }
  });

  it('handles CRLF, blank lines and a trailing newline', () => {
    const l = layoutReport('Title\r\nJan 1, 2000\r\n\r\nFirst para. Two.\r\n\r\n  Second para.  \r\n');
    expect(l.title).toBe('Title');
    expect(l.dateLine).toBe('Jan 1, 2000');
    expect(l.paragraphs).toHaveLength(2);
    const src = 'Title\r\nJan 1, 2000\r\n\r\nFirst para. Two.\r\n\r\n  Second para.  \r\n';
    expect(l.paragraphs.map((p) => p.sentences.map((s) => src.slice(s.start, s.end)))).toEqual([['First para.', 'Two.'], ['Second para.']]);
  });
});
