// Glossary search: every term in the browser, searched as you type.

function initialize() {}

function glossaryMatches(terms, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.filter(([term, definition]) => {
    const text = `${term} ${definition}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

function render({ model, el }) {
  const headingId = uid("heading");
  const root = widgetRoot(model, "glossary", headingId);
  const terms = model.get("terms") || [];
  const id = uid("search");
  const listId = uid("results");
  const input = h("input", {
    type: "search", id, class: "mscourse-search", placeholder: "for example: myelin, OPC, aplasia",
    "aria-controls": listId, autocomplete: "off",
  });
  const count = h("p", { class: "mscourse-count", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "mscourse-result-list" });
  // Scrollable, so it must take keyboard focus (to scroll with the arrow keys).
  const results = h("div", { class: "mscourse-results", id: listId, tabindex: "0", role: "region",
    "aria-label": "Matching glossary terms" }, list);
  root.append(h("span", { class: "mscourse-field" }, h("label", { for: id, text: "Search the glossary" }), input),
    count, results);

  function show(query) {
    const found = glossaryMatches(terms, query);
    const shown = query.trim();
    if (!shown) count.textContent = `${terms.length} terms. Type a word to search.`;
    else if (!found.length) count.textContent = `No term matches “${shown}”. Try a shorter word.`;
    else count.textContent = `${found.length} term${found.length === 1 ? "" : "s"} match “${shown}”.`;
    list.replaceChildren(...found.map(([term, definition]) =>
      h("li", {}, h("b", { text: `${term}: ` }), document.createTextNode(definition))));
  }

  input.addEventListener("input", () => {
    show(input.value);
    model.set("query", input.value);
    try { model.save_changes(); } catch (error) { /* search needs no kernel */ }
  });
  model.on("change:query", () => {
    if (model.get("query") !== input.value) { input.value = model.get("query"); show(input.value); }
  });
  input.value = model.get("query") || "";
  show(input.value);
  el.append(root);
}

export default { initialize, render };
