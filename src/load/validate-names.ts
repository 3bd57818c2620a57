// Name and value checks of the Kubernetes API, returning the API server's own messages.
// Each function returns the list of messages (empty = valid), like the Go helpers it mirrors:
// k/k staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and
// staging/src/k8s.io/apimachinery/pkg/api/validate/content/{kube,dns,errors}.go.

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_MESSAGE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

const LABEL_KEY_RE = new RegExp(`^${LABEL_KEY_FMT}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/** Go measures string length in bytes. */
function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

function regexError(message: string, fmt: string, examples: readonly string[]): string {
  const shown = examples.map((e) => `'${e}', `).join('or ');
  return `${message} (e.g. ${shown}regex used for validation is '${fmt}')`;
}

/** util/validation MaxLenError (names, port names). */
function maxLenCharacters(length: number): string {
  return `must be no more than ${length} characters`;
}

/** validate/content MaxLenError (label keys and values). */
function maxLenBytes(length: number): string {
  return `must be no more than ${length} bytes`;
}

/** IsDNS1123Subdomain: at most 253 bytes, dot-separated RFC 1123 labels. */
export function dns1123SubdomainErrors(value: string, maxLen: (n: number) => string = maxLenCharacters): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errors.push(regexError(DNS1123_SUBDOMAIN_MESSAGE, DNS1123_SUBDOMAIN_FMT, ['example.com']));
  }
  return errors;
}

/** IsDNS1123Label: namespace names. */
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenCharacters(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    errors.push(
      DNS1123_SUBDOMAIN_RE.test(value)
        ? 'must not contain dots'
        : regexError(DNS1123_LABEL_MESSAGE, DNS1123_LABEL_FMT, ['my-name', '123-abc']),
    );
  }
  return errors;
}

/** IsDNS1035Label: Service names. */
export function dns1035LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenCharacters(63));
  if (!DNS1035_LABEL_RE.test(value)) {
    errors.push(regexError(DNS1035_LABEL_MESSAGE, DNS1035_LABEL_FMT, ['my-name', 'abc-123']));
  }
  return errors;
}

/** IsQualifiedName / IsLabelKey: `[prefix/]name` (semantics §7.2). */
export function qualifiedNameErrors(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix, maxLenBytes).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MESSAGE, LABEL_KEY_FMT, ['MyName', 'my.name', '123-abc'])}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (byteLength(name) > 63) errors.push(`name part ${maxLenBytes(63)}`);
  if (!LABEL_KEY_RE.test(name)) {
    errors.push(`name part ${regexError(LABEL_KEY_MESSAGE, LABEL_KEY_FMT, ['MyName', 'my.name', '123-abc'])}`);
  }
  return errors;
}

/** IsValidLabelValue: at most 63 bytes, empty allowed (semantics §7.2). */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(maxLenBytes(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errors.push(regexError(LABEL_VALUE_MESSAGE, LABEL_VALUE_FMT, ['MyValue', 'my_value', '12345']));
  }
  return errors;
}

/** IsValidPortNum (semantics §7.3). */
export function portNumberErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** IsValidPortName: IANA service name syntax; all failing rules are reported (semantics §7.3). */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (byteLength(name) > 15) errors.push(maxLenCharacters(15));
  if (!/^[-a-z0-9]+$/.test(name)) {
    errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  }
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}
