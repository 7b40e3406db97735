/* Review (docs/review.md): a session of due questions, missed first, then due again,
   then unseen, on the Leitner schedule of store.js (INTERVALS). Filter by section page or
   exam domain, a session length, a summary at the end. Keys: 1-5 / A-E choose, Enter
   checks, N next. Counts and filters from the bank's lean index (bank-index.js); the
   whole bank (exam-bank.js, data, and large) loads when the reader starts a session. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const { esc, announce } = M;
  const store = () => M.store;
  const WORDS = ["no", "one", "two", "three", "four", "five"];
  const LETTERS = "ABCDEFGH";
  const shuffle = (a) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
  const days = (n) => (n === 1 ? "1 day" : `${n} days`);
  let active = null;  // the session on screen, for the keyboard

  function reviewView(root, bank) {  // bank: the index; questions to ask come from M.bank()
    const qs = bank.questions.filter((q) => !q.e);
    const page = (q) => q.src[0].split("#")[0];
    const keysOf = (q) => q.o.filter((o) => o[2]).map((o) => o[0]);
    let s = null;  // {list, i, sel checked?, results: [[q, ok]]}

    function classify(from) {
      const recs = store().all();
      const now = Date.now();
      const out = { missed: [], due: [], fresh: [] };
      for (const q of qs) {
        if (from && !(from === `p:${page(q)}` || from === `m:${q.m}` || from === `d:${q.d}`)) continue;
        const r = recs[q.id] && recs[q.id].h === q.h ? recs[q.id] : null;
        if (!r) out.fresh.push(q);
        else if (r.box === 0) out.missed.push([r.at, q]);
        else if (r.due <= now) out.due.push([r.due, q]);
      }
      out.missed = out.missed.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
      out.due = out.due.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
      out.fresh = shuffle(out.fresh);
      return out;
    }

    function setup() {
      active = null;
      const pages = {};
      for (const q of qs) pages[page(q)] = pages[page(q)] || q.src[1].split(" › ")[0];
      const group = (label, pre, entries) => (entries.length ? `<optgroup label="${label}">${entries.map(([k, name]) => `<option value="${pre}${esc(k)}">${esc(name)}</option>`).join("")}</optgroup>` : "");
      const mla = bank.mla || {};
      root.innerHTML = `<form class="review__setup" data-setup>
        <p><label for="review-from">Questions from</label> <select id="review-from" name="from"><option value="">Every section and domain</option>
        ${group("Section pages", "p:", Object.entries(pages))}${group("MLA-C01 domains", "m:", Object.keys(mla).filter((k) => qs.some((q) => q.m === k)).map((k) => [k, mla[k][0]]))}${group("MLS-C01 (retired) domains", "d:", Object.keys(bank.domains).map((k) => [k, bank.domains[k][0]]))}</select></p>
        <p><label for="review-len">Session length</label> <select id="review-len" name="len"><option value="5">5 questions</option><option value="10" selected>10 questions</option><option value="20">20 questions</option><option value="0">Everything due</option></select></p>
        <p data-due></p>
        <p><button type="submit" class="md-button md-button--primary">Start review</button></p></form>`;
      count();
    }
    function count() {
      const c = classify(root.querySelector("[name=from]").value);
      root.querySelector("[data-due]").textContent = `Due now: ${c.missed.length} missed, ${c.due.length} due again, ${c.fresh.length} not seen yet.`;
    }

    function question(focus) {
      const q = s.list[s.i];
      const r = store().question(q.id, q.h);
      const why = !r ? "New" : r.box === 0 ? "Missed before" : `Due again (box ${r.box})`;
      const n = keysOf(q).length;
      s.checked = false;
      root.innerHTML = `<h3 class="review__title" id="review-title" tabindex="-1">Question ${s.i + 1} of ${s.list.length}</h3>
        <form class="review__q quiz" data-q><fieldset class="quiz__fieldset"><legend class="quiz__legend"><span class="quiz__meta">${why} · ${esc(q.src[1])} · ${n > 1 ? `Choose ${WORDS[n]}` : "Choose one"}</span> ${q.q}</legend>
        ${q.o.map((o, i) => `<div class="quiz__option"><label><input type="${q.multi ? "checkbox" : "radio"}" name="x" value="${o[0]}"> ${LETTERS[i]}. ${o[1]}</label></div>`).join("")}</fieldset>
        <div class="quiz__actions"><button type="submit" class="md-button md-button--primary">Check (Enter)</button><button type="button" class="md-button" data-act="next">${s.i + 1 < s.list.length ? "Next (N)" : "Finish (N)"}</button><button type="button" class="md-button" data-act="end">End session</button>
        <p class="quiz__feedback" data-fb role="status"></p></div></form><div data-after></div>`;
      active = { root, check, next, option };
      if (focus) root.querySelector("#review-title").focus();
    }

    function option(i) {
      const input = root.querySelectorAll("[data-q] input")[i];
      if (!input || s.checked) return;
      input.checked = input.type === "radio" ? true : !input.checked;
      input.focus();
    }

    function check() {
      if (s.checked) return;
      const q = s.list[s.i];
      const keys = keysOf(q);
      const sel = Array.from(root.querySelectorAll("[data-q] input:checked"), (i) => i.value);
      const fb = root.querySelector("[data-fb]");
      const say = (t) => { fb.textContent = t; announce(t); };
      if (!sel.length) return say(keys.length > 1 ? `Choose ${WORDS[keys.length]} answers first.` : "Choose an answer first.");
      if (keys.length > 1 && sel.length !== keys.length) return say(`Choose ${WORDS[keys.length]} answers: you chose ${WORDS[sel.length] || sel.length}. Not graded yet.`);
      const ok = sel.length === keys.length && sel.every((k) => keys.includes(k));
      const { rec } = store().answer(q.id, q.h, sel, ok, true);
      s.checked = true;
      s.results.push([q, ok]);
      const form = root.querySelector("[data-q]");
      form.classList.add("is-checked");
      form.classList.toggle("is-right", ok);
      root.querySelectorAll(".quiz__option").forEach((el, i) => {
        const o = q.o[i];
        const input = el.querySelector("input");
        el.classList.toggle("is-correct", o[2]);
        el.classList.toggle("is-wrong", input.checked && !o[2]);
        const why = document.createElement("div");
        why.className = "quiz__why";
        why.id = `review-why-${o[0]}`;
        why.innerHTML = `<strong>${o[2] ? "Correct" : "Incorrect"}${input.checked ? " (your choice)" : ""}.</strong> ${o[3]}`;
        el.append(why);
        input.setAttribute("aria-describedby", why.id);
        input.disabled = true;
      });
      const when = rec.box === 0 ? "it is due again now" : `next review in ${days(store().INTERVALS[rec.box])} (box ${rec.box})`;
      say(`${ok ? "Correct." : `Incorrect. The answer${keys.length > 1 ? "s are" : " is"} ${keys.map((k) => LETTERS[q.o.findIndex((o) => o[0] === k)]).join(" and ")}.`} Saved: ${when}. Press N for the next question.`);
      root.querySelector("[data-after]").innerHTML = `<div class="quiz__explained"><p><strong>Explanation</strong></p>${q.x}<p class="quiz__source">Learn it: <a href="${esc(q.src[0])}">${esc(q.src[1])}</a></p>${M.docs(q)}</div>`;
      root.querySelector('[data-act="next"]').focus();
    }

    function next() {
      if (s.i + 1 < s.list.length) { s.i++; question(true); } else summary();
    }

    function summary() {
      active = null;
      const right = s.results.filter((x) => x[1]).length;
      const n = s.results.length;
      root.innerHTML = `<h3 class="review__title" id="review-title" tabindex="-1">Session done</h3>
        <p data-summary>You answered ${n} of ${s.list.length}: ${right} right, ${n - right} missed.${n - right ? " Missed questions are due again at once and come first next time." : ""}${right ? " Right answers come back later, after the wait of their new box." : ""}</p>
        ${n ? `<ul class="study__missed">${s.results.map(([q, ok]) => `<li><strong>${ok ? "Right" : "Missed"}:</strong> <a href="${esc(page(q))}#q-${esc(q.id)}">${esc(q.src[1])}</a></li>`).join("")}</ul>` : ""}
        <p><button type="button" class="md-button md-button--primary" data-act="again">Start another session</button> <a href="progress.html">See your progress</a></p>`;
      root.querySelector("#review-title").focus();
    }

    root.addEventListener("change", (e) => { if (e.target.name === "from") count(); });
    root.addEventListener("submit", (e) => {
      e.preventDefault();
      if (e.target.matches("[data-q]")) return check();
      const f = e.target.elements;
      const c = classify(f.from.value);
      const list = c.missed.concat(c.due, c.fresh);
      const len = +f.len.value;
      const due = root.querySelector("[data-due]");
      if (!list.length) { due.textContent = "Nothing is due here: pick other questions, or come back later."; return; }
      const button = e.target.querySelector("button[type=submit]");
      if (button.disabled) return;
      const picked = len ? list.slice(0, len) : list;
      if (!window.mlsExamBank) { button.disabled = true; button.textContent = "Loading the questions…"; }
      M.bank().then((full) => {
        const byId = Object.fromEntries(full.questions.map((q) => [q.id, q]));
        s = { list: picked.map((p) => byId[p.id]).filter((q, i) => q && q.h === picked[i].h), i: 0, results: [] };
        if (s.list.length) return question(true);
        throw new Error("bank");
      }).catch(() => {
        button.disabled = false;
        button.textContent = "Start review";
        due.textContent = "The questions did not load. Check your connection and press Start review again.";
        announce(due.textContent);
      });
    });
    root.addEventListener("click", (e) => {
      const act = (e.target.closest("button[data-act]") || {}).dataset;
      if (!act) return;
      if (act.act === "next") next();
      else if (act.act === "end") summary();
      else if (act.act === "again") { setup(); root.querySelector("select").focus(); }
    });
    setup();
  }

  document.addEventListener("keydown", (e) => {
    if (!active || !active.root.isConnected || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.closest && t.closest("select, textarea, input[type=text], input[type=search], .md-search")) return;
    const k = e.key.toLowerCase();
    const i = "12345".includes(k) && k.length === 1 ? +k - 1 : "abcde".includes(k) && k.length === 1 ? k.charCodeAt(0) - 97 : -1;
    // Handled keys stop here: Material's own shortcuts (N: next page) listen on window.
    const stop = (f) => { e.preventDefault(); e.stopPropagation(); f(); };
    if (i >= 0) stop(() => active.option(i));
    else if (k === "enter" && !(t.closest && t.closest("button, a"))) stop(active.check);
    else if (k === "n") stop(active.next);
  });

  M.feat.review = () => {
    const root = document.querySelector("[data-review]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    M.index().then((index) => reviewView(root, index), () => { root.innerHTML = '<p role="alert">The question bank did not load. Reload the page to try again.</p>'; });
  };
})();
