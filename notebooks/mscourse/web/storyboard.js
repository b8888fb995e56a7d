// Storyboard: step through a scene's states. Every frame (image, title, caption,
// description) lives in the browser, so stepping never waits for Python.

function storyboardStore(model) {
  return modelStore(model, () => {
    const store = { images: (model.get("frames") || []).map((f) => f.image || ""), views: new Set() };
    model.on("msg:custom", (message) => {
      if (!message || message.type !== "frame") return;
      store.images[message.index] = message.image;
      for (const view of store.views) view(message.index);
    });
    model.on("change:frames", () => {
      (model.get("frames") || []).forEach((f, i) => { if (f.image) store.images[i] = f.image; });
      for (const view of store.views) view(null);
    });
    return store;
  });
}

function initialize({ model }) {
  storyboardStore(model);
}

function render({ model, el }) {
  const store = storyboardStore(model);
  const frames = model.get("frames") || [];
  const count = frames.length;
  const ids = { heading: uid("heading"), list: uid("steps"), status: uid("status") };
  const root = widgetRoot(model, "storyboard", ids.heading);
  let current = -1;

  // The visible status line is not live: the announcer says the step and what is new in it.
  const status = h("p", { class: "mscourse-status", id: ids.status });
  const previous = button("Previous", () => go(current - 1), { "aria-keyshortcuts": "ArrowLeft" });
  const next = button("Next", () => go(current + 1), { "aria-keyshortcuts": "ArrowRight" });
  const reset = button("Reset", () => go(0));
  const list = h("select", { class: "mscourse-step-list", id: ids.list });
  frames.forEach((frame, i) => list.append(
    h("option", { value: String(i), text: `Step ${i + 1} of ${count}: ${frame.title}` })));
  list.addEventListener("change", () => go(Number(list.value), true));
  const controls = h("div", { class: "mscourse-controls", role: "group", "aria-label": "Step controls" },
    previous, next,
    h("span", { class: "mscourse-field" }, h("label", { for: ids.list, text: "Go to step" }), list),
    reset);
  const caption = h("div", { class: "mscourse-caption" });
  const captionBox = steadyBox(caption);
  captionBox.reserve(frames.map((frame) => frame.caption));
  const diagram = diagramFigure(model);
  diagram.reserve(frames.map((frame) => frame.description));
  const statusBox = steadyBox(status, (text) => h("p", { class: "mscourse-status-sizer", text }));
  statusBox.reserve(frames.map((frame, i) => `Step ${i + 1} of ${count}: ${frame.title}`));
  root.append(statusBox, controls, captionBox, diagram.figure);
  const announce = announcer(root, 150);
  const watch = kernelWatch(model, root);

  function pending() {
    const missing = store.images.filter((image) => !image).length;
    root.dataset.framesPending = String(missing);
    return missing;
  }

  function show(index) {
    const frame = frames[index];
    const image = store.images[index];
    status.textContent = `Step ${index + 1} of ${count}: ${frame.title}`;
    caption.innerHTML = frame.caption;
    if (image) {
      watch.settled();  // a frame asked for at an earlier step is no longer awaited
      diagram.show({ ...frame, image });
    } else {
      diagram.waiting(frame.alt);
      watch.ask({ type: "need", indexes: [index] });
    }
    list.value = String(index);
    setDisabled(previous, index === 0);
    setDisabled(next, index === count - 1);
    root.dataset.step = String(index + 1);
  }

  /** ``fromList``: the step list has just read the step's name, so only what is new is said. */
  function go(index, fromList = false) {
    index = Math.max(0, Math.min(count - 1, index));
    if (index === current) return;
    const before = frames[current] ? frames[current].description : "";
    current = index;
    show(index);  // paint first: telling Python can wait
    const news = whatChanged(before, frames[index].description);
    announce.say([fromList ? "" : status.textContent, news].filter(Boolean).join(". "));
    afterPaint(model, () => {
      model.set("step", current);
      model.save_changes();
    });
  }

  const onFrame = (index) => {
    pending();
    if (index !== null) diagram.prepare(store.images[index]);
    if (index === null || index === current) {
      if (store.images[current]) watch.answered();
      show(current);
    }
  };
  store.views.add(onFrame);
  model.on("change:step", () => {
    const index = model.get("step");
    if (index !== current) { current = index; show(index); }
  });

  // Home and End anywhere in the widget (not in the step list, which has its own keys);
  // the arrow keys on the Previous and Next buttons.
  root.addEventListener("keydown", (event) => {
    // Not in the step list (its own keys) nor in the diagram (an enlarged strip scrolls with them).
    if (event.target === list || diagram.figure.contains(event.target) ||
        event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = { Home: () => 0, End: () => count - 1 };
    if (event.target === previous || event.target === next) {
      moves.ArrowLeft = () => current - 1;
      moves.ArrowRight = () => current + 1;
    }
    if (moves[event.key]) {
      event.preventDefault();
      event.stopPropagation();  // JupyterLab must not treat it as a notebook command
      go(moves[event.key]());
    }
  });

  current = Math.max(0, Math.min(count - 1, model.get("step") || 0));
  show(current);
  // The likely next steps first, so their pictures are decoded before a click.
  for (let i = current + 1; i < count; i += 1) diagram.prepare(store.images[i]);
  for (let i = current - 1; i >= 0; i -= 1) diagram.prepare(store.images[i]);
  if (pending() && model.get("kernel")) {
    const missing = store.images.map((image, i) => (image ? -1 : i)).filter((i) => i >= 0);
    try { model.send({ type: "need", indexes: missing }); } catch (error) { /* shown on use */ }
  }
  el.append(root);
  return () => { store.views.delete(onFrame); watch.dispose(); announce.dispose(); };
}

export default { initialize, render };
