/**
 * Screenshots of rendered pages with Debian's headless Chromium, to look at
 * what a report really looks like. Optional: callers check `chromiumPath()`
 * first and skip where it is not installed (`apt-get install chromium`).
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
export function chromiumPath(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Writes `html` to a temporary file and saves a PNG screenshot of it to `file`.
 * A fresh profile each time, and no background networking, so a run depends
 * on nothing but the page.
 */
export async function screenshot(html: string, file: string, options: { width?: number; height?: number } = {}): Promise<void> {
  const executable = chromiumPath();
  if (!executable) throw new Error('chromium is not installed (apt-get install chromium)');
  const dir = await mkdtemp(join(tmpdir(), 'screenshot-'));
  try {
    const page = join(dir, 'page.html');
    await writeFile(page, html, 'utf8');
    // An old screenshot left at `file` must not pass for this one.
    await rm(resolve(file), { force: true });
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--window-size=${options.width ?? 1000},${options.height ?? 1400}`,
      `--screenshot=${resolve(file)}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((done, fail) => {
      execFile(executable, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
        if (!error && existsSync(resolve(file))) return done();
        const why = error ? (error.killed ? `timed out after ${TIMEOUT_MS / 1000} s` : error.message) : 'no screenshot was written';
        fail(new Error(`chromium screenshot of ${file} failed: ${why}\n${stderr}`));
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
