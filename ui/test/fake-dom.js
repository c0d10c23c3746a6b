// A minimal DOM for node --test: enough for dom.js to build elements, and it
// refuses any HTML parsing, so a test fails if markup would be interpreted.

class Node {
  constructor(doc) {
    this.ownerDocument = doc;
    this.childNodes = [];
    this.parentNode = null;
  }
  appendChild(child) {
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  removeChild(child) {
    this.childNodes = this.childNodes.filter((c) => c !== child);
    return child;
  }
  get firstChild() {
    return this.childNodes[0] ?? null;
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }
}

class Text extends Node {
  constructor(doc, data) {
    super(doc);
    this.data = data;
    this.nodeType = 3;
  }
  get textContent() {
    return this.data;
  }
}

class Element extends Node {
  constructor(doc, tagName, ns) {
    super(doc);
    this.tagName = tagName.toUpperCase();
    this.namespaceURI = ns;
    this.attributes = {};
    this.dataset = {};
    this.listeners = {};
    this.nodeType = 1;
  }
  setAttribute(k, v) {
    if (/^on/i.test(k)) throw new Error(`event handler attribute ${k} set from a string`);
    this.attributes[k] = String(v);
  }
  getAttribute(k) {
    return this.attributes[k] ?? null;
  }
  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }
  set textContent(v) {
    this.childNodes = [new Text(this.ownerDocument, String(v))];
  }
  get textContent() {
    return super.textContent;
  }
  set innerHTML(_) {
    throw new Error('innerHTML used');
  }
  set outerHTML(_) {
    throw new Error('outerHTML used');
  }
  insertAdjacentHTML() {
    throw new Error('insertAdjacentHTML used');
  }
  /** Every element below this one. */
  descendants() {
    return this.childNodes.filter((c) => c instanceof Element).flatMap((c) => [c, ...c.descendants()]);
  }
}

export function fakeDocument() {
  const doc = {
    createElement: (tag) => new Element(doc, tag, 'http://www.w3.org/1999/xhtml'),
    createElementNS: (ns, tag) => new Element(doc, tag, ns),
    createTextNode: (data) => new Text(doc, data),
    write() {
      throw new Error('document.write used');
    },
  };
  return doc;
}
