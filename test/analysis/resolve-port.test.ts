import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EndpointResolution } from '../../src/analysis/resolve-endpoint.js';
import { parsePortArg, resolvePort } from '../../src/analysis/resolve-port.js';
import type { Service } from '../../src/model/cluster.js';
import { pod, port } from '../helpers/builders.js';

const backend = pod('shop/web-1', { app: 'web' }, { ports: [port(8080, 'http'), port(53, 'dns', 'UDP')] });
const service: Service = {
  namespace: 'shop',
  name: 'web',
  selector: { app: 'web' },
  ports: [
    { name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' },
    { name: 'admin', port: 9000, targetPort: 9001, protocol: 'TCP' },
    { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
    { name: 'missing', port: 81, targetPort: 'nope', protocol: 'TCP' },
  ],
};
const viaService: EndpointResolution = {
  end: { input: 'shop/svc/web', endpoint: { kind: 'pod', pod: backend }, choice: { kind: 'service', name: 'web', podCount: 1 } },
  service,
};
const direct: EndpointResolution = { end: { input: 'shop/web-1', endpoint: { kind: 'pod', pod: backend }, choice: { kind: 'pod' } } };
const external: EndpointResolution = { end: { input: '192.0.2.1', endpoint: { kind: 'external', ip: '192.0.2.1' }, choice: { kind: 'ip' } } };

function arg(text: string) {
  const parsed = parsePortArg(text);
  assert.ok(parsed.ok, text);
  return parsed.value;
}

describe('parsePortArg', () => {
  test('a number from 1 to 65535, or a port name', () => {
    assert.deepEqual(arg('443'), { kind: 'number', port: 443 });
    assert.deepEqual(arg('http-alt'), { kind: 'name', name: 'http-alt' });
    assert.equal(parsePortArg('0').ok, false);
    assert.equal(parsePortArg('65536').ok, false);
    assert.equal(parsePortArg('Bad_Name').ok, false);
    assert.equal(parsePortArg('-1').ok, false);
  });
});

describe('resolvePort', () => {
  test('a Service port number becomes the backend pod\'s named target port', () => {
    const result = resolvePort(arg('80'), undefined, viaService);
    assert.deepEqual(result, {
      ok: true,
      value: { port: 8080, protocol: 'TCP', choice: { kind: 'service-port', service: 'shop/web', port: 80, portName: 'web', targetPort: 'http' } },
    });
  });

  test('a Service port name selects that port; a numeric target port is used as is', () => {
    const result = resolvePort(arg('admin'), undefined, viaService);
    assert.ok(result.ok);
    assert.equal(result.value.port, 9001);
  });

  test('without --protocol the Service port\'s protocol is used', () => {
    const result = resolvePort(arg('53'), undefined, viaService);
    assert.ok(result.ok);
    assert.deepEqual([result.value.port, result.value.protocol], [53, 'UDP']);
  });

  test('a port the Service does not have lists the ports it has', () => {
    const result = resolvePort(arg('8443'), undefined, viaService);
    assert.ok(!result.ok);
    assert.match(result.errors[0] ?? '', /has no such port \(its ports: 80\/TCP "web", 9000\/TCP "admin", 53\/UDP "dns", 81\/TCP "missing"\)/);
    assert.equal(resolvePort(arg('80'), 'UDP', viaService).ok, false);
  });

  test('a named target port the backend pod lacks is an error naming the pod', () => {
    const result = resolvePort(arg('81'), undefined, viaService);
    assert.ok(!result.ok);
    assert.match(result.errors[0] ?? '', /pod shop\/web-1 has no TCP container port named "nope"/);
  });

  test('without a Service a number is the port, TCP unless --protocol says otherwise', () => {
    assert.deepEqual(resolvePort(arg('5432'), undefined, direct), { ok: true, value: { port: 5432, protocol: 'TCP', choice: { kind: 'number' } } });
    assert.deepEqual(resolvePort(arg('5432'), 'SCTP', external), { ok: true, value: { port: 5432, protocol: 'SCTP', choice: { kind: 'number' } } });
  });

  test('without a Service a name is a container port of the destination pod', () => {
    const result = resolvePort(arg('dns'), 'UDP', direct);
    assert.deepEqual(result, { ok: true, value: { port: 53, protocol: 'UDP', choice: { kind: 'container-port', name: 'dns' } } });
    assert.equal(resolvePort(arg('dns'), undefined, direct).ok, false);
    assert.equal(resolvePort(arg('http'), undefined, external).ok, false);
  });
});
