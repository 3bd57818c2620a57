// The kinds of application a generated namespace runs: a role decides the workload kind, the
// container ports (named, numeric, TCP/UDP/SCTP) and how many replicas it may have.

export type Tier = 'web' | 'app' | 'data';

export interface RolePort {
  readonly name: string;
  readonly containerPort: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  /** The Service port in front of it; undefined: not exposed through the Service. */
  readonly servicePort?: number;
}

export interface Role {
  readonly role: string;
  readonly tier: Tier;
  readonly kind: 'Deployment' | 'StatefulSet';
  readonly maxReplicas: number;
  readonly ports: readonly RolePort[];
}

const HTTP: RolePort = { name: 'http', containerPort: 8080, protocol: 'TCP', servicePort: 80 };
const METRICS: RolePort = { name: 'metrics', containerPort: 9090, protocol: 'TCP' };

export const ROLES = [
  { role: 'frontend', tier: 'web', kind: 'Deployment', maxReplicas: 8, ports: [HTTP, METRICS] },
  {
    role: 'gateway',
    tier: 'web',
    kind: 'Deployment',
    maxReplicas: 6,
    ports: [{ name: 'https', containerPort: 8443, protocol: 'TCP', servicePort: 443 }, HTTP, METRICS],
  },
  {
    role: 'api',
    tier: 'app',
    kind: 'Deployment',
    maxReplicas: 8,
    ports: [HTTP, { name: 'grpc', containerPort: 9000, protocol: 'TCP', servicePort: 9000 }, METRICS],
  },
  { role: 'backend', tier: 'app', kind: 'Deployment', maxReplicas: 8, ports: [HTTP, METRICS] },
  {
    role: 'worker',
    tier: 'app',
    kind: 'Deployment',
    maxReplicas: 8,
    ports: [METRICS, { name: 'statsd', containerPort: 8125, protocol: 'UDP', servicePort: 8125 }],
  },
  {
    role: 'signalling',
    tier: 'app',
    kind: 'StatefulSet',
    maxReplicas: 3,
    ports: [{ name: 'diameter', containerPort: 3868, protocol: 'SCTP', servicePort: 3868 }],
  },
  {
    role: 'cache',
    tier: 'data',
    kind: 'StatefulSet',
    maxReplicas: 3,
    ports: [{ name: 'redis', containerPort: 6379, protocol: 'TCP', servicePort: 6379 }],
  },
  {
    role: 'db',
    tier: 'data',
    kind: 'StatefulSet',
    maxReplicas: 3,
    ports: [
      { name: 'postgres', containerPort: 5432, protocol: 'TCP', servicePort: 5432 },
      { name: 'metrics', containerPort: 9187, protocol: 'TCP' },
    ],
  },
] as const satisfies readonly Role[];

/** How often each role appears in a namespace. */
export const ROLE_WEIGHTS: ReadonlyArray<readonly [Role, number]> = ROLES.map((role) => {
  const weight = { frontend: 3, gateway: 1, api: 4, backend: 3, worker: 2, signalling: 0.5, cache: 1, db: 1 }[role.role];
  return [role, weight] as const;
});

/** Roles whose pods expose a port named "metrics". */
export const METRICS_ROLES: readonly string[] = ROLES.filter((r) => r.ports.some((p) => p.name === 'metrics')).map(
  (r) => r.role,
);
