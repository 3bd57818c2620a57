// What the colours and borders of the graph mean.
import type { MapLevel } from '../../api-types.ts';

export function Legend({ level, whatIf, large, peers }: { level: MapLevel | undefined; whatIf: boolean; large: boolean; peers: boolean }) {
  return (
    <div class="legend" aria-label="legend">
      <div><span class="sw node" /> {level === 'namespace' ? 'namespace (workloads · pods)' : level === 'pod' ? 'pod' : 'workload (kind · pods)'}</div>
      <div><span class="sw iso-in" /> isolated for ingress</div>
      <div><span class="sw iso-out" /> isolated for egress</div>
      <div><span class="sw iso-both" /> isolated both ways</div>
      <div><span class="sw ext" /> addresses outside the cluster</div>
      {peers ? <div><span class="sw peer" /> <span class="ln peer" /> pods the policies admit in any namespace, existing or not (exposure)</div> : null}
      <div><span class="ln full" /> every port allowed</div>
      <div><span class="ln partial" /> some ports allowed</div>
      {whatIf ? (
        <>
          <div><span class="ln added" /> what-if: added</div>
          <div><span class="ln changed" /> what-if: ports changed</div>
          <div><span class="ln removed" /> what-if: removed</div>
        </>
      ) : null}
      <div class="note">No edge = denied. Click an edge to explain it{large ? '; large map: most connected first, click a node to draw its connections (up to 600)' : ''}.</div>
    </div>
  );
}
