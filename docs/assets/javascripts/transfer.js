/* Export and import of saved progress (the progress page): one JSON file, format
   "mls-c01-progress", version = store.js's (README.md "Saved progress"). Reads and
   writes go through window.mls.store, which alone touches storage and checks every
   record; this module only builds and merges the file. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const FORMAT = "mls-c01-progress";
  const isObj = (o) => !!o && typeof o === "object" && !Array.isArray(o);
  const KEPT = "Nothing was imported; your saved progress is unchanged.";
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  M.transfer = {
    exportData() {
      const s = M.store;
      return { format: FORMAT, version: s.VERSION, exported: new Date().toISOString(), questions: s.all(), history: s.history() };
    },

    // Merge an export into what is saved. All or nothing: a file that is not JSON, has the
    // wrong shape or a newer version changes nothing. Returns {ok, message}.
    importText(text) {
      const s = M.store;
      let d;
      try { d = JSON.parse(text); } catch (e) { return { ok: false, message: `This file is not JSON, so it is not a progress export. ${KEPT}` }; }
      const wrong = { ok: false, message: `This file is JSON but not a progress export of this site (wrong shape). ${KEPT}` };
      if (!isObj(d) || d.format !== FORMAT || !Number.isInteger(d.version) || d.version < 1) return wrong;
      if (d.version > s.VERSION) {
        return { ok: false, message: `This file was exported by a newer version of the site (format ${d.version}); this page reads format ${s.VERSION}. ${KEPT}` };
      }
      if (!isObj(d.questions) || !Array.isArray(d.history) || !d.history.every(s.checkExam)) return wrong;
      const incoming = {};
      for (const [id, r0] of Object.entries(d.questions)) {
        const r = s.check(r0);
        if (!/^[a-z0-9-]{1,60}$/.test(id) || !r) return wrong;
        incoming[id] = r;
      }
      let added = 0;
      const mine = s.all();
      for (const [id, r] of Object.entries(incoming)) {
        const l = mine[id];
        let out = r;
        if (!l) added++;
        else {
          // The later answer and schedule; the earlier first try is the question's result.
          out = { ...(r.at > l.at ? r : l) };
          const early = l.h !== r.h ? out : (r.t && (!l.t || r.t < l.t) ? r : l);
          out.f = early.f;
          out.t = early.t;
        }
        s.put(id, out);
      }
      const h = s.history();
      const seen = new Set(h.map((e) => `${e.at}:${e.shape}`));
      const exams = d.history.filter((e) => !seen.has(`${e.at}:${e.shape}`));
      if (exams.length) s.setHistory(h.concat(exams));
      const n = Object.keys(incoming).length;
      return { ok: true, message: `Imported ${plural(n, "question record")} (${added} new, ${n - added} merged) and ${plural(exams.length, "practice exam")}.` };
    },
  };
})();
