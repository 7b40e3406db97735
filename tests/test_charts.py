"""The static figures: scripts/make_charts.py, docs/assets/charts/, macros/data/charts.yml.

The generator must be deterministic (same bytes every run), the committed SVGs
must be what it makes, and every figure must be described, legible on a white
background and small.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "make_charts.py"
CHARTS_DIR = ROOT / "docs" / "assets" / "charts"
CHARTS_YML = ROOT / "macros" / "data" / "charts.yml"
SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 40 * 1024


def _load_script():
    spec = importlib.util.spec_from_file_location("make_charts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_charts"] = module
    spec.loader.exec_module(module)
    return module


mc = _load_script()
NAMES = [f.name for f in mc.FIGURES]
SVGS = sorted(CHARTS_DIR.glob("*.svg"))


def _run(*args: str, hashseed: str = "0") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    data = yaml.safe_load(CHARTS_YML.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, "charts.yml must be a non-empty list"
    return data


# -- Generator ------------------------------------------------------------------
def test_generator_is_deterministic_and_the_committed_charts_are_up_to_date(tmp_path):
    """A fresh run, with a hash seed of its own, draws the committed files byte for byte:
    the drawing does not depend on the run, and nobody forgot `make charts`."""
    out = tmp_path / "charts"
    result = _run("--out", str(out), hashseed="2")
    assert result.returncode == 0, result.stderr
    drawn = sorted(str(p.relative_to(out)) for p in out.rglob("*.svg"))
    assert sorted(p.name for p in out.glob("*.svg")) == sorted(f"{n}.svg" for n in NAMES)
    assert drawn == sorted(str(p.relative_to(CHARTS_DIR)) for p in CHARTS_DIR.rglob("*.svg"))
    differ = [n for n in drawn if (out / n).read_bytes() != (CHARTS_DIR / n).read_bytes()]
    assert not differ, f"not byte-identical across hash seeds: {differ}"


def test_check_names_changed_missing_and_extra_files(tmp_path):
    copy = tmp_path / "charts"
    shutil.copytree(CHARTS_DIR, copy)
    (copy / "bar.svg").write_bytes((copy / "bar.svg").read_bytes() + b"\n")
    (copy / "pie.svg").unlink()
    (copy / "stray.svg").write_text("<svg/>")
    result = _run("--check", "--out", str(copy))
    assert result.returncode == 1
    assert "differs:" in result.stderr and "bar.svg" in result.stderr
    assert "missing:" in result.stderr and "pie.svg" in result.stderr
    assert "stray.svg" in result.stderr


def test_required_figures_exist():
    wanted = {"scatter", "bubble", "bar", "line", "histogram", "box", "pie", "stacked-area",
              "stacked-column", "heatmap", "confusion-matrix", "kds-flow", "firehose-flow"}
    assert wanted <= set(NAMES)
    assert {p.stem for p in SVGS} == set(NAMES)


def test_palette_contrast():
    for colour in mc.LINE_COLOURS:
        assert mc.contrast(colour) >= 4.5, colour
    for fill in mc.FILLS:
        assert mc.contrast(mc.text_on(fill), fill) >= 4.5, fill


# -- charts.yml -------------------------------------------------------------------
def test_every_figure_has_one_entry(entries):
    ids = [e.get("id") for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids in charts.yml"
    assert sorted(ids) == sorted(f"chart-{n}" for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_entry_is_complete(entries, name):
    entry = next(e for e in entries if e.get("id") == f"chart-{name}")
    assert entry["file"] == f"assets/charts/{name}.svg"
    assert (ROOT / "docs" / entry["file"]).is_file()
    alt = entry.get("alt", "")
    assert isinstance(alt, str) and len(alt.strip()) >= 30, "alt text too short"
    assert not alt.lower().startswith(("image of", "picture of", "chart")), alt[:30]
    caption = entry.get("caption", "")
    assert isinstance(caption, str) and caption.strip().endswith("."), "caption: one sentence"
    assert caption.count(". ") == 0, "caption: one sentence"
    for url in entry.get("sources", []):
        assert url.startswith("https://docs.aws.amazon.com/"), url


def test_confusion_matrix_formulas_are_right(entries):
    entry = next(e for e in entries if e["id"] == "chart-confusion-matrix")
    formulas = {f["name"]: f for f in entry["formulas"]}
    assert formulas["Precision"]["formula"] == "TP / (TP + FP)"
    assert formulas["Recall"]["formula"] == "TP / (TP + FN)"
    c = mc.confusion_counts()
    precision = c["TP"] / (c["TP"] + c["FP"])
    recall = c["TP"] / (c["TP"] + c["FN"])
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = (c["TP"] + c["TN"]) / sum(c.values())
    for name, value in (("Precision", precision), ("Recall", recall), ("F1 score", f1),
                        ("Accuracy", accuracy)):
        shown = float(formulas[name]["example"].rsplit("=", 1)[1])
        assert abs(shown - value) <= 0.005 + 1e-9, (name, shown, value)
    alt = entry["alt"]
    for key, words in (("TP", "true positives"), ("FN", "false negatives"),
                       ("FP", "false positives"), ("TN", "true negatives")):
        assert f"{c[key]} {words}" in alt, f"alt text should say '{c[key]} {words}'"


# -- The SVG files ----------------------------------------------------------------
def _styles(root: ET.Element, tag: str):
    for el in root.iter(f"{SVG_NS}{tag}"):
        yield el, el.get("style", "")


def _fill(style: str, default: str = "#000000") -> str:
    m = re.search(r"(?:^|;)\s*fill:\s*(#[0-9a-fA-F]{6})", style)
    return m.group(1) if m else default


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.name)
def test_svg_is_valid_small_and_described(path):
    raw = path.read_bytes()
    assert 0 < len(raw) < MAX_BYTES, f"{path.name} is {len(raw):,} bytes"
    root = ET.fromstring(raw)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox"), "needs a viewBox so it scales"
    title = root.find(f"{SVG_NS}title")
    assert title is not None and (title.text or "").strip(), "needs a <title>"
    text = raw.decode("utf-8")
    assert "<image" not in text, "no raster images"
    assert "@font-face" not in text and "<font" not in text, "no embedded fonts"
    assert len(list(root.iter(f"{SVG_NS}text"))) > 3, "text must stay text"
    for stamp in ("<dc:date>", "Matplotlib v"):
        assert stamp not in text, f"unstable metadata: {stamp}"


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.name)
def test_svg_has_opaque_white_background(path):
    root = ET.fromstring(path.read_bytes())
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    figure = next(g for g in root.iter(f"{SVG_NS}g") if g.get("id") == "figure_1")
    background = figure.find(f"{SVG_NS}g/{SVG_NS}path")
    assert background is not None
    assert _fill(background.get("style", ""), "") == "#ffffff"
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", background.get("d"))]
    xs, ys = numbers[0::2], numbers[1::2]
    assert min(xs) <= 0 and max(xs) >= width and min(ys) <= 0 and max(ys) >= height


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.name)
def test_svg_text_and_lines_have_contrast(path):
    root = ET.fromstring(path.read_bytes())
    for el, style in _styles(root, "text"):
        colour = _fill(style)
        # White text only ever sits on a dark fill, chosen by text_on() (>= 4.5:1 there).
        assert colour.lower() == "#ffffff" or mc.contrast(colour) >= 4.5, (
            f"text {''.join(el.itertext())!r} in {colour} is too light on white")
    for _, style in _styles(root, "path"):
        if re.search(r"(?:^|;)\s*fill:\s*none", style):
            m = re.search(r"stroke:\s*(#[0-9a-fA-F]{6})", style)
            if m and m.group(1).lower() not in {mc.GRID.lower(), "#ffffff"}:
                assert mc.contrast(m.group(1)) >= 4.5, f"line in {m.group(1)} too light"


# -- Both palettes: dark/<name>.svg for Material's slate scheme ------------------------
DARK_SVGS = sorted((CHARTS_DIR / mc.DARK_DIR).glob("*.svg"))


def test_every_figure_is_drawn_for_both_palettes():
    assert {p.stem for p in DARK_SVGS} == set(NAMES)
    assert mc.DARK["BG"].lower() == "#1e2129", "the slate scheme's page colour"
    for colour in mc.line_colours(mc.DARK):
        assert mc.contrast(colour, mc.DARK["BG"]) >= 4.5, colour
    assert set(mc.DARK) == set(mc.LIGHT)


def test_drawing_one_palette_leaves_the_other_untouched():
    figure = next(f for f in mc.FIGURES if f.name == "line")
    light = mc.render_svg(figure)
    dark = mc.render_svg(figure, "dark")
    assert mc.render_svg(figure) == light and mc.TEXT == mc.LIGHT["TEXT"]
    assert b"#1e2129" in dark.lower() and b"#1e2129" not in light.lower()


@pytest.mark.parametrize("path", DARK_SVGS, ids=lambda p: p.name)
def test_dark_svg_has_the_slate_background_and_contrast(path):
    root = ET.fromstring(path.read_bytes())
    bg = mc.DARK["BG"].lower()
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    figure = next(g for g in root.iter(f"{SVG_NS}g") if g.get("id") == "figure_1")
    background = figure.find(f"{SVG_NS}g/{SVG_NS}path")
    assert _fill(background.get("style", ""), "").lower() == bg
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", background.get("d"))]
    assert min(numbers[0::2]) <= 0 and max(numbers[0::2]) >= width
    assert min(numbers[1::2]) <= 0 and max(numbers[1::2]) >= height
    for el, style in _styles(root, "text"):
        colour = _fill(style).lower()
        # Black text only ever sits on a light fill, chosen by text_on() (>= 4.5:1 there).
        assert colour == "#000000" or mc.contrast(colour, bg) >= 4.5, (
            f"text {''.join(el.itertext())!r} in {colour} is too dark on the slate page")
    for _, style in _styles(root, "path"):
        if re.search(r"(?:^|;)\s*fill:\s*none", style):
            m = re.search(r"stroke:\s*(#[0-9a-fA-F]{6})", style)
            # (black lines, like text, only sit on a light fill: the box plot's median)
            if m and m.group(1).lower() not in {mc.DARK["GRID"].lower(), bg, "#000000"}:
                assert mc.contrast(m.group(1), bg) >= 4.5, f"line in {m.group(1)} too dark"


@pytest.mark.parametrize("path", SVGS + DARK_SVGS, ids=lambda p: p.parent.name + "/" + p.name)
def test_titles_have_room_above_and_start_inside(path):
    """The bold 13 px title (charts; diagrams have none) keeps clear of the edges."""
    root = ET.fromstring(path.read_bytes())
    titles = [el for el, style in _styles(root, "text")
              if "font-size: 13px" in style and "font-weight: 700" in style]
    for el in titles:
        assert float(el.get("y")) - 13 >= 6, f"title {el.text!r} touches the top edge"
        assert float(el.get("x")) >= 6, f"title {el.text!r} touches the left edge"
