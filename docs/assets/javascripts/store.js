/* The one owner of localStorage (key prefix, format version, migration, hash check).
   Every feature reads and writes saved data through window.mls.store; nothing else
   touches storage. Corrupt, foreign, older or changed-question data is ignored or
   migrated, never thrown. Format: README.md "Saved progress". The export file is
   transfer.js's, built through this module's checked reads and writes. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  const PREFIX = "mls-c01:";
  const VERSION = 2;
  const DAY = 864e5;
  // Leitner boxes: a miss goes to box 0 (due now); a right answer moves one box up,
  // due again after INTERVALS[box] days (review.md states them).
  const INTERVALS = [0, 1, 3, 7, 14, 30];
  const MAX_HISTORY = 100;

  const raw = {
    get(key) { try { return JSON.parse(localStorage.getItem(PREFIX + key)); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem(PREFIX + key, JSON.stringify(value)); } catch (e) { /* not saved */ } },
    del(key) { try { localStorage.removeItem(PREFIX + key); } catch (e) { /* nothing to do */ } },
    keys() { try { return Object.keys(localStorage).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length)); } catch (e) { return []; } },
  };

  const isObj = (o) => !!o && typeof o === "object" && !Array.isArray(o);
  const num = (n) => typeof n === "number" && Number.isFinite(n) && n >= 0;
  const keysOk = (sel) => Array.isArray(sel) && sel.every((k) => typeof k === "string" && /^[a-h]$/.test(k));

  // A question's record, v2: {v, h (question hash), sel (last answer), ok (last answer right),
  // f (first try right), t (first try, ms), at (last change, ms), box (0-5), due (ms)}.
  function migrate(r) {
    if (isObj(r) && r.v === 1 && typeof r.ok === "boolean") {
      // v1 kept only the last answer: read it as the first try.
      return { v: VERSION, h: r.h, sel: r.sel, ok: r.ok, f: r.ok, t: 0, at: 0, box: r.ok ? 1 : 0, due: 0 };
    }
    return r;
  }
  function valid(r) {
    return isObj(r) && r.v === VERSION && typeof r.h === "string" && keysOk(r.sel) && typeof r.ok === "boolean"
      && typeof r.f === "boolean" && num(r.t) && num(r.at) && num(r.due) && Number.isInteger(r.box) && r.box >= 0 && r.box < INTERVALS.length;
  }
  const clean = (r) => ({ v: VERSION, h: r.h, sel: r.sel.slice(), ok: r.ok, f: r.f, t: r.t, at: r.at, box: r.box, due: r.due });
  const read = (id) => { const r = migrate(raw.get(`q:${id}`)); return valid(r) ? clean(r) : null; };

  function validExam(e) {
    return isObj(e) && num(e.at) && (e.shape === "mla" || e.shape === "mls") && Number.isInteger(e.n) && e.n > 0
      && Number.isInteger(e.right) && e.right >= 0 && e.right <= e.n && isObj(e.dom)
      && Object.values(e.dom).every((d) => Array.isArray(d) && d.length === 2 && d.every(Number.isInteger));
  }
  const history = () => { const h = raw.get("history"); return Array.isArray(h) ? h.filter(validExam) : []; };

  const store = {
    VERSION, INTERVALS, DAY,
    // Generic values (the exam in progress): the caller validates their shape.
    get: raw.get, set: raw.set, del: raw.del,

    // The saved record of question `id`, or null if none, corrupt or for another version (hash) of it.
    question(id, h) { const r = read(id); return r && (h === undefined || r.h === h) ? r : null; },

    // Every valid record, by id (hashes are checked by the caller against the bank).
    all() {
      const out = {};
      for (const k of raw.keys()) if (k.startsWith("q:")) { const r = read(k.slice(2)); if (r) out[k.slice(2)] = r; }
      return out;
    },

    // An answer was checked. The first one is the question's result; later ones on a page are
    // practice (schedule unchanged); `scheduled` answers (review, exam) move the Leitner box.
    answer(id, h, sel, ok, scheduled) {
      const now = Date.now();
      let r = store.question(id, h);
      const first = !r;
      if (first) r = { v: VERSION, h, sel, ok, f: ok, t: now, at: now, box: 0, due: now };
      r.sel = sel.slice();
      r.ok = ok;
      r.at = now;
      if (first || scheduled) {
        r.box = ok ? Math.min(r.box + 1, INTERVALS.length - 1) : 0;
        r.due = now + INTERVALS[r.box] * DAY;
      }
      raw.set(`q:${id}`, r);
      return { first, rec: r };
    },
    // "Clear" on a question: the selection goes, its first try stays.
    clearAnswer(id) { const r = read(id); if (r) { r.sel = []; raw.set(`q:${id}`, r); } },
    forget(id) { raw.del(`q:${id}`); },

    history,
    addExam(entry) { const h = history(); h.push(entry); raw.set("history", h.slice(-MAX_HISTORY)); },

    resetAll() { for (const k of raw.keys()) raw.del(k); },

    // For transfer.js (export and import): checked records in, nothing else.
    check(r) { r = migrate(isObj(r) ? { v: VERSION, ...r } : r); return valid(r) ? clean(r) : null; },
    checkExam: validExam,
    put(id, r) { if (valid(r)) raw.set(`q:${id}`, clean(r)); },
    setHistory(list) { raw.set("history", list.filter(validExam).sort((x, y) => x.at - y.at).slice(-MAX_HISTORY)); },
  };
  M.store = store;
})();
