/** Reading an exported .docx back for the tests: unzip, parse the XML parts, resolve style properties. */
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParts {
  files: Record<string, Uint8Array>;
  xml(name: string): Document;
  text(name: string): string;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const cache = new Map<string, Document>();
  return {
    files,
    text: (name) => {
      const f = files[name];
      if (!f) throw new Error(`no part ${name} in the package (parts: ${Object.keys(files).join(', ')})`);
      return strFromU8(f);
    },
    xml(name) {
      let d = cache.get(name);
      if (!d) {
        d = new DOMParser().parseFromString(this.text(name), 'text/xml');
        cache.set(name, d);
      }
      return d;
    },
  };
}

export const all = (node: Document | Element, local: string): Element[] => Array.from(node.getElementsByTagNameNS(W, local));

export function kids(el: Element | undefined, local: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local) out.push(n as Element);
  return out;
}

export const kid = (el: Element | undefined, local: string): Element | undefined => kids(el, local)[0];

/** w:* attribute value. */
export const attr = (el: Element | undefined, name: string): string | null => (el ? el.getAttributeNS(W, name) || null : null);

export const paragraphText = (p: Element): string => all(p, 't').map((t) => t.textContent ?? '').join('');

/** Body paragraphs (w:body/w:p) in order. */
export function bodyParagraphs(d: DocxParts): Element[] {
  const body = all(d.xml('word/document.xml'), 'body')[0];
  return kids(body, 'p');
}

export const styleOf = (p: Element): string | null => attr(kid(kid(p, 'pPr'), 'pStyle'), 'val');

/** The paragraph style definitions by id. */
export function styles(d: DocxParts): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const s of all(d.xml('word/styles.xml'), 'style')) map.set(attr(s, 'styleId')!, s);
  return map;
}

/** A property of a style, following basedOn: e.g. styleProp(map, 'GwHeading1', 'rPr', 'rFonts'). */
export function styleProp(map: Map<string, Element>, id: string, container: 'pPr' | 'rPr', local: string): Element | undefined {
  const seen = new Set<string>();
  for (let s = map.get(id); s && !seen.has(id); ) {
    seen.add(id);
    const el = kid(kid(s, container), local);
    if (el) return el;
    const base = attr(kid(s, 'basedOn'), 'val');
    if (!base) return undefined;
    id = base;
    s = map.get(base);
  }
  return undefined;
}
