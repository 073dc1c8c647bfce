// Injected first into every built page (scripts/postbuild/csp.ts). The site is served with
// `style-src 'self'`, which blocks any <style> element and any style="" attribute the browser
// parses, including ones a library adds at run time: Plot puts a <style> in every chart and legend,
// Inputs.table one in every table. CSS set through the CSSOM is not blocked, so this script moves
// such rules there: just before a subtree is attached to the document, each <style> in it is
// replaced by an inert <template data-csp-style> marker and its rules go into a constructed
// stylesheet adopted by the document (one per distinct text, dropped once no marker is attached).
// Static style="" attributes were renamed data-csp-style by the build and are applied here.
(() => {
  "use strict";
  if (typeof document === "undefined" || !("adoptedStyleSheets" in Document.prototype)) return;
  const MARK = "data-csp-style";
  const sheets = new Map(); // css text -> {sheet, markers: Set<Element>}
  const ours = new WeakSet(); // the sheets this script adopted (never touch anyone else's)

  function adopt(css, marker) {
    let entry = sheets.get(css);
    if (!entry) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      ours.add(sheet);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      sheets.set(css, (entry = {sheet, markers: new Set()}));
    }
    entry.markers.add(marker);
  }

  function prune() {
    let dropped = false;
    for (const [css, entry] of sheets) {
      for (const m of entry.markers) if (!m.isConnected) entry.markers.delete(m);
      if (entry.markers.size === 0) sheets.delete(css), (dropped = true);
    }
    if (dropped) {
      const live = new Set([...sheets.values()].map((e) => e.sheet));
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !ours.has(s) || live.has(s));
    }
  }

  /** The marker that stands in for a <style> element (kept so a re-attached subtree keeps its rules). */
  function markerFor(style) {
    const marker = document.createElement("template");
    marker.setAttribute(MARK, "");
    marker.__cspCss = style.textContent ?? "";
    if (marker.__cspCss.trim()) adopt(marker.__cspCss, marker);
    return marker;
  }

  /** Prepares a node about to be attached: returns the node to insert in its place. */
  function prepare(node) {
    if (!node || (node.nodeType !== 1 && node.nodeType !== 11)) return node;
    if (node.nodeType === 1 && node.localName === "style") return markerFor(node);
    for (const el of node.querySelectorAll(`style, template[${MARK}]`)) {
      if (el.localName === "style") el.parentNode.replaceChild(markerFor(el), el); // parent is detached: not wrapped
      else if (el.__cspCss?.trim()) adopt(el.__cspCss, el);
    }
    return node;
  }

  const connected = (parent) => parent != null && parent.isConnected;
  const wrap = (proto, name, parentOf, argIndexes) => {
    const original = proto[name];
    if (typeof original !== "function") return;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (...args) {
        if (!connected(parentOf(this))) return original.apply(this, args);
        for (const i of argIndexes === "all" ? args.keys() : argIndexes) if (i < args.length) args[i] = prepare(args[i]);
        const result = original.apply(this, args);
        prune();
        return result;
      }
    });
  };
  const self = (n) => n;
  const parent = (n) => n.parentNode;
  wrap(Node.prototype, "appendChild", self, [0]);
  wrap(Node.prototype, "insertBefore", self, [0]);
  wrap(Node.prototype, "replaceChild", self, [0]);
  for (const name of ["append", "prepend", "replaceChildren"]) wrap(Element.prototype, name, self, "all");
  for (const name of ["before", "after", "replaceWith"]) wrap(Element.prototype, name, parent, "all");
  for (const name of ["before", "after", "replaceWith"]) wrap(CharacterData.prototype, name, parent, "all");
  wrap(Element.prototype, "insertAdjacentElement", (n) => n, [1]);

  function applyStaticStyles() {
    for (const el of document.querySelectorAll(`[${MARK}]:not(template)`)) el.style.cssText = el.getAttribute(MARK);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", applyStaticStyles, {once: true});
  else applyStaticStyles();
})();
