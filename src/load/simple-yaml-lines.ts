// Lines of the text for the simple YAML reader (simple-yaml-to-plain.ts): where a line's content
// ends (before `\r\n` or `\n`), where the next one starts, and a cursor that moves across them.

const SPACE = 0x20;
const HASH = 0x23;

/** A place in the text: an offset, its 1-based line, and where that line's content ends. */
export interface Cursor {
  pos: number;
  line: number;
  end: number;
}

/** Where the line whose content ends at `end` is followed by the next one. */
export function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === 0x0d ? end + 2 : end + 1;
}

/** Where the content of the line starting at `start` ends (before `\r\n`, `\n` or the text end). */
export function contentEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  if (newline < 0) return text.length;
  return newline > start && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
}

/** The first offset from `pos` (before `end`) that is not a space. */
export function skipSpaces(text: string, pos: number, end: number): number {
  while (pos < end && text.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

/** Whether [pos, end) holds nothing but spaces and maybe a comment after a space. */
export function isLineRest(text: string, pos: number, end: number): boolean {
  const at = skipSpaces(text, pos, end);
  return at === end || (text.charCodeAt(at) === HASH && at > pos);
}
