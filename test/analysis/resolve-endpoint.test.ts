import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseEndpointSpec, resolveEndpoint } from '../../src/analysis/resolve-endpoint.js';
import type { Cluster, Service, Workload } from '../../src/model/cluster.js';
import { cluster, pod, port } from '../helpers/builders.js';

const web: Workload = { namespace: 'shop', kind: 'Deployment', name: 'web', podLabels: { app: 'web' }, ports: [], replicas: 3 };
const emptyJob: Workload = { namespace: 'shop', kind: 'Job', name: 'batch', podLabels: { app: 'batch' }, ports: [], replicas: 0 };
const webService: Service = { namespace: 'shop', name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] };
const headless: Service = { namespace: 'shop', name: 'external-db', ports: [{ port: 5432, targetPort: 5432, protocol: 'TCP' }] };

function shop(extra: Partial<Cluster> = {}): Cluster {
  const owner = { kind: 'Deployment', name: 'web' };
  const pods = [
    pod('shop/web-10', { app: 'web' }, { owner, ports: [port(8080, 'http')] }),
    pod('shop/web-2', { app: 'web' }, { owner, ports: [port(8080, 'http')] }),
    pod('shop/web-1', { app: 'web' }, { owner, ports: [port(8080, 'http')] }),
    pod('shop/client', { app: 'client' }),
  ];
  return { ...cluster({ pods }), workloads: [web, emptyJob], services: [webService, headless], ...extra };
}

function resolve(text: string, c: Cluster = shop()) {
  const spec = parseEndpointSpec(text, 'shop');
  assert.ok(spec.ok, `parse ${text}`);
  return resolveEndpoint(c, text, spec.value);
}

function chosenPod(text: string): string {
  const result = resolve(text);
  assert.ok(result.ok, result.ok ? '' : result.errors.join('; '));
  const endpoint = result.value.end.endpoint;
  return endpoint.kind === 'pod' ? `${endpoint.pod.namespace}/${endpoint.pod.name}` : endpoint.ip;
}

function errorOf(text: string): string {
  const result = resolve(text);
  assert.ok(!result.ok, `expected ${text} not to resolve`);
  return result.errors.join('; ');
}

describe('parseEndpointSpec', () => {
  test('an IPv4 or IPv6 address is an external endpoint', () => {
    assert.deepEqual(parseEndpointSpec('10.0.0.7', 'x'), { ok: true, value: { kind: 'ip', ip: '10.0.0.7' } });
    assert.deepEqual(parseEndpointSpec('2001:db8::1', 'x'), { ok: true, value: { kind: 'ip', ip: '2001:db8::1' } });
  });

  test('a bare name lives in the -n namespace', () => {
    assert.deepEqual(parseEndpointSpec('web-1', 'shop'), { ok: true, value: { kind: 'pod-or-workload', namespace: 'shop', name: 'web-1' } });
  });

  test('kinds are lowercase kinds or kubectl short names', () => {
    const deploy = parseEndpointSpec('shop/deploy/web', 'x');
    assert.deepEqual(deploy, { ok: true, value: { kind: 'workload', namespace: 'shop', workloadKind: 'Deployment', name: 'web' } });
    const sts = parseEndpointSpec('shop/statefulset/db', 'x');
    assert.deepEqual(sts, { ok: true, value: { kind: 'workload', namespace: 'shop', workloadKind: 'StatefulSet', name: 'db' } });
    assert.deepEqual(parseEndpointSpec('shop/svc/web', 'x'), { ok: true, value: { kind: 'service', namespace: 'shop', name: 'web' } });
  });

  test('an unknown kind, an empty part or too many parts is an error', () => {
    const unknown = parseEndpointSpec('shop/gadget/web', 'x');
    assert.ok(!unknown.ok && /unknown kind "gadget"/.test(unknown.errors[0] ?? ''));
    assert.equal(parseEndpointSpec('shop//web', 'x').ok, false);
    assert.equal(parseEndpointSpec('a/b/c/d', 'x').ok, false);
  });
});

describe('resolveEndpoint', () => {
  test('a pod named directly is that pod', () => {
    assert.equal(chosenPod('shop/web-2'), 'shop/web-2');
    assert.equal(chosenPod('shop/pod/client'), 'shop/client');
  });

  test('a workload stands for its first pod by name, numbers compared as numbers', () => {
    assert.equal(chosenPod('shop/deployment/web'), 'shop/web-1');
    const result = resolve('shop/deployment/web');
    assert.ok(result.ok);
    assert.deepEqual(result.value.end.choice, { kind: 'workload', workloadKind: 'Deployment', name: 'web', podCount: 3 });
  });

  test('NS/NAME naming a workload rather than a pod picks its first pod and says so', () => {
    const result = resolve('shop/web');
    assert.ok(result.ok);
    assert.equal(result.value.end.choice.kind, 'workload');
    assert.equal(chosenPod('shop/web'), 'shop/web-1');
  });

  test('a Service stands for its first selected pod and carries the Service for port resolution', () => {
    const result = resolve('shop/svc/web');
    assert.ok(result.ok);
    assert.deepEqual(result.value.end.choice, { kind: 'service', name: 'web', podCount: 3 });
    assert.equal(result.value.service, webService);
    assert.equal(chosenPod('shop/svc/web'), 'shop/web-1');
  });

  test('names that match nothing are errors that say what was looked for', () => {
    assert.match(errorOf('shop/nothing'), /no pod or workload shop\/nothing/);
    assert.match(errorOf('shop/pod/web'), /no pod shop\/web/);
    assert.match(errorOf('shop/statefulset/web'), /no StatefulSet shop\/web/);
    assert.match(errorOf('shop/svc/nothing'), /no Service shop\/nothing/);
  });

  test('NS/NAME whose namespace part is a kind hints at NS/KIND/NAME', () => {
    assert.match(errorOf('svc/web'), /write NS\/svc\/web/);
  });

  test('a workload without pods and a Service without selector cannot stand for a pod', () => {
    assert.match(errorOf('shop/job/batch'), /has no pods \(replicas: 0\)/);
    assert.match(errorOf('shop/svc/external-db'), /has no selector/);
  });

  test('two workloads of one name make NS/NAME ambiguous', () => {
    const twin: Workload = { ...web, kind: 'StatefulSet' };
    const result = resolve('shop/web', shop({ workloads: [web, twin] }));
    assert.ok(!result.ok);
    assert.match(result.errors[0] ?? '', /several workloads \(shop\/deployment\/web, shop\/statefulset\/web\)/);
  });

  test('real pods owned through a ReplicaSet that is not in the input belong to the Deployment whose template labels they carry', () => {
    const api: Workload = { namespace: 'shop', kind: 'Deployment', name: 'api', podLabels: { app: 'api' }, ports: [], replicas: 2 };
    const owner = { kind: 'ReplicaSet', name: 'api-7d9f8' };
    const pods = [
      pod('shop/api-7d9f8-zx2', { app: 'api', 'pod-template-hash': '7d9f8' }, { owner }),
      pod('shop/api-7d9f8-ab1', { app: 'api', 'pod-template-hash': '7d9f8' }, { owner }),
      pod('shop/api-debug', { app: 'api' }),
    ];
    const result = resolve('shop/deploy/api', { ...cluster({ pods }), workloads: [api], services: [] });
    assert.ok(result.ok);
    assert.deepEqual(result.value.end.choice, { kind: 'workload', workloadKind: 'Deployment', name: 'api', podCount: 2 });
    assert.equal(result.value.end.endpoint.kind === 'pod' && result.value.end.endpoint.pod.name, 'api-7d9f8-ab1');
  });

  test('an IP address is an external endpoint', () => {
    assert.equal(chosenPod('192.0.2.1'), '192.0.2.1');
  });
});
