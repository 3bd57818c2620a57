// The dashboard server on a big cluster, from outside: `netwarden ui` (the built dist/) started as
// a child process, timed from spawn to the printed URL, then the two requests the page makes
// first, /api/cluster and /api/map (the default level), each asked twice, gzipped as a browser
// asks, plus /api/map?level=namespace and an explain. Prints one line per measure.
//
//   npx tsc -p tsconfig.json && node --import tsx bench/dashboard-api.ts --dir <manifests>
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { describeMachine, machineText } from './machine.js';

interface Timed {
  readonly ms: number;
  readonly status: number;
  readonly wireBytes: number;
  readonly jsonBytes: number;
}

function timedGet(url: string, path: string): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path.slice(1)}`, { headers: { 'Accept-Encoding': 'gzip' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const json = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        JSON.parse(json.toString('utf8'));
        resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, wireBytes: wire.length, jsonBytes: json.length });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function peakRssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, explain: { type: 'string', default: '' } } });
  if (values.dir === undefined) throw new Error('--dir <manifests> is required');
  console.log(machineText(describeMachine()));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/bin/netwarden.js', 'ui', '-f', values.dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let url = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (match !== null) {
      url = match[0];
      break;
    }
  }
  if (url === '') throw new Error(`netwarden ui exited before listening:\n${out}`);
  console.log(`process start to "listening": ${((performance.now() - started) / 1000).toFixed(2)} s`);
  const paths = ['/api/cluster', '/api/cluster', '/api/map', '/api/map', '/api/map?level=namespace'];
  if (values.explain !== '') paths.push(`/api/explain?${values.explain}`);
  for (const path of paths) {
    const t = await timedGet(url, path);
    const mb = (n: number): string => (n / 1e6).toFixed(2);
    console.log(`GET ${path}: ${t.status} in ${t.ms.toFixed(0)} ms, ${mb(t.wireBytes)} MB gzipped, ${mb(t.jsonBytes)} MB JSON`);
  }
  console.log(`server peak RSS: ${peakRssMB(child.pid!).toFixed(0)} MB`);
  child.kill('SIGTERM');
  await once(child, 'exit');
}

await main();
