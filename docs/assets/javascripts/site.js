/* MLS-C01 study site: the loader, on every page. Every page is complete without
   script (answers sit in <details>); this file looks at the page and adds the feature
   scripts it uses (FEATURES), as <script> elements next to this one: that works from
   file:// too, and again after Material's instant navigation (document$). Each feature
   script registers window.mls.feat.<name>, run once per page view; saved data goes
   through store.js only. The question bank (exam-bank.js) and its lean index
   (bank-index.js) are data, loaded on demand. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const here = document.currentScript.src;
  const base = here.slice(0, here.lastIndexOf("/") + 1);
  // [selector on the page, feature, files]: .css files live in ../stylesheets/.
  const FEATURES = [
    [".quiz", "quiz", ["store.js", "quiz.js"]],
    ["[data-exam]", "exam", ["store.js", "exam.js", "exam.css"]],
    ["[data-progress]", "progress", ["store.js", "transfer.js", "progress.js", "study.css"]],
    ["[data-review]", "review", ["store.js", "review.js", "study.css"]],
    ["form[data-table-filter]", "filters", ["filters.js"]],
    ["form[data-calc]", "calc", ["calc.js"]],
  ];
  const loading = {};
  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise((ok, fail) => {
        const css = file.endsWith(".css");
        const el = document.createElement(css ? "link" : "script");
        if (css) { el.rel = "stylesheet"; el.href = `${base}../stylesheets/${file}`; } else { el.src = base + file; el.async = false; }
        el.onload = ok;
        el.onerror = () => { el.remove(); delete loading[file]; fail(new Error(file)); };
        document.head.append(el);
      });
    }
    return loading[file];
  }
  M.load = load;
  const data = (file, name) => () => (window[name] ? Promise.resolve(window[name])
    : load(file).then(() => window[name] || Promise.reject(new Error(name))));
  // The whole bank (the exam, a review session) and its lean index (progress, review's counts).
  M.bank = data("exam-bank.js", "mlsExamBank");
  M.index = data("bank-index.js", "mlsBankIndex");
  M.$$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  M.esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  // A bank question's AWS documentation links (q.r: https URLs), named by their page.
  M.docs = (q) => {
    const r = (Array.isArray(q.r) ? q.r : []).filter((u) => /^https:\/\//.test(u));
    return r.length ? `<p class="quiz__docs">Check it in the AWS docs: ${r.map((u) => `<a href="${M.esc(u)}">${M.esc(u.replace(/^https:\/\/|[?#].*$|\.html$/g, "").split("/").pop() || u)}</a>`).join(", ")}</p>` : "";
  };

  // One polite live region, outside the content that instant navigation swaps.
  const live = document.createElement("div");
  live.className = "sr-only";
  live.setAttribute("role", "status");
  document.body.append(live);
  M.announce = (text) => { live.textContent = ""; setTimeout(() => { live.textContent = text; }, 50); };

  // A link to a question that is not on this page: say so instead of failing silently.
  // One that is here is marked (.is-target, as :target, which instant navigation misses).
  function checkQuestionHash() {
    const old = document.querySelector(".quiz-missing");
    if (old) old.remove();
    const id = decodeURIComponent(location.hash.slice(1));
    for (const el of M.$$(".is-target")) el.classList.remove("is-target");
    const target = id && document.getElementById(id);
    if (target) target.classList.add("is-target");
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
  window.addEventListener("beforeprint", () => { for (const d of M.$$("details.quiz__answer")) d.open = true; });
  // Material's search dialog has no accessible name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search");

  function init() {
    // Progress and review count from the index: fetch it beside their scripts.
    if (document.querySelector("[data-progress], [data-review]")) M.index().catch(() => {});
    for (const [sel, name, files] of FEATURES) {
      if (!document.querySelector(sel)) continue;
      Promise.all(files.map(load)).then(() => M.feat[name](), () => { /* the page still works without it */ });
    }
    checkQuestionHash();
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
