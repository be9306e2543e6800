// Makes sure the two system browsers the tests drive are installed:
//   Chromium    /usr/lib/chromium/chromium  (the real binary; /usr/bin/chromium is a wrapper that adds flags)
//   Firefox ESR /usr/bin/firefox-esr
// Present: exits 0 at once. Missing, as root on Debian/Ubuntu: installs them with apt-get and checks again.
// Otherwise: exits 1 with one line saying exactly what to run. Paths can be overridden with CHROMIUM_PATH and
// FIREFOX_PATH (the e2e harness reads the same variables).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];
const INSTALL = 'apt-get update && apt-get install -y chromium firefox-esr';

const missing = () => BROWSERS.filter((b) => !existsSync(b.path));

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

let absent = missing();
if (absent.length === 0) process.exit(0);

const what = absent.map((b) => `${b.name} (${b.path})`).join(' and ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
if (!hasApt) fail(`Missing ${what}: install the Debian packages ${absent.map((b) => b.pkg).join(' ')}, or set CHROMIUM_PATH / FIREFOX_PATH.`);
if (!isRoot) fail(`Missing ${what}: run  sudo sh -c '${INSTALL}'`);

process.stdout.write(`[ensure-browsers] installing ${what} with apt-get…\n`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', ...absent.map((b) => b.pkg)]]) {
  const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (res.status !== 0) fail(`[ensure-browsers] apt-get ${args[0]} failed (exit ${res.status}); run  ${INSTALL}  and retry.`);
}
absent = missing();
if (absent.length > 0) {
  // e.g. Ubuntu: `chromium` is a snap stub and there is no firefox-esr package without the mozillateam PPA.
  fail(`[ensure-browsers] still missing after apt-get: ${absent.map((b) => b.path).join(', ')}; install Debian's chromium and firefox-esr packages or set CHROMIUM_PATH / FIREFOX_PATH.`);
}
process.stdout.write('[ensure-browsers] browsers installed\n');
