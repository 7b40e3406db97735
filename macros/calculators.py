"""Two calculators, rendered at build time and brought to life by site.js.

Pure functions: numbers in, HTML out. Each form is complete without JavaScript:
the formulas are written out and every result shows the answer for the default
inputs, computed here, so nothing moves when the script starts. The script
(`initCalculators` in site.js) recomputes on input with the same arithmetic and
the same wording, and only rewrites a result whose text changed.

    render_metrics_calculator()        precision, recall, F1, ... from TP/FP/FN/TN
    render_shard_calculator(limits)    Kinesis shards needed; `limits` is
                                       the `limits` mapping of
                                       macros/data/tables/kds-shard-limits.yml

Markup contract with the script:
    form[data-calc="metrics" | "shards"]    one calculator; data-calc-ready once wired
    input[type=number]                      required, min, step; data-bad: the message
                                            shown while the browser finds it invalid
    [data-out="<key>"]                      a result the script rewrites: metric names;
                                            "answer" and the steps "0", "1", "2" (shards)
    [data-calc-msg]                         the message for bad input (polite live region)
    form data-write-mb, data-write-records, data-read-shared-mb, data-read-efo-mb,
    data-max-efo                            the shard limits (from the YAML, nowhere else)
"""
from __future__ import annotations

import html
import math
from decimal import ROUND_HALF_UP, Decimal

from .loader import DataError

# -- Number formatting (mirrors the script exactly) ------------------------------

def fixed2(value: float) -> str:
    """0.8181 -> '0.82', rounding the exact binary value half up, as JS toFixed(2) does."""
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def num(value: float) -> str:
    """At most 2 decimals, no trailing zeros, thousands separated: as the script's
    (+x.toFixed(2)).toLocaleString("en-US"). 1000 -> '1,000'; 12.5 -> '12.5'."""
    rounded = Decimal(fixed2(value))
    text = f"{rounded:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def ceil_up(value: float) -> int:
    """Round up, ignoring float noise (3 × 0.1 ÷ 0.3 is 3, not 4)."""
    return math.ceil(value - 1e-9)


def plural(n: int | float, word: str) -> str:
    return f"{num(n)} {word}{'' if n == 1 else 's'}"


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


# -- Metrics -------------------------------------------------------------------------

METRIC_INPUTS = (  # name, label, default
    ("tp", "True positives (TP)", 45),
    ("fp", "False positives (FP)", 10),
    ("fn", "False negatives (FN)", 5),
    ("tn", "True negatives (TN)", 140),
)

METRICS = (  # key, name, formula, inputs it reads
    ("precision", "Precision", "TP / (TP + FP)", "tp fp"),
    ("recall", "Recall", "TP / (TP + FN)", "tp fn"),
    ("f1", "F1", "2 × Precision × Recall / (Precision + Recall)", "tp fp fn"),
    ("accuracy", "Accuracy", "(TP + TN) / (TP + TN + FP + FN)", "tp fp fn tn"),
    ("specificity", "Specificity", "TN / (TN + FP)", "fp tn"),
    ("fpr", "False positive rate (FPR)", "FP / (FP + TN)", "fp tn"),
)


def _ratio(top: float, bottom: float, missing: str) -> str:
    return fixed2(top / bottom) if bottom else f"undefined (no {missing})"


def metrics(tp: int, fp: int, fn: int, tn: int) -> dict[str, str]:
    """Each metric as shown: 2 decimals, or 'undefined (no …)' for a zero denominator.
    F1 = 2 × P × R / (P + R) is worked from the counts, 2 TP / (2 TP + FP + FN): the
    same number without rounding twice; it is undefined when TP is 0 (P = R = 0)."""
    if tp + fp and tp + fn:
        f1 = _ratio(2 * tp, tp and 2 * tp + fp + fn, "true positives")
    else:
        f1 = "undefined (no precision or recall)"
    return {
        "precision": _ratio(tp, tp + fp, "predicted positives"),
        "recall": _ratio(tp, tp + fn, "actual positives"),
        "f1": f1,
        "accuracy": _ratio(tp + tn, tp + tn + fp + fn, "examples"),
        "specificity": _ratio(tn, tn + fp, "actual negatives"),
        "fpr": _ratio(fp, fp + tn, "actual negatives"),
    }


def _number_input(form_id: str, name: str, label: str, value: int | float, *,
                  least: int = 0, step: str = "1") -> str:
    """A labelled, required number input. data-bad is what the script says when the
    browser finds the value invalid (empty, below `least`, off `step`, not a number)."""
    input_id = f"{form_id}-{name}"
    kind = "a whole number" if step == "1" else "a number with at most 2 decimals"
    bad = (f"{label}: enter {kind}, {least} or more. The results are still those for "
           "the last valid numbers.")
    return (f'<p class="calc__field"><label for="{input_id}">{esc(label)}</label> '
            f'<input id="{input_id}" name="{name}" type="number" min="{least}" step="{step}" '
            f'value="{num(value).replace(",", "")}" required '
            f'aria-describedby="{form_id}-msg" data-bad="{esc(bad)}"></p>')


def _message(form_id: str) -> str:
    """Empty until an input is invalid; a polite live region from the start."""
    return f'<p class="calc__msg" id="{form_id}-msg" data-calc-msg aria-live="polite"></p>'


def render_metrics_calculator() -> str:
    """The metrics form: four counts in, six metrics out, each beside its formula."""
    form_id = "calc-metrics"
    values = metrics(*(default for _, _, default in METRIC_INPUTS))
    results = []
    for key, name, formula, reads in METRICS:
        inputs = " ".join(f"{form_id}-{n}" for n in reads.split())
        results.append(
            f'<li><span class="calc__formula"><span class="calc__name">{esc(name)}</span> = '
            f'{esc(formula)}</span> <span class="calc__eq">=</span> '
            f'<output name="{key}" for="{inputs}"><span class="sr-only">{esc(name)}: </span>'
            f'<span class="calc__value" data-out="{key}">{esc(values[key])}</span></output></li>')
    return "\n".join([
        f'<form class="calc" id="{form_id}" data-calc="metrics" '
        f'aria-labelledby="{form_id}-title">',
        f'<p class="calc__title" id="{form_id}-title">Metrics calculator</p>',
        '<p class="calc__intro">Type the four counts of a confusion matrix: the metrics update '
        "as you type. Without JavaScript they show the worked example for the counts below.</p>",
        '<fieldset class="calc__inputs">',
        "<legend>Confusion matrix counts</legend>",
        *(_number_input(form_id, name, label, default) for name, label, default in METRIC_INPUTS),
        "</fieldset>",
        _message(form_id),
        '<ul class="calc__results">',
        *results,
        "</ul>",
        "</form>",
    ])


# -- Shards ---------------------------------------------------------------------------

# Form data attribute -> key under `limits` in kds-shard-limits.yml.
SHARD_LIMITS = {
    "write-mb": "write_mb_per_s",
    "write-records": "write_records_per_s",
    "read-shared-mb": "read_mb_per_s_shared",
    "read-efo-mb": "read_mb_per_s_per_efo_consumer",
    "max-efo": "max_efo_consumers",
}

LIMITS_FILE = "macros/data/tables/kds-shard-limits.yml"
SHARD_DEFAULTS = {"mb": 3, "records": 1000, "consumers": 2, "efo": False}


def _step(label: str, lead: str, total: float, per: float,
          unit: str) -> tuple[int, str, str]:
    """(shards for `total` at `per` a shard, label, the sentence that shows the sum)."""
    quotient = total / per
    shards = ceil_up(quotient)
    rounded = "" if quotient > shards - 1e-9 else f"{num(quotient)}, rounded up to "
    return shards, label, (f"{label}: {lead}{num(total)} {unit} ÷ {num(per)} {unit} per "
                           f"shard = {rounded}{plural(shards, 'shard')}.")


def shard_plan(mb: float, records: float, consumers: int, efo: bool,
               limits: dict[str, float]) -> dict[str, str]:
    """The answer and the three steps in words, keyed as the form's data-out elements:
    "answer", then "0" (data write), "1" (record write), "2" (read)."""
    lim = {attr: limits[key] for attr, key in SHARD_LIMITS.items()}
    steps = [
        _step("Data write", "", mb, lim["write-mb"], "MB/s"),
        _step("Record write", "", records, lim["write-records"], "records/s"),
        _step("Enhanced fan-out read",
              f"each consumer has its own {num(lim['read-efo-mb'])} MB/s per shard, so ",
              mb, lim["read-efo-mb"], "MB/s") if efo else
        _step("Shared read", f"{plural(consumers, 'consumer')} × {num(mb)} MB/s = ",
              consumers * mb, lim["read-shared-mb"], "MB/s"),
    ]
    most = max(n for n, _, _ in steps)
    binding = [label.lower() for n, label, _ in steps if n == most]
    if most:
        verb = ["limit binds", "limits both bind", "limits all bind"][len(binding) - 1]
        answer = f"{plural(most, 'shard')}: the {' and '.join(binding)} {verb}."
    else:
        answer = "1 shard: the least a stream can have."
    if efo and consumers > lim["max-efo"]:
        answer += (f" A stream can register at most {num(lim['max-efo'])} enhanced fan-out "
                   f"consumers, not {num(consumers)}.")
    return {"answer": answer, **{str(i): text for i, (_, _, text) in enumerate(steps)}}


def render_shard_calculator(limits: dict) -> str:
    """The shard form. `limits`: the numbers under `limits` in kds-shard-limits.yml
    (SiteData.tables["kds-shard-limits"].limits); the keys in SHARD_LIMITS are read
    and written onto the form as data attributes, where the script reads them."""
    missing = [key for key in SHARD_LIMITS.values() if key not in limits]
    if missing:
        raise DataError(LIMITS_FILE, f"the shard calculator needs {', '.join(missing)}",
                        field="limits")
    lim = {attr: limits[key] for attr, key in SHARD_LIMITS.items()}
    form_id = "calc-shards"
    d = SHARD_DEFAULTS
    plan = shard_plan(d["mb"], d["records"], d["consumers"], d["efo"], limits)
    inputs = " ".join(f"{form_id}-{n}" for n in ("mb", "records", "consumers", "efo"))
    efo_note = (", so reads never need more shards than writes for consumers that read all "
                "the data" if lim["read-efo-mb"] >= lim["write-mb"] else "")
    attrs = "".join(f' data-{attr}="{value}"' for attr, value in lim.items())
    return "\n".join([
        f'<form class="calc" id="{form_id}" data-calc="shards"{attrs} '
        f'aria-labelledby="{form_id}-title">',
        f'<p class="calc__title" id="{form_id}-title">Shard calculator</p>',
        '<p class="calc__intro">How many shards a provisioned stream needs. The answer updates '
        "as you type; without JavaScript it shows the worked example for the numbers below. "
        f"Limits used, from the table above: {num(lim['write-mb'])} MB/s and "
        f"{num(lim['write-records'])} records/s written per shard; {num(lim['read-shared-mb'])} "
        "MB/s read per shard, shared by all consumers; with enhanced fan-out, "
        f"{num(lim['read-efo-mb'])} MB/s per shard for each consumer, up to "
        f"{num(lim['max-efo'])} consumers{efo_note}.</p>",
        '<fieldset class="calc__inputs">',
        "<legend>Your stream</legend>",
        _number_input(form_id, "mb", "Incoming data (MB/s)", d["mb"], step="0.01"),
        _number_input(form_id, "records", "Incoming records per second", d["records"]),
        _number_input(form_id, "consumers", "Consumers, each reading all the data",
                      d["consumers"], least=1),
        f'<p class="calc__field calc__check"><input id="{form_id}-efo" name="efo" '
        f'type="checkbox"{" checked" if d["efo"] else ""}> <label for="{form_id}-efo">'
        "Consumers use enhanced fan-out</label></p>",
        "</fieldset>",
        _message(form_id),
        f'<p class="calc__answer"><span class="calc__name">Shards needed:</span> '
        f'<output name="shards" for="{inputs}"><span data-out="answer">'
        f'{esc(plan["answer"])}</span></output></p>',
        '<ol class="calc__steps">',
        *(f'<li data-out="{i}">{esc(plan[str(i)])}</li>' for i in range(3)),
        "</ol>",
        "</form>",
    ])
