// The built extension with another compiled glossary (the 5,000-term row). The extension has no switch for that
// and the bench must measure the shipped build as a browser loads it, so the build output is copied and the
// glossary it embeds is swapped: wherever a file holds the compiled glossary as a JavaScript string literal (today:
// `JSON.parse(`{"version":1,"report":…}`)` in each bundle) or as a whole JSON file, it is replaced by the other one.
// Not finding it is reported, never ignored: the row then says the build could not be varied.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START = '{"version":1,"report":';

/** The end (index after the closing quote) of the string literal opening at `open`, or -1. */
function literalEnd(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === q) return i + 1;
    else if (q === '`' && c === '$' && text[i + 1] === '{') return -1; // not a plain template: leave it
  }
  return -1;
}

/** Replaces every string literal whose value starts with a compiled glossary by `json` (as a "…" literal). */
export function swapGlossaryLiterals(code: string, json: string): { code: string; swapped: number } {
  let out = '';
  let from = 0;
  let swapped = 0;
  for (let i = code.indexOf(START); i >= 0; i = code.indexOf(START, i + 1)) {
    const open = i - 1;
    if (open < from || !['`', '"', "'"].includes(code[open] ?? '')) continue;
    const end = literalEnd(code, open);
    if (end < 0) continue;
    out += code.slice(from, open) + JSON.stringify(json);
    from = end;
    i = end - 1;
    swapped++;
  }
  return { code: out + code.slice(from), swapped };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Copies the unpacked extension at `dir` into a temporary directory with `json` as its glossary. */
export function extensionWithGlossary(dir: string, json: string): { dir: string; swapped: number } {
  const out = mkdtempSync(join(tmpdir(), 'cg-outside-ext-'));
  cpSync(dir, out, { recursive: true });
  let swapped = 0;
  for (const file of files(out)) {
    if (file.endsWith('.js')) {
      const r = swapGlossaryLiterals(readFileSync(file, 'utf8'), json);
      if (r.swapped > 0) writeFileSync(file, r.code);
      swapped += r.swapped;
    } else if (file.endsWith('.json') && !file.endsWith('manifest.json')) {
      const text = readFileSync(file, 'utf8');
      if (text.startsWith(START)) {
        writeFileSync(file, json);
        swapped++;
      }
    }
  }
  return { dir: out, swapped };
}
