import { ALL_PORTS, EMPTY_PORT_SET, intersectPorts, unionPorts, type PortSet } from '../algebra/port-set.js';
import type { Direction } from '../model/common.js';
import type { CompiledCluster, CompiledPeer, CompiledPolicy, CompiledRule } from './compile.js';
import type { ExternalAtom } from './external-atoms.js';
import { peerMatches, rulePortSet } from './match.js';
import type { PodClass } from './pod-classes.js';
import type { Endpoint } from './types.js';

/** One side of a class-level connection: a pod class or an external atom. */
export type ClassTarget = { readonly kind: 'class'; readonly id: number } | { readonly kind: 'atom'; readonly id: number };

/**
 * Connectivity between equivalence classes, memoised: what a class may send to or accept from
 * another class or an external atom (semantics §4). Pure; one instance per connectivity() call.
 */
export class ClassConnectivity {
  private readonly pairCache = new Map<number, PortSet>();
  /** Per peer: class id (>= 0) or ~atom id (< 0) -> whether the peer matches it. */
  private readonly peerCache = new Map<CompiledPeer, Map<number, boolean>>();

  private readonly compiled: CompiledCluster;
  private readonly classes: readonly PodClass[];
  private readonly atoms: readonly ExternalAtom[];

  constructor(compiled: CompiledCluster, classes: readonly PodClass[], atoms: readonly ExternalAtom[]) {
    this.compiled = compiled;
    this.classes = classes;
    this.atoms = atoms;
  }

  /** Ports allowed from class `from` to class `to` (both directions applied). */
  podToPod(from: number, to: number): PortSet {
    const key = from * this.classes.length + to;
    let ports = this.pairCache.get(key);
    if (ports === undefined) {
      const egress = this.allowedPorts(from, 'egress', { kind: 'class', id: to });
      ports = intersectPorts(egress, this.allowedPorts(to, 'ingress', { kind: 'class', id: from }));
      this.pairCache.set(key, ports);
    }
    return ports;
  }

  /** Pod -> outside world: only the pod's egress is evaluated. */
  podToExternal(from: number, atom: number): PortSet {
    return this.allowedPorts(from, 'egress', { kind: 'atom', id: atom });
  }

  /** Outside world -> pod: only the pod's ingress is evaluated. */
  externalToPod(atom: number, to: number): PortSet {
    return this.allowedPorts(to, 'ingress', { kind: 'atom', id: atom });
  }

  /** What `subject` allows in `direction` with `remote` on the other end. */
  private allowedPorts(subject: number, direction: Direction, remote: ClassTarget): PortSet {
    const subjectClass = this.classes[subject]!;
    const policies = direction === 'egress' ? subjectClass.egressPolicies : subjectClass.ingressPolicies;
    if (policies.length === 0) return ALL_PORTS;
    // Ports are always destination ports (semantics §2.7): egress resolves names on the remote end.
    const destination = direction === 'egress' ? this.endpointOf(remote) : this.endpointOf({ kind: 'class', id: subject });
    let result = EMPTY_PORT_SET;
    for (const policy of policies) {
      for (const rule of policy[direction] ?? []) {
        if (this.ruleMatchesRemote(policy, rule, remote)) result = unionPorts(result, rulePortSet(rule, destination));
      }
    }
    return result;
  }

  private ruleMatchesRemote(policy: CompiledPolicy, rule: CompiledRule, remote: ClassTarget): boolean {
    if (rule.peers === null) return true;
    return rule.peers.some((peer) => {
      let byTarget = this.peerCache.get(peer);
      if (byTarget === undefined) {
        byTarget = new Map();
        this.peerCache.set(peer, byTarget);
      }
      const key = remote.kind === 'class' ? remote.id : ~remote.id;
      let matches = byTarget.get(key);
      if (matches === undefined) {
        matches = peerMatches(this.compiled, peer, policy.policy.namespace, this.endpointOf(remote));
        byTarget.set(key, matches);
      }
      return matches;
    });
  }

  private endpointOf(target: ClassTarget): Endpoint {
    return target.kind === 'class'
      ? { kind: 'pod', pod: this.classes[target.id]!.representative }
      : { kind: 'external', ip: this.atoms[target.id]!.representative };
  }
}
