// The contract between the lab's logic and the machinery that moves real packets (style rule 10).
// One implementation today: network namespaces + nftables + agents (src/lab/netns-dataplane.ts).
import type { Protocol } from '../model/common.js';
import type { Topology } from './topology.js';

export interface PortRef {
  readonly protocol: Protocol;
  readonly port: number;
}

/** One connection attempt from inside a host's namespace to an address of the lab. */
export interface Probe {
  /** Index of the host (in the topology) the probe starts from. */
  readonly from: number;
  /** Destination address (a host's address, or a Service's ClusterIP). */
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * What the kernel did with a probe:
 * - answered: the destination's listener replied (`answer` is who replied: `netwarden-lab <identity>`);
 * - timeout: no reply within the timeout (a dropped packet: the NetworkPolicy way of saying no);
 * - rejected: an ICMP admin-prohibited error came back (a ruleset rendered with deny 'reject');
 * - blocked: the source's own kernel refused to send it (EPERM: dropped in the source's egress chain);
 * - refused: the destination answered with a reset or port-unreachable (no listener: a lab fault);
 * - error: anything else (`error` says what).
 */
export type ProbeOutcome = 'answered' | 'timeout' | 'rejected' | 'blocked' | 'refused' | 'error';

export interface ProbeResult {
  readonly outcome: ProbeOutcome;
  /** Present when outcome is 'answered'. */
  readonly answer?: string;
  /** Present when outcome is 'error'. */
  readonly error?: string;
  /** How long the probe took, in milliseconds. */
  readonly millis?: number;
}

export interface ProbeOptions {
  /** How long a probe waits for its answer. */
  readonly timeoutMs: number;
}

export interface Dataplane {
  readonly topology: Topology;
  /**
   * Sets what each listed host answers probes with (hosts not listed keep theirs). A lab can be
   * rebound to another cluster of the same shape without being rebuilt.
   */
  identify(identities: ReadonlyMap<number, string>): Promise<void>;
  /**
   * Makes each listed host listen on the given ports too. Resolves with the ports that could not
   * be opened (e.g. SCTP on a kernel without it), per host; callers must not probe those.
   */
  listen(ports: ReadonlyMap<number, readonly PortRef[]>): Promise<ReadonlyMap<number, readonly PortRef[]>>;
  /**
   * Loads each listed host's `nft` script with one `nft -f` in its namespace, so the lab's table is
   * replaced atomically (style rule 11). Rejects, naming the host, when nft refuses a script.
   */
  apply(rulesets: ReadonlyMap<number, string>): Promise<void>;
  /** Sends every probe, in parallel; one result per probe, in the same order. Never rejects for a probe's failure. */
  probe(probes: readonly Probe[], options: ProbeOptions): Promise<ProbeResult[]>;
  /**
   * Disconnects from the lab. With `{ remove: true }` also removes everything the lab created
   * (agents, namespaces, hosts files, state); idempotent. Callers must call it from `finally`.
   */
  close(options: { readonly remove: boolean }): Promise<void>;
}
