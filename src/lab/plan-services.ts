// Services in the lab: a ClusterIP each (spec.clusterIP when given, else allocated from the
// service CIDR) and the backends the lab's service proxy DNATs to, like kube-proxy.
import type { Cluster, Pod, Service, ServicePort } from '../model/cluster.js';
import { formatAddress, lastAddress, parseAddress, parseNetwork } from './addresses.js';
import type { ServiceFrontend } from './nft-render.js';

/** What /etc/hosts says for a Service. */
export interface ServiceName {
  readonly namespace: string;
  readonly name: string;
  readonly clusterIP: string;
}

export interface PlannedServices {
  readonly frontends: readonly ServiceFrontend[];
  readonly names: readonly ServiceName[];
}

/** The first ClusterIP the lab hands out is the 10th of the range (.1 is the API server's in Kubernetes). */
const FIRST_OFFSET = 10n;

export function planServices(cluster: Cluster, serviceCidr: string, used: Set<string>, notes: string[]): PlannedServices {
  const range = parseNetwork(serviceCidr);
  let cursor = FIRST_OFFSET;
  const frontends: ServiceFrontend[] = [];
  const names: ServiceName[] = [];
  for (const service of cluster.services) {
    const id = `${service.namespace}/${service.name}`;
    if (service.selector === undefined || Object.keys(service.selector).length === 0) {
      notes.push(`Service ${id} has no selector: no ClusterIP in the lab`);
      continue;
    }
    if (service.clusterIP === 'None') {
      notes.push(`Service ${id} is headless: no ClusterIP in the lab`);
      continue;
    }
    const given = service.clusterIP === undefined ? undefined : parseAddress(service.clusterIP);
    let clusterIP = given?.family === 4 && !used.has(formatAddress(given)) ? formatAddress(given) : undefined;
    while (clusterIP === undefined && range !== undefined && range.network + cursor < lastAddress(range)) {
      const candidate = formatAddress({ family: 4, value: range.network + cursor++ });
      if (!used.has(candidate)) clusterIP = candidate;
    }
    if (clusterIP === undefined) {
      notes.push(`Service ${id}: no free ClusterIP in ${serviceCidr}`);
      continue;
    }
    used.add(clusterIP);
    names.push({ namespace: service.namespace, name: service.name, clusterIP });
    const backends = cluster.pods.filter((pod) => pod.namespace === service.namespace && selectsPod(service, pod));
    for (const port of service.ports) frontends.push(frontendOf(id, clusterIP, port, backends));
  }
  return { frontends, names };
}

function selectsPod(service: Service, pod: Pod): boolean {
  return Object.entries(service.selector ?? {}).every(([key, value]) => pod.labels[key] === value);
}

/** A named targetPort resolves on each backend to its container port of that name and protocol (kube-proxy's rule). */
function frontendOf(service: string, clusterIP: string, port: ServicePort, backends: readonly Pod[]): ServiceFrontend {
  const endpoints: { ip: string; port: number }[] = [];
  for (const pod of backends) {
    const ip = pod.ips.find((a) => parseAddress(a)?.family === 4);
    const target =
      typeof port.targetPort === 'number'
        ? port.targetPort
        : pod.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol)?.containerPort;
    if (ip !== undefined && target !== undefined) endpoints.push({ ip, port: target });
  }
  return { service, clusterIP, port: port.port, protocol: port.protocol, endpoints };
}
