// What-if drafts: the edited text per policy (or the new documents), and the edits they make.
import type { PolicyView, WhatIfEdit } from '../../api-types.ts';

export const NEW_POLICY = '(new)';

export const NEW_POLICY_TEMPLATE = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: my-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: database
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: backend
`;

export type Drafts = ReadonlyMap<string, string>;

export function originalText(key: string, policies: readonly PolicyView[]): string {
  if (key === NEW_POLICY) return NEW_POLICY_TEMPLATE;
  return policies.find((p) => p.id === key)?.yaml ?? '';
}

/** The edits the drafts make: changed or deleted policies, and the new documents if any. */
export function editsOf(drafts: Drafts, policies: readonly PolicyView[]): WhatIfEdit[] {
  const edits: WhatIfEdit[] = [];
  for (const [key, text] of drafts) {
    if (key === NEW_POLICY) {
      if (text.trim() !== '') edits.push({ text });
    } else if (text !== originalText(key, policies)) edits.push({ policyId: key, text });
  }
  return edits;
}

export function describeEdit(edit: WhatIfEdit): string {
  if (edit.policyId === undefined) return 'new documents';
  return edit.text.trim() === '' ? `deleted ${edit.policyId}` : `edited ${edit.policyId}`;
}

export function fileName(key: string): string {
  return `${key === NEW_POLICY ? 'new-policy' : key.replaceAll('/', '-')}.yaml`;
}
