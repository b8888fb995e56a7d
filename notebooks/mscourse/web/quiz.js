// Quiz: each question a fieldset whose legend is the question; one radio group
// (one name, arrow keys) or a checkbox group; Check grades in the browser from
// feedback Python prepared, and the feedback is announced.

function initialize() {}

function render({ model, el }) {
  const headingId = uid("heading");
  const root = widgetRoot(model, "quiz", headingId);
  const questions = model.get("questions") || [];
  const answers = (model.get("answers") || questions.map(() => ({ chosen: [], attempts: 0, verdict: "" })))
    .map((a) => ({ ...a }));
  const views = [];

  questions.forEach((question, number) => {
    const name = uid("question");
    const legendId = `${name}-legend`;
    const hint = question.multiple ? " (tick every correct option)" : " (choose one)";
    const legend = h("legend", { id: legendId },
      h("b", { text: `Question ${number + 1}. ` }), h("span", { html: question.prompt }), h("i", { text: hint }));
    const inputs = question.options.map((option, i) => {
      const id = `${name}-${i}`;
      const input = h("input", { type: question.multiple ? "checkbox" : "radio", name, id, value: String(option.index) });
      return [input, h("div", { class: "mscourse-option" }, input, h("label", { for: id, html: option.label }))];
    });
    const feedback = h("div", { class: "mscourse-feedback", role: "status", "aria-live": "polite" });
    const check = button("Check", () => grade(number), { class: "mscourse-button mscourse-check-button" });
    const fieldset = h("fieldset", { class: "mscourse-question" }, legend,
      // The fieldset already carries the (long) question as its name; the radio group gets a short
      // name of its own so a screen reader does not read the question twice.
      h("div", { class: "mscourse-options", role: question.multiple ? null : "radiogroup",
        "aria-label": question.multiple ? null : `Options for question ${number + 1}` },
        ...inputs.map(([, item]) => item)),
      check, feedback);
    root.append(fieldset);
    views.push({ inputs, feedback, question });
  });

  function chosen(number) {
    return views[number].inputs.filter(([input]) => input.checked).map(([input]) => Number(input.value))
      .sort((a, b) => a - b);
  }

  function showFeedback(number) {
    const answer = answers[number];
    const view = views[number];
    view.inputs.forEach(([input]) => { input.checked = answer.chosen.includes(Number(input.value)); });
    if (!answer.verdict) { view.feedback.innerHTML = ""; return; }
    const entry = view.question.feedback[answer.chosen.join(",")];
    view.feedback.innerHTML = answer.attempts >= 2 || answer.verdict === "correct" ? entry.later : entry.first;
  }

  function grade(number) {
    const picked = chosen(number);
    const entry = views[number].question.feedback[picked.join(",")];
    const answer = answers[number];
    if (picked.length) answer.attempts += 1;
    answer.chosen = picked;
    answer.verdict = entry.verdict;
    // Announce even when the same text comes again (a second Check with the same answer).
    views[number].feedback.innerHTML = "";
    requestAnimationFrame(() => showFeedback(number));
    model.set("answers", answers.map((a) => ({ ...a })));
    try { model.save_changes(); } catch (error) { /* grading needs no kernel */ }
  }

  model.on("change:answers", () => {
    (model.get("answers") || []).forEach((a, i) => {
      if (JSON.stringify(a) !== JSON.stringify(answers[i])) { answers[i] = { ...a }; showFeedback(i); }
    });
  });
  answers.forEach((_, i) => showFeedback(i));
  el.append(root);
}

export default { initialize, render };
