// The static host of the course widgets: the notebooks' own widget modules
// (assets/widget-<kind>.js = mscourse/web/common.js + <kind>.js, unchanged),
// each fed by a tiny model that serves the JSON embedded beside it instead of
// a kernel. One front end, two hosts (mscourse/web/README.md, "the host contract").

function staticModel(data) {
  const traits = { ...data };
  const listeners = new Map();
  const fire = (event, payload) => (listeners.get(event) || []).slice().forEach((callback) => callback(payload));
  return {
    get: (name) => traits[name],
    set(name, value) {
      traits[name] = value;
      fire(`change:${name}`);
    },
    save_changes() {},  // nothing to sync: there is no kernel
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push(callback);
    },
    off(event, callback) {
      if (!event) listeners.clear();
      else if (!callback) listeners.delete(event);
      else listeners.set(event, (listeners.get(event) || []).filter((c) => c !== callback));
    },
    send() {},  // never called with kernel: false; nothing to send to
  };
}

const modules = {};
function widgetModule(kind) {
  if (!modules[kind]) modules[kind] = import(`./widget-${kind}.js`).then((m) => m.default);
  return modules[kind];
}

async function host(twin) {
  const el = twin.querySelector(".host");
  const data = JSON.parse(document.getElementById(el.dataset.model).textContent);
  const widget = await widgetModule(twin.dataset.kind === "glossary" ? "glossary" : twin.dataset.kind);
  const model = staticModel(data);
  if (widget.initialize) widget.initialize({ model });
  widget.render({ model, el });
  twin.classList.add("hosted");
}

// The browser holds the frames a student is likely to need next: every step of a
// storyboard, fetched when the page is idle (the first one is already in the page).
function preload(twin) {
  const data = JSON.parse(document.getElementById(`${twin.id}-data`).textContent);
  if (twin.dataset.kind === "storyboard") {
    for (const frame of data.frames) new Image().src = frame.image;
  }
}

function start() {
  const twins = Array.from(document.querySelectorAll(".twin[data-kind]"));
  twins.forEach((twin) => host(twin).catch((error) => {
    twin.classList.add("failed");  // the static version below stays readable
    console.error(twin.id, error);
  }));
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  idle(() => twins.forEach(preload));
  document.querySelectorAll("button.print-page").forEach((b) => b.addEventListener("click", () => window.print()));
}

start();
