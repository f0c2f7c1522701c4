// The take-home sheet's printing, for src/hooks/print_sheet.rs.
//
// The sheet arrives as nodes (backwise_core::sheet, through the on-demand
// module): this file builds them with DOM calls, so deck text is only ever a
// text node, never parsed as HTML. The frame is sandboxed without scripts
// as well.
//
// The sheet is printed from a hidden about:blank frame put in the widget's
// own shadow root: `print()` on that frame's window prints its document
// alone, never the host page, and the frame loads nothing (its content is
// written here). The only request is for the widget's own on-demand module,
// once per page; nothing is sent anywhere. Under a strict
// Content-Security-Policy (no inline style) the frame is hidden through
// CSSOM, and its style sheet is a constructed one made in the frame's own
// window (a sheet can be adopted only by a document of the window that
// made it). The frame goes after printing, or at the next print at the
// latest (a browser whose `print()` returns before the dialog closes still
// needs the document until then).
let frame = null;

// `parts` resolves with the sheet's nodes and style sheet (extras.js); if
// it fails (the on-demand module could not be loaded), the reader is told
// `failed`, and the next press tries again.
export const printSheet = (anchor, title, parts, failed) =>
  parts.then(([nodes, css]) => printFrame(anchor, title, nodes, css), () => alert(failed));

// A sheet node in `doc`: a string is a text node; an element is
// [tag, attributes, ...children].
const build = (doc, node) => {
  if (typeof node === 'string') return doc.createTextNode(node);
  const [tag, attrs, ...children] = node;
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children.map((child) => build(doc, child)));
  return el;
};

const printFrame = (anchor, title, nodes, css) => {
  frame?.remove();
  const doc = anchor.ownerDocument;
  frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // No script may run in the sheet: the sandbox (scripts off; the same
  // origin, so that this module can write the document; modals, for the
  // print dialog).
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  Object.assign(frame.style, {
    position: 'fixed', insetInlineStart: '0', insetBlockStart: '0',
    width: '0', height: '0', border: '0', visibility: 'hidden',
  });
  anchor.getRootNode().append(frame);
  const win = frame.contentWindow;
  const sheetDoc = win.document;
  sheetDoc.title = title;
  sheetDoc.body.replaceChildren(build(sheetDoc, nodes));
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  sheetDoc.adoptedStyleSheets = [sheet];
  const printed = frame;
  win.addEventListener('afterprint', () => {
    printed.remove();
    if (frame === printed) frame = null;
  });
  win.print();
};
