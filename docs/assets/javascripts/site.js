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

  // Option i's input, label and "why" (the i-th item of the answer list, after its verdict).
  function mark(quiz, sel) {
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
    quiz.querySelector(".quiz__feedback").textContent = `${verdict(quiz, sel)} Each option now says why.`;
  }

  function unmark(quiz) {
    quiz.classList.remove("is-checked", "is-right");
    for (const opt of $$(".quiz__option", quiz)) {
      opt.classList.remove("is-correct", "is-wrong");
      const why = opt.querySelector(".quiz__why");
      if (why) why.remove();
      opt.querySelector("input").removeAttribute("aria-describedby");
    }
    quiz.querySelector(".quiz__feedback").textContent = "";
  }

  function saved(quiz) {
    const s = store.get(`q:${quiz.id.slice(2)}`);
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
    store.set(`q:${quiz.id.slice(2)}`, { v: 1, h: quiz.dataset.hash, sel, ok: isRight(quiz, sel) });
    updateScore();
    announce(verdict(quiz, sel));
    quiz.dispatchEvent(new CustomEvent("quiz:checked", { bubbles: true, detail: { sel } }));
  }

  function clear(quiz) {
    store.del(`q:${quiz.id.slice(2)}`);
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


  // -- Practice exam ------------------------------------------------------------
  // State (localStorage "exam"): {v, ids, ans: {id: [keys]}, flag: {id: 1}, cur, limit (min, 0 = untimed),
  // end (deadline ms), done}. Anything that does not fit is ignored: a fresh start, never an error.
  const EXAM_SIZE = 65;
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const shuffle = (a) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };

  function draw(bank) {
    const byDomain = {};
    for (const q of bank.questions) (byDomain[q.d] = byDomain[q.d] || []).push(q.id);
    const size = Math.min(EXAM_SIZE, bank.questions.length);
    const doms = Object.keys(bank.domains);
    const quota = doms.map((d) => size * bank.domains[d][1] / 100);
    const want = quota.map(Math.floor);
    // Largest remainder: the counts add up to the exam size.
    doms.map((d, i) => i).sort((a, b) => (quota[b] % 1) - (quota[a] % 1))
      .slice(0, size - want.reduce((s, n) => s + n, 0)).forEach((i) => { want[i]++; });
    const ids = [];
    const rest = [];
    doms.forEach((d, i) => { const pool = shuffle((byDomain[d] || []).slice()); ids.push(...pool.slice(0, want[i])); rest.push(...pool.slice(want[i])); });
    ids.push(...shuffle(rest).slice(0, size - ids.length));
    return shuffle(ids);
  }

  function loadExam(bank) {
    const s = store.get("exam");
    const known = new Set(bank.questions.map((q) => q.id));
    if (!s || typeof s !== "object" || s.v !== 1 || !Array.isArray(s.ids)) return null;
    const ids = s.ids.filter((id) => typeof id === "string" && known.has(id));
    if (!ids.length) return null;
    const obj = (o) => (o && typeof o === "object" && !Array.isArray(o) ? o : {});
    return { v: 1, ids, ans: obj(s.ans), flag: obj(s.flag), cur: Math.min(Math.max(0, s.cur | 0), ids.length - 1),
      limit: +s.limit || 0, end: +s.end || 0, done: !!s.done };
  }

  // The bank is a generated script (assets/javascripts/exam-bank.js), loaded here once
  // the page is up: a script element, so it loads from disk (file://) too.
  function withBank(root, then) {
    const where = document.querySelector("[data-exam-bank]");
    const failed = () => { root.innerHTML = '<p role="alert">The question bank did not load. Reload the page to try again.</p>'; };
    if (window.mlsExamBank) return then(window.mlsExamBank);
    if (!where) return failed();
    const s = document.createElement("script");
    s.src = where.dataset.examBank;
    s.onload = () => (window.mlsExamBank ? then(window.mlsExamBank) : failed());
    s.onerror = failed;
    document.head.append(s);
  }
  // Until the exam is wired up, its start form must not submit the page.
  document.addEventListener("submit", (e) => {
    const root = e.target.closest("[data-exam]");
    if (root && !root.dataset.ready) e.preventDefault();
  });

  function examView(root, bank) {
    if (root.dataset.ready) return;  // one set of listeners per exam element
    root.dataset.ready = "1";
    const byId = Object.fromEntries(bank.questions.map((q) => [q.id, q]));
    let st = loadExam(bank);
    let tick = 0;
    const save = () => store.set("exam", st);
    const answer = (id) => (Array.isArray(st.ans[id]) ? st.ans[id].filter((k) => typeof k === "string") : []);
    const right = (id) => { const keys = byId[id].o.filter((o) => o[2]).map((o) => o[0]); const a = answer(id); return a.length === keys.length && a.every((k) => keys.includes(k)); };
    const left = () => Math.max(0, st.end - Date.now());
    const clock = (ms) => { const s = Math.ceil(ms / 1000); return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`; };

    function start(ids, limit) {
      st = { v: 1, ids, ans: {}, flag: {}, cur: 0, limit, end: limit ? Date.now() + limit * 60000 : 0, done: false };
      save();
      render(true);
    }

    function startScreen() {
      root.innerHTML = `<form class="exam__start" data-exam-start><p><label><input type="checkbox" name="timed" checked> Time me: a 180-minute countdown</label></p>
        <p><button type="submit" class="md-button md-button--primary">Start a new exam</button></p></form>`;
    }

    function navButtons() {
      return st.ids.map((id, i) => {
        const state = [answer(id).length ? "answered" : "unanswered", st.flag[id] ? "flagged" : ""].filter(Boolean).join(", ");
        return `<li><button type="button" data-go="${i}" class="${answer(id).length ? "is-answered" : ""}${st.flag[id] ? " is-flagged" : ""}" aria-label="Question ${i + 1}: ${state}"${i === st.cur ? ' aria-current="step"' : ""}>${i + 1}</button></li>`;
      }).join("");
    }

    function questionScreen(focus) {
      const id = st.ids[st.cur];
      const q = byId[id];
      const a = answer(id);
      const type = q.multi ? "checkbox" : "radio";
      const unanswered = st.ids.filter((x) => !answer(x).length).length;
      root.innerHTML = `<div class="exam__bar"><h2 class="exam__title" id="exam-title" tabindex="-1">Question ${st.cur + 1} of ${st.ids.length}</h2>
        ${st.limit ? `<p class="exam__timer">Time left: <span role="timer" data-timer>${clock(left())}</span></p>` : ""}</div>
        <form class="exam__q" data-exam-q><fieldset class="quiz__fieldset"><legend class="quiz__legend"><span class="quiz__meta">${esc(bank.domains[q.d][0])} · ${q.multi ? "Choose " + ["", "one", "two", "three", "four"][q.o.filter((o) => o[2]).length] : "Choose one"}</span> ${q.q}</legend>
        ${q.o.map((o) => `<div class="quiz__option"><label><input type="${type}" name="x" value="${o[0]}"${a.includes(o[0]) ? " checked" : ""}> ${o[0].toUpperCase()}. ${o[1]}</label></div>`).join("")}
        </fieldset><p><label><input type="checkbox" data-flag${st.flag[id] ? " checked" : ""}> Flag for review</label></p></form>
        <p class="exam__moves"><button type="button" class="md-button" data-act="prev"${st.cur ? "" : " disabled"}>Previous</button>
        <button type="button" class="md-button md-button--primary" data-act="next"${st.cur < st.ids.length - 1 ? "" : " disabled"}>Next</button>
        <button type="button" class="md-button" data-act="submit">Submit exam</button></p>
        <div class="exam__confirm" data-confirm hidden role="alertdialog" aria-labelledby="exam-confirm-text"><p id="exam-confirm-text">${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered${st.ids.some((x) => st.flag[x]) ? " and some are flagged" : ""}. Submit anyway?</p>
        <p><button type="button" class="md-button md-button--primary" data-act="confirm">Submit now</button> <button type="button" class="md-button" data-act="cancel">Keep going</button></p></div>
        <nav class="exam__nav" aria-label="Question navigator"><p>Answered: ${st.ids.length - unanswered} of ${st.ids.length}. Flagged questions are marked with a flag.</p><ol>${navButtons()}</ol></nav>
        <p><button type="button" class="md-button" data-act="abandon">Abandon this exam</button></p>`;
      if (focus) root.querySelector("#exam-title").focus();
    }

    function results(focus) {
      const per = {};
      for (const id of st.ids) { const d = byId[id].d; per[d] = per[d] || [0, 0]; per[d][1]++; if (right(id)) per[d][0]++; }
      const got = st.ids.filter(right).length;
      const missed = st.ids.length - got;
      const pct = (a, b) => Math.round((100 * a) / b);
      root.innerHTML = `<h2 class="exam__title" id="exam-title" tabindex="-1">Result: ${got} of ${st.ids.length} correct (${pct(got, st.ids.length)}%)</h2>
        <p>The real exam passes at a scaled 750 of 1,000; the scaling is not published, so read ${pct(got, st.ids.length)}% as a rough guide only (see <a href="#exam-scoring">how scoring works</a>).</p>
        <table><caption>Score by exam domain</caption><thead><tr><th scope="col">Domain</th><th scope="col">Correct</th><th scope="col">Score</th></tr></thead><tbody>
        ${Object.keys(bank.domains).filter((d) => per[d]).map((d) => `<tr><th scope="row">${esc(bank.domains[d][0])}</th><td>${per[d][0]} of ${per[d][1]}</td><td>${pct(per[d][0], per[d][1])}%</td></tr>`).join("")}</tbody></table>
        <p>${missed ? `<button type="button" class="md-button md-button--primary" data-act="retake">Retake the ${missed} I missed</button> ` : ""}<button type="button" class="md-button" data-act="new">New exam</button></p>
        <h2 id="exam-review-title">Review</h2><ol class="exam__review">${st.ids.map((id, i) => review(byId[id], i)).join("")}</ol>`;
      if (focus) root.querySelector("#exam-title").focus();
    }

    function review(q, i) {
      const a = answer(q.id);
      const ok = right(q.id);
      return `<li class="exam__item ${ok ? "is-right" : "is-wrong"}" id="review-${q.id}"><p><strong>Question ${i + 1}: ${ok ? "correct" : a.length ? "incorrect" : "not answered"}.</strong> ${q.q}</p>
        <ul class="quiz__whys">${q.o.map((o) => `<li class="${o[2] ? "is-correct" : "is-wrong"}"><strong>${o[0].toUpperCase()}. ${o[2] ? "Correct" : "Incorrect"}${a.includes(o[0]) ? " (your answer)" : ""}.</strong> ${o[1]}<div class="quiz__whytext">${o[3]}</div></li>`).join("")}</ul>
        <div class="quiz__explanation">${q.x}</div><p class="quiz__source">Learn it: <a href="${esc(q.src[0])}">${esc(q.src[1])}</a></p></li>`;
    }

    function render(focus) {
      clearInterval(tick);
      if (!st) return startScreen();
      if (st.done) return results(focus);
      if (st.limit && !left()) { st.done = true; save(); announce("Time is up: your exam has been submitted."); return results(true); }
      questionScreen(focus);
      if (st.limit) {
        tick = setInterval(() => {
          const el = document.querySelector("[data-timer]");
          if (!el || !root.isConnected) return clearInterval(tick);
          if (!left()) return render(true);
          el.textContent = clock(left());
        }, 1000);
      }
    }

    root.addEventListener("submit", (e) => {
      e.preventDefault();
      if (e.target.matches("[data-exam-start]")) start(draw(bank), e.target.elements.timed.checked ? 180 : 0);
    });
    root.addEventListener("change", (e) => {
      if (!st || st.done) return;
      const id = st.ids[st.cur];
      if (e.target.matches("[data-flag]")) st.flag[id] = e.target.checked ? 1 : 0;
      else if (e.target.name === "x") st.ans[id] = Array.from(root.querySelectorAll('[name="x"]:checked'), (i) => i.value);
      save();
      const nav = root.querySelector(".exam__nav ol");
      if (nav) nav.innerHTML = navButtons();
    });
    root.addEventListener("click", (e) => {
      const b = e.target.closest("button");
      if (!b) return;
      const act = b.dataset.act;
      if (b.dataset.go) { st.cur = +b.dataset.go; save(); render(true); }
      else if (act === "prev" || act === "next") { st.cur += act === "next" ? 1 : -1; save(); render(true); }
      else if (act === "submit") {
        if (st.ids.some((id) => !answer(id).length)) { const c = root.querySelector("[data-confirm]"); c.hidden = false; c.querySelector("button").focus(); }
        else { st.done = true; save(); render(true); }
      }
      else if (act === "confirm") { st.done = true; save(); render(true); }
      else if (act === "cancel") { root.querySelector("[data-confirm]").hidden = true; root.querySelector('[data-act="submit"]').focus(); }
      else if (act === "abandon") { store.del("exam"); st = null; render(); announce("Exam abandoned."); root.querySelector("button").focus(); }
      else if (act === "new") { st = null; store.del("exam"); render(); root.querySelector("button").focus(); }
      else if (act === "retake") { const missed = st.ids.filter((id) => !right(id)); start(shuffle(missed), st.limit ? Math.ceil((180 * missed.length) / EXAM_SIZE) : 0); }
    });
    render(false);
  }

  // -- Comparison-table filters: each <select name="x"> keeps the rows whose data-x
  // lists the chosen value; a polite status line says how many rows show.
  function wireFilters() {
    for (const form of document.querySelectorAll("form[data-table-filter]")) {
      if (form.dataset.filterReady) continue;
      form.dataset.filterReady = "true";
      const figure = form.closest("figure") || form.parentElement;
      const rows = Array.from(figure.querySelectorAll("tbody tr"));
      const selects = Array.from(form.querySelectorAll("select"));
      const status = figure.querySelector("[data-table-filter-status]");
      const noun = form.dataset.tableFilter || "rows";
      const matches = (row, select) =>
        !select.value || (row.dataset[select.name] || "").split(" ").includes(select.value);
      const apply = () => {
        let shown = 0;
        for (const row of rows) {
          row.hidden = !selects.every((select) => matches(row, select));
          if (!row.hidden) shown += 1;
        }
        if (status) status.textContent = `Showing ${shown} of ${rows.length} ${noun}.`;
      };
      form.addEventListener("change", apply);
      // Reset restores the <select>s after the event: filter on the next tick.
      form.addEventListener("reset", () => setTimeout(apply));
      form.addEventListener("submit", (event) => event.preventDefault());
    }
  }

  // -- Calculators (macros/calculators.py) --------------------------------------------
/* DRAFT for site.js: paste inside its IIFE and call initCalculators() from init().
   Calculators (macros/calculators.py). Without this script each form shows the worked
   example for its defaults; with it, results follow the inputs, computed and worded as
   the Python renderer does. Only results whose text changes are rewritten, so nothing
   moves or is announced at start. A form is wired once (data-calc-ready). */
const calcNum = (x) => (+(+x).toFixed(2)).toLocaleString("en");
const calcPl = (n, word) => `${calcNum(n)} ${word}${n === 1 ? "" : "s"}`;
const calcRatio = (top, bottom, missing) => (bottom ? (top / bottom).toFixed(2) : `undefined (no ${missing})`);
const calcSet = (el, text) => { if (el.textContent !== text) el.textContent = text; };

function calcMetrics({ tp, fp, fn, tn }) {
  return {
    precision: calcRatio(tp, tp + fp, "predicted positives"),
    recall: calcRatio(tp, tp + fn, "actual positives"),
    // 2 × P × R / (P + R), worked from the counts: 2 TP / (2 TP + FP + FN)
    f1: tp + fp && tp + fn ? calcRatio(2 * tp, tp && 2 * tp + fp + fn, "true positives") : "undefined (no precision or recall)",
    accuracy: calcRatio(tp + tn, tp + tn + fp + fn, "examples"),
    specificity: calcRatio(tn, tn + fp, "actual negatives"),
    fpr: calcRatio(fp, fp + tn, "actual negatives"),
  };
}

// [shards for `total` at `per` a shard, label, the sentence that shows the sum]
function calcStep(label, lead, total, per, unit) {
  const q = total / per;
  const n = Math.ceil(q - 1e-9);
  return [n, label, `${label}: ${lead}${calcNum(total)} ${unit} ÷ ${calcNum(per)} ${unit} per shard = ${q > n - 1e-9 ? "" : `${calcNum(q)}, rounded up to `}${calcPl(n, "shard")}.`];
}

// L: the form's dataset, holding the limits of kds-shard-limits.yml (strings). Steps are data-out 0-2.
function calcShards({ mb, records, consumers, efo }, L) {
  const steps = [
    calcStep("Data write", "", mb, L.writeMb, "MB/s"),
    calcStep("Record write", "", records, L.writeRecords, "records/s"),
    efo
      ? calcStep("Enhanced fan-out read", `each consumer has its own ${calcNum(L.readEfoMb)} MB/s per shard, so `, mb, L.readEfoMb, "MB/s")
      : calcStep("Shared read", `${calcPl(consumers, "consumer")} × ${calcNum(mb)} MB/s = `, consumers * mb, L.readSharedMb, "MB/s"),
  ];
  const most = Math.max(...steps.map((x) => x[0]));
  const bind = steps.filter((x) => x[0] === most).map((x) => x[1].toLowerCase());
  const out = steps.map((x) => x[2]);
  out.answer = most ? `${calcPl(most, "shard")}: the ${bind.join(" and ")} ${["limit binds", "limits both bind", "limits all bind"][bind.length - 1]}.` : "1 shard: the least a stream can have.";
  if (efo && consumers > L.maxEfo) out.answer += ` A stream can register at most ${calcNum(L.maxEfo)} enhanced fan-out consumers, not ${calcNum(consumers)}.`;
  return out;
}

function initCalculators(root = document) {
  for (const form of root.querySelectorAll("form[data-calc]")) {
    if (form.dataset.calcReady) continue;
    form.dataset.calcReady = "1";
    const update = () => {
      const v = { efo: !!(form.elements.efo || {}).checked };
      let bad = null;
      for (const input of form.querySelectorAll("input[type=number]")) {
        input.setAttribute("aria-invalid", !input.validity.valid);
        if (!input.validity.valid) bad = bad || input;
        v[input.name] = +input.value;
      }
      // Bad input: say what is wanted and keep the last good results.
      calcSet(form.querySelector("[data-calc-msg]"), bad ? bad.dataset.bad : "");
      if (bad) return;
      const out = form.dataset.calc === "metrics" ? calcMetrics(v) : calcShards(v, form.dataset);
      for (const el of form.querySelectorAll("[data-out]")) calcSet(el, out[el.dataset.out]);
    };
    form.addEventListener("input", update);
    update();
  }
}

  // Material's search dialog has no accessible name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search");

  function init() {
    initCalculators();
    wireFilters();
    restore();
    checkQuestionHash();
    const exam = document.querySelector("[data-exam]");
    if (exam) withBank(exam, (bank) => examView(exam, bank));
  }

  // Material emits document$ on every page view, but not the first one under file://
  // when instant navigation is on (it skips its own set-up there): start by hand then.
  let started = false;
  if (typeof document$ !== "undefined") document$.subscribe(() => { started = true; init(); });
  if (!started && (typeof document$ === "undefined" || location.protocol === "file:")) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
})();
