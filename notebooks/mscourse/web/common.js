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
  if (heading) root.append(h("h4", { class: "mscourse-heading", id: headingId, text: heading }));
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

/** The diagram figure: one <img> whose alt names the scene and step, described
 *  by the full text below it (aria-describedby), plus fixed legend images. */
function diagramFigure(model) {
  const descriptionId = uid("description");
  const image = h("img", { class: "mscourse-diagram", alt: "", "aria-describedby": descriptionId });
  const text = h("span", { class: "mscourse-description-text" });
  const description = h("p", { class: "mscourse-description", id: descriptionId },
    h("em", { text: "What the diagram shows: " }), text);
  const legends = (model.get("legend") || []).map(
    (item) => h("img", { class: "mscourse-legend", src: item.image, alt: item.alt }));
  const busy = h("p", { class: "mscourse-busy", hidden: true, text: "Drawing the new diagram…" });
  const figure = h("div", { class: "mscourse-figure-box" }, busy, image, ...legends, description);
  return {
    figure,
    show(frame) {
      busy.hidden = true;
      figure.removeAttribute("aria-busy");
      image.classList.remove("mscourse-stale");
      if (frame.image && image.getAttribute("src") !== frame.image) image.setAttribute("src", frame.image);
      image.setAttribute("alt", frame.alt);
      text.textContent = frame.description;
    },
    /** The picture for the new state is not here yet: say so, never show it as current. */
    waiting(alt) {
      busy.hidden = false;
      figure.setAttribute("aria-busy", "true");
      image.classList.add("mscourse-stale");
      image.setAttribute("alt", alt + " (still being drawn)");
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
    dispose() { if (timer !== null) clearTimeout(timer); },
  };
}

/** A per-model store shared by every view of one model (initialize() or first render). */
const mscourseStores = new WeakMap();
function modelStore(model, create) {
  if (!mscourseStores.has(model)) mscourseStores.set(model, create());
  return mscourseStores.get(model);
}
