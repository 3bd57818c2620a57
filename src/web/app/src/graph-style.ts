// The graph's look: workloads as cards inside their namespace, isolated endpoints with a teal
// border (solid: ingress, dashed: egress, double: both), external ranges in amber, the
// exposure report's cluster-wide peers violet with a dashed outline (their edges dotted), edges grey
// when every port is allowed and blue when only some are; what-if changes in green/amber/red.
import type { StylesheetJson } from 'cytoscape';

export const FONT = 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const TEAL = '#0f766e';

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'font-family': FONT,
      'font-size': 13,
      color: '#0f172a',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-valign': 'center',
      'text-halign': 'center',
      shape: 'round-rectangle',
      'background-color': '#ffffff',
      'border-width': 1.5,
      'border-color': '#94a3b8',
    },
  },
  { selector: 'node[w]', style: { width: 'data(w)', height: 'data(h)' } },
  { selector: 'node.iso-in', style: { 'border-color': TEAL, 'border-width': 3, 'background-color': '#f0fdfa' } },
  { selector: 'node.iso-out', style: { 'border-color': TEAL, 'border-width': 3, 'border-style': 'dashed', 'background-color': '#f0fdfa' } },
  { selector: 'node.iso-both', style: { 'border-color': TEAL, 'border-width': 5, 'border-style': 'double', 'background-color': '#f0fdfa' } },
  {
    selector: 'node.namespace-group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f1f5f9',
      'background-opacity': 1,
      'border-color': '#cbd5e1',
      'border-width': 1,
      'font-size': 14,
      'font-weight': 'bold',
      color: '#334155',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -6,
      padding: '18px',
    },
  },
  { selector: 'node.namespace-node', style: { 'background-color': '#eef2ff' } },
  {
    selector: 'node.external',
    style: { shape: 'round-rectangle', 'background-color': '#fffbeb', 'border-color': '#d97706', 'border-width': 2, color: '#78350f' },
  },
  {
    selector: 'node.cluster-peer',
    // Above the namespace groups: a peer card the layout puts over a group stays the one clicked.
    style: { 'background-color': '#f5f3ff', 'border-color': '#7c3aed', 'border-width': 2, 'border-style': 'dashed', color: '#4c1d95', 'z-index': 20 },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      'control-point-step-size': 48,
      width: 1.8,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.1,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 10,
      color: '#334155',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge.full', style: { color: '#64748b' } },
  { selector: 'edge.partial', style: { 'line-color': '#2563eb', 'target-arrow-color': '#2563eb', color: '#1d4ed8', 'font-weight': 'bold' } },
  { selector: 'edge.peer-edge', style: { 'line-style': 'dotted' } },
  { selector: 'edge.added', style: { 'line-color': '#16a34a', 'target-arrow-color': '#16a34a', width: 3.5, color: '#15803d' } },
  { selector: 'edge.changed', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', width: 3.5, color: '#b45309' } },
  { selector: 'edge.removed', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'line-style': 'dashed', width: 2.5, color: '#b91c1c' } },
  { selector: 'node:selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.15, 'overlay-padding': 6 } },
  { selector: 'edge:selected', style: { width: 4, 'line-color': '#1e40af', 'target-arrow-color': '#1e40af' } },
  { selector: '.faded', style: { opacity: 0.18 } },
];
