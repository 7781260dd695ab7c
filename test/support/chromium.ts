/**
 * Screenshots of rendered pages with Debian's headless Chromium, to look at
 * what a page really looks like. `npm test` installs Chromium where it can
 * (.ci/system-packages); where it could not, a browser test fails saying so,
 * never skips.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const TIMEOUT_MS = 60_000;

/** The Chromium executable, if one is installed. */
/** Why a browser test cannot run here. */
export const MISSING = "Debian's chromium and fonts-noto-cjk are needed: apt-get install chromium fonts-noto-cjk (npm test's pretest does)";

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path));
}

/** Chromium's switches for a run that depends on nothing but the page: a fresh profile, no background networking. */
const isolated = (profile: string) => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  `--user-data-dir=${profile}`,
];

/** Runs Chromium with `args` and answers what it printed; `what` names the run in a failure. */
function runChromium(args: string[], what: string): Promise<string> {
  const executable = chromiumPath();
  if (!executable) throw new Error(MISSING);
  return new Promise((done, fail) => {
    execFile(executable, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      fail(new Error(`chromium ${what} failed: ${error.killed ? `timed out after ${TIMEOUT_MS / 1000} s` : error.message}\n${stderr}`));
    });
  });
}

/**
 * Writes `html` to a temporary file and saves a PNG screenshot of it to `file`.
 * A fresh profile each time, and no background networking, so a run depends
 * on nothing but the page.
 */
export async function screenshot(html: string, file: string, options: { width?: number; height?: number } = {}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'screenshot-'));
  try {
    const page = join(dir, 'page.html');
    await writeFile(page, html, 'utf8');
    // An old screenshot left at `file` must not pass for this one.
    await rm(resolve(file), { force: true });
    const args = [...isolated(join(dir, 'profile')), `--window-size=${options.width ?? 1000},${options.height ?? 1400}`, `--screenshot=${resolve(file)}`, pathToFileURL(page).href];
    await runChromium(args, `screenshot of ${file}`);
    if (!existsSync(resolve(file))) throw new Error(`chromium wrote no screenshot of ${file}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The document of the page at `url` as Chromium has it once its scripts ran
 * (up to `budgetMs` of virtual time), under the page's own headers (its
 * content security policy too).
 */
export async function renderedDom(url: string, budgetMs = 10_000): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dom-'));
  try {
    return await runChromium([...isolated(join(dir, 'profile')), `--virtual-time-budget=${budgetMs}`, '--dump-dom', url], `render of ${url}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Debian's Chromium driven by playwright-core, for tests that use a page as
 * a person does (type, tap, go offline). Fails, never skips, where Chromium
 * is missing.
 */
export async function launchBrowser(): Promise<import('playwright-core').Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(MISSING);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
}
