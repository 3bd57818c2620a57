// Messages in the API server's field.Error format (k8s apimachinery util/validation/field/errors.go
// ErrorBody): "<Type>[: <value>][: <detail>]", values printed as Go prints them (%q for strings).

/** Go's strconv.Quote for the strings we print (ASCII control characters escaped). */
export function goQuote(value: string): string {
  const named: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A bad value as field.Error prints it: strings quoted, numbers and booleans bare. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${goValue(value)}: ${detail}`;
}

export function required(detail = ''): string {
  return detail === '' ? 'Required value' : `Required value: ${detail}`;
}

export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

export function notSupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${goValue(value)}: supported values: ${supported.map(goQuote).join(', ')}`;
}
