// The tree's rules, enforced (README "Architecture"; ../shared/notes/style.md: refined-github keeps its rules in a
// test so a review need not). Each rule lists every file that breaks it, so a failure says what to fix.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const TREES = ['src', 'tools', 'tests', 'scripts'];
const CODE = /\.(ts|tsx|mjs)$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'fixtures' ? [] : walk(p);
    return CODE.test(d.name) ? [relative(ROOT, p)] : [];
  });
}

const files = TREES.flatMap((t) => walk(join(ROOT, t)));
const shipped = files.filter((f) => f.startsWith('src/') && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
const text = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
/** The code of a file without its comments (line comments and block comments; good enough for these rules). */
const code = (f: string) => text.get(f)!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
/** Module specifiers a file imports (static, dynamic, re-exports). */
const importsOf = (f: string) => [...code(f).matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('the tree keeps its rules', () => {
  it('finds the tree (a rule over no files cannot fail)', () => {
    expect(shipped.length).toBeGreaterThan(100);
    expect(shipped).toContain('src/shared/browser.ts');
  });

  it('names say what kind of file they are: kebab-case .ts, PascalCase .tsx (index.tsx entry points)', () => {
    const bad = files.filter((f) => {
      const name = basename(f);
      if (name.endsWith('.tsx')) return !/^(index|[A-Z][A-Za-z0-9]*)(\.test)?\.tsx$/.test(name);
      return !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.(ts|mjs)$/.test(name);
    });
    expect(bad).toEqual([]);
  });

  it('no file grows past 400 lines (split by concern instead)', () => {
    const long = files.map((f) => [f, text.get(f)!.split('\n').length - 1] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('exactly one module imports webextension-polyfill (src/shared/browser.ts)', () => {
    expect(shipped.filter((f) => importsOf(f).includes('webextension-polyfill'))).toEqual(['src/shared/browser.ts']);
  });

  it('src/core is pure: it imports only src/core and plain libraries, never the DOM side or browser APIs', () => {
    const core = shipped.filter((f) => f.startsWith('src/core/'));
    const bad = core.flatMap((f) =>
      importsOf(f)
        .filter((s) => (s.endsWith('.json') ? false : s.startsWith('.') ? !resolve(ROOT, dirname(f), s).startsWith(join(ROOT, 'src/core')) : /^(webextension-polyfill|preact|node:)/.test(s)))
        .map((s) => `${f} imports ${s}`),
    );
    expect(bad).toEqual([]);
    // The DOM's globals are kept out by tsconfig.core.json (no DOM lib); the extension APIs are named here.
    const globals = core.filter((f) => /\b(chrome|browser)\.(runtime|storage|tabs|i18n)\b/.test(code(f)));
    expect(globals).toEqual([]);
  });

  it('what ships builds no HTML from strings, evaluates no strings and uses no network API', () => {
    const RISKY = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|\bEventSource\b/;
    expect(shipped.filter((f) => RISKY.test(code(f)))).toEqual([]);
  });

  it('what ships has no `any`', () => {
    expect(shipped.filter((f) => /(:\s*any\b|\bas\s+any\b|<any>|any\[\])/.test(code(f)))).toEqual([]);
  });

  it('everything in src ships: each non-test file is reached by imports from an entry build.mjs bundles', () => {
    // Yomitan keeps test oracles, bench data and eval measures out of the shipped tree; a file here that no bundle
    // reaches is such a tool (wave 9 found five: the reference matcher, the synthetic glossary, the in-memory
    // settings backend and two extraction scores, now in tests/support).
    const build = readFileSync(join(ROOT, 'build.mjs'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const entries = [...new Set([...build.matchAll(/'(src\/[^']+\.tsx?)'/g)].map((m) => m[1]!))];
    expect(entries).toContain('src/content/index.ts');
    const resolveImport = (from: string, spec: string): string | undefined => {
      const base = relative(ROOT, resolve(ROOT, dirname(from), spec));
      const stem = base.replace(/\.js$/, '');
      return [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`].find((c) => text.has(c) && existsSync(join(ROOT, c)));
    };
    const reached = new Set<string>();
    const stack = [...entries];
    while (stack.length > 0) {
      const f = stack.pop()!;
      if (reached.has(f) || !text.has(f)) continue;
      reached.add(f);
      for (const spec of importsOf(f)) if (spec.startsWith('.')) stack.push(resolveImport(f, spec) ?? '');
    }
    expect(reached.size).toBeGreaterThan(100);
    expect(shipped.filter((f) => !reached.has(f))).toEqual([]);
  });

  it('tooling stays out of the shipped tree: src imports nothing from tools, tests or scripts', () => {
    const bad = shipped.flatMap((f) => importsOf(f).filter((s) => s.startsWith('.') && /^(tools|tests|scripts)\//.test(relative(ROOT, resolve(ROOT, dirname(f), s)))).map((s) => `${f} imports ${s}`));
    expect(bad).toEqual([]);
  });
});
