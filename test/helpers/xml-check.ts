// A strict reader of the XML subset netwarden writes (declaration, elements, attributes, text,
// entity and character references): enough to prove a document well-formed and read it back.
import assert from 'node:assert/strict';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, references decoded. */
  readonly text: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9._-]*';
const REFERENCE = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
/** XML 1.0 §2.2 Char. */
const INVALID_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Parses `xml`, failing the test on anything that is not well-formed. */
export function parseXml(xml: string): XmlElement {
  assert.ok(!INVALID_CHAR.test(xml), 'a character XML 1.0 does not allow');
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  assert.ok(declaration, 'the XML declaration first');
  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>`, 'gy');
  const stack: { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }[] = [];
  let root: XmlElement | undefined;
  let at = declaration[0].length;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next < 0 ? xml.length : next);
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text);
    else assert.match(text, /^\s*$/, 'text outside the root element');
    if (next < 0) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    assert.ok(match, `a malformed tag at ${next}: ${xml.slice(next, next + 60)}`);
    const [, close, name = '', attributeText = '', selfClose] = match;
    at = tag.lastIndex;
    if (close === '/') {
      const open = stack.pop();
      assert.equal(open?.name, name, `</${name}> closes <${open?.name}>`);
      const element = { ...open!, children: open!.children };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else root = element;
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key = '', value = ''] of attributeText.matchAll(new RegExp(`(${NAME})="([^"]*)"`, 'g'))) {
      assert.ok(!(key in attributes), `attribute ${key} twice`);
      assert.ok(!/[\t\n\r]/.test(value), 'a raw tab or line break in an attribute (normalised away by readers)');
      attributes[key] = decode(value);
    }
    const element = { name, attributes, children: [], text: '' };
    if (selfClose === '/') {
      assert.ok(stack.length > 0, 'a self-closed root');
      stack[stack.length - 1]!.children.push(element);
    } else stack.push(element);
  }
  assert.equal(stack.length, 0, 'unclosed elements');
  assert.ok(root, 'no root element');
  return root;
}

function decode(text: string): string {
  assert.ok(!/[<>]/.test(text), 'a raw < or > in text or an attribute');
  assert.equal(text.replace(REFERENCE, '').includes('&'), false, 'a raw & in text or an attribute');
  return text.replace(REFERENCE, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref as 'amp'];
  });
}
