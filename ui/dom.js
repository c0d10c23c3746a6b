// Building elements without ever parsing HTML: text is always set as text
// (textContent / text nodes), so an article holding `<script>` or
// `<img onerror=…>` shows those characters and runs nothing. No module of
// this UI uses innerHTML, outerHTML, insertAdjacentHTML or document.write
// (ui/test/safety.test.js checks).

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') for (const [k, v] of Object.entries(value)) el.dataset[k] = v;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'object' ? child : el.ownerDocument.createTextNode(String(child)));
  }
}

/** `h('td', {class: 'mono'}, 'text', otherElement)`: an HTML element. */
export function h(tag, attrs, ...children) {
  const el = (h.document || globalThis.document).createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements (the provenance picture). */
export function s(tag, attrs, ...children) {
  const el = (h.document || globalThis.document).createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
  return el;
}

/**
 * A document's text as returned by the `document` command: segments of
 * plain text and marked evidence. Every piece goes in as a text node.
 */
export function renderSegments(segments) {
  const pre = h('div', { class: 'doc-text', 'data-testid': 'doc-text', tabindex: '0' });
  for (const seg of segments || []) {
    if (seg.mark) {
      pre.appendChild(
        h('mark', { class: `ev ev-${seg.mark}`, title: seg.label || seg.mark, 'data-testid': `evidence-${seg.mark}` }, seg.text),
      );
    } else {
      pre.appendChild(pre.ownerDocument.createTextNode(seg.text));
    }
  }
  return pre;
}
