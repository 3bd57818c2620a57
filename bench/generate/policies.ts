// NetworkPolicies for the generated namespaces. Each namespace with at least one policy starts
// with a default deny (ingress only, ingress and egress, or ingress and egress except DNS); the
// rest are drawn from the allow templates below, which between them use pod and namespace
// selectors, matchExpressions (In, NotIn, Exists, DoesNotExist), named and numeric ports,
// endPort ranges, TCP/UDP/SCTP, and IPv4/IPv6 ipBlocks with except.

import type { Random } from '../prng.js';
import type { AppNamespace, AppWorkload, KubeObject } from './cluster.js';
import { share } from './cluster.js';
import { METRICS_ROLES } from './roles.js';
import { DNS_LABELS, PROMETHEUS_LABELS } from './system.js';

type Spec = Record<string, unknown>;

interface Context {
  readonly random: Random;
  readonly ns: AppNamespace;
  readonly all: readonly AppNamespace[];
  /** A workload of `ns`. */
  readonly target: AppWorkload;
}

type Template = (context: Context) => { readonly name: string; readonly spec: Spec };

const PRIVATE_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const NAME_LABEL = 'kubernetes.io/metadata.name';

const DNS_RULE = {
  to: [{ namespaceSelector: { matchLabels: { [NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: DNS_LABELS } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

const DEFAULT_DENIES: ReadonlyArray<readonly [Template, number]> = [
  [() => ({ name: 'default-deny-ingress', spec: { podSelector: {}, policyTypes: ['Ingress'] } }), 5],
  [() => ({ name: 'default-deny-all', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }), 3],
  [() => ({ name: 'default-deny-except-dns', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_RULE] } }), 2],
];

const ALLOWS: ReadonlyArray<readonly [Template, number]> = [
  [pairTemplate, 30],
  [crossNamespaceTemplate, 15],
  [teamTemplate, 10],
  [metricsTemplate, 10],
  [sameNamespaceTemplate, 4],
  [meshGatewayTemplate, 5],
  [loadBalancerTemplate, 5],
  [internetEgressTemplate, 5],
  [internalEgressTemplate, 5],
  [dataEgressTemplate, 5],
  [dnsTemplate, 3],
  [signallingTemplate, 3],
];

/** `total` policies shared among the namespaces; result[i] belongs to namespaces[i]. */
export function generatePolicies(namespaces: readonly AppNamespace[], total: number, random: Random): KubeObject[][] {
  return namespaces.map((ns, i) => {
    const count = share(total, namespaces.length, i);
    const objects: KubeObject[] = [];
    const names = new Set<string>();
    for (let k = 0; k < count; k++) {
      const template = k === 0 ? random.weighted(DEFAULT_DENIES) : secondTemplate(objects, k) ?? random.weighted(ALLOWS);
      const { name, spec } = template({ random, ns, all: namespaces, target: random.pick(ns.workloads) });
      const unique = names.has(name) ? `${name}-${k}` : name;
      names.add(unique);
      objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: unique, namespace: ns.name }, spec });
    }
    return objects;
  });
}

/** After a plain deny-all, pods need DNS, as every real namespace with egress isolation does. */
function secondTemplate(objects: readonly KubeObject[], k: number): Template | undefined {
  return k === 1 && objects[0]?.metadata !== undefined && (objects[0].metadata as { name?: string }).name === 'default-deny-all'
    ? dnsTemplate
    : undefined;
}

function podsOf(workload: AppWorkload): Spec {
  return { matchLabels: { app: workload.name } };
}

function firstPort(workload: AppWorkload): { readonly name: string; readonly protocol: string; readonly containerPort: number } {
  const port = workload.role.ports[0];
  if (port === undefined) throw new Error(`role ${workload.role.role} has no port`);
  return port;
}

/** One workload of the namespace may call another, on the target's first port by name. */
function pairTemplate({ random, ns, target }: Context): { name: string; spec: Spec } {
  const source = random.pick(ns.workloads);
  const port = firstPort(target);
  return {
    name: `allow-${target.name}-from-${source.name}`,
    spec: {
      podSelector: podsOf(target),
      ingress: [{ from: [{ podSelector: podsOf(source) }], ports: [{ protocol: port.protocol, port: port.name }] }],
    },
  };
}

/** One workload of another namespace (selected by name) may call the target on a number. */
function crossNamespaceTemplate({ random, all, target }: Context): { name: string; spec: Spec } {
  const other = random.pick(all);
  const source = random.pick(other.workloads);
  const port = firstPort(target);
  return {
    name: `allow-${target.name}-from-${other.name}`,
    spec: {
      podSelector: podsOf(target),
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { [NAME_LABEL]: other.name } }, podSelector: podsOf(source) }],
          ports: [{ protocol: port.protocol, port: port.containerPort }],
        },
      ],
    },
  };
}

/** Web and app tiers of a team's namespaces may call every pod of the target's role on a port range. */
function teamTemplate({ random, all, target }: Context): { name: string; spec: Spec } {
  const team = random.pick(all).team;
  return {
    name: `allow-${target.role.role}-from-${team}`,
    spec: {
      podSelector: { matchLabels: { role: target.role.role } },
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { team } },
              podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'app'] }] },
            },
          ],
          ports: [{ protocol: 'TCP', port: 8080, endPort: 8090 }],
        },
      ],
    },
  };
}

function metricsTemplate(): { name: string; spec: Spec } {
  return {
    name: 'allow-metrics-scrape',
    spec: {
      podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: METRICS_ROLES }] },
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { [NAME_LABEL]: 'monitoring' } }, podSelector: { matchLabels: PROMETHEUS_LABELS } }],
          ports: [{ port: 'metrics' }],
        },
      ],
    },
  };
}

function sameNamespaceTemplate(): { name: string; spec: Spec } {
  return {
    name: 'allow-same-namespace',
    spec: {
      podSelector: { matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['canary'] }] },
      ingress: [{ from: [{ podSelector: {} }] }],
    },
  };
}

/** Gateways of meshed namespaces of the same environment may call the target's http port. */
function meshGatewayTemplate({ ns, target }: Context): { name: string; spec: Spec } {
  const namespaceSelector = {
    matchLabels: { env: ns.env },
    matchExpressions: [{ key: 'istio-injection', operator: 'Exists' }],
  };
  return {
    name: `allow-${target.name}-from-mesh-gateways`,
    spec: {
      podSelector: podsOf(target),
      ingress: [{ from: [{ namespaceSelector, podSelector: { matchLabels: { role: 'gateway' } } }], ports: [{ protocol: 'TCP', port: 'http' }] }],
    },
  };
}

function loadBalancerTemplate({ random, target }: Context): { name: string; spec: Spec } {
  const from: Spec[] = [
    { ipBlock: { cidr: '203.0.113.0/24' } },
    { ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.0/28'] } },
  ];
  if (random.chance(0.3)) from.push({ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:ffff::/48'] } });
  return {
    name: `allow-${target.name}-from-load-balancers`,
    spec: { podSelector: podsOf(target), ingress: [{ from, ports: [{ protocol: 'TCP', port: 8443 }, { protocol: 'TCP', port: 8080 }] }] },
  };
}

function internetEgressTemplate({ target }: Context): { name: string; spec: Spec } {
  return {
    name: `allow-${target.name}-to-internet`,
    spec: {
      podSelector: podsOf(target),
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: PRIVATE_V4 } }], ports: [{ protocol: 'TCP', port: 443 }] }],
    },
  };
}

/** Non-legacy pods may reach the NodePorts of one of 16 internal /16 networks. */
function internalEgressTemplate({ random }: Context): { name: string; spec: Spec } {
  const k = random.int(0, 15);
  return {
    name: `allow-egress-10-${k}`,
    spec: {
      podSelector: { matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: `10.${k}.0.0/16`, except: [`10.${k}.255.0/24`] } }],
          ports: [{ protocol: 'TCP', port: 30000, endPort: 32767 }],
        },
      ],
    },
  };
}

/** The app tier may reach databases of its namespace and caches of its team. */
function dataEgressTemplate({ ns }: Context): { name: string; spec: Spec } {
  return {
    name: 'allow-app-to-data',
    spec: {
      podSelector: { matchLabels: { tier: 'app' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            { podSelector: { matchLabels: { role: 'db' } } },
            { namespaceSelector: { matchLabels: { team: ns.team } }, podSelector: { matchLabels: { role: 'cache' } } },
          ],
          ports: [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 'redis' }],
        },
      ],
    },
  };
}

function dnsTemplate(): { name: string; spec: Spec } {
  return { name: 'allow-dns', spec: { podSelector: {}, policyTypes: ['Egress'], egress: [DNS_RULE] } };
}

/** Workers and signalling pods of the team talk UDP and SCTP. */
function signallingTemplate({ ns }: Context): { name: string; spec: Spec } {
  return {
    name: 'allow-signalling',
    spec: {
      podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['worker', 'signalling'] }] },
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { team: ns.team } }, podSelector: { matchLabels: { tier: 'app' } } }],
          ports: [{ protocol: 'UDP', port: 8125 }, { protocol: 'SCTP', port: 3868 }],
        },
      ],
    },
  };
}
