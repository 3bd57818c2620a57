// Quoting for the text formats: each function turns any string (ids may hold anything a name or
// label can, and hostile input more) into a token of one syntax that reads back as the same text
// (line breaks aside, where a syntax has none) and cannot end the token, start markup or inject
// code. One function per syntax, for every formatter that writes it.

/** RFC 4180 §2.6-2.7: quoted when needed, quotes inside doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Text inside a table cell: the ASCII punctuation that means something inside a line (emphasis,
 * code, strikethrough, links, HTML, entities, the cell separator, the escape itself) is
 * backslash-escaped, as CommonMark allows for any ASCII punctuation; line breaks, which would end
 * the row, become spaces.
 */
export function markdownCell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** Words that YAML 1.1 readers (PyYAML, go-yaml v2) resolve to booleans or null. */
const YAML_1_1_WORDS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null', '~']);

/**
 * A string as a YAML scalar: plain when that is unambiguous in YAML 1.1 and 1.2 and inside flow
 * collections (names, `ns/kind/name` ids, CIDRs), else double-quoted. Plain needs: a letter or
 * digit first, then only letters, digits and `._/-`; not a 1.1 boolean or null word; and, when
 * it starts with a digit, a `/` (a number, a date or a 1.1 sexagesimal never has one).
 */
export function yamlString(text: string): string {
  const plain =
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(text) &&
    !YAML_1_1_WORDS.has(text.toLowerCase()) &&
    (!/^[0-9]/.test(text) || text.includes('/'));
  return plain ? text : doubleQuoted(text);
}

/**
 * A double-quoted YAML scalar. JSON's escapes are YAML's too (YAML 1.2 is a superset of JSON);
 * on top of JSON.stringify, the characters YAML does not allow unescaped in a document (DEL, the
 * C1 controls, the BOM, U+FFFE/U+FFFF) and the line separators U+2028/U+2029 are escaped.
 */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A DOT quoted string (graphviz.org/doc/info/lang.html): `"` and `\` backslash-escaped, so that
 * neither ends the string nor starts an escString sequence (`\N`, `\l`...) in a label; line
 * feed and carriage return become `\n` and `\r` (line breaks in a label). Distinct texts stay
 * distinct names.
 */
export function dotString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replaceAll('\n', '\\n').replaceAll('\r', '\\r')}"`;
}

const ENTITIES: Readonly<Record<string, string>> = { '"': '#quot;', '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;' };

/**
 * A quoted Mermaid label. Inside quotes the flowchart lexer takes anything but `"`; Mermaid then
 * decodes `#name;` and `#code;` entities and renders the text as HTML. So `"`, `#`, `&`, `<`, `>`
 * become entities (nothing can end the label, fake an entity or inject markup), a backquote too
 * (`"` then a backquote would start a Markdown string), and line breaks become spaces.
 */
export function mermaidString(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/["#&<>`]/g, (c) => ENTITIES[c] ?? c)}"`;
}

/**
 * XML 1.0 character data (element text): `&`, `<` and `>` as entities (so `]]>` cannot occur either);
 * characters XML 1.0 forbids outright (most C0 controls, U+FFFE/U+FFFF, lone surrogates) become U+FFFD.
 */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/[&<>]/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * An XML attribute value, without its quotes: as text, plus `"` and `'`; tab, line feed and
 * carriage return as character references, which attribute-value normalisation would otherwise
 * turn into spaces.
 */
export function xmlAttribute(text: string): string {
  return xmlChars(text).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** XML 1.0 §2.2 Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF. */
function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd');
}

/**
 * Text for a terminal or a log, on one line: control characters (C0, DEL, C1: line breaks, and
 * the escape that starts terminal sequences) written as escapes (`\n`, `\t`, `\u001b`).
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
