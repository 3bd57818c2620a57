import { isEmptyIPSet, subtractIPs, type IPSet } from '../algebra/ip-set.js';
import {
  EVERY_PORT,
  NO_PORTS,
  intersectExposurePorts,
  isNoPorts,
  numberedPorts,
  subtractExposurePorts,
  unionExposurePorts,
  type ExposurePorts,
} from './exposure-ports.js';
import { ALL_PORTS } from '../algebra/port-set.js';
import { covers, type Requirements } from './exposure-peers.js';
import { rulePorts, type PeerView, type RuleView, type SubjectRules } from './exposure-rules.js';

/**
 * A peer that may not exist: pods named by requirements (every pod in the cluster when both are
 * empty), or a range of addresses outside the cluster that every policy treats alike.
 */
export type Target =
  | { readonly kind: 'pods'; readonly namespaces: Requirements; readonly pods: Requirements }
  | { readonly kind: 'addresses'; readonly addresses: IPSet };

/**
 * The ports on which the subject and the target may connect in the rules' direction, judged by
 * the subject's own policies only (the other end is hypothetical, or outside the cluster and
 * so under no policy). The tiers fold as evaluate() does one port at a time (ANP semantics
 * §7.2), here for every port at once: the admin tier's rules in order, each deciding the ports
 * it matches that no earlier rule decided (Pass hands them to NetworkPolicy); NetworkPolicy,
 * when it isolates the subject, allows what its rules allow and denies the rest (semantics §4);
 * the baseline tier as the admin one (Pass reaches the default); the default allows the rest.
 * A rule counts for the target when one of its peers selects every pod (address) the target
 * stands for (see `covers`).
 */
export function exposedPorts(rules: SubjectRules, target: Target): ExposurePorts {
  const kind = target.kind;
  let undecided = kind === 'pods' && rules.direction === 'egress' ? EVERY_PORT : numberedPorts(ALL_PORTS);
  let allowed = NO_PORTS;
  const admin = clusterTier(rules.admin, rules, target, undecided);
  allowed = unionExposurePorts(allowed, admin.allowed);
  undecided = unionExposurePorts(admin.undecided, admin.passed);
  if (rules.networkPolicy !== null) {
    for (const rule of rules.networkPolicy) {
      if (ruleCovers(rule, target)) allowed = unionExposurePorts(allowed, intersectExposurePorts(rulePorts(rule, rules, kind), undecided));
    }
    return allowed;
  }
  const baseline = clusterTier(rules.baseline, rules, target, undecided);
  return unionExposurePorts(unionExposurePorts(allowed, baseline.allowed), unionExposurePorts(baseline.undecided, baseline.passed));
}

interface TierOutcome {
  readonly allowed: ExposurePorts;
  readonly passed: ExposurePorts;
  readonly undecided: ExposurePorts;
}

/** ANP semantics §5, §7.2: the first rule (in evaluation order) that matches a port decides it. */
function clusterTier(tier: readonly RuleView[], rules: SubjectRules, target: Target, start: ExposurePorts): TierOutcome {
  let undecided = start;
  let allowed = NO_PORTS;
  let passed = NO_PORTS;
  for (const rule of tier) {
    if (isNoPorts(undecided)) break;
    if (!ruleCovers(rule, target)) continue;
    const hit = intersectExposurePorts(rulePorts(rule, rules, target.kind), undecided);
    if (isNoPorts(hit)) continue;
    if (rule.action === 'allow') allowed = unionExposurePorts(allowed, hit);
    else if (rule.action === 'pass') passed = unionExposurePorts(passed, hit);
    undecided = subtractExposurePorts(undecided, hit);
  }
  return { allowed, passed, undecided };
}

function ruleCovers(rule: RuleView, target: Target): boolean {
  return rule.peers === null || rule.peers.some((peer) => peerCovers(peer, target));
}

function peerCovers(peer: PeerView, target: Target): boolean {
  if (peer.kind === 'pods' && target.kind === 'pods') return covers(peer, target);
  if (peer.kind === 'addresses' && target.kind === 'addresses') return isEmptyIPSet(subtractIPs(target.addresses, peer.addresses));
  return false;
}
