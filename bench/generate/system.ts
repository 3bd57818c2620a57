// The two namespaces every generated cluster has: kube-system (cluster DNS, the target of the
// DNS egress rules) and monitoring (Prometheus, the source of the metrics ingress rules).

import type { KubeObject, NamespaceManifests } from './cluster.js';

/** Pods of the system namespaces at replicaScale 1. */
export const SYSTEM_POD_COUNT = 4;
export const DNS_LABELS = { 'k8s-app': 'kube-dns' } as const;
export const PROMETHEUS_LABELS = { app: 'prometheus' } as const;

export function systemNamespaces(replicaScale: number): NamespaceManifests[] {
  return [
    {
      namespace: 'kube-system',
      objects: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
        deployment('kube-system', 'coredns', 2 * replicaScale, DNS_LABELS, [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
        ]),
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'kube-dns', namespace: 'kube-system' },
          spec: {
            selector: DNS_LABELS,
            ports: [
              { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
              { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
            ],
          },
        },
      ],
    },
    {
      namespace: 'monitoring',
      objects: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring' } },
        deployment('monitoring', 'prometheus', 2 * replicaScale, PROMETHEUS_LABELS, [{ name: 'web', containerPort: 9090, protocol: 'TCP' }]),
      ],
    },
  ];
}

function deployment(namespace: string, name: string, replicas: number, labels: Readonly<Record<string, string>>, ports: readonly object[]): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: `registry.example.com/${name}:1.0`, ports }] } },
    },
  };
}
