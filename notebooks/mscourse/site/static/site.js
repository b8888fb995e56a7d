// The static twins of the course widgets: storyboard, explorer, quiz, glossary search.
// Each twin's page holds its data as JSON (drawn in advance by the build); this script
// wires the server-rendered markup to it. No network: every image is a local file.
"use strict";

(function () {
  function data(section) {
    return JSON.parse(document.getElementById(section.id + "-data").textContent);
  }

  function preload(src) {
    const image = new Image();
    image.src = src;
  }

  function setFrame(img, frame, alt) {
    img.src = frame.src;
    img.width = frame.width;
    img.height = frame.height;
    img.alt = alt;
  }

  // ------------------------------------------------------------ storyboard
  function storyboard(section) {
    const d = data(section);
    const steps = d.steps;
    const last = steps.length - 1;
    const prev = section.querySelector(".twin-live .prev");
    const next = section.querySelector(".twin-live .next");
    const reset = section.querySelector(".twin-live .reset");
    const list = section.querySelector(".twin-live .step-list");
    const title = section.querySelector(".twin-live .step-title");
    const caption = section.querySelector(".twin-live .caption");
    const img = section.querySelector(".twin-live .diagram img");
    const description = section.querySelector(".twin-live .description span");
    let index = 0;
    steps.forEach(function (s) { preload(s.frame.src); });  // every step ready before a click

    function go(i) {
      i = Math.max(0, Math.min(last, i));
      index = i;
      const step = steps[i];
      setFrame(img, step.frame, step.frame.alt);
      title.innerHTML = "<strong>Step " + (i + 1) + " of " + steps.length + ":</strong> ";
      const span = document.createElement("span");
      span.textContent = step.title;
      title.appendChild(span);
      caption.innerHTML = step.caption;  // author-written HTML from the lesson module
      description.textContent = step.frame.description;
      list.value = String(i);
      // aria-disabled, not disabled: focus stays on the button at either end
      prev.setAttribute("aria-disabled", String(i === 0));
      next.setAttribute("aria-disabled", String(i === last));
      section.dataset.step = String(i);
    }
    prev.addEventListener("click", function () { go(index - 1); });
    next.addEventListener("click", function () { go(index + 1); });
    reset.addEventListener("click", function () { go(0); });
    list.addEventListener("change", function () { go(Number(list.value)); });
    section.querySelector(".twin-live").addEventListener("keydown", function (event) {
      if (event.target === list || event.altKey || event.ctrlKey || event.metaKey) return;
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last };
      if (event.key in moves) {
        event.preventDefault();
        go(moves[event.key]);
      }
    });
    go(0);
  }

  // ------------------------------------------------------------ explorer
  function explorer(section) {
    const d = data(section);
    const inputs = Array.from(section.querySelectorAll("[data-ctl]"));
    const img = section.querySelector(".diagram img");
    const description = section.querySelector(".description span");
    const summary = section.querySelector(".summary");
    const missing = section.querySelector(".missing");
    const liveNote = section.querySelector(".live-note");
    const heading = d.heading || "Explore";
    const values = d.default.split(",").map(Number);

    function key(v) { return v.join(","); }

    function read() {
      inputs.forEach(function (input) {
        const c = Number(input.dataset.ctl);
        if (input.type === "checkbox") values[c] = input.checked ? 1 : 0;
        else if (input.type === "radio") { if (input.checked) values[c] = Number(input.value); }
        else values[c] = Number(input.value);
        if (input.type === "range") {
          const text = d.controls[c].options[values[c]];
          input.setAttribute("aria-valuetext", text);
          input.parentNode.querySelector("output").textContent = text;
        }
      });
    }

    function write() {
      inputs.forEach(function (input) {
        const c = Number(input.dataset.ctl);
        if (input.type === "checkbox") input.checked = values[c] === 1;
        else if (input.type === "radio") input.checked = Number(input.value) === values[c];
        else input.value = String(values[c]);
      });
      read();
    }

    function neighbours() {  // the states one control change away, fetched ahead
      d.controls.forEach(function (control, c) {
        control.options.forEach(function (_, option) {
          const v = values.slice();
          v[c] = option;
          const state = d.states[key(v)];
          if (state) preload(d.frames[state.frame].src);
        });
      });
    }

    function show() {
      const state = d.states[key(values)];
      if (!state) {
        missing.hidden = false;
        missing.textContent = "This combination is not in the static site (it ships the " + d.shipped +
          " of " + d.total + " combinations nearest the start). Undo a change or press Reset; " +
          "the notebook draws every combination.";
        return;
      }
      missing.hidden = true;
      missing.textContent = "";
      const frame = d.frames[state.frame];
      setFrame(img, frame, heading + ": " + state.summary);
      description.textContent = frame.description;
      summary.textContent = state.summary;
      if (liveNote && "note" in state) liveNote.innerHTML = state.note;
      section.dataset.state = key(values);
      neighbours();
    }

    inputs.forEach(function (input) {
      input.addEventListener(input.type === "range" ? "input" : "change", function () { read(); show(); });
    });
    section.querySelector(".reset").addEventListener("click", function () {
      d.default.split(",").forEach(function (v, i) { values[i] = Number(v); });
      write();
      show();
    });
    write();
    show();
  }

  // ------------------------------------------------------------ quiz
  function quiz(section) {
    const d = data(section);
    section.querySelectorAll(".question").forEach(function (box) {
      const q = d.questions[Number(box.dataset.q)];
      const feedback = box.querySelector(".feedback");
      let attempts = 0;
      box.querySelector(".check").addEventListener("click", function () {
        const chosen = Array.from(box.querySelectorAll("input:checked"))
          .map(function (input) { return Number(input.value); })
          .sort(function (a, b) { return a - b; });
        if (chosen.length) attempts += 1;
        const verdict = q.feedback[chosen.join(",") + "|" + (attempts >= 2 ? 1 : 0)];
        box.dataset.verdict = verdict[0];
        feedback.innerHTML = verdict[1];  // built by the course's own grade(), escaped there
      });
    });
  }

  // ------------------------------------------------------------ glossary search
  function glossary(section) {
    const d = data(section);
    const box = section.querySelector("input[type=search]");
    const count = section.querySelector(".count");
    const results = section.querySelector(".results");
    box.addEventListener("input", function () {
      const query = box.value.trim();
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const found = d.terms.filter(function (t) {
        const text = (t[0] + " " + t[1]).toLowerCase();
        return words.every(function (w) { return text.includes(w); });
      });
      results.textContent = "";
      found.forEach(function (t) {
        const li = document.createElement("li");
        const b = document.createElement("b");
        b.textContent = t[0] + ":";
        li.appendChild(b);
        li.appendChild(document.createTextNode(" " + t[1]));
        results.appendChild(li);
      });
      if (!query) count.textContent = d.terms.length + " terms. Type a word to search.";
      else if (!found.length) count.textContent = "No term matches “" + query + "”. Try a shorter word.";
      else count.textContent = found.length + " term" + (found.length === 1 ? "" : "s") + " match “" + query + "”.";
    });
  }

  const twins = { storyboard: storyboard, explorer: explorer, quiz: quiz, glossary: glossary };

  function start() {
    document.querySelectorAll("section.twin[data-kind]").forEach(function (section) {
      try {
        twins[section.dataset.kind](section);
        section.classList.add("ready");
      } catch (error) {
        section.classList.add("failed");
        console.error(section.id, error);
      }
    });
    document.querySelectorAll("button.print-page").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
