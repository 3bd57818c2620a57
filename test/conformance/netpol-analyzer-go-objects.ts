/**
 * netpol-analyzer goldens whose inputs upstream builds as Go objects (`kind:
 * connlist_from_go_objects` in index.json), and the fixture folder that restates each input as
 * manifests (test/fixtures/netpol-analyzer-go-objects/, origin in its README.md).
 */
import { join } from 'node:path';
import { REPO_ROOT } from './corpus.js';
import type { Golden } from './netpol-analyzer-cases.js';

export const GO_OBJECTS_KIND = 'connlist_from_go_objects';

export const GO_OBJECT_FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'netpol-analyzer-go-objects');

/** Golden file (as index.json names it) -> fixture folder under GO_OBJECT_FIXTURES_DIR. */
export const GO_OBJECT_FIXTURES: Readonly<Record<string, string>> = {
  'test_outputs/connlist/test1_anp_conn_from_parsed_res.txt': 'test1_anp_conn_from_parsed_res',
  'test_outputs/connlist/test2_anp_conn_from_parsed_res.txt': 'test2_anp_conn_from_parsed_res',
  'test_outputs/connlist/test3_anp_conn_from_parsed_res.txt': 'test3_anp_conn_from_parsed_res',
  'test_outputs/connlist/test4_anp_conn_from_parsed_res.txt': 'test4_anp_conn_from_parsed_res',
  'test_outputs/connlist/test5_anp_conn_from_parsed_res.txt': 'test5_anp_conn_from_parsed_res',
  'test_outputs/connlist/test6_anp_conn_from_parsed_res.txt': 'test6_anp_conn_from_parsed_res',
  'test_outputs/connlist/test7_anp_conn_from_parsed_res.txt': 'test7_anp_conn_from_parsed_res',
  'test_outputs/connlist/test8_anp_conn_from_parsed_res.txt': 'test8_anp_conn_from_parsed_res',
  'test_outputs/connlist/test9_anp_conn_from_parsed_res.txt': 'test9_anp_conn_from_parsed_res',
  'test_outputs/connlist/test10_anp_conn_from_parsed_res.txt': 'test10_anp_conn_from_parsed_res',
  'test_outputs/connlist/test1_anp_unmatched_ingress_egress_from_parsed_res.txt': 'test1_anp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test2_anp_unmatched_ingress_egress_from_parsed_res.txt': 'test2_anp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test4_anp_unmatched_ingress_egress_from_parsed_res.txt': 'test4_anp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test6_anp_unmatched_ingress_egress_from_parsed_res.txt': 'test6_anp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test7_anp_unmatched_ingress_egress_from_parsed_res.txt': 'test7_anp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test13_anp_unmatched_ingress_egress_from_parsed_res.txt': 'test13_anp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test_anp_allow_specific_port_from_parsed_res.txt': 'test_anp_allow_specific_port_from_parsed_res',
  'test_outputs/connlist/test_anp_deny_specific_port_from_parsed_res.txt': 'test_anp_deny_specific_port_from_parsed_res',
  'test_outputs/connlist/test1_banp_conn_from_parsed_res.txt': 'test1_banp_conn_from_parsed_res',
  'test_outputs/connlist/test2_banp_conn_from_parsed_res.txt': 'test2_banp_conn_from_parsed_res',
  'test_outputs/connlist/test3_banp_conn_from_parsed_res.txt': 'test3_banp_conn_from_parsed_res',
  'test_outputs/connlist/test4_banp_conn_from_parsed_res.txt': 'test4_banp_conn_from_parsed_res',
  'test_outputs/connlist/test_banp_allow_specific_port_from_parsed_res.txt': 'test_banp_allow_specific_port_from_parsed_res',
  'test_outputs/connlist/test_banp_deny_specific_port_from_parsed_res.txt': 'test_banp_deny_specific_port_from_parsed_res',
  'test_outputs/connlist/test1_anp_npv1_conn_from_parsed_res.txt': 'test1_anp_npv1_conn_from_parsed_res',
  'test_outputs/connlist/test2_anp_npv1_conn_from_parsed_res.txt': 'test2_anp_npv1_conn_from_parsed_res',
  'test_outputs/connlist/test8_anp_np_unmatched_ingress_egress_from_parsed_res.txt': 'test8_anp_np_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test1_banp_npv1_conn_from_parsed_res.txt': 'test1_banp_npv1_conn_from_parsed_res',
  'test_outputs/connlist/test1_anp_banp_from_parsed_res.txt': 'test1_anp_banp_from_parsed_res',
  'test_outputs/connlist/test2_anp_banp_from_parsed_res.txt': 'test2_anp_banp_from_parsed_res',
  'test_outputs/connlist/test3_anp_banp_unmatched_ingress_egress_from_parsed_res.txt': 'test3_anp_banp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test5_anp_banp_unmatched_ingress_egress_from_parsed_res.txt': 'test5_anp_banp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test11_anp_banp_unmatched_ingress_egress_from_parsed_res.txt': 'test11_anp_banp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test12_anp_banp_unmatched_ingress_egress_from_parsed_res.txt': 'test12_anp_banp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test14_anp_banp_unmatched_ingress_egress_from_parsed_res.txt': 'test14_anp_banp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test9_anp_banp_unmatched_ingress_egress_from_parsed_res.txt': 'test9_anp_banp_unmatched_ingress_egress_from_parsed_res',
  'test_outputs/connlist/test_anp_banp_allow_specific_ports_from_parsed_res.txt': 'test_anp_banp_allow_specific_ports_from_parsed_res',
  'test_outputs/connlist/test_anp_banp_deny_specific_ports_from_parsed_res.txt': 'test_anp_banp_deny_specific_ports_from_parsed_res',
};

/**
 * The input folder of a golden: corpus-relative (`tests/<dir>`) for the manifest inputs, an
 * absolute fixture path for the Go-object ones; undefined for a Go-object golden with no fixture.
 */
export function goldenInput(golden: Golden): string | undefined {
  if (golden.kind !== GO_OBJECTS_KIND) return golden.inputs[0];
  const folder = GO_OBJECT_FIXTURES[golden.file];
  return folder === undefined ? undefined : join(GO_OBJECT_FIXTURES_DIR, folder);
}
