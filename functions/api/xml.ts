/**
 * A small XML writer for the Open311 answers: elements only (no
 * attributes), text escaped, each array written as its items under a name
 * the caller gives, booleans and numbers as text.
 */

/** A value as XML writes it: a null an empty element, undefined nothing. */
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [name: string]: XmlValue };

// Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data: markup escaped, what XML cannot hold left out. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function element(name: string, value: XmlValue, itemName: (arrayName: string) => string): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((item) => element(itemName(name), item, itemName)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, XmlValue>).map(([child, inner]) => element(child, inner, itemName));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * A whole document: the XML declaration (UTF-8, as the spec requires) and
 * `value` as the element `root`.
 *
 * @param itemName - the name of an array's items, from the array's own name (`services` holds `service`)
 */
export function xmlDocument(root: string, value: XmlValue, itemName: (arrayName: string) => string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemName)}`;
}
