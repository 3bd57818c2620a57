// The side panel for a cluster-wide peer node: the workloads (or pods) it may connect to, and
// those that may connect to it, with the ports, as `netwarden exposure` reports them.
import type { PeerIndex, PeerLink } from './graph-peers.ts';
import { exposurePortsText } from './exposure-words.ts';

interface Props {
  id: string;
  index: PeerIndex;
  onClose(): void;
}

function describe(text: string): string {
  if (text === 'entire cluster') return 'every pod in every namespace, including pods created later (a rule peer namespaceSelector: {})';
  return 'pods that match, now or created later: a peer the policies name by labels, not one of the pods loaded';
}

function Links({ links }: { links: PeerLink[] }) {
  return (
    <ul class="plain">
      {links.slice(0, 200).map((l) => <li>{l.subject} <span class="muted">{exposurePortsText(l.ports)}</span></li>)}
      {links.length > 200 ? <li class="muted">and {links.length - 200} more</li> : null}
    </ul>
  );
}

export function PeerDetails({ id, index, onClose }: Props) {
  const text = index.peers.get(id) ?? id;
  const reaches = index.links.filter((l) => l.peer === id && l.direction === 'ingress');
  const reachedFrom = index.links.filter((l) => l.peer === id && l.direction === 'egress');
  return (
    <aside class="details" data-testid="peer-details">
      <button type="button" class="close" aria-label="close" onClick={onClose}>×</button>
      <h3>{text}</h3>
      <div class="muted">{describe(text)}</div>
      <h4>Reaches ({reaches.length})</h4>
      <Links links={reaches} />
      <h4>Reached from ({reachedFrom.length})</h4>
      <Links links={reachedFrom} />
      <p class="muted">From the exposure report (netwarden exposure): each line is a subject's policies admitting this peer.</p>
    </aside>
  );
}
