// Shared DOM and ARIA helpers of the course widgets. The widget files after this
// one use these as plain functions: the module text of a widget is this file
// followed by that widget's file (see README.md, "the host contract").

const MSCOURSE_LOST =
  "This widget lost its connection to Python: run this cell again " +
  "(if the kernel was restarted, run the setup cell at the top first).";

let mscourseSerial = 0;

/** A page-unique id: several widgets (and several views of one) share a page. */
function uid(prefix) {
  mscourseSerial += 1;
  const salt = Math.random().toString(36).slice(2, 7);
  return `mscourse-${prefix}-${salt}-${mscourseSerial}`;
}

/** Create an element. attrs: class, text (textContent), html (trusted course
 *  HTML only), on<event> listeners, booleans as present/absent attributes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  // JupyterLab binds arrow keys, Enter and letters to notebook commands for any focused
  // element in a notebook; marked controls keep their own keys (radio arrows, slider End).
  if (["input", "select", "button", "textarea"].includes(tag) || attrs.tabindex !== undefined) {
    el.setAttribute("data-lm-suppress-shortcuts", "true");
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = value;
    else if (name === "html") el.innerHTML = value;
    else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/** The widget's root: a labelled group with the course's styles and text scale. */
function widgetRoot(model, kind, headingId) {
  const heading = model.get("heading") || "";
  const root = h("div", {
    class: `mscourse-widget mscourse-${kind}`,
    role: "group",
    "aria-labelledby": heading ? headingId : null,
    "aria-label": heading ? null : kind,
    "data-mscourse-frontend": "1",
    // JupyterLab: keys pressed inside the widget operate it, never the notebook.
    "data-lm-suppress-shortcuts": "true",
  });
  const scale = () => root.style.setProperty("--mscourse-scale", String(model.get("scale") || 1));
  scale();
  model.on("change:scale", scale);
  // h3: the widget sits in a lesson section (h2); axe "heading-order" flags a skipped level.
  if (heading) root.append(h("h3", { class: "mscourse-heading", id: headingId, text: heading }));
  return root;
}

/** A button that keeps focus at the end of its range: aria-disabled, not disabled. */
function button(label, onPress, extra = {}) {
  const b = h("button", { type: "button", class: "mscourse-button", text: label, ...extra });
  b.addEventListener("click", (event) => {
    if (b.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      return;
    }
    onPress(event);
  });
  return b;
}

function setDisabled(el, disabled) {
  el.setAttribute("aria-disabled", disabled ? "true" : "false");
}

/** The sentences of a plain text. */
function sentences(text) {
  return (String(text || "").match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) || []).map((x) => x.trim()).filter(Boolean);
}

/** What a screen reader should hear about a new state: the first sentence of ``after``
 *  that ``before`` did not have (descriptions repeat what stays the same). */
function whatChanged(before, after) {
  const old = new Set(sentences(before));
  return sentences(after).find((sentence) => !old.has(sentence)) || "";
}

/** A polite, visually hidden status line, said once the student stops (``delay`` ms after
 *  the last ``say``): several quick key presses give one announcement. */
function announcer(root, delay = 400) {
  const line = h("p", { class: "mscourse-visually-hidden", role: "status" });
  root.append(line);
  let timer = null;
  return {
    say(text) {
      clearTimeout(timer);
      timer = setTimeout(() => { line.textContent = text; }, delay);
    },
    dispose() { clearTimeout(timer); },
  };
}

/** A box as tall as the tallest text it may show: ``live`` shows the current text, and
 *  ``box.reserve(texts)`` adds an invisible copy of each (``copy(text)`` makes one; out of
 *  the accessibility tree) in the same grid cell. When the text changes, nothing below the
 *  box moves: the diagram under a caption stays put, and the browser repaints only what
 *  changed. */
function steadyBox(live, copy = (text) => h("div", { html: text }), limit = 32) {
  const box = h("div", { class: "mscourse-steady" }, live);
  const seen = new Set();
  box.reserve = (texts) => {
    for (const text of texts) {
      if (!text || seen.has(text) || seen.size >= limit) continue;  // limit: a big explorer's page stays light
      seen.add(text);
      const sizer = copy(text);
      sizer.classList.add("mscourse-sizer");
      sizer.setAttribute("aria-hidden", "true");
      box.prepend(sizer);
    }
  };
  return box;
}

/** The diagram figure. Each image the widget holds is its own <img>, decoded ahead
 *  (``prepare``) and hidden until shown, so a step paints without decoding anything.
 *  The visible one carries the one-line alt naming the scene and step and is
 *  described by the full text below it (aria-describedby); hidden ones are out of
 *  the accessibility tree. At most ``keep`` images stay (least recently used go). */
function diagramFigure(model, keep = 20) {
  const descriptionId = uid("description");
  const text = h("span", { class: "mscourse-description-text" });
  const description = h("p", { class: "mscourse-description", id: descriptionId },
    h("em", { text: "What the diagram shows: " }), text);
  const descriptionBox = steadyBox(description, (words) => h("p", { class: "mscourse-description-sizer" },
    h("em", { text: "What the diagram shows: " }), words));
  // A legend with its key in words: the strip is a picture of that list (alt ""), and the list
  // itself sits in a closed "details", so a screen reader meets one line, not every symbol.
  const legends = (model.get("legend") || []).map((item) => (item.items && item.items.length
    ? h("div", { class: "mscourse-key" },
      h("img", { class: "mscourse-legend", src: item.image, alt: "" }),
      h("details", {}, h("summary", { text: `Key to the symbols, in words (${item.items.length})` }),
        h("ul", {}, ...item.items.map(([name, shape]) => h("li", { text: `${name}: ${shape}` })))))
    : h("img", { class: "mscourse-legend", src: item.image, alt: item.alt })));
  const busy = h("p", { class: "mscourse-busy", hidden: true, text: "Drawing the new diagram…" });
  const stack = h("div", { class: "mscourse-diagram-stack" });
  // On a narrow screen (a phone) the diagram shrinks and its labels get small: this
  // shows it at full size in a strip that scrolls sideways. Offered only when it helps.
  const enlarge = button("Enlarge diagram", () => setEnlarged(!enlarged),
    { class: "mscourse-button mscourse-enlarge", "aria-pressed": "false", hidden: true });
  const figure = h("div", { class: "mscourse-figure-box" }, busy, enlarge, stack, ...legends, descriptionBox);
  const images = new Map(); // url -> <img>, least recently used first
  let shown = null;
  let enlarged = false;

  function setEnlarged(on) {
    enlarged = on;
    enlarge.setAttribute("aria-pressed", on ? "true" : "false");
    stack.classList.toggle("mscourse-enlarged", on);
    // A strip that scrolls must be reachable by keyboard, and say what it is.
    const name = `${model.get("heading") || "Diagram"}: the diagram at full size, scroll sideways`;
    for (const [attribute, value] of [["tabindex", "0"], ["role", "region"], ["aria-label", name]]) {
      if (on) stack.setAttribute(attribute, value); else stack.removeAttribute(attribute);
    }
    fitCheck();
  }

  /** Offer the button while the diagram is shown at under 3/4 of its drawn size. */
  function fitCheck() {
    if (!shown || !shown.naturalWidth) return;
    const small = stack.clientWidth < 0.75 * shown.naturalWidth;
    enlarge.hidden = !(small || enlarged);
  }
  if (typeof ResizeObserver === "function") new ResizeObserver(fitCheck).observe(stack);

  function imageFor(url) {
    let img = images.get(url);
    if (img) {
      images.delete(url);
    } else {
      img = h("img", { class: "mscourse-diagram", alt: "", hidden: true, decoding: "sync" });
      img.src = url;
      stack.append(img);
      if (img.decode) img.decode().catch(() => {});
    }
    images.set(url, img);
    for (const [old, oldImg] of images) {
      if (images.size <= keep) break;
      if (oldImg !== shown && old !== url) { oldImg.remove(); images.delete(old); }
    }
    return img;
  }

  return {
    figure,
    /** Keep room for the longest of these descriptions (a storyboard knows them all; an
     *  explorer the states it holds, so its box grows as they arrive, never on a click). */
    reserve(texts) { descriptionBox.reserve(texts); },
    /** Decode an image now that will be shown later. */
    prepare(url) { if (url) imageFor(url); },
    show(frame) {
      busy.hidden = true;
      busy.textContent = "Drawing the new diagram…";
      figure.removeAttribute("aria-busy");
      const img = frame.image ? imageFor(frame.image) : shown;
      if (img && img !== shown) {
        img.hidden = false;
        if (shown) {
          shown.hidden = true;
          shown.alt = "";
          shown.removeAttribute("aria-describedby");
          shown.classList.remove("mscourse-stale");
        }
        shown = img;
        if (img.complete) fitCheck(); else img.addEventListener("load", fitCheck, { once: true });
      }
      if (shown) {
        shown.classList.remove("mscourse-stale");
        shown.alt = frame.alt;
        shown.setAttribute("aria-describedby", descriptionId);
      }
      text.textContent = frame.description;
    },
    /** The picture for the new state is not here yet: say so, never show it as current. */
    /** ``missing``: the picture will not come (a static page without this state): say why. */
    waiting(alt, missing = "") {
      busy.textContent = missing || "Drawing the new diagram…";
      busy.hidden = false;
      figure.setAttribute("aria-busy", "true");
      if (shown) {
        shown.classList.add("mscourse-stale");
        shown.alt = `${alt} (${missing || "still being drawn"})`;
      }
    },
  };
}

/** Asking Python for something: if no answer comes, say in one sentence what to do. */
function kernelWatch(model, root, waitMs = 6000) {
  const note = h("p", { class: "mscourse-kernel", role: "status" });
  root.append(note);
  let timer = null;
  const lost = () => { note.textContent = MSCOURSE_LOST; root.dataset.kernelLost = "1"; };
  return {
    /** Send ``message`` (or nothing, when a trait change already asked) and wait for an answer. */
    ask(message) {
      if (!model.get("kernel")) return false;
      try {
        if (message) model.send(message);
      } catch (error) {
        lost();
        return false;
      }
      if (timer === null) timer = setTimeout(lost, waitMs);
      return true;
    },
    answered() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      note.textContent = "";
      delete root.dataset.kernelLost;
    },
    /** Nothing is awaited any more (the student moved on to a state the browser has):
     *  stop waiting, but keep saying so if the kernel was already found lost. */
    settled() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    dispose() { if (timer !== null) clearTimeout(timer); },
  };
}

/** Tell the host after the next paint: the click's picture comes first. Calls made
 *  before then collapse into one (the latest state). */
function afterPaint(model, send) {
  afterPaint.pending = afterPaint.pending || new Map();
  const first = !afterPaint.pending.has(model);
  afterPaint.pending.set(model, send);
  if (!first) return;
  const run = () => {
    const latest = afterPaint.pending.get(model);
    afterPaint.pending.delete(model);
    try { latest(); } catch (error) { /* a closed connection: the kernel watch says so */ }
  };
  if (typeof requestAnimationFrame === "function" && document.visibilityState !== "hidden") {
    requestAnimationFrame(() => setTimeout(run, 0));
  } else {
    setTimeout(run, 0);
  }
}

/** A per-model store shared by every view of one model (initialize() or first render). */
const mscourseStores = new WeakMap();
function modelStore(model, create) {
  if (!mscourseStores.has(model)) mscourseStores.set(model, create());
  return mscourseStores.get(model);
}
