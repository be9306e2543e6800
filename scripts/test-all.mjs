// `npm test`: every check, in order, stopping at the first failure:
//   browsers present -> build -> typecheck -> lint (web-ext lint 0 errors, knip, import cycles) -> vitest unit -> vitest e2e
// `--only=lint,unit` runs a subset. Ends with one plain line `N passed, N failed` (vitest test counts, unit + e2e), exit 0 only if all passed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reportDir = join(root, '.tmp', 'test-all');

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args) {
  process.stdout.write(`\n=== ${label}: ${[cmd, ...args].join(' ')}\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    child.on('error', (err) => {
      process.stderr.write(`${label}: could not start ${cmd}: ${err.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`=== ${label}: ${code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`} in ${secs} s\n`);
      resolve(code ?? 1);
    });
  });
}

function finish(code) {
  if (totals.skipped > 0) process.stdout.write(`(${totals.skipped} skipped)\n`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
  process.exit(code);
}

/** web-ext lint with JSON output: errors fail the run, warnings and notices are printed. */
async function lint() {
  process.stdout.write(`\n=== lint: web-ext lint --source-dir dist/firefox\n`);
  const started = Date.now();
  const { stdout, code } = await new Promise((resolve) => {
    const child = spawn(bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--boring'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('error', () => resolve({ stdout: '', code: 127 }));
    child.on('exit', (c) => resolve({ stdout: text, code: c ?? 1 }));
  });
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    process.stdout.write(stdout);
    process.stderr.write(`lint: web-ext lint did not produce JSON (exit ${code})\n`);
    return 1;
  }
  const show = (kind, list) => {
    for (const m of list) process.stdout.write(`  ${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}\n    ${m.description ?? ''}\n`);
  };
  show('ERROR', report.errors ?? []);
  show('warning', report.warnings ?? []);
  show('notice', report.notices ?? []);
  const errors = (report.errors ?? []).length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `=== lint: ${errors} error(s), ${(report.warnings ?? []).length} warning(s), ${(report.notices ?? []).length} notice(s) in ${secs} s\n`,
  );
  return errors === 0 ? 0 : 1;
}

/** Runs one vitest project with a JSON report beside the usual output and adds its counts to the totals. */
async function vitest(project, extra = []) {
  const file = join(reportDir, `vitest-${project}.json`);
  rmSync(file, { force: true });
  const code = await run(`vitest ${project}`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
    ...extra,
  ]);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A file that fails to load has no failed tests but is still a failure.
    if (code !== 0 && (r.numFailedTests ?? 0) === 0) totals.failed += Math.max(1, r.numFailedTestSuites ?? 0);
  } else if (code !== 0) {
    totals.failed += 1;
  }
  return code;
}

mkdirSync(reportDir, { recursive: true });
// Tests write screenshots to artifacts/ (gitignored, so absent on a fresh clone).
mkdirSync(join(root, 'artifacts'), { recursive: true });
const steps = {
  browsers: () => run('browsers', process.execPath, ['scripts/ensure-browsers.mjs']),
  build: () => run('build', process.execPath, ['build.mjs']),
  typecheck: () => run('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  // web-ext lint (0 errors), then dead code (knip, knip.json) and import cycles (dependency-cruiser, type-only
  // imports included, .dependency-cruiser.cjs): all three run and report; the step fails if any of them fails.
  lint: async () => {
    const codes = [
      await lint(),
      await run('dead code', 'npm', ['run', '--silent', 'lint:dead']),
      await run('import cycles', 'npm', ['run', '--silent', 'lint:cycles']),
    ];
    return codes.find((c) => c !== 0) ?? 0;
  },
  unit: () => vitest('unit'),
  // Files one at a time: each launches two browsers and the machine may have two cores.
  e2e: () => vitest('e2e', ['--no-file-parallelism']),
};
// `node scripts/test-all.mjs --only=lint,e2e` reruns some steps (in the order above) while iterating.
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : Object.keys(steps);
const unknown = only.filter((s) => !Object.hasOwn(steps, s));
if (unknown.length > 0) {
  process.stderr.write(`unknown step(s) ${unknown.join(', ')}; steps: ${Object.keys(steps).join(', ')}\n`);
  process.exit(2);
}
for (const [name, step] of Object.entries(steps)) {
  if (!only.includes(name)) continue;
  const code = await step();
  if (code !== 0) {
    process.stdout.write(`\nstopped: ${name} failed\n`);
    finish(code);
  }
}
finish(totals.failed === 0 ? 0 : 1);
