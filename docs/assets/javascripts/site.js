/* MLS-C01 study site: progressive enhancement. Every page is complete without
   this script (answers sit in <details>); it adds quiz checking, scores and saved
   progress. Listeners are delegated from `document` once, so Material's instant
   navigation never binds twice; per-page set-up runs through `document$`. */
(() => {
  "use strict";
  const PREFIX = "mls-c01:";
  const store = {
    // Corrupt, foreign or blocked storage reads as "nothing saved", never an error.
    get(key) { try { return JSON.parse(localStorage.getItem(PREFIX + key)); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem(PREFIX + key, JSON.stringify(value)); } catch (e) { /* not saved */ } },
    del(key) { try { localStorage.removeItem(PREFIX + key); } catch (e) { /* nothing to do */ } },
  };
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const upper = (keys) => keys.map((k) => k.toUpperCase()).join(" and ");

  // One polite live region, outside the content that instant navigation swaps.
  const live = document.createElement("div");
  live.className = "sr-only";
  live.setAttribute("role", "status");
  document.body.append(live);
  function announce(text) {
    live.textContent = "";
    setTimeout(() => { live.textContent = text; }, 50);
  }

  // -- Quizzes ------------------------------------------------------------------
  const correctKeys = (quiz) => quiz.dataset.correct.split(",");
  const chosenKeys = (quiz) => $$("input:checked", quiz).map((i) => i.value);
  const isRight = (quiz, sel) => {
    const keys = correctKeys(quiz);
    return sel.length === keys.length && sel.every((k) => keys.includes(k));
  };

  function verdict(quiz, sel) {
    const keys = correctKeys(quiz);
    if (isRight(quiz, sel)) return "Correct.";
    if (keys.length > 1 && sel.length !== keys.length) {
      return `Incorrect: this question has ${keys.length} correct answers and you chose ${sel.length}. The answers are ${upper(keys)}.`;
    }
    return `Incorrect. The answer is ${upper(keys)}.`;
  }

  function mark(quiz, sel) {
    const keys = correctKeys(quiz);
    for (const opt of $$(".quiz__option", quiz)) {
      const key = opt.dataset.key;
      const right = keys.includes(key);
      const mine = sel.includes(key);
      opt.classList.toggle("is-correct", right);
      opt.classList.toggle("is-wrong", mine && !right);
      const why = opt.querySelector(".quiz__why");
      const text = quiz.querySelector(`.quiz__whys [data-key="${key}"] .quiz__whytext`);
      why.innerHTML = `<strong>${right ? "Correct" : "Incorrect"}${mine ? " (your choice)" : ""}.</strong> ${text ? text.innerHTML : ""}`;
      opt.querySelector("input").setAttribute("aria-describedby", why.id);
    }
    quiz.classList.add("is-checked");
    quiz.classList.toggle("is-right", isRight(quiz, sel));
    quiz.querySelector(".quiz__feedback").textContent = `${verdict(quiz, sel)} Each option now says why.`;
  }

  function unmark(quiz) {
    quiz.classList.remove("is-checked", "is-right");
    for (const opt of $$(".quiz__option", quiz)) {
      opt.classList.remove("is-correct", "is-wrong");
      opt.querySelector(".quiz__why").textContent = "";
      opt.querySelector("input").removeAttribute("aria-describedby");
    }
    quiz.querySelector(".quiz__feedback").textContent = "";
  }

  function saved(quiz) {
    const s = store.get(`q:${quiz.dataset.quiz}`);
    const valid = s && typeof s === "object" && s.v === 1 && s.h === quiz.dataset.hash
      && Array.isArray(s.sel) && s.sel.length > 0
      && s.sel.every((k) => typeof k === "string" && /^[a-h]$/.test(k) && quiz.querySelector(`input[value="${k}"]`));
    return valid ? s.sel : null;
  }

  function updateScore() {
    const box = document.querySelector("[data-quiz-progress]");
    if (!box) return;
    const quizzes = $$(".quiz");
    const right = quizzes.filter((q) => q.classList.contains("is-right")).length;
    const answered = quizzes.filter((q) => q.classList.contains("is-checked")).length;
    box.querySelector("[data-quiz-score]").textContent = `Score: ${right} of ${quizzes.length} correct (${answered} answered)`;
  }

  function check(quiz) {
    const sel = chosenKeys(quiz);
    if (!sel.length) {
      quiz.querySelector(".quiz__feedback").textContent = "Choose an answer first.";
      announce("Choose an answer first.");
      return;
    }
    mark(quiz, sel);
    store.set(`q:${quiz.dataset.quiz}`, { v: 1, h: quiz.dataset.hash, sel, ok: isRight(quiz, sel) });
    updateScore();
    announce(verdict(quiz, sel));
    quiz.dispatchEvent(new CustomEvent("quiz:checked", { bubbles: true, detail: { sel } }));
  }

  function clear(quiz) {
    store.del(`q:${quiz.dataset.quiz}`);
    unmark(quiz);
    updateScore();
  }

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("[data-quiz-form]");
    if (!form) return;
    event.preventDefault();
    check(form.closest(".quiz"));
  });
  document.addEventListener("reset", (event) => {
    const form = event.target.closest("[data-quiz-form]");
    if (!form) return;
    const quiz = form.closest(".quiz");
    clear(quiz);
    // After the browser has cleared the inputs: put the reader back on the first option.
    setTimeout(() => quiz.querySelector("input").focus(), 0);
    announce("Answer cleared.");
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-quiz-reset]")) return;
    for (const quiz of $$(".quiz")) {
      quiz.querySelector("form").reset();
      clear(quiz);
    }
    announce("Progress on this page cleared.");
  });

  function restore() {
    for (const quiz of $$(".quiz")) {
      const sel = saved(quiz);
      if (!sel) continue;
      for (const input of $$("input", quiz)) input.checked = sel.includes(input.value);
      mark(quiz, sel);
    }
    updateScore();
  }

  // A link to a question that is not on this page: say so instead of failing silently.
  function checkQuestionHash() {
    const old = document.querySelector(".quiz-missing");
    if (old) old.remove();
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("q-") || document.getElementById(id)) return;
    const note = document.createElement("div");
    note.className = "admonition warning quiz-missing";
    note.setAttribute("role", "status");
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Question not found";
    const body = document.createElement("p");
    body.textContent = `This page has no question “${id.slice(2)}”. It may have moved or been renamed: search for its topic, or try the practice exam.`;
    note.append(title, body);
    const content = document.querySelector(".md-content__inner");
    if (content) content.prepend(note);
  }
  window.addEventListener("hashchange", checkQuestionHash);
  // Printed pages show every answer.
  window.addEventListener("beforeprint", () => { for (const d of $$("details.quiz__answer")) d.open = true; });

  function init() {
    restore();
    checkQuestionHash();
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);  // Material: every page view
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
