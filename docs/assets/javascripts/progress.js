/* "Your progress" (docs/progress.md): per section page and exam domain, missed
   questions, practice exam history, and export / import / reset of the saved data.
   Reads the bank's lean index (bank-index.js: ids, hashes, domains, sources; never the
   whole bank) as data and saved data through store.js. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const { esc } = M;
  const store = () => M.store;
  const pct = (a, b) => (b ? Math.round((100 * a) / b) : 0);

  // Section pages in navigation order (the index is in file order).
  function sections(qs) {
    const order = M.$$(".md-nav--primary a.md-nav__link").map((a) => a.pathname.split("/").pop());
    const out = {};
    for (const q of qs) {
      const page = q.src[0].split("#")[0];
      (out[page] = out[page] || { page, name: q.src[1].split(" › ")[0], qs: [] }).qs.push(q);
    }
    const at = (p) => { const i = order.indexOf(p); return i < 0 ? 1e9 : i; };
    return Object.values(out).sort((a, b) => at(a.page) - at(b.page) || a.name.localeCompare(b.name));
  }

  function row(head, qs, recs) {
    const mine = qs.map((q) => recs[q.id]).filter(Boolean);
    const right = mine.filter((r) => r.f).length;
    const n = qs.length;
    return `<tr><th scope="row">${head}</th><td>${mine.length} of ${n}</td><td>${right} of ${mine.length}${mine.length ? ` (${pct(right, mine.length)}%)` : ""}
      <span class="study__bar" aria-hidden="true"><span class="is-right" style="width:${(100 * right) / n}%"></span><span class="is-wrong" style="width:${(100 * (mine.length - right)) / n}%"></span></span></td></tr>`;
  }
  const table = (caption, first, rows) => `<div class="table-scroll study__scroll" tabindex="0" role="region" aria-label="${caption}"><table><caption>${caption}</caption><thead><tr><th scope="col">${first}</th><th scope="col">Answered</th><th scope="col">First try correct <span class="study__key">(bar: <span class="is-right">right</span>, <span class="is-wrong">wrong</span>, empty: not answered)</span></th></tr></thead><tbody>${rows}</tbody></table></div>`;

  function render(root, bank) {  // bank: the index (bank-index.js)
    const qs = bank.questions.filter((q) => !q.e);
    const byId = Object.fromEntries(qs.map((q) => [q.id, q]));
    const all = store().all();
    const recs = {};
    for (const [id, r] of Object.entries(all)) if (byId[id] && byId[id].h === r.h) recs[id] = r;
    const part = (name, html) => { root.querySelector(`[data-part="${name}"]`).innerHTML = html; };
    const secs = sections(qs);
    const answered = Object.keys(recs).length;

    part("sections", `<p data-summary>${answered ? `You have answered ${answered} of ${qs.length} questions; ${Object.values(recs).filter((r) => r.f).length} right on the first try.` : `Nothing answered yet in this browser: ${qs.length} questions are waiting on the section pages and in <a href="review.html">Review</a>.`}</p>`
      + table("Questions by section page", "Section", secs.map((s) => row(`<a href="${esc(s.page)}">${esc(s.name)}</a>`, s.qs, recs)).join("")));

    const domainTable = (caption, weights, groupOf) => {
      const rows = Object.keys(weights).map((k) => [k, qs.filter((q) => String(groupOf(q)) === k)]).filter(([, list]) => list.length);
      return rows.length ? table(caption, "Domain", rows.map(([k, list]) => row(`${esc(weights[k][0])} <span class="study__weight">(${weights[k][1]}%)</span>`, list, recs)).join("")) : "";
    };
    part("domains", domainTable("MLA-C01 (ML Engineer – Associate) domains", bank.mla || {}, (q) => q.m)
      + domainTable("MLS-C01 (retired) domains", bank.domains, (q) => q.d));

    const missed = secs.flatMap((s) => s.qs.filter((q) => recs[q.id] && recs[q.id].box === 0));
    part("missed", missed.length
      ? `<p>${missed.length} question${missed.length === 1 ? "" : "s"} answered wrong and not yet answered right in <a href="review.html">Review</a> (it brings them back first):</p><ul class="study__missed">${missed.map((q) => `<li><a href="${esc(q.src[0].split("#")[0])}#q-${esc(q.id)}">${esc(q.s || q.src[1])}</a> <span class="study__where">(${esc(q.src[1])})</span></li>`).join("")}</ul>`
      : "<p>No missed questions: every question you answered wrong has since been answered right in Review.</p>");

    const hist = store().history().slice().reverse();
    const names = { mla: ["MLA-C01", bank.mla || {}], mls: ["MLS-C01 (retired)", bank.domains] };
    part("exams", hist.length
      ? `<div class="table-scroll study__scroll" tabindex="0" role="region" aria-label="Finished practice exams"><table><caption>Finished practice exams, newest first</caption><thead><tr><th scope="col">Date</th><th scope="col">Exam</th><th scope="col">Score</th><th scope="col">By domain</th></tr></thead><tbody>${hist.map((e) => {
        const [name, w] = names[e.shape];
        return `<tr><th scope="row">${esc(new Date(e.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }))}</th><td>${name}</td><td>${e.right} of ${e.n} (${pct(e.right, e.n)}%)</td><td>${Object.entries(e.dom).map(([k, d]) => `${esc((w[k] || [k])[0])}: ${d[0]} of ${d[1]}`).join("; ")}</td></tr>`;
      }).join("")}</tbody></table></div>`
      : '<p>No finished practice exam yet: take one on the <a href="practice-exam.html">practice exam</a> page.</p>');
    root.dataset.shown = "1";
  }

  M.feat.progress = () => {
    const root = document.querySelector("[data-progress]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    const msg = (text) => { root.querySelector("[data-msg]").textContent = text; };
    M.index().then((bank) => {
      const again = () => render(root, bank);
      again();
      root.addEventListener("click", (e) => {
        const b = e.target.closest("button[data-act]");
        if (!b) return;
        const confirm = root.querySelector("[data-confirm]");
        if (b.dataset.act === "export") {
          const a = document.createElement("a");
          a.href = URL.createObjectURL(new Blob([JSON.stringify(M.transfer.exportData(), null, 1)], { type: "application/json" }));
          a.download = `mls-c01-progress-${new Date().toISOString().slice(0, 10)}.json`;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 1000);
          msg("Your progress was saved to a file (see your downloads).");
        } else if (b.dataset.act === "reset") {
          confirm.hidden = false;
          confirm.querySelector("button").focus();
        } else if (b.dataset.act === "reset-yes") {
          store().resetAll();
          confirm.hidden = true;
          again();
          msg("All saved progress in this browser was deleted.");
          root.querySelector('[data-act="reset"]').focus();
        } else if (b.dataset.act === "reset-no") {
          confirm.hidden = true;
          msg("Nothing was deleted.");
          root.querySelector('[data-act="reset"]').focus();
        }
      });
      root.addEventListener("change", (e) => {
        const input = e.target.closest("[data-import]");
        if (!input || !input.files.length) return;
        input.files[0].text().then((text) => {
          const res = M.transfer.importText(text);
          msg(res.message);
          if (res.ok) again();
          input.value = "";
        }, () => msg("The file could not be read. Nothing was imported."));
      });
    }, () => { root.querySelector('[data-part="sections"]').innerHTML = '<p role="alert">The question bank did not load. Reload the page to try again.</p>'; });
  };
})();
