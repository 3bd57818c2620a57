// The dashboard on a big cluster, measured in a real browser: `netwarden ui` started as a child
// process, Debian's Chromium (playwright-core) timing the page from navigation to the graph laid
// out, then the responsiveness of the matrix (a tab switch, scroll redraws) and of the graph
// (selecting a namespace draws its connections).
//
//   node --import tsx bench/dashboard.ts --dir <manifests> [--runs 3] [--screenshots <dir>]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { REPO, ensureWebBuild, launchChromium } from '../test/web/browser.js';
import { describeMachine, machineText } from './machine.js';

interface Probe {
  state(): { ready: boolean; graphLaidOut: boolean; level: string };
  graphNodes(): string[];
  graphEdges(): [string, string][];
  nodePoint(id: string): { x: number; y: number } | null;
}
type Hooked = { __netwarden: Probe };
/** What the page scripts below use of the browser (this file is typechecked without the DOM lib). */
interface PageGlobal {
  requestAnimationFrame(callback: () => void): number;
  document: { querySelector(selector: string): { scrollTop: number; scrollLeft: number } | null };
  performance: { getEntriesByName(name: string): { duration: number }[]; clearMeasures(): void };
}

async function startServer(dir: string): Promise<{ url: string; seconds: number; stop(): Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bin', 'netwarden.ts'), 'ui', '-f', dir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (match !== null) {
      const seconds = (performance.now() - started) / 1000;
      return { url: match[0], seconds, stop: async () => { child.kill('SIGTERM'); await once(child, 'exit'); } };
    }
  }
  throw new Error(`netwarden ui exited before listening:\n${out}`);
}

async function seconds(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return (performance.now() - start) / 1000;
}

const twoFrames = () =>
  new Promise<void>((resolve) => {
    const g = globalThis as unknown as PageGlobal;
    g.requestAnimationFrame(() => g.requestAnimationFrame(() => resolve()));
  });

async function measurePage(page: Page, url: string, screenshots: string | undefined): Promise<Record<string, number | string>> {
  const load = await seconds(async () => {
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.state().graphLaidOut, undefined, { timeout: 120_000 });
  });
  const state = await page.evaluate(() => (globalThis as unknown as Hooked).__netwarden.state());
  if (screenshots !== undefined) await page.screenshot({ path: join(screenshots, 'dashboard-large-graph.png') });
  const nodes = await page.evaluate(() => (globalThis as unknown as Hooked).__netwarden.graphNodes().length);
  // Selecting a namespace of a large map draws its connections (they are not drawn up front).
  const point = await page.evaluate(() => (globalThis as unknown as Hooked).__netwarden.nodePoint('kube-system'));
  const select = await seconds(async () => {
    if (point === null) throw new Error('kube-system is not drawn');
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.graphEdges().length > 0);
  });
  const edges = await page.evaluate(() => (globalThis as unknown as Hooked).__netwarden.graphEdges().length);
  const matrix = await seconds(async () => {
    await page.getByTestId('tab-matrix').click();
    await page.evaluate(twoFrames);
  });
  // 20 scroll steps across the matrix; each redraw's duration is a User Timing measure.
  const scroll = await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobal;
    const scroller = g.document.querySelector('[data-testid="matrix"]');
    if (scroller === null) return -1;
    g.performance.clearMeasures();
    for (let i = 1; i <= 20; i++) {
      scroller.scrollTop = i * 700;
      scroller.scrollLeft = i * 500;
      await new Promise<void>((resolve) => g.requestAnimationFrame(() => g.requestAnimationFrame(() => resolve())));
    }
    const draws = g.performance.getEntriesByName('netwarden:matrix-draw').map((e) => e.duration).sort((a, b) => a - b);
    return `${(draws[Math.floor(draws.length / 2)] ?? -1).toFixed(1)} / ${(draws[draws.length - 1] ?? -1).toFixed(1)}`;
  });
  if (screenshots !== undefined) await page.screenshot({ path: join(screenshots, 'dashboard-large-matrix.png') });
  return { level: state.level, nodes, load, select, edges, matrix, scrollMs: scroll };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, runs: { type: 'string', default: '3' }, screenshots: { type: 'string' } } });
  if (values.dir === undefined) throw new Error('usage: bench/dashboard.ts --dir <manifests> [--runs 3]');
  const launch = await launchChromium();
  if (launch.kind === 'unavailable') throw new Error(launch.reason);
  await ensureWebBuild();
  console.log(`Machine: ${machineText(describeMachine())}`);
  console.log('| run | server start s | level | nodes drawn | page load → graph laid out s | select kube-system → its edges drawn s (edges) | matrix tab s | matrix redraw while scrolling, median / max ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const server = await startServer(values.dir);
  try {
    for (let run = 1; run <= Number(values.runs); run++) {
      // A fresh page each run: nothing cached from the previous one.
      const page = await launch.browser.newPage({ viewport: { width: 1440, height: 880 } });
      try {
        const m = await measurePage(page, server.url, run === 1 ? values.screenshots : undefined);
        const f = (n: number | string | undefined) => (typeof n === 'number' ? n.toFixed(2) : String(n));
        console.log(`| ${run} | ${run === 1 ? f(server.seconds) : ''} | ${m['level']} | ${m['nodes']} | ${f(m['load'])} | ${f(m['select'])} (${m['edges']}) | ${f(m['matrix'])} | ${f(m['scrollMs'])} |`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await server.stop();
  }
  await launch.browser.close();
}

await main();
