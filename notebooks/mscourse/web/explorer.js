// Explorer: a few labelled controls set a scene's state. Every state shown, and
// the states one control change away (sent ahead by Python), are cached here.

const explorerKeyOf = (controls, values) => JSON.stringify(controls.map((c) => values[c.key]));

function explorerStore(model) {
  return modelStore(model, () => {
    const controls = model.get("controls") || [];
    const store = { frames: new Map(), redirect: new Map(), views: new Set() };
    const add = (frame, request) => {
      const key = explorerKeyOf(controls, frame.values);
      store.frames.set(key, frame);
      if (request && request !== key) store.redirect.set(request, key);
      return key;
    };
    (model.get("frames") || []).forEach((frame) => add(frame, null));
    model.on("msg:custom", (message) => {
      if (!message || message.type !== "frame") return;
      const key = add(message.frame, message.request);
      for (const view of store.views) view(key, message.request);
    });
    store.lookup = (key) => store.frames.get(store.redirect.get(key) || key);
    return store;
  });
}

function initialize({ model }) {
  explorerStore(model);
}

function render({ model, el }) {
  const store = explorerStore(model);
  const specs = model.get("controls") || [];
  const keyOf = (values) => explorerKeyOf(specs, values);
  const headingId = uid("heading");
  const root = widgetRoot(model, "explorer", headingId);
  let values = { ...model.get("values") };
  let wanted = null; // key asked for and not yet here
  const inputs = {}; // key -> {get(), set(value)}

  function change(key, value) {
    apply({ ...values, [key]: value });
  }

  for (const spec of specs) {
    const id = uid("control");
    let wrapper;
    if (spec.kind === "checkbox") {
      const input = h("input", { type: "checkbox", id });
      input.addEventListener("change", () => change(spec.key, input.checked));
      wrapper = h("span", { class: "mscourse-field mscourse-check" }, input, h("label", { for: id, text: spec.label }));
      inputs[spec.key] = { set: (v) => { input.checked = Boolean(v); } };
    } else if (spec.kind === "toggle") {
      const toggle = button(spec.label, () => change(spec.key, toggle.getAttribute("aria-pressed") !== "true"),
        { class: "mscourse-button mscourse-toggle", "aria-pressed": "false" });
      wrapper = toggle;
      inputs[spec.key] = { set: (v) => toggle.setAttribute("aria-pressed", v ? "true" : "false") };
    } else if (spec.kind === "choice") {
      const name = uid("choice");
      const radios = spec.options.map((option, i) => {
        const radioId = `${name}-${i}`;
        const radio = h("input", { type: "radio", name, id: radioId, value: String(i) });
        radio.addEventListener("change", () => { if (radio.checked) change(spec.key, option.value); });
        return [radio, h("span", { class: "mscourse-choice" }, radio, h("label", { for: radioId, text: option.label }))];
      });
      wrapper = h("fieldset", { class: "mscourse-choice-group" },
        h("legend", { text: spec.label }), ...radios.map(([, item]) => item));
      inputs[spec.key] = {
        set: (v) => radios.forEach(([radio], i) => { radio.checked = spec.options[i].value === v; }),
      };
    } else if (spec.kind === "select") {
      const select = h("select", { id });
      spec.options.forEach((option, i) => select.append(h("option", { value: String(i), text: option.label })));
      select.addEventListener("change", () => change(spec.key, spec.options[Number(select.value)].value));
      wrapper = h("span", { class: "mscourse-field" }, h("label", { for: id, text: spec.label }), select);
      inputs[spec.key] = {
        set: (v) => { select.value = String(Math.max(0, spec.options.findIndex((o) => o.value === v))); },
      };
    } else if (spec.kind === "range") {
      const range = h("input", { type: "range", id, min: spec.min, max: spec.max, step: spec.step || 1 });
      // <output> is a live region by default: the slider already says its value.
      const shown = h("output", { for: id, "aria-live": "off" });
      range.addEventListener("input", () => change(spec.key, Number(range.value)));
      wrapper = h("span", { class: "mscourse-field" }, h("label", { for: id, text: spec.label }), range, shown);
      inputs[spec.key] = { set: (v) => { range.value = String(v); shown.textContent = String(v); } };
    } else {
      continue;
    }
    wrapper.dataset.key = spec.key;
    inputs[spec.key].element = wrapper;
  }
  const reset = button("Reset", () => apply({ ...model.get("defaults") }));
  const controls = h("div", { class: "mscourse-controls", role: "group", "aria-label": "Controls" },
    ...specs.filter((s) => inputs[s.key]).map((s) => inputs[s.key].element), reset);
  const diagram = diagramFigure(model);
  const fixedNote = model.get("note") ? h("div", { class: "mscourse-note", html: model.get("note") }) : null;
  // Not a live region: the announcer below says what changed, the note's first sentence included.
  const liveNote = h("div", { class: "mscourse-note mscourse-live-note" });
  let announcePending = false;
  let said = { description: "", note: "" };
  const noteBox = steadyBox(liveNote);
  const reserve = (frame) => {
    diagram.reserve([frame.description]);
    noteBox.reserve([frame.note]);
  };
  root.append(controls, diagram.figure);
  if (fixedNote) root.append(fixedNote);
  root.append(noteBox);
  // A screen reader hears the control change ("checked"); this says what changed in the picture
  // (its first new sentence) and in the note, once the student stops.
  const status = announcer(root);
  const watch = kernelWatch(model, root);

  function announce(frame) {
    const noteText = liveNote.textContent;
    if (announcePending) {
      const picture = whatChanged(said.description, frame.description) || frame.alt;
      const note = noteText !== said.note ? sentences(noteText)[0] || "" : "";
      const below = !note ? "" : note.length <= 160 ? ` Below the diagram: ${note}`
        : " The text below the diagram changed.";  // a long note is read there, not here
      status.say(`Diagram updated: ${picture}${below}`);
    }
    announcePending = false;
    said = { description: frame.description, note: noteText };
  }

  function showControls(v) {
    for (const spec of specs) if (inputs[spec.key]) inputs[spec.key].set(v[spec.key]);
  }

  function show(frame) {
    // The state shown is complete: an answer still awaited for an earlier one is moot (Python
    // may answer it with other values, when a lesson couples controls).
    watch.settled();
    values = { ...frame.values };
    showControls(values);
    diagram.show(frame);
    if (liveNote.innerHTML !== (frame.note || "")) liveNote.innerHTML = frame.note || "";
    root.dataset.state = keyOf(values);
    announce(frame);
  }

  /** Show the state for these control values: at once if cached, else ask Python. */
  function apply(next) {
    const key = keyOf(next);
    announcePending = key !== keyOf(values);  // Reset at the start, say, changes nothing
    const frame = store.lookup(key);
    showControls(next);
    if (frame) {
      wanted = null;
      show(frame);
    } else {
      values = { ...next };
      wanted = key;
      if (model.get("kernel")) {
        diagram.waiting(model.get("heading") || "Diagram");
      } else {
        const missing = "This combination was not prepared for this page: the picture shown is the one before";
        watch.answered();
        diagram.waiting(model.get("heading") || "Diagram", missing);
        status.say(`Diagram not updated. ${missing}.`);
        announcePending = false;
      }
    }
    const asked = wanted;
    afterPaint(model, () => {  // paint first: telling Python can wait
      try {
        model.set("values", { ...values });
        model.save_changes();
      } catch (error) { /* a closed connection: the watch says what to do */ }
      if (asked !== null && asked === wanted) watch.ask({ type: "need", values: { ...values } });
    });
  }

  const onFrame = (key, request) => {
    const frame = store.lookup(key);
    if (frame && frame.image) diagram.prepare(frame.image);
    if (frame) reserve(frame);
    if (wanted !== null && (request === wanted || key === wanted)) {
      wanted = null;
      watch.answered();
      show(store.lookup(key));
    }
  };
  store.views.add(onFrame);
  // Python changed the values (a lesson may couple controls, or code set them).
  model.on("change:values", () => {
    const next = model.get("values");
    const key = keyOf(next);
    if (key === keyOf(values)) return;
    const frame = store.lookup(key);
    if (frame) {
      wanted = null;
      show(frame);
    } else {
      values = { ...next };
      showControls(values);
      wanted = key;
      diagram.waiting(model.get("heading") || "Diagram");
      watch.ask({ type: "need", values: next });
    }
  });

  for (const frame of store.frames.values()) {
    diagram.prepare(frame.image);
    reserve(frame);
  }
  const first = store.lookup(keyOf(values));
  if (first) {
    show(first);
  } else {
    showControls(values);
    wanted = keyOf(values);
    watch.ask({ type: "need", values });
  }
  el.append(root);
  return () => { store.views.delete(onFrame); watch.dispose(); status.dispose(); };
}

export default { initialize, render };
