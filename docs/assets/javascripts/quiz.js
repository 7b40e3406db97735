/* Quizzes on the section pages (macros/quiz.py renders them complete, answers in a
   <details>): checking, first-try scoring, saved answers. A question's first checked
   answer is its result; later checks are practice and say so. Listeners are delegated
   from `document` once (this script runs once), so instant navigation never binds twice. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const { $$, announce } = M;
  const store = () => M.store;
  const WORDS = ["no", "one", "two", "three", "four", "five"];
  const upper = (keys) => keys.map((k) => k.toUpperCase()).join(" and ");
  const qid = (quiz) => quiz.id.slice(2);

  const correctKeys = (quiz) => quiz.dataset.correct.split(",");
  const chosenKeys = (quiz) => $$("input:checked", quiz).map((i) => i.value);
  const isRight = (quiz, sel) => {
    const keys = correctKeys(quiz);
    return sel.length === keys.length && sel.every((k) => keys.includes(k));
  };
  const verdict = (quiz, sel) => (isRight(quiz, sel) ? "Correct." : `Incorrect. The answer${correctKeys(quiz).length > 1 ? "s are" : " is"} ${upper(correctKeys(quiz))}.`);
  const firstNote = (rec) => `Your first try (${rec.f ? "correct" : "incorrect"}) is what counts for your score.`;

  // Option i's input, label and "why" (the i-th item of the answer list, after its verdict).
  function mark(quiz, sel, note) {
    const keys = correctKeys(quiz);
    const whys = $$(".quiz__whys > li", quiz);
    $$(".quiz__option", quiz).forEach((opt, i) => {
      const input = opt.querySelector("input");
      const key = input.value;
      const right = keys.includes(key);
      const mine = sel.includes(key);
      opt.classList.toggle("is-correct", right);
      opt.classList.toggle("is-wrong", mine && !right);
      const text = whys[i] ? whys[i].cloneNode(true) : document.createElement("li");
      if (text.firstElementChild) text.firstElementChild.remove();
      const why = opt.querySelector(".quiz__why") || opt.appendChild(document.createElement("div"));
      why.className = "quiz__why";
      why.id = `${quiz.id}-${key}-why`;
      why.innerHTML = `<strong>${right ? "Correct" : "Incorrect"}${mine ? " (your choice)" : ""}.</strong> ${text.innerHTML.trim()}`;
      input.setAttribute("aria-describedby", why.id);
    });
    quiz.classList.add("is-checked");
    quiz.classList.toggle("is-right", isRight(quiz, sel));
    quiz.querySelector(".quiz__feedback").textContent = `${verdict(quiz, sel)} ${note}`;
    // The explanation on screen: a copy of the <details> text after the answer list.
    if (!quiz.querySelector(".quiz__explained")) {
      const box = document.createElement("div");
      box.className = "quiz__explained";
      const head = document.createElement("p");
      head.innerHTML = "<strong>Explanation</strong>";
      box.append(head);
      const list = quiz.querySelector(".quiz__whys");
      for (let n = list && list.nextElementSibling; n; n = n.nextElementSibling) box.append(n.cloneNode(true));
      quiz.querySelector("form").after(box);
    }
  }

  function unmark(quiz) {
    quiz.classList.remove("is-checked", "is-right");
    for (const opt of $$(".quiz__option", quiz)) {
      opt.classList.remove("is-correct", "is-wrong");
      const why = opt.querySelector(".quiz__why");
      if (why) why.remove();
      opt.querySelector("input").removeAttribute("aria-describedby");
    }
    const box = quiz.querySelector(".quiz__explained");
    if (box) box.remove();
    quiz.querySelector(".quiz__feedback").textContent = "";
  }

  const record = (quiz) => store().question(qid(quiz), quiz.dataset.hash);

  function updateScore() {
    const box = document.querySelector("[data-quiz-progress]");
    if (!box) return;
    const recs = $$(".quiz").map(record).filter(Boolean);
    const right = recs.filter((r) => r.f).length;
    box.querySelector("[data-quiz-score]").textContent = `First try: ${right} of ${recs.length} correct · ${$$(".quiz").length} questions`;
  }

  function say(quiz, text) {
    quiz.querySelector(".quiz__feedback").textContent = text;
    announce(text);
  }

  function check(quiz) {
    const sel = chosenKeys(quiz);
    const n = correctKeys(quiz).length;
    if (!sel.length) return say(quiz, n > 1 ? `Choose ${WORDS[n]} answers first.` : "Choose an answer first.");
    // Count guard: a multiple-response question is graded only with exactly N choices.
    if (n > 1 && sel.length !== n) return say(quiz, `Choose ${WORDS[n]} answers: you chose ${WORDS[sel.length] || sel.length}. Not graded yet.`);
    const ok = isRight(quiz, sel);
    const { first, rec } = store().answer(qid(quiz), quiz.dataset.hash, sel, ok, false);
    mark(quiz, sel, first ? "This first try counts for your score. Each option now says why." : `Practice check. ${firstNote(rec)}`);
    updateScore();
    announce(`${verdict(quiz, sel)}${first ? "" : " Practice check."}`);
    quiz.dispatchEvent(new CustomEvent("quiz:checked", { bubbles: true, detail: { sel, first } }));
  }

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("[data-quiz-form]");
    if (!form) return;
    event.preventDefault();
    check(form.closest(".quiz"));
  });
  // "Clear" on one question: the selection goes; its first try stays saved.
  let bulk = false;
  document.addEventListener("reset", (event) => {
    const form = event.target.closest("[data-quiz-form]");
    if (!form || bulk) return;
    const quiz = form.closest(".quiz");
    store().clearAnswer(qid(quiz));
    unmark(quiz);
    // After the browser has cleared the inputs: put the reader back on the first option.
    setTimeout(() => quiz.querySelector("input").focus(), 0);
    announce("Answer cleared.");
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-quiz-reset]")) return;
    bulk = true;
    for (const quiz of $$(".quiz")) {
      quiz.querySelector("form").reset();
      store().forget(qid(quiz));
      unmark(quiz);
    }
    bulk = false;
    updateScore();
    announce("Progress on this page cleared.");
  });

  M.feat.quiz = () => {
    for (const quiz of $$(".quiz")) {
      const rec = record(quiz);
      const sel = rec && rec.sel.length && rec.sel.every((k) => quiz.querySelector(`input[value="${k}"]`)) ? rec.sel : null;
      if (!sel) continue;
      for (const input of $$("input", quiz)) input.checked = sel.includes(input.value);
      mark(quiz, sel, firstNote(rec));
    }
    updateScore();
  };
})();
