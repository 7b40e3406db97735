#!/usr/bin/env python3
"""The site's quality bar, measured: build speed, weight and Lighthouse.

    make bench                                    # = .venv/bin/python scripts/bench.py
    .venv/bin/python scripts/bench.py --runs 3 --pages index,modeling
    .venv/bin/python scripts/bench.py --no-lighthouse

1. Build speed: the full strict build (mkdocs.yml) against the same pages built
   by plain Material: a copy of mkdocs.yml without the macros plugin and its
   hooks, without extra_css/extra_javascript and the template override, not
   strict (the macro calls stay in the pages as text). Runs alternate, ours then plain, each in a
   fresh `python -m mkdocs build` subprocess, with bytecode caching on (as
   Python's default is). Goal: median ratio <= 1.5x.
2. Weight: the site's own JS + CSS (docs/assets/javascripts/*.js and
   docs/assets/stylesheets/*.css, not docs/assets/vendor/ nor Material's
   bundle), gzip -9 as shipped. Goal: <= 12 KiB together. Then every built HTML
   page, gzipped, against "the plain-Material page of the same content": the
   same pages with the same questions, tables, corrections and figures written
   as ordinary Markdown (scripts/plain_content.py; calculators and the score
   line count as ours). Goal: ours <= that + 15 KiB on every page. The
   practice exam's question bank, a generated script loaded by that page
   only, is reported apart. The macros-off pages of (1) are shown too: that
   gap is mostly content.
3. Lighthouse, where node and npx exist: the npm package `lighthouse` (installed
   into a cache dir on first use), Debian's Chromium, the built site served
   gzipped on 127.0.0.1 as GitHub Pages serves it. Mobile form factor (the
   default); performance, accessibility, best practices and SEO; the median of
   three runs per page (--lighthouse-runs), since one run varies by a point or
   two on a busy machine. Goal: 100.

It is a report: it exits 0 when goals are missed (1 only when a build fails).
Everything happens on loopback; only the first Lighthouse install uses npm.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"

KIB = 1024
GOAL_BUILD_RATIO = 1.5                 # ours / plain, median
GOAL_OWN_ASSETS = 12 * KIB             # own JS + CSS, gzip -9, together
GOAL_PAGE_EXTRA = 15 * KIB             # per page, gzip, over the plain build
EXAM_BANK = "assets/javascripts/exam-bank.js"   # generated data: reported apart
BANK_INDEX = "assets/javascripts/bank-index.js"  # its lean index (progress, review): too
GOAL_LIGHTHOUSE = 100
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
LIGHTHOUSE_CACHE = Path(
    os.environ.get("BENCH_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mls-c01-bench"
)
LIGHTHOUSE_TIMEOUT = 240               # seconds per page


# -- helpers ----------------------------------------------------------------------

def gzip_size(data: bytes) -> int:
    """Bytes on the wire with gzip -9 (no file name, no timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kib(n: float) -> str:
    return f"{n / KIB:.1f} KiB"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def own_assets() -> list[Path]:
    """The site's own scripts and styles (vendored code and Material excluded)."""
    files = sorted((DOCS / "assets" / "javascripts").glob("*.js"))
    files += sorted((DOCS / "assets" / "stylesheets").glob("*.css"))
    return [f for f in files if "vendor" not in f.relative_to(DOCS).parts]


def plain_settings() -> dict:
    """mkdocs.yml without what this site adds to Material."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with open(CONFIG, "rb") as fd:
        cfg = yaml_load(fd, get_yaml_loader())      # resolves !ENV like mkdocs does
    cfg["docs_dir"] = str(ROOT / cfg.get("docs_dir", "docs"))
    cfg["strict"] = False
    cfg.pop("watch", None)
    cfg.pop("extra_css", None)
    cfg.pop("extra_javascript", None)
    cfg.pop("hooks", None)                          # ours: they fill in the quizzes
    cfg.get("theme", {}).pop("custom_dir", None)
    plugins = []
    for p in cfg.get("plugins", []):
        name = next(iter(p)) if isinstance(p, dict) else p
        if name != "macros":
            plugins.append(p)
    cfg["plugins"] = plugins
    return cfg


def plain_config(dest: Path) -> Path:
    """plain_settings written to `dest`."""
    return write_config(dest / "plain-material.yml", plain_settings(),
                        "mkdocs.yml as plain Material (no macros or hooks, no extra CSS/JS, "
                        "no template override, not strict)")


def write_config(path: Path, cfg: dict, what: str) -> Path:
    import yaml

    path.write_text(f"# Generated by scripts/bench.py: {what}.\n"
                    + yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def same_content_config(dest: Path) -> Path:
    """plain_settings plus a macros module that writes the content as plain Markdown."""
    cfg = plain_settings()
    module = ROOT / "scripts" / "plain_content"       # an absolute path: macros joins it
    cfg["plugins"].append({"macros": {"module_name": str(module), "on_undefined": "strict",
                                      "on_error_fail": True}})
    return write_config(dest / "plain-same-content.yml", cfg,
                        "plain Material with the site's content as plain Markdown "
                        "(scripts/plain_content.py), the weight baseline")


def build(config: Path, dest: Path, strict: bool, env: dict) -> float:
    """One build in a fresh interpreter; returns its wall time in seconds."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        lines = [l for l in (proc.stderr + proc.stdout).splitlines() if "INFO" not in l]
        tail = "\n".join(lines[-25:])
        raise RuntimeError(f"build failed: {' '.join(cmd)}\n{tail}")
    return elapsed


# -- the gzip server (GitHub Pages-like) ------------------------------------------

GZIP_TYPES = ("text/", "application/javascript", "application/json",
              "application/xml", "image/svg+xml")


class GzipHandler(http.server.BaseHTTPRequestHandler):
    root: Path = Path(".")
    cache: dict = {}

    def log_message(self, *args) -> None:
        pass

    def _resolve(self) -> tuple[int, Path | None]:
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.root / rel).resolve()
        if self.root not in (target, *target.parents):
            return 404, self.root / "404.html"
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            return 200, target
        return 404, self.root / "404.html"

    def _send(self, body_too: bool) -> None:
        status, path = self._resolve()
        data = path.read_bytes() if path and path.is_file() else b"Not found"
        ctype = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")
        if ctype.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (str(path), path.stat().st_mtime_ns if path.is_file() else 0)
            if key not in self.cache:
                self.cache[key] = gzip.compress(data, compresslevel=6, mtime=0)
            data = self.cache[key]
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body_too:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._send(True)

    def do_HEAD(self) -> None:
        self._send(False)


# -- 1. build speed ---------------------------------------------------------------

def bench_builds(runs: int, work: Path, env: dict) -> dict:
    plain_cfg = plain_config(work)
    print(f"== Build speed: {runs} runs each, alternated, fresh subprocess per build")
    print(f"   ours : mkdocs build --strict -f {CONFIG.relative_to(ROOT)}")
    print(f"   plain: mkdocs build -f {plain_cfg} (no macros, no extra CSS/JS, no override)")
    ours, plain = [], []
    for i in range(1, runs + 1):
        for label, cfg, strict, times in (("ours", CONFIG, True, ours),
                                           ("plain", plain_cfg, False, plain)):
            dest = work / f"{label}-site"
            shutil.rmtree(dest, ignore_errors=True)
            t = build(cfg, dest, strict, env)
            times.append(t)
            print(f"   run {i}  {label:5} {t:6.2f} s")
    ratios = [o / p for o, p in zip(ours, plain)]
    result = {
        "ours": statistics.median(ours),
        "plain": statistics.median(plain),
        "ratio": statistics.median(ratios),
        "ours_site": work / "ours-site",
        "plain_site": work / "plain-site",
    }
    print(f"   median ours {result['ours']:.2f} s, plain {result['plain']:.2f} s, "
          f"ratio ours/plain {result['ratio']:.2f}x (per-run: "
          + ", ".join(f"{r:.2f}" for r in ratios) + ")")
    result["ok"] = result["ratio"] <= GOAL_BUILD_RATIO
    print(f"   goal <= {GOAL_BUILD_RATIO}x: {verdict(result['ok'])}\n")
    return result


# -- 2. weight ----------------------------------------------------------------------

def bench_assets(site: Path) -> dict:
    """Each page's own JS + CSS as shipped (built, minified): site.js and site.css,
    plus the feature files the loader adds for what the page holds (the same rule
    as tests/test_budget.py). The question bank is data and not counted."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_budget import page_assets
    finally:
        sys.path.remove(str(ROOT / "tests"))
    print("== Own JS + CSS per page, gzip -9 as shipped (vendored shim, Material and the bank excluded)")
    worst = 0
    for page in sorted(site.glob("*.html")):
        files = page_assets(page.read_text(encoding="utf-8"))
        total = sum(gzip_size((site / "assets" / f).read_bytes()) for f in files)
        worst = max(worst, total)
        names = ", ".join(f.split("/")[-1] for f in files)
        print(f"   {page.name:36} {total:7} B  ({names})")
    ok = worst <= GOAL_OWN_ASSETS
    print(f"   heaviest page {worst} B ({kib(worst)}); goal <= {kib(GOAL_OWN_ASSETS)}: {verdict(ok)}\n")
    return {"total": worst, "ok": ok}


def bench_pages(ours: Path, same: Path, bare: Path) -> dict:
    print("== Pages, gzip -9 of the built HTML, against plain Material with the same content")
    print(f"   (goal: ours <= same content + {GOAL_PAGE_EXTRA // KIB} KiB; 'no macros' is "
          "plain Material without the questions, tables, corrections and figures)")
    print(f"   {'page':34} {'ours raw':>9} {'ours gz':>8} {'same gz':>8} {'extra':>7}"
          f" {'no macros':>9} {'extra':>7}  goal")
    rows, worst = [], None

    def gz_of(site: Path, name: str) -> int:
        twin = site / name
        return gzip_size(twin.read_bytes()) if twin.is_file() else 0

    for page in sorted(ours.glob("*.html")):
        o_raw = page.read_bytes()
        o_gz = gzip_size(o_raw)
        s_gz, b_gz = gz_of(same, page.name), gz_of(bare, page.name)
        extra = o_gz - s_gz
        ok = extra <= GOAL_PAGE_EXTRA
        status = verdict(ok)
        rows.append((page.name, extra, ok))
        if worst is None or extra > worst[1]:
            worst = (page.name, extra)
        print(f"   {page.name:34} {len(o_raw):9} {o_gz:8} {s_gz:8} {extra:+7}"
              f" {b_gz:9} {o_gz - b_gz:+7}  {status}")
    ok = all(r[2] for r in rows)
    print(f"   worst page: {worst[0]} at {worst[1]:+} B ({kib(worst[1])}) over the same "
          f"content: {verdict(ok)}")
    bank = ours / EXAM_BANK
    data_page = None
    if bank.is_file():
        raw = bank.read_bytes()
        data_page = {"name": EXAM_BANK, "gz": gzip_size(raw), "raw": len(raw)}
        print(f"   {EXAM_BANK} (the question bank, loaded when an exam or review session starts): "
              f"{data_page['gz']} B gzip ({kib(data_page['gz'])}), {len(raw)} B raw")
    if (ours / BANK_INDEX).is_file():
        raw = (ours / BANK_INDEX).read_bytes()
        print(f"   {BANK_INDEX} (its lean index, loaded by progress.html and review.html): "
              f"{gzip_size(raw)} B gzip ({kib(gzip_size(raw))}), {len(raw)} B raw")
    print()
    return {"ok": ok, "worst": worst, "data_page": data_page, "pages": len(rows)}


# -- 3. Lighthouse ----------------------------------------------------------------

def lighthouse_cli() -> tuple[list[str] | None, str]:
    """The command that runs Lighthouse, or None and why not."""
    node, npx, npm = shutil.which("node"), shutil.which("npx"), shutil.which("npm")
    if not node or not npx:
        return None, "node/npx not found"
    if not Path(CHROME_PATH).exists():
        return None, f"Chromium not found at {CHROME_PATH} (set CHROME_PATH)"
    cli = LIGHTHOUSE_CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        if not npm:
            return None, "npm not found to install lighthouse"
        LIGHTHOUSE_CACHE.mkdir(parents=True, exist_ok=True)
        print(f"   installing lighthouse into {LIGHTHOUSE_CACHE} (npm, first use only)")
        proc = subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error",
             "--prefix", str(LIGHTHOUSE_CACHE), "lighthouse"],
            capture_output=True, text=True,
        )
        if proc.returncode != 0 or not cli.is_file():
            why = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
            return None, "npm install lighthouse failed: " + " | ".join(why)
    return [node, str(cli)], ""


def run_lighthouse(cli: list[str], url: str, out: Path) -> dict:
    cmd = cli + [
        url, "--output=json", f"--output-path={out}", "--quiet",
        "--only-categories=" + ",".join(CATEGORIES),
        f"--chrome-flags={CHROME_FLAGS}", "--no-enable-error-reporting",
    ]
    env = dict(os.environ, CHROME_PATH=CHROME_PATH)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True,
                          timeout=LIGHTHOUSE_TIMEOUT)
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError((proc.stderr or proc.stdout).strip()[-600:])
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"].get("message", "runtime error"))
    scores, misses = {}, {}
    for cat in CATEGORIES:
        c = report["categories"][cat]
        scores[cat] = None if c["score"] is None else round(c["score"] * 100)
        failing = []
        for ref in c["auditRefs"]:
            a = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 1:
                failing.append(f"{ref['id']} ({a['score']:.2f})")
        misses[cat] = failing
    return {"scores": scores, "misses": misses}


def median_run(got: list[dict]) -> dict:
    """Per category, the median score of the runs, with the misses of the median run."""
    scores, misses = {}, {}
    for cat in CATEGORIES:
        vals = [g["scores"][cat] for g in got if g["scores"][cat] is not None]
        scores[cat] = int(statistics.median_low(vals)) if vals else None
        at = next((g for g in got if g["scores"][cat] == scores[cat]), got[0])
        misses[cat] = at["misses"][cat]
    return {"scores": scores, "misses": misses}


def bench_lighthouse(site: Path, httpd, base: str, pages: list[str] | None,
                     work: Path, runs: int = 3) -> dict:
    print(f"== Lighthouse (mobile, {', '.join(CATEGORIES)}; goal {GOAL_LIGHTHOUSE}); "
          f"median of {runs} run(s) per page, as Lighthouse's docs advise for its variance")
    cli, why = lighthouse_cli()
    if cli is None:
        print(f"   skipped: {why}\n")
        return {"skipped": why}
    html = sorted(p.name for p in site.glob("*.html") if p.name != "404.html")
    if pages:
        wanted = [p if p.endswith(".html") else p + ".html" for p in pages]
        unknown = [w for w in wanted if w not in html]
        if unknown:
            print(f"   unknown pages ignored: {', '.join(unknown)}")
        html = [h for h in html if h in wanted]
    if not html:
        print("   skipped: no pages selected\n")
        return {"skipped": "no pages selected"}
    GzipHandler.root = site.resolve()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    results = {}
    try:
        pkg = Path(cli[1]).parents[1] / "package.json"
        version = json.loads(pkg.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        version = "?"
    try:
        print(f"   lighthouse {version}; served gzipped at {base} from {site}")
        print(f"   {'page':34} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES))
        for name in html:
            url = base + ("" if name == "index.html" else name)
            start = time.perf_counter()
            got = []
            try:
                for i in range(runs):
                    got.append(run_lighthouse(cli, url, work / f"lh-{name}-{i + 1}.json"))
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                print(f"   {name:34} error: {e}")
                results[name] = None
                continue
            r = median_run(got)
            results[name] = r
            cells = " ".join(f"{'-' if s is None else s:>13}" for s in r["scores"].values())
            each = "; ".join("/".join(str(v) for v in g["scores"].values()) for g in got)
            print(f"   {name:34} {cells}   ({time.perf_counter() - start:.0f} s; runs {each})")
            for cat, failing in r["misses"].items():
                if failing:
                    print(f"   {'':36}{cat}: " + ", ".join(failing[:6]))
    finally:
        httpd.shutdown()
        thread.join()
    ok_runs = [r for r in results.values() if r]
    minima = {}
    for cat in CATEGORIES:
        vals = [r["scores"][cat] for r in ok_runs if r["scores"][cat] is not None]
        minima[cat] = min(vals) if vals else None
    errors = [n for n, r in results.items() if r is None]
    ok = bool(ok_runs) and not errors and all(
        v is not None and v >= GOAL_LIGHTHOUSE for v in minima.values())
    print(f"   {'minimum':34} " + " ".join(f"{'-' if v is None else v:>13}" for v in minima.values())
          + f"   {verdict(ok)}")
    if errors:
        print(f"   errors on: {', '.join(errors)}")
    print("   (--keep keeps the JSON reports)\n")
    return {"minima": minima, "ok": ok, "pages": len(results), "errors": errors}


# -- main -------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="builds of each config (default 5)")
    ap.add_argument("--pages", help="Lighthouse only these pages (comma-separated, e.g. index,modeling)")
    ap.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    ap.add_argument("--lighthouse-runs", type=int, default=3,
                    help="Lighthouse runs per page; the median counts (default 3)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (sites, reports)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    pages = [p.strip() for p in args.pages.split(",") if p.strip()] if args.pages else None

    # Bind the loopback server first: the site is built for its address, so
    # canonical links, the sitemap and instant navigation all match it.
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GzipHandler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    # Builds cache their bytecode as Python does by default, so both sides run
    # compiled modules (Material's were compiled by pip). Some sandboxes set
    # PYTHONDONTWRITEBYTECODE, which would recompile macros/ on every build.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["SITE_URL"] = base          # for plain_config's !ENV

    work = Path(tempfile.mkdtemp(prefix="mls-bench-"))
    try:
        try:
            builds = bench_builds(args.runs, work, env)
        except RuntimeError as e:
            print(f"\n{e}\n\nBench stopped: the build must pass first.")
            httpd.server_close()
            return 1
        assets = bench_assets(builds["ours_site"])
        same_site = work / "same-content-site"
        try:
            build(same_content_config(work), same_site, False, env)
        except RuntimeError as e:
            print(f"\n{e}\n\nBench stopped: the same-content baseline must build.")
            httpd.server_close()
            return 1
        pages_w = bench_pages(builds["ours_site"], same_site, builds["plain_site"])
        if args.no_lighthouse:
            lh = {"skipped": "--no-lighthouse"}
            httpd.server_close()
        else:
            lh = bench_lighthouse(builds["ours_site"], httpd, base, pages, work,
                                  max(1, args.lighthouse_runs))
            httpd.server_close()

        print("=" * 72)
        print("SUMMARY")
        print(f"  build time   ours {builds['ours']:.2f} s / plain {builds['plain']:.2f} s"
              f" = {builds['ratio']:.2f}x (median of {args.runs})"
              f"   goal <= {GOAL_BUILD_RATIO}x   {verdict(builds['ok'])}")
        print(f"  own JS+CSS   {assets['total']} B gzip ({kib(assets['total'])})"
              f"   goal <= {kib(GOAL_OWN_ASSETS)}   {verdict(assets['ok'])}")
        w = pages_w["worst"]
        print(f"  page weight  worst extra over the same content in plain Material: "
              f"{w[0]} {w[1]:+} B ({kib(w[1])})"
              f" across {pages_w['pages']} pages   goal <= +{GOAL_PAGE_EXTRA // KIB} KiB"
              f"   {verdict(pages_w['ok'])}")
        if pages_w["data_page"]:
            d = pages_w["data_page"]
            print(f"  {EXAM_BANK}  {d['gz']} B gzip ({kib(d['gz'])}), reported apart")
        if "skipped" in lh:
            print(f"  Lighthouse   skipped ({lh['skipped']})")
        else:
            m = " ".join(f"{c} {'-' if v is None else v}" for c, v in lh["minima"].items())
            print(f"  Lighthouse   minimum over {lh['pages']} pages (median runs): {m}"
                  f"   goal {GOAL_LIGHTHOUSE}   {verdict(lh['ok'])}")
        print("=" * 72)
        return 0
    finally:
        if args.keep:
            print(f"(kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
