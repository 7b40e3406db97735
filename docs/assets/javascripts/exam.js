/* The practice exam (docs/practice-exam.md): two shapes, each drawn by its own domain
   weights (drawExam, a pure function), options shuffled per attempt, a sticky timer,
   flags, a per-domain result, review filters, and each finished attempt saved for the
   progress page. State (store "exam"): {v: 2, shape, ids, ord: {id: [keys]}, ans: {id: [keys]},
   flag: {id: 1}, cur, limit (min, 0 = untimed), end (deadline ms), done, rec (saved to history)}.
   Anything that does not fit is ignored: a fresh start, never an error. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const { esc, announce } = M;
  const store = () => M.store;
  const shuffle = (a, rand = Math.random) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
  const SHAPES = {
    mla: { name: "MLA-C01", long: "MLA-C01, ML Engineer – Associate", min: 130, size: 65, group: (q) => q.m || null, weights: (b) => b.mla || {} },
    mls: { name: "MLS-C01 (retired)", long: "MLS-C01 (retired), ML Specialty", min: 180, size: 65, group: (q) => q.d, weights: (b) => b.domains },
  };

  // `size` question ids from `questions`, each group by its weight ({key: [name, weight]}),
  // largest remainder so the counts add up; a group short of questions leaves its places to
  // the others. groupOf(q) gives q's group or null (never drawn). Pure, given `rand`.
  function drawExam(questions, weights, size, groupOf, rand = Math.random) {
    const keys = Object.keys(weights);
    const pools = Object.fromEntries(keys.map((k) => [k, []]));
    for (const q of questions) { const g = groupOf(q); if (g != null && pools[g]) pools[g].push(q.id); }
    const n = Math.min(size, keys.reduce((s, k) => s + pools[k].length, 0));
    const sum = keys.reduce((s, k) => s + weights[k][1], 0);
    const quota = keys.map((k) => (n * weights[k][1]) / sum);
    const want = quota.map(Math.floor);
    keys.map((k, i) => i).sort((a, b) => (quota[b] % 1) - (quota[a] % 1))
      .slice(0, n - want.reduce((s, x) => s + x, 0)).forEach((i) => { want[i]++; });
    const ids = [];
    const rest = [];
    keys.forEach((k, i) => { const pool = shuffle(pools[k].slice(), rand); ids.push(...pool.slice(0, want[i])); rest.push(...pool.slice(want[i])); });
    ids.push(...shuffle(rest, rand).slice(0, n - ids.length));
    return shuffle(ids, rand);
  }
  M.drawExam = drawExam;

  const obj = (o) => (o && typeof o === "object" && !Array.isArray(o) ? o : {});
  function loadExam(bank) {
    const s = store().get("exam");
    const byId = Object.fromEntries(bank.questions.map((q) => [q.id, q]));
    if (!s || typeof s !== "object" || (s.v !== 1 && s.v !== 2) || !Array.isArray(s.ids)) return null;
    const ids = s.ids.filter((id) => typeof id === "string" && byId[id]);
    if (!ids.length) return null;
    // Keep a saved option order only if it is a permutation of the question's keys.
    const ord = {};
    for (const id of ids) {
      const keys = byId[id].o.map((o) => o[0]);
      const o = obj(s.ord)[id];
      ord[id] = Array.isArray(o) && o.length === keys.length && keys.every((k) => o.includes(k)) ? o : keys;
    }
    return { v: 2, shape: SHAPES[s.shape] ? s.shape : "mls", ids, ord, ans: obj(s.ans), flag: obj(s.flag),
      cur: Math.min(Math.max(0, s.cur | 0), ids.length - 1), limit: +s.limit || 0, end: +s.end || 0, done: !!s.done, rec: !!s.rec };
  }

  // `first`: the start form submitted before the bank had loaded.
  function examView(root, bank, first) {
    if (root.dataset.ready) return;  // one set of listeners per exam element
    root.dataset.ready = "1";
    const byId = Object.fromEntries(bank.questions.map((q) => [q.id, q]));
    let st = loadExam(bank);
    let tick = 0;
    const save = () => store().set("exam", st);
    const shape = () => SHAPES[st.shape];
    const weights = () => shape().weights(bank);
    const answer = (id) => (Array.isArray(st.ans[id]) ? st.ans[id].filter((k) => typeof k === "string") : []);
    const keysOf = (id) => byId[id].o.filter((o) => o[2]).map((o) => o[0]);
    const right = (id) => { const keys = keysOf(id); const a = answer(id); return a.length === keys.length && a.every((k) => keys.includes(k)); };
    const opts = (id) => st.ord[id].map((k) => byId[id].o.find((o) => o[0] === k));
    const letter = (i) => "ABCDEFGH"[i];
    const left = () => Math.max(0, st.end - Date.now());
    const clock = (ms) => { const s = Math.ceil(ms / 1000); return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`; };
    const pct = (a, b) => Math.round((100 * a) / b);

    function start(ids, shapeKey, limit) {
      const ord = Object.fromEntries(ids.map((id) => [id, shuffle(byId[id].o.map((o) => o[0]))]));
      st = { v: 2, shape: shapeKey, ids, ord, ans: {}, flag: {}, cur: 0, limit, end: limit ? Date.now() + limit * 60000 : 0, done: false, rec: false };
      save();
      render(true);
    }

    function startScreen() {
      const choice = (k) => `<p><label><input type="radio" name="shape" value="${k}"${k === "mla" ? " checked" : ""}> <strong>${esc(SHAPES[k].long)}</strong>: ${SHAPES[k].size} questions, ${SHAPES[k].min} minutes</label></p>`;
      root.innerHTML = `<form class="exam__start" data-exam-start><fieldset class="exam__shape"><legend>Exam</legend>${choice("mla")}${choice("mls")}</fieldset>
        <p><label><input type="checkbox" name="timed" checked> Time me: count down the exam's minutes</label></p>
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
      const dom = weights()[shape().group(q)];
      root.innerHTML = `<div class="exam__bar"><h2 class="exam__title" id="exam-title" tabindex="-1">Question ${st.cur + 1} of ${st.ids.length}</h2>
        ${st.limit ? `<p class="exam__timer">Time left: <span role="timer" data-timer>${clock(left())}</span></p>` : ""}</div>
        <form class="exam__q" data-exam-q><fieldset class="quiz__fieldset"><legend class="quiz__legend"><span class="quiz__meta">${esc(shape().name)} · ${dom ? esc(dom[0]) : ""} · ${q.multi ? "Choose " + ["", "one", "two", "three", "four"][keysOf(id).length] : "Choose one"}</span> ${q.q}</legend>
        ${opts(id).map((o, i) => `<div class="quiz__option"><label><input type="${type}" name="x" value="${o[0]}"${a.includes(o[0]) ? " checked" : ""}> ${letter(i)}. ${o[1]}</label></div>`).join("")}
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

    const kind = (id) => (right(id) ? "right" : answer(id).length ? "wrong" : "unanswered");
    function perDomain() {
      const per = {};
      for (const id of st.ids) { const d = shape().group(byId[id]) || "?"; per[d] = per[d] || [0, 0]; per[d][1]++; if (right(id)) per[d][0]++; }
      return per;
    }

    // Once per attempt: the result goes to the history, answers to the question records.
    function finish() {
      st.done = true;
      if (!st.rec) {
        st.rec = true;
        store().addExam({ at: Date.now(), shape: st.shape, n: st.ids.length, right: st.ids.filter(right).length, dom: perDomain() });
        for (const id of st.ids) if (answer(id).length && !byId[id].e) store().answer(id, byId[id].h, answer(id), right(id), true);
      }
      save();
    }

    function results(focus) {
      const per = perDomain();
      const got = st.ids.filter(right).length;
      const missed = st.ids.length - got;
      const n = { all: st.ids.length, wrong: 0, flagged: 0, unanswered: 0 };
      for (const id of st.ids) { if (kind(id) !== "right") n[kind(id)]++; if (st.flag[id]) n.flagged++; }
      const names = { all: "All", wrong: "Wrong", flagged: "Flagged", unanswered: "Unanswered" };
      const w = weights();
      root.innerHTML = `<h2 class="exam__title" id="exam-title" tabindex="-1">Result: ${got} of ${st.ids.length} correct (${pct(got, st.ids.length)}%)</h2>
        <p>${esc(shape().name)}. The real exam reports a scaled score; the scaling is not published, so read ${pct(got, st.ids.length)}% as a rough guide only (see <a href="#exam-scoring">how scoring works</a>). Your result is saved on <a href="progress.html#progress-exams">Your progress</a>.</p>
        <table><caption>Score by exam domain</caption><thead><tr><th scope="col">Domain</th><th scope="col">Correct</th><th scope="col">Score</th></tr></thead><tbody>
        ${Object.keys(w).filter((d) => per[d]).map((d) => `<tr><th scope="row">${esc(w[d][0])}</th><td>${per[d][0]} of ${per[d][1]}</td><td>${pct(per[d][0], per[d][1])}%</td></tr>`).join("")}</tbody></table>
        <p>${missed ? `<button type="button" class="md-button md-button--primary" data-act="retake">Retake the ${missed} I missed</button> ` : ""}<button type="button" class="md-button" data-act="new">New exam</button></p>
        <h2 id="exam-review-title">Review</h2>
        <fieldset class="exam__filter" data-filter><legend>Show</legend>${Object.keys(names).map((k) => `<label><input type="radio" name="show" value="${k}"${k === "all" ? " checked" : ""}> ${names[k]} (${n[k]})</label>`).join(" ")}</fieldset>
        <p class="exam__shown" role="status" data-shown>Showing all ${st.ids.length} questions.</p>
        <ol class="exam__review">${st.ids.map((id, i) => review(byId[id], i)).join("")}</ol>`;
      if (focus) root.querySelector("#exam-title").focus();
    }

    function review(q, i) {
      const a = answer(q.id);
      const k = kind(q.id);
      return `<li class="exam__item ${k === "right" ? "is-right" : "is-wrong"}" id="review-${q.id}" data-kind="${k}"${st.flag[q.id] ? " data-flagged" : ""}><p><strong>Question ${i + 1}: ${k === "right" ? "correct" : k === "wrong" ? "incorrect" : "not answered"}${st.flag[q.id] ? " (flagged)" : ""}.</strong> ${q.q}</p>
        <ul class="quiz__whys">${opts(q.id).map((o, j) => `<li class="${o[2] ? "is-correct" : "is-wrong"}"><strong>${letter(j)}. ${o[2] ? "Correct" : "Incorrect"}${a.includes(o[0]) ? " (your answer)" : ""}.</strong> ${o[1]}<div class="quiz__whytext">${o[3]}</div></li>`).join("")}</ul>
        <div class="quiz__explanation">${q.x}</div><p class="quiz__source">Learn it: <a href="${esc(q.src[0])}">${esc(q.src[1])}</a></p>${M.docs(q)}</li>`;
    }

    function render(focus) {
      clearInterval(tick);
      if (!st) return startScreen();
      if (st.done) { if (!st.rec) finish(); return results(focus); }
      if (st.limit && !left()) { finish(); announce("Time is up: your exam has been submitted."); return results(true); }
      questionScreen(focus);
      if (st.limit) {
        tick = setInterval(() => {
          const el = root.querySelector("[data-timer]");
          if (!el || !root.isConnected) return clearInterval(tick);
          if (!left()) return render(true);
          el.textContent = clock(left());
        }, 1000);
      }
    }

    function begin(form) {
      const k = (form.querySelector("[name=shape]:checked") || {}).value || "mls";
      const s = SHAPES[k];
      start(drawExam(bank.questions, s.weights(bank), s.size, s.group), k, form.elements.timed.checked ? s.min : 0);
    }
    root.addEventListener("submit", (e) => {
      e.preventDefault();
      if (e.target.matches("[data-exam-start]")) begin(e.target);
    });
    root.addEventListener("change", (e) => {
      if (!st) return;
      if (st.done) {
        if (e.target.name !== "show") return;
        const show = e.target.value;
        let shown = 0;
        for (const li of root.querySelectorAll(".exam__item")) {
          li.hidden = !(show === "all" || (show === "flagged" ? li.hasAttribute("data-flagged") : li.dataset.kind === show));
          if (!li.hidden) shown++;
        }
        root.querySelector("[data-shown]").textContent = show === "all" ? `Showing all ${shown} questions.` : `Showing ${shown} of ${st.ids.length} questions: ${show}.`;
        return;
      }
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
        else { finish(); render(true); }
      }
      else if (act === "confirm") { finish(); render(true); }
      else if (act === "cancel") { root.querySelector("[data-confirm]").hidden = true; root.querySelector('[data-act="submit"]').focus(); }
      else if (act === "abandon") { store().del("exam"); st = null; render(); announce("Exam abandoned."); root.querySelector("button").focus(); }
      else if (act === "new") { st = null; store().del("exam"); render(); root.querySelector("button").focus(); }
      else if (act === "retake") {
        const missed = st.ids.filter((id) => !right(id));
        start(shuffle(missed), st.shape, st.limit ? Math.ceil((shape().min * missed.length) / shape().size) : 0);
      }
    });
    if (first) begin(first); else render(false);
  }

  // Until the exam is wired up, its start form must not submit the page.
  document.addEventListener("submit", (e) => {
    const root = e.target.closest("[data-exam]");
    if (root && !root.dataset.ready) e.preventDefault();
  });

  M.feat.exam = () => {
    const root = document.querySelector("[data-exam]");
    if (!root || root.dataset.ready || root.dataset.wait) return;
    const fail = () => { root.innerHTML = '<p role="alert">The question bank did not load. Reload the page to try again.</p>'; };
    if (store().get("exam")) return M.bank().then((bank) => examView(root, bank), fail);
    // Nothing to resume: the bank (data, and large) loads when the reader starts.
    root.dataset.wait = "1";
    const button = root.querySelector("[data-exam-start] button");
    button.disabled = false;
    root.addEventListener("submit", (e) => {
      if (root.dataset.ready || !e.target.matches("[data-exam-start]")) return;
      e.preventDefault();
      if (button.disabled) return;
      button.disabled = true;
      button.textContent = "Loading the questions…";
      M.bank().then((bank) => examView(root, bank, e.target), fail);
    });
  };
})();
