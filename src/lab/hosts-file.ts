// /etc/netns/<netns>/hosts for a pod's namespace: `ip netns exec` mounts it over /etc/hosts, so
// `curl http://database` and `curl http://database.default.svc.cluster.local` work as in a cluster.
import type { ServiceName } from './plan-services.js';

export const CLUSTER_DOMAIN = 'cluster.local';

/** Short names for the pod's own namespace, `name.ns`, `name.ns.svc` and the FQDN for every Service. */
export function renderHostsFile(podNamespace: string, podName: string, services: readonly ServiceName[]): string {
  const lines = ['# netwarden lab: names of the cluster\'s Services (written by netwarden lab up)', '127.0.0.1\tlocalhost', '::1\tlocalhost'];
  for (const service of services) {
    const fqdn = `${service.name}.${service.namespace}.svc.${CLUSTER_DOMAIN}`;
    const names = [fqdn, `${service.name}.${service.namespace}.svc`, `${service.name}.${service.namespace}`];
    if (service.namespace === podNamespace) names.push(service.name);
    lines.push(`${service.clusterIP}\t${names.join(' ')}`);
  }
  lines.push(`127.0.1.1\t${podName}`);
  return `${lines.join('\n')}\n`;
}

/** No DNS server in the lab: names come from the hosts file only. */
export const RESOLV_CONF = '# netwarden lab: no DNS server; Service names are in /etc/hosts\noptions timeout:1 attempts:1\n';
