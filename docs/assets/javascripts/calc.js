/* Calculators (macros/calculators.py). Without this script each form shows the worked
   example for its defaults; with it, results follow the inputs, computed and worded as
   the Python renderer does. Only results whose text changes are rewritten, so nothing
   moves or is announced at start. A form is wired once (data-calc-ready). Loaded by
   site.js on pages with a calculator. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
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
  M.feat.calc = () => initCalculators();
})();
