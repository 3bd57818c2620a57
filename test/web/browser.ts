// The browser tests' launch helper: Debian's Chromium driven by playwright-core (no browser
// download), and the dashboard's bundle rebuilt when the app's sources are newer than it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP = join(REPO, 'src', 'web', 'app');
const INDEX = join(REPO, 'dist', 'web', 'index.html');

export type Launch = { kind: 'ok'; browser: Browser } | { kind: 'unavailable'; reason: string };

export async function launchChromium(): Promise<Launch> {
  if (!existsSync(CHROMIUM)) return { kind: 'unavailable', reason: `${CHROMIUM} is absent (apt-get install chromium)` };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  return { kind: 'ok', browser };
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds dist/web with Vite when it is missing or older than src/web/app or vite.config.ts. */
export async function ensureWebBuild(): Promise<'built' | 'up to date'> {
  const sources = Math.max(newestMtime(APP), newestMtime(join(REPO, 'vite.config.ts')), newestMtime(join(REPO, 'src', 'web', 'api-types.ts')));
  if (existsSync(INDEX) && statSync(INDEX).mtimeMs >= sources) return 'up to date';
  const { build } = await import('vite');
  await build({ configFile: join(REPO, 'vite.config.ts'), root: APP, logLevel: 'warn' });
  return 'built';
}

/**
 * Saves a view's screenshot to test/.actual/screenshots; with UPDATE_SCREENSHOTS=1, the ones the
 * docs show (`docs: true`) also go to docs/images.
 */
export async function saveScreenshot(page: Page, view: string, options: { docs?: boolean } = {}): Promise<void> {
  const png = await page.screenshot({ type: 'png' });
  const targets = [join(REPO, 'test', '.actual', 'screenshots', `dashboard-${view}.png`)];
  if (process.env['UPDATE_SCREENSHOTS'] === '1' && options.docs === true) targets.push(join(REPO, 'docs', 'images', `dashboard-${view}.png`));
  for (const target of targets) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, png);
  }
}
