// The dashboard in a real browser: the server started in-process on a free port against the
// guide's example, Debian's Chromium driven by playwright-core. Skipped (with the reason) when
// /usr/bin/chromium is absent. Each view is saved as a screenshot (test/.actual/screenshots;
// docs/images with UPDATE_SCREENSHOTS=1).
import { strict as assert } from 'node:assert';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDashboard } from '../../src/web/server/index.js';
import { REPO, ensureWebBuild, launchChromium, saveScreenshot } from './browser.js';

// Relative to the working directory when it is the repository (npm test): the header shows the sources as given.
const GUIDE = relative(process.cwd(), join(REPO, 'examples', 'guide')) || '.';
const CLUSTER_WIDE = relative(process.cwd(), join(REPO, 'examples', 'cluster-wide'));
const HOSTILE = relative(process.cwd(), join(REPO, 'test', 'fixtures', 'web', 'hostile.yaml'));
const ANY_NAMESPACE = relative(process.cwd(), join(REPO, 'test', 'fixtures', 'web', 'any-namespace.yaml'));
const ENTIRE_CLUSTER = 'peer:entire cluster';
const FRONTEND = 'default/deployment/frontend';
const BACKEND = 'default/deployment/backend';
const DATABASE = 'default/deployment/database';
const EVIL = '<img src=x onerror=alert(1)>';

/** `window.__netwarden`, the app's read-only test hook (src/web/app/src/hook.ts). */
interface Probe {
  state(): { ready: boolean; graphLaidOut: boolean; whatIf: boolean };
  graphNodes(): string[];
  graphEdges(): [string, string][];
  edgePoint(from: string, to: string): { x: number; y: number } | null;
  nodePoint(id: string): { x: number; y: number } | null;
  nodeLabel(id: string): string | null;
  edgeLabel(from: string, to: string): string | null;
  matrixCell(from: string, to: string): string | null;
  matrixCellPoint(from: string, to: string): { x: number; y: number } | null;
}
type Hooked = { __netwarden: Probe };

function diffRow(change: string, from: string, to: string): string {
  return `[data-testid="whatif-diff"] tr[data-change="${change}"][data-from="${from}"][data-to="${to}"]`;
}

/** access-backend-database admitting the frontend as well as the backend. */
const ADMIT_FRONTEND = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: access-backend-database
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: database
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - key: app
                operator: In
                values: [backend, frontend]
`;

/** A page on the dashboard that records every request's URL and every dialog. */
async function openDashboard(browser: Browser, url: string, requests: string[], dialogs: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 880 } });
  page.on('request', (request) => void requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.state().ready);
  return page;
}

/** Runs `fn` on the page's hook (`fn` is serialized: it may use only its arguments). */
function probe<T>(page: Page, fn: (p: Probe, arg: [string, string]) => T, arg: [string, string] = ['', '']): Promise<T> {
  return page.evaluate(`(${fn.toString()})(globalThis.__netwarden, ${JSON.stringify(arg)})`) as Promise<T>;
}

test('the dashboard in Chromium', { timeout: 120_000 }, async (t) => {
  const launch = await launchChromium();
  if (launch.kind === 'unavailable') return t.skip(launch.reason);
  await ensureWebBuild();
  const { browser } = launch;
  const guide = await startDashboard({ inputs: [GUIDE], port: 0 });
  const requests: string[] = [];
  const dialogs: string[] = [];
  t.after(async () => {
    await browser.close();
    await guide.close();
  });
  const page = await openDashboard(browser, guide.url, requests, dialogs);

  await t.test('the graph shows frontend, backend and database, and no frontend → database edge', async () => {
    await page.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.state().graphLaidOut);
    const nodes = await probe(page, (p) => p.graphNodes());
    for (const id of [FRONTEND, BACKEND, DATABASE]) assert.ok(nodes.includes(id), `${id} in ${nodes.join(', ')}`);
    const edges = await probe(page, (p) => p.graphEdges().map(([f, to]) => `${f} -> ${to}`));
    assert.ok(edges.includes(`${BACKEND} -> ${DATABASE}`), edges.join('\n'));
    assert.ok(!edges.includes(`${FRONTEND} -> ${DATABASE}`), edges.join('\n'));
    await saveScreenshot(page, 'graph', { docs: true });
  });

  await t.test('the graph exports as an SVG that names the workloads, and as a PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const path = await download.path();
    const svg = await readFile(path, 'utf8');
    assert.match(svg, /^<\?xml[^>]*>\n<svg /);
    for (const name of ['frontend', 'backend', 'database']) assert.ok(svg.includes(`>${name}</tspan>`), name);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    assert.equal(png.suggestedFilename(), 'netwarden-graph.png');
    assert.deepEqual([...(await readFile(await png.path())).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });

  await t.test('clicking the backend → database edge explains it with access-backend-database', async () => {
    const point = await probe(page, (p, [f, to]) => p.edgePoint(f, to), [BACKEND, DATABASE]);
    assert.ok(point !== null, 'the edge is drawn');
    await page.mouse.click(point.x, point.y);
    const panel = page.getByTestId('explain-panel');
    await panel.getByTestId('explain-verdict').waitFor();
    assert.match(await panel.getByTestId('explain-verdict').innerText(), /ALLOWED/);
    assert.ok((await panel.innerText()).includes('access-backend-database'));
    assert.ok((await panel.locator('.line.hl').count()) > 0, 'a deciding line is highlighted');
    await saveScreenshot(page, 'explain', { docs: true });
  });

  await t.test('the matrix cell frontend → database is denied', async () => {
    await page.getByTestId('tab-matrix').click();
    assert.equal(await probe(page, (p, [f, to]) => p.matrixCell(f, to), [FRONTEND, DATABASE]), 'denied');
    const point = await probe(page, (p, [f, to]) => p.matrixCellPoint(f, to), [FRONTEND, DATABASE]);
    assert.ok(point !== null);
    await page.mouse.move(point.x, point.y);
    assert.equal(await page.getByTestId('matrix-cell-state').innerText(), 'denied');
    assert.equal(await probe(page, (p, [f, to]) => p.matrixCell(f, to), [BACKEND, DATABASE]), 'allowed');
    await saveScreenshot(page, 'matrix', { docs: true });
  });

  await t.test('the policies panel says what access-backend-database does', async () => {
    await page.getByTestId('tab-policies').click();
    const text = await page.getByTestId('policies-panel').innerText();
    assert.ok(text.includes('default/access-backend-database'), text);
    assert.match(text, /app=database/);
    await saveScreenshot(page, 'policies');
  });

  await t.test('a what-if that deletes the policy allows frontend → database and the diff lists it', async () => {
    await page.getByTestId('tab-whatif').click();
    await page.getByTestId('whatif-policy').selectOption('default/access-backend-database');
    await page.locator('[data-testid="whatif-editor"] .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.getByTestId('whatif-apply').click();
    await page.locator(diffRow('added', FRONTEND, DATABASE)).waitFor();
    assert.equal(await probe(page, (p, [f, to]) => p.matrixCell(f, to), [FRONTEND, DATABASE]), 'allowed');
    await saveScreenshot(page, 'whatif-delete');
    await page.getByTestId('whatif-reset').click();
    await page.waitForFunction(() => !(globalThis as unknown as Hooked).__netwarden.state().whatIf);
    assert.equal(await probe(page, (p, [f, to]) => p.matrixCell(f, to), [FRONTEND, DATABASE]), 'denied');
  });

  await t.test('a what-if that admits the frontend too adds only frontend → database, on the graph as well', async () => {
    await page.getByTestId('whatif-policy').selectOption('default/access-backend-database');
    await page.locator('[data-testid="whatif-editor"] .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(ADMIT_FRONTEND);
    await page.getByTestId('whatif-apply').click();
    await page.locator(diffRow('added', FRONTEND, DATABASE)).waitFor();
    assert.equal(await page.locator('[data-testid="whatif-diff"] tr[data-change]').count(), 1);
    await saveScreenshot(page, 'whatif', { docs: true });
    await page.getByTestId('tab-graph').click();
    await page.waitForFunction(([f, to]) => (globalThis as unknown as Hooked).__netwarden.graphEdges().some(([a, b]) => a === f && b === to), [FRONTEND, DATABASE]);
    await saveScreenshot(page, 'whatif-graph', { docs: true });
  });

  await t.test('a what-if with an invalid label value shows the problem inline in the editor', async () => {
    await page.getByTestId('tab-whatif').click();
    await page.getByTestId('whatif-policy').selectOption('default/access-backend-database');
    await page.locator('[data-testid="whatif-editor"] .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(ADMIT_FRONTEND.replace('values: [backend, frontend]', 'values: ["back end"]'));
    await page.getByTestId('whatif-apply').click();
    await page.getByTestId('whatif-problems').waitFor();
    assert.match(await page.getByTestId('whatif-problems').innerText(), /what-if:\d+: .*Invalid value: "back end"/);
    await page.locator('[data-testid="whatif-editor"] .cm-lint-marker-error').first().waitFor();
    await saveScreenshot(page, 'whatif-problem', { docs: true });
    await page.getByTestId('whatif-reset').click();
  });

  await t.test('editing a manifest on disk updates the open page (--watch)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netwarden-e2e-'));
    await cp(join(REPO, 'examples', 'guide'), dir, { recursive: true });
    const live = await startDashboard({ inputs: [dir], port: 0, watch: true });
    try {
      const p3 = await openDashboard(browser, live.url, requests, dialogs);
      await p3.locator('.live.on').waitFor();
      assert.equal(await probe(p3, (p, [f, to]) => p.matrixCell(f, to), [FRONTEND, DATABASE]), 'denied');
      await rm(join(dir, 'access-backend-database.yaml'));
      await p3.waitForFunction(([f, to]: readonly [string, string]) => (globalThis as unknown as Hooked).__netwarden.matrixCell(f, to) === 'allowed', [FRONTEND, DATABASE] as const);
      assert.match(await p3.getByRole('status').innerText(), /reloaded/);
      await p3.close();
    } finally {
      await live.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  await t.test('hostile names, labels and annotations render as text', async () => {
    const hostile = await startDashboard({ inputs: [GUIDE, HOSTILE], port: 0 });
    try {
      const evil = await openDashboard(browser, hostile.url, requests, dialogs);
      await evil.getByTestId('problems-button').click();
      const problemsText = await evil.getByTestId('problems').innerText();
      assert.ok(problemsText.includes(EVIL), `problems panel: ${problemsText}`);
      await evil.getByTestId('tab-policies').click();
      await evil.locator('[data-policy="default/shop-ingress"] details').evaluate((d) => void ((d as unknown as { open: boolean }).open = true));
      const policiesText = await evil.getByTestId('policies-panel').innerText();
      assert.ok(policiesText.includes(`owner: "${EVIL}"`), `policies panel: ${policiesText}`);
      await evil.getByTestId('tab-whatif').click();
      await evil.getByTestId('whatif-policy').selectOption('default/shop-ingress');
      // The editor shows the chosen policy on its next render: wait for it rather than read at once.
      await evil.getByTestId('whatif-editor').getByText('name: shop-ingress').waitFor();
      const editorText = await evil.getByTestId('whatif-editor').innerText();
      assert.ok(editorText.includes(EVIL), `what-if editor: ${editorText}`);
      assert.ok(problemsText.includes('<img src=x onerror=alert(2)>'), 'the rejected hostile peer is a problem, as text');
      await evil.getByTestId('problems-button').click();
      await evil.getByTestId('tab-graph').click();
      await evil.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.state().graphLaidOut);
      const peer = await probe(evil, (p, [id]) => p.nodePoint(id), [ENTIRE_CLUSTER, '']);
      assert.ok(peer !== null, 'the any namespace node is drawn');
      await saveScreenshot(evil, 'graph-hostile');
      await evil.mouse.click(peer.x, peer.y);
      await saveScreenshot(evil, 'graph-hostile-clicked');
      assert.match(await evil.getByTestId('peer-details').innerText(), /default\/deployment\/shop/);
      assert.equal(await evil.locator('img').count(), 0, 'no <img> element was injected');
      assert.deepEqual(dialogs, [], 'no dialog fired');
      await evil.close();
    } finally {
      await hostile.close();
    }
  });

  await t.test('namespaces are drawn as groups and a port-limited connection is partly allowed (cluster-wide example)', async () => {
    const wide = await startDashboard({ inputs: [CLUSTER_WIDE], port: 0 });
    try {
      const p2 = await openDashboard(browser, wide.url, requests, dialogs);
      await p2.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.state().graphLaidOut);
      const nodes = await probe(p2, (p) => p.graphNodes());
      for (const id of ['ns:shop', 'ns:monitoring', 'ns:partners', 'monitoring/pod/prometheus', 'shop/pod/web']) assert.ok(nodes.includes(id), id);
      assert.equal(await probe(p2, (p, [f, to]) => p.matrixCell(f, to), ['monitoring/pod/prometheus', 'shop/pod/web']), 'partial');
      await saveScreenshot(p2, 'graph-cluster-wide', { docs: true });
      await p2.getByTestId('tab-policies').click();
      const text = await p2.getByTestId('policies-panel').innerText();
      assert.match(text, /AdminNetworkPolicy/);
      assert.match(text, /BaselineAdminNetworkPolicy/);
      await saveScreenshot(p2, 'policies-cluster-wide', { docs: true });
      await p2.close();
    } finally {
      await wide.close();
    }
  });

  await t.test('a database admitting namespaceSelector: {} on TCP/5432: the any namespace node and its edge; the peer panel', async () => {
    const wide = await startDashboard({ inputs: [ANY_NAMESPACE], port: 0 });
    try {
      const p4 = await openDashboard(browser, wide.url, requests, dialogs);
      await p4.waitForFunction(() => (globalThis as unknown as Hooked).__netwarden.state().graphLaidOut);
      const db = 'data/deployment/database';
      assert.equal(await probe(p4, (p, [id]) => p.nodeLabel(id), [ENTIRE_CLUSTER, '']), 'any namespace\nentire cluster');
      assert.equal(await probe(p4, (p, [f, to]) => p.edgeLabel(f, to), [ENTIRE_CLUSTER, db]), 'TCP 5432');
      const monitoring = 'peer:namespaces purpose=monitoring, any pod';
      assert.equal(await probe(p4, (p, [id]) => p.nodeLabel(id), [monitoring, '']), 'namespaces purpose=monitoring, any pod');
      assert.equal(await probe(p4, (p, [f, to]) => p.edgeLabel(f, to), [monitoring, db]), 'TCP 5432,9187');
      assert.equal(await probe(p4, (p, [f, to]) => p.edgeLabel(f, to), ['shop/deployment/web', 'peer:any namespace, pods k8s-app=kube-dns']), 'TCP 5432; UDP 53');
      const point = await probe(p4, (p, [id]) => p.nodePoint(id), [ENTIRE_CLUSTER, '']);
      assert.ok(point !== null);
      await p4.mouse.click(point.x, point.y);
      const panel = await p4.getByTestId('peer-details').innerText();
      assert.match(panel, /Reaches \(2\)/);
      assert.ok(panel.includes(`${db} TCP/5432`), panel);
      await saveScreenshot(p4, 'graph-any-namespace');
      await p4.close();
    } finally {
      await wide.close();
    }
  });

  await t.test('no request leaves 127.0.0.1', () => {
    assert.ok(requests.length > 0);
    const outside = requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(u));
    assert.deepEqual(outside, []);
  });
});
