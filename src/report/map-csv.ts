import { PROTOCOLS } from '../model/common.js';
import type { PortSet } from '../algebra/port-set.js';
import type { ConnectivityMap } from '../engine/types.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { formatPortRanges } from './ports-text.js';
import { csvField } from './quoting.js';

const HEADER = ['from', 'from_kind', 'to', 'to_kind', 'tcp', 'udp', 'sctp'] as const;

/**
 * `map -o csv` (RFC 4180): a header, then one record per connection in the map's order with both
 * ends' ids and kinds and the allowed ports per protocol (`80,443,8000-8080`, `all`, empty for
 * none). A field is quoted when it holds a comma, a quote or a line break, quotes doubled. Lines
 * end in LF, not the RFC's CRLF: shell tools (cut, awk) would keep the CR in the last field, and
 * CSV readers accept both.
 */
export function formatMapCsv(map: ConnectivityMap, options?: FormatOptions): Iterable<string> {
  return chunked(csvPieces(map), options);
}

function* csvPieces(map: ConnectivityMap): Generator<string, void, undefined> {
  yield record(HEADER);
  const kinds = new Map(map.endpoints.map((endpoint) => [endpoint.id, endpoint.kind]));
  const fields = new Map<string, string>();
  const field = (text: string): string => {
    let quoted = fields.get(text);
    if (quoted === undefined) fields.set(text, (quoted = csvField(text)));
    return quoted;
  };
  const portFields = new WeakMap<PortSet, string>();
  for (const { from, to, allow } of map.connections) {
    let ports = portFields.get(allow);
    if (ports === undefined) portFields.set(allow, (ports = PROTOCOLS.map((p) => csvField(formatPortRanges(allow[p]))).join(',')));
    yield `${field(from)},${field(kinds.get(from) ?? '')},${field(to)},${field(kinds.get(to) ?? '')},${ports}\n`;
  }
}

function record(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\n';
}
