// Workload objects (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job,
// CronJob) -> their pod template: labels, container ports, hostNetwork, and how many pods they
// ask for. Expansion into pods happens in expand-workloads.ts, once all objects are known.

import type { OwnerRef, Workload, WorkloadKind } from '../model/cluster.js';
import type { InputObject } from './split-objects.js';
import type { ProblemSink } from './problem-sink.js';
import { decodeMetadata } from './decode-metadata.js';
import { decodePodSpec } from './decode-pod-spec.js';
import { child, readInt32, readObject, readStringMap, type Field } from './read-fields.js';
import { validateLabels } from './validate-label-selector.js';
import { invalid } from './field-errors.js';

export interface WorkloadObject {
  /** `replicas` is the number of pods the spec asks for, before expansion decides. */
  readonly workload: Workload;
  readonly hostNetwork: boolean;
  /** The workload's own controller (e.g. the Deployment of a ReplicaSet). */
  readonly owner?: OwnerRef;
}

interface TemplateLocation {
  /** The object holding `template` and the count field. */
  readonly holder: Field;
  /** spec.replicas / spec.parallelism, or undefined when the kind runs one pod (DaemonSet). */
  readonly countKey?: 'replicas' | 'parallelism';
}

function locate(kind: WorkloadKind, input: InputObject, sink: ProblemSink): TemplateLocation {
  const spec = child(input.value, 'spec', input.site);
  switch (kind) {
    case 'CronJob': {
      const jobTemplate = child(readObject(spec, sink) ?? {}, 'jobTemplate', spec.site);
      return { holder: child(readObject(jobTemplate, sink) ?? {}, 'spec', jobTemplate.site), countKey: 'parallelism' };
    }
    case 'Job':
      return { holder: spec, countKey: 'parallelism' };
    case 'DaemonSet':
      return { holder: spec }; // one pod stands for the pods on every node
    default:
      return { holder: spec, countKey: 'replicas' };
  }
}

export function decodeWorkload(kind: WorkloadKind, input: InputObject, defaultNamespace: string, sink: ProblemSink): WorkloadObject | undefined {
  const before = sink.errorCount;
  const meta = decodeMetadata(input.value, input.site, { namespaced: true, defaultNamespace, nameRule: 'dns1123-subdomain' }, sink);
  const { holder, countKey } = locate(kind, input, sink);
  const holderObject = readObject(holder, sink) ?? {};
  // replicas / parallelism default to 1 (apps and batch defaulting).
  const countField = countKey === undefined ? undefined : child(holderObject, countKey, holder.site);
  const replicas = countField === undefined ? 1 : (readInt32(countField, sink) ?? 1);
  if (countField !== undefined && replicas < 0) {
    sink.error(countField.site, 'validation', invalid(replicas, 'must be greater than or equal to 0'));
  }
  const template = child(holderObject, 'template', holder.site);
  const templateObject = readObject(template, sink) ?? {};
  const templateMeta = child(templateObject, 'metadata', template.site);
  const labelsField = child(readObject(templateMeta, sink) ?? {}, 'labels', templateMeta.site);
  const podLabels = readStringMap(labelsField, sink) ?? {};
  const spec = decodePodSpec(child(templateObject, 'spec', template.site), sink);
  validateLabels(podLabels, labelsField.site, labelsField.value, sink);
  if (meta === undefined || spec === undefined || sink.errorCount > before) return undefined;
  const workload: Workload = {
    namespace: meta.namespace,
    kind,
    name: meta.name,
    podLabels,
    ports: spec.ports,
    replicas,
    source: { file: input.site.file, line: input.site.line },
  };
  const base = { workload, hostNetwork: spec.hostNetwork };
  return meta.owner === undefined ? base : { ...base, owner: meta.owner };
}
