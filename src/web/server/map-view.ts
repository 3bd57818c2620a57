import { isAllPorts } from '../../algebra/port-set.js';
import type { PortSet } from '../../algebra/port-set.js';
import { PROTOCOLS } from '../../model/common.js';
import { expandConnectivity, isExternalEndpoint } from '../../engine/index.js';
import type { ConnectivityMap, MapEndpoint } from '../../engine/index.js';
import { namespaceMap } from '../../analysis/namespace-map.js';
import type { MapEndpointView, MapLevel, MapView, PortsJson } from '../api-types.js';
import { isolationOf } from './cluster-index.js';
import { HttpError } from './http-io.js';
import type { Snapshot } from './snapshot.js';

/**
 * Pod level lists every connected pod pair, up to n² of them (9 million at 3,000 pods in an open
 * cluster): past this many pods it is refused, and the workload and namespace levels answer.
 */
export const POD_LEVEL_LIMIT = 3_000;

/** A level the snapshot can be shown at, else a 400 saying why not. */
export function checkLevel(snapshot: Snapshot, level: MapLevel): void {
  if (level === 'pod' && snapshot.cluster.pods.length > POD_LEVEL_LIMIT) {
    throw new HttpError(400, `level pod: the cluster has ${snapshot.cluster.pods.length} pods, over the ${POD_LEVEL_LIMIT} the dashboard maps pod by pod; use level workload or namespace`);
  }
}

const expanded = new WeakMap<Snapshot, Map<'pod' | 'workload', ConnectivityMap>>();

/** The connectivity map of a snapshot at pod or workload level, expanded from its classes once. */
export function connectivityAt(snapshot: Snapshot, level: 'pod' | 'workload'): ConnectivityMap {
  let maps = expanded.get(snapshot);
  if (maps === undefined) expanded.set(snapshot, (maps = new Map()));
  let map = maps.get(level);
  if (map === undefined) maps.set(level, (map = expandConnectivity(snapshot.compiled, snapshot.classLevel, { level })));
  return map;
}

/** The map document of /api/map: `netwarden map -o json` plus isolation and `full` (docs/dashboard.md). */
export function mapView(snapshot: Snapshot, level: MapLevel, map?: ConnectivityMap): MapView {
  if (level === 'namespace') return namespaceMapView(snapshot);
  const connectivity = map ?? connectivityAt(snapshot, level);
  return {
    level,
    endpoints: connectivity.endpoints.map((e) => endpointView(e, snapshot)),
    connections: connectivity.connections.map((c) => ({ from: c.from, to: c.to, allow: portsJson(c.allow), full: isAllPorts(c.allow) })),
  };
}

function namespaceMapView(snapshot: Snapshot): MapView {
  const map = namespaceMap(snapshot.compiled, snapshot.classLevel);
  return {
    level: 'namespace',
    endpoints: map.endpoints.map((e) =>
      e.kind === 'External' ? { id: e.id, kind: 'External', cidrs: [...e.cidrs] } : { ...e, isolated: { ...e.isolated } },
    ),
    connections: map.connections.map((c) => ({ from: c.from, to: c.to, allow: portsJson(c.allow), full: isAllPorts(c.allow), pairs: c.pairs })),
  };
}

function endpointView(endpoint: MapEndpoint, snapshot: Snapshot): MapEndpointView {
  if (isExternalEndpoint(endpoint)) return { id: endpoint.id, kind: 'External', cidrs: [...endpoint.cidrs] };
  const { index, classLevel } = snapshot;
  const pods = endpoint.pods.map((id) => index.podIndex.get(id)!);
  return {
    id: endpoint.id,
    kind: endpoint.kind,
    namespace: endpoint.namespace,
    name: endpoint.name,
    isolated: isolationOf(pods, classLevel.classOfPod, index),
  };
}

/** As the map's `allow`: only the protocols with a port. */
export function portsJson(ports: PortSet): PortsJson {
  const json: PortsJson = {};
  for (const protocol of PROTOCOLS) {
    if (ports[protocol].length > 0) json[protocol] = ports[protocol].map(([from, to]) => [from, to]);
  }
  return json;
}
