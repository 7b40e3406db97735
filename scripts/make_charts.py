#!/usr/bin/env python3
"""Draw the site's static figures (SVG) with matplotlib, deterministically.

    python scripts/make_charts.py            write docs/assets/charts/*.svg
    python scripts/make_charts.py --check    regenerate in a temp dir and compare
                                             byte for byte; exit 1 naming any file
                                             that differs, is missing or is extra
    python scripts/make_charts.py --out DIR  write the SVGs somewhere else
    python scripts/make_charts.py --png DIR  also write PNG previews (not committed)

Same bytes on every run: fixed RNG seed, fixed rcParams, a fixed
``svg.hashsalt`` per figure, no Date/Creator metadata, text kept as text
(``svg.fonttype: none``, no embedded glyphs), nothing rasterised.

Each figure is drawn twice, once per page palette: ``<name>.svg`` on white for
Material's light scheme and ``dark/<name>.svg`` on the slate scheme's background
for the dark one (the page shows one of them: ``#only-light`` / ``#only-dark``).
Colours are Okabe-Ito fills (colour-blind safe, the same in both); text and
data lines are at least 4.5:1 against their background (see ``contrast``), and
text placed on a coloured fill is black or white, whichever contrasts more.

Alt text and captions live in macros/data/charts.yml; the id of each figure
there is ``chart-<name>`` and its file ``assets/charts/<name>.svg``. Each SVG
also carries a short <title>.
"""
from __future__ import annotations

import argparse
import filecmp
import io
import re
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import BoundaryNorm, ListedColormap, to_hex  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "assets" / "charts"
SEED = 20240501

# -- Palette ------------------------------------------------------------------
# Okabe-Ito, for fills (areas, bars, wedges, markers with dark edges).
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
FILLS = [BLUE, ORANGE, GREEN, SKY, VERMILLION, PURPLE, YELLOW]

# Text and data lines: each at least 4.5:1 against white (tested). These names are
# the light palette; use_palette() swaps them for DARK's while the dark copy is drawn.
BG = "#FFFFFF"           # the page behind the figure, and the gaps between areas
TEXT = "#1A1A1A"
MUTED = "#555555"        # secondary text (notes, tick labels)
LINE_BLUE = BLUE         # 5.2:1
LINE_RED = "#B84A00"     # darkened vermillion, 5.2:1
LINE_GREEN = "#007A5A"   # darkened bluish green, 5.3:1
LINE_COLOURS = [TEXT, MUTED, LINE_BLUE, LINE_RED, LINE_GREEN]
GRID = "#DDDDDD"         # decorative only: never carries data

# Light tints for diagram boxes (dark text on them, dark borders).
TINT_SOURCE = "#FCEBC7"  # producers / sources (orange family)
TINT_SERVICE = "#DCEBF7"  # the Kinesis / Firehose service (blue family)
TINT_TARGET = "#D5EFE6"  # consumers / destinations (green family)
TINT_STAGE = "#FFFFFF"

# Material's slate scheme: the page is hsl(225, 15%, 14%) = #1E2129 (its default hue).
LIGHT = dict(BG=BG, TEXT=TEXT, MUTED=MUTED, LINE_BLUE=LINE_BLUE, LINE_RED=LINE_RED,
             LINE_GREEN=LINE_GREEN, GRID=GRID, TINT_SOURCE=TINT_SOURCE,
             TINT_SERVICE=TINT_SERVICE, TINT_TARGET=TINT_TARGET, TINT_STAGE=TINT_STAGE)
DARK = dict(BG="#1E2129", TEXT="#E6E6E6", MUTED="#B4B4B4", LINE_BLUE="#56B4E9",
            LINE_RED="#FF9650", LINE_GREEN="#3CCB9A", GRID="#3A3E4C",
            TINT_SOURCE="#4A3814", TINT_SERVICE="#1B3752", TINT_TARGET="#163D2F",
            TINT_STAGE="#1E2129")
PALETTES = {"light": LIGHT, "dark": DARK}


def _luminance(colour: str) -> float:
    h = to_hex(colour).lstrip("#")
    chans = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in chans]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str = "#FFFFFF") -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def line_colours(palette: dict) -> list[str]:
    """The colours a palette draws text and data lines in (each tested for contrast)."""
    return [palette[k] for k in ("TEXT", "MUTED", "LINE_BLUE", "LINE_RED", "LINE_GREEN")]


def text_on(fill: str) -> str:
    """Black or white text, whichever contrasts more with ``fill`` (at least 4.5:1)."""
    colour = "#000000" if contrast("#000000", fill) >= contrast("#FFFFFF", fill) else "#FFFFFF"
    if contrast(colour, fill) < 4.5:
        raise ValueError(f"no text colour reaches 4.5:1 on {fill}")
    return colour


def rc_for(palette: dict) -> dict:
    """Matplotlib settings for one palette (the same layout and fonts for both)."""
    bg, text, grid = palette["BG"], palette["TEXT"], palette["GRID"]
    return {
        "figure.facecolor": bg,
        "figure.edgecolor": bg,
        "savefig.facecolor": bg,
        "savefig.edgecolor": bg,
        "savefig.transparent": False,
        "savefig.bbox": None,
        "axes.facecolor": bg,
        "axes.edgecolor": text,
        "axes.labelcolor": text,
        "axes.titlecolor": text,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titlepad": 12,
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.axisbelow": True,
        "axes.grid": False,
        "axes.prop_cycle": matplotlib.cycler(color=FILLS),
        "grid.color": grid,
        "grid.linewidth": 0.8,
        "xtick.color": text,
        "ytick.color": text,
        "xtick.labelcolor": text,
        "ytick.labelcolor": text,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "legend.frameon": False,
        "legend.fontsize": 10,
        "legend.labelcolor": text,
        "text.color": text,
        "text.parse_math": False,   # "$" is a dollar sign, not mathtext
        "font.family": "sans-serif",
        # Layout is measured with DejaVu Sans (shipped with matplotlib); browsers
        # without it fall back to a narrower face, so text still fits.
        "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
        "font.size": 11,
        "lines.linewidth": 2.2,
        "patch.linewidth": 1.0,
        "svg.fonttype": "none",
        "svg.image_inline": True,
        "path.simplify": True,
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "image.cmap": "cividis",
        # Room around the figure, so the title never touches the top edge.
        "figure.constrained_layout.h_pad": 0.14,
        "figure.constrained_layout.w_pad": 0.1,
    }


RC = rc_for(LIGHT)

FIGSIZE = (6.4, 4.0)


@dataclass(frozen=True)
class Figure:
    name: str                     # file stem; the charts.yml id is "chart-<name>"
    title: str                    # the SVG <title>
    draw: Callable[[np.random.Generator], plt.Figure]


def _fig(size=FIGSIZE):
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    return fig, ax


def _note(ax, x, y, text, **kw):
    kw.setdefault("fontsize", 9.5)
    kw.setdefault("color", MUTED)
    ax.text(x, y, text, transform=ax.transAxes, **kw)


# -- Relationships ------------------------------------------------------------
def draw_scatter(rng):
    size = rng.uniform(45, 240, 40)
    price = 60 + 2.4 * size + rng.normal(0, 28, size.size)
    size = np.append(size, 95.0)             # one outlier: small, very expensive
    price = np.append(price, 640.0)
    fig, ax = _fig()
    ax.scatter(size[:-1], price[:-1], s=36, color=BLUE, edgecolor=TEXT, linewidth=0.6,
               label="house", zorder=3)
    ax.scatter(size[-1:], price[-1:], s=60, color=VERMILLION, edgecolor=TEXT,
               linewidth=0.8, marker="D", label="outlier", zorder=3)
    slope, intercept = np.polyfit(size[:-1], price[:-1], 1)
    xs = np.array([40, 250])
    ax.plot(xs, intercept + slope * xs, color=MUTED, linewidth=1.4, linestyle="--",
            label="trend (least squares)", zorder=2)
    ax.annotate("outlier: small house,\nvery high price", xy=(size[-1], price[-1]),
                xytext=(128, 650), fontsize=10, color=TEXT, va="center",
                arrowprops=dict(arrowstyle="-|>", color=TEXT, lw=1.1, shrinkB=6))
    ax.set(xlabel="House size (m²)", ylabel="Price ($ thousands)", xlim=(40, 250),
           ylim=(100, 720))
    ax.grid(True)
    ax.set_title("Scatter plot: house size vs price")
    ax.legend(loc="lower right")
    return fig


def draw_bubble(rng):
    names = list("ABCDEFGH")
    size = np.array([70, 85, 100, 120, 140, 160, 185, 210], dtype=float)
    price = 60 + 2.3 * size + rng.normal(0, 25, size.size)
    sales = np.array([310, 260, 220, 180, 120, 90, 60, 35], dtype=float)
    scale = 2.6                                  # marker area (pt²) per sale
    fig, ax = _fig()
    ax.scatter(size, price, s=sales * scale, color=SKY, alpha=0.75, edgecolor=BLUE,
               linewidth=1.2, zorder=3)
    for n, x, y, k in zip(names, size, price, sales):
        ax.annotate(n, (x, y), xytext=(0, np.sqrt(k * scale) / 2 + 2),
                    textcoords="offset points", ha="center", va="bottom", fontsize=10,
                    fontweight="bold", color=TEXT, zorder=4)
    for s in (50, 150, 300):
        ax.scatter([], [], s=s * scale, color=SKY, alpha=0.75, edgecolor=BLUE,
                   linewidth=1.2, label=f"{s} sales")
    ax.legend(title="Bubble area = sales per year", loc="upper left", labelspacing=1.6,
              borderpad=1.0, handletextpad=1.2, title_fontsize=10, alignment="left")
    ax.set(xlabel="Average house size (m²)", ylabel="Average price ($ thousands)",
           xlim=(40, 240), ylim=(120, 660))
    ax.grid(True)
    ax.set_title("Bubble plot: districts A–H by size, price and sales")
    return fig


# -- Comparisons --------------------------------------------------------------
def draw_bar(rng):
    classes = ["cat", "dog", "bird", "rabbit", "fish"]
    counts = np.array([1200, 1100, 450, 260, 150])
    fig, ax = _fig()
    bars = ax.bar(classes, counts, color=BLUE, edgecolor=TEXT, linewidth=0.8, width=0.62)
    ax.bar_label(bars, labels=[f"{c:,}" for c in counts], padding=3, fontsize=10,
                 color=TEXT)
    ax.set(xlabel="Class label", ylabel="Labelled images", ylim=(0, 1380))
    ax.yaxis.grid(True)
    ax.set_title("Bar chart: training images per class")
    _note(ax, 0.98, 0.9, "Imbalanced classes: fish has\n1/8 as many images as cat",
          ha="right", va="top", fontsize=10)
    return fig


def draw_line(rng):
    epochs = np.arange(1, 31)
    train = 0.25 + 0.95 * np.exp(-epochs / 6.5) + rng.normal(0, 0.008, epochs.size)
    val = (0.42 + 0.85 * np.exp(-epochs / 5.5) + 0.0045 * np.maximum(epochs - 10, 0) ** 1.5
           + rng.normal(0, 0.01, epochs.size))
    best = int(epochs[np.argmin(val)])
    fig, ax = _fig()
    ax.plot(epochs, train, color=LINE_BLUE, marker="o", markersize=3.5,
            label="training loss")
    ax.plot(epochs, val, color=LINE_RED, linestyle="--", marker="s", markersize=3.5,
            label="validation loss")
    ax.axvline(best, color=MUTED, linewidth=1.2, linestyle=":")
    ax.annotate(f"lowest validation loss (epoch {best}):\nstop training here", xy=(best, val.min()),
                xytext=(best + 1.5, 0.06), fontsize=10, color=TEXT, va="bottom",
                arrowprops=dict(arrowstyle="-|>", color=TEXT, lw=1.1, shrinkB=4))
    ax.text(25, val[24] + 0.09, "overfitting:\nvalidation loss rises", fontsize=10,
            color=LINE_RED, ha="center", va="bottom")
    ax.set(xlabel="Epoch", ylabel="Loss", xlim=(0, 31), ylim=(0, 1.4))
    ax.grid(True)
    ax.legend(loc="upper right", ncols=2)
    ax.set_title("Line chart: training and validation loss by epoch")
    return fig


# -- Distributions ------------------------------------------------------------
def draw_histogram(rng):
    amounts = rng.lognormal(mean=3.7, sigma=0.6, size=600)
    amounts = amounts[amounts < 300]
    bins = np.arange(0, 301, 20)
    fig, ax = _fig()
    counts, _, _ = ax.hist(amounts, bins=bins, color=SKY, edgecolor=TEXT, linewidth=0.8)
    med, mean = float(np.median(amounts)), float(np.mean(amounts))
    ax.axvline(med, color=LINE_BLUE, linewidth=2, label=f"median ${med:.0f}")
    ax.axvline(mean, color=LINE_RED, linewidth=2, linestyle="--", label=f"mean ${mean:.0f}")
    ax.set(xlabel="Transaction amount ($), bins of $20", ylabel="Number of transactions",
           xlim=(0, 300), xticks=bins[::2], ylim=(0, counts.max() * 1.15))
    ax.yaxis.grid(True)
    ax.legend(loc="upper right")
    _note(ax, 0.98, 0.72, "Right-skewed: a long tail of large\namounts pulls the mean "
          "above the median", ha="right", va="top", fontsize=10)
    ax.set_title("Histogram: transaction amounts")
    return fig


def draw_box(rng):
    groups = ["mobile", "tablet", "desktop"]
    data = [
        np.append(rng.normal(12, 3.5, 80), [31, 34, 37, 1]),
        np.append(rng.normal(17, 4, 60), [40]),
        np.append(rng.normal(22, 5, 80), [48, 52]),
    ]
    data = [np.clip(d, 0.5, None) for d in data]
    fig, ax = _fig()
    ax.boxplot(data, tick_labels=groups, widths=0.5, patch_artist=True,
               boxprops=dict(facecolor=SKY, edgecolor=TEXT, linewidth=1.2),
               medianprops=dict(color=text_on(SKY), linewidth=2.4),  # on the box
               whiskerprops=dict(color=TEXT, linewidth=1.2),
               capprops=dict(color=TEXT, linewidth=1.2),
               flierprops=dict(marker="o", markerfacecolor=VERMILLION,
                               markeredgecolor=TEXT, markersize=6))
    # Name the parts of the last box, in the free space to its right.
    d = data[2]
    q1, med, q3 = np.percentile(d, [25, 50, 75])
    iqr = q3 - q1
    top = d[d <= q3 + 1.5 * iqr].max()
    bottom = d[d >= q1 - 1.5 * iqr].min()
    arrow = dict(arrowstyle="-", color=MUTED, lw=0.9)
    labels = [  # (text, point on the box, label height)
        ("outliers: beyond\n1.5 × IQR from the box", (3.05, 52), 50),
        ("whisker: highest value\nwithin 1.5 × IQR", (3.13, top), 39),
        ("box: middle 50%\n(Q1 to Q3 = IQR)", (3.25, q3 - 0.5), 29.5),
        ("median", (3.25, med), 20.5),
        ("whisker: lowest value\nwithin 1.5 × IQR", (3.13, bottom), 9.5),
    ]
    for text, point, y in labels:
        ax.annotate(text, xy=point, xytext=(3.45, y), fontsize=9.5, color=TEXT, va="center",
                    arrowprops=arrow)
    ax.set(xlabel="Device", ylabel="Session length (minutes)", ylim=(0, 58), xlim=(0.5, 4.6))
    ax.spines["bottom"].set_bounds(0.5, 3.5)
    ax.yaxis.grid(True)
    ax.set_title("Box plot: session length by device")
    return fig


# -- Compositions -------------------------------------------------------------
def draw_pie(rng):
    labels = ["Web forms", "Mobile app", "Call centre", "Partners"]
    shares = np.array([45, 30, 15, 10])
    colours = [BLUE, ORANGE, GREEN, SKY]
    fig, ax = _fig((6.4, 4.0))
    wedges, _texts, autotexts = ax.pie(
        shares, labels=labels, colors=colours, startangle=90, counterclock=False,
        autopct="%d%%", pctdistance=0.7, labeldistance=1.1,
        wedgeprops=dict(edgecolor=BG, linewidth=2),
        textprops=dict(color=TEXT, fontsize=11))
    for w, t in zip(wedges, autotexts):
        t.set_color(text_on(to_hex(w.get_facecolor())))
        t.set_fontweight("bold")
    ax.set_aspect("equal")
    ax.set_title("Pie chart: training records by source", loc="center")
    return fig


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def draw_stacked_area(rng):
    x = np.arange(12)
    organic = 40 + 2.0 * x + rng.normal(0, 1.5, 12)
    paid = 25 + 6 * np.sin((x - 2) / 11 * np.pi) ** 2 + rng.normal(0, 1.2, 12)
    social = 10 + 1.6 * x + rng.normal(0, 1.0, 12)
    email = 12 + rng.normal(0, 1.0, 12) + np.where(x >= 10, 8, 0)
    series = [organic, paid, social, email]
    names = ["Organic search", "Paid ads", "Social", "Email"]
    colours = [BLUE, ORANGE, GREEN, SKY]
    fig, ax = _fig()
    ax.stackplot(x, *series, labels=names, colors=colours, edgecolor=BG, linewidth=1.0)
    ax.set(xticks=x, xlim=(0, 11), ylim=(0, 165), xlabel="Month",
           ylabel="Visits (thousands)")
    ax.set_xticklabels(MONTHS)
    ax.yaxis.grid(True)
    ax.set_axisbelow(False)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left", ncols=2)
    ax.set_title("Stacked area chart: website visits by source")
    return fig


def draw_stacked_column(rng):
    quarters = ["Q1", "Q2", "Q3", "Q4"]
    items = {
        "Laptops": np.array([120, 135, 150, 210]),
        "Phones": np.array([200, 190, 230, 320]),
        "Tablets": np.array([60, 70, 65, 110]),
    }
    colours = [BLUE, ORANGE, GREEN]
    fig, ax = _fig()
    bottom = np.zeros(4)
    for (name, vals), colour in zip(items.items(), colours):
        bars = ax.bar(quarters, vals, bottom=bottom, label=name, color=colour,
                      edgecolor=BG, linewidth=1.2, width=0.6)
        ax.bar_label(bars, label_type="center", fontsize=10, color=text_on(colour))
        bottom += vals
    for i, total in enumerate(bottom):
        ax.text(i, total + 8, f"{total:.0f}", ha="center", va="bottom", fontsize=10,
                fontweight="bold", color=TEXT)
    ax.set(ylabel="Items sold", xlabel="Quarter", ylim=(0, 740))
    ax.yaxis.grid(True)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left")
    ax.set_title("Stacked column chart: items sold per quarter")
    return fig


# -- Heatmaps -----------------------------------------------------------------
def draw_heatmap(rng):
    n = 300
    size = rng.normal(120, 35, n)
    bedrooms = 0.025 * size + rng.normal(0, 0.7, n)
    age = rng.normal(30, 12, n)
    distance = rng.normal(10, 4, n)
    price = 2.4 * size - 2.5 * age - 9 * distance + rng.normal(0, 60, n)
    names = ["size", "bedrooms", "age", "distance\nto centre", "price"]
    corr = np.round(np.corrcoef([size, bedrooms, age, distance, price]), 2)
    # Ten discrete steps from -1 to 1 (a vector colour bar, not 256 bands).
    cmap = ListedColormap(plt.get_cmap("RdBu_r")(np.linspace(0.05, 0.95, 10)))
    norm = BoundaryNorm(np.linspace(-1, 1, 11), cmap.N)
    fig, ax = plt.subplots(figsize=(6.4, 4.6), layout="constrained")
    mesh = ax.pcolormesh(corr, cmap=cmap, norm=norm, edgecolors=BG, linewidth=1.5)
    for i in range(len(names)):
        for j in range(len(names)):
            fill = to_hex(cmap(norm(corr[i, j])))
            ax.text(j + 0.5, i + 0.5, f"{corr[i, j]:.2f}", ha="center", va="center",
                    fontsize=10.5, color=text_on(fill))
    ticks = np.arange(len(names)) + 0.5
    ax.set_xticks(ticks, names)
    ax.set_yticks(ticks, names)
    ax.invert_yaxis()
    ax.set_aspect("equal")
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    cbar = fig.colorbar(mesh, ax=ax, ticks=np.linspace(-1, 1, 5), shrink=0.9)
    cbar.set_label("Correlation (−1 to 1)")
    cbar.outline.set_edgecolor(TEXT)
    ax.set_title("Heatmap: house feature correlations")
    return fig


def confusion_counts() -> dict[str, int]:
    """Spam filter, 200 test emails; positive class = spam."""
    return {"TP": 45, "FN": 5, "FP": 10, "TN": 140}


def draw_confusion_matrix(rng):
    c = confusion_counts()
    # Rows: actual class; columns: predicted class.
    cells = [[("TP", "True positive", "spam caught"), ("FN", "False negative", "spam got through")],
             [("FP", "False positive", "legit mail blocked"), ("TN", "True negative", "legit mail delivered")]]
    values = np.array([[c["TP"], c["FN"]], [c["FP"], c["TN"]]])
    cmap = ListedColormap(["#EAF2FA", "#B9D4EC", "#6FA8D6", "#2C6FA8"])
    norm = BoundaryNorm([0, 20, 60, 100, 201], cmap.N)
    fig, ax = plt.subplots(figsize=(6.0, 4.6), layout="constrained")
    ax.pcolormesh(values, cmap=cmap, norm=norm, edgecolors=BG, linewidth=3)
    for i in range(2):
        for j in range(2):
            abbr, name, meaning = cells[i][j]
            fill = to_hex(cmap(norm(values[i, j])))
            colour = text_on(fill)
            ax.text(j + 0.5, i + 0.3, f"{name} ({abbr})", ha="center", va="center",
                    fontsize=11, fontweight="bold", color=colour)
            ax.text(j + 0.5, i + 0.53, f"{values[i, j]}", ha="center", va="center",
                    fontsize=20, fontweight="bold", color=colour)
            ax.text(j + 0.5, i + 0.75, meaning, ha="center", va="center", fontsize=10,
                    color=colour)
    ax.set_xticks([0.5, 1.5], ["spam (positive)", "not spam (negative)"])
    ax.set_yticks([0.5, 1.5], ["spam\n(positive)", "not spam\n(negative)"])
    ax.xaxis.set_label_position("top")
    ax.xaxis.tick_top()
    ax.set_xlabel("Predicted class", fontweight="bold", labelpad=8)
    ax.set_ylabel("Actual class", fontweight="bold", labelpad=8)
    ax.invert_yaxis()
    ax.tick_params(length=0)
    for side in ax.spines:
        ax.spines[side].set_visible(False)
    # Over the whole figure: the matrix alone is narrower than its title.
    fig.suptitle("Confusion matrix: spam filter on 200 test emails", x=0.02, ha="left",
                 fontsize=13, fontweight="bold")
    return fig


# -- Diagrams -----------------------------------------------------------------
# Drawn on a 100-unit-wide canvas with square units, at the charts' width, so
# the smallest text (9 pt) is about 12 px when the figure is shown 600 px wide.
def _canvas(height_in: float):
    width_in = FIGSIZE[0]
    fig = plt.figure(figsize=(width_in, height_in))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100 * height_in / width_in)
    ax.set_axis_off()
    return fig, ax


def _box(ax, x, y, w, h, title, sub=None, *, fc=None, ec=None, size=10,
         lw=1.2, radius=1.2, dashed=False):
    fc, ec = TINT_STAGE if fc is None else fc, TEXT if ec is None else ec
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle=f"round,pad=0,rounding_size={radius}",
                                facecolor=fc, edgecolor=ec, linewidth=lw,
                                linestyle=(0, (4, 2)) if dashed else "solid"))
    cx, cy = x + w / 2, y + h / 2
    if sub:
        n_title = title.count("\n") + 1
        n_sub = sub.count("\n") + 1
        # Centre the block of title + sub lines in the box.
        line = 1.75 * size / 10                   # canvas units per line, roughly
        block = n_title * line * 1.1 + n_sub * line * 0.95 + 0.6
        top = cy + block / 2
        ax.text(cx, top, title, ha="center", va="top", fontsize=size, fontweight="bold",
                color=TEXT, linespacing=1.1)
        ax.text(cx, top - n_title * line * 1.1 - 0.9, sub, ha="center", va="top",
                fontsize=9, color=TEXT, linespacing=1.15)
    else:
        ax.text(cx, cy, title, ha="center", va="center", fontsize=size, fontweight="bold",
                color=TEXT, linespacing=1.1)


def _arrow(ax, a, b, *, colour=None, lw=1.3):
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=11,
                                 color=TEXT if colour is None else colour,
                                 linewidth=lw, shrinkA=0, shrinkB=0))


def _heading(ax, x, y, text):
    ax.text(x, y, text, ha="center", va="center", fontsize=11, fontweight="bold", color=TEXT)


def draw_kds_flow(rng):
    fig, ax = _canvas(4.4)                      # canvas 100 x 68.75 units
    # Producers
    _heading(ax, 11, 65, "Producers")
    producers = [("AWS SDK", "PutRecord /\nPutRecords"),
                 ("KPL", "Kinesis Producer\nLibrary"),
                 ("Kinesis Agent", "tails log files\n(Java, Linux)")]
    pys = [46, 32, 18]
    for (t, sub), y in zip(producers, pys):
        _box(ax, 0.5, y, 21, 11, t, sub, fc=TINT_SOURCE)
    # The stream and its shards
    sx, sy, sw, sh = 26.5, 13, 45, 49
    _box(ax, sx, sy, sw, sh, "", fc=TINT_SERVICE, ec=BLUE, lw=1.8, radius=2)
    ax.text(sx + sw / 2, sy + sh - 2, "Kinesis Data Streams", ha="center", va="top",
            fontsize=11.5, fontweight="bold", color=TEXT)
    ax.text(sx + sw / 2, sy + sh - 7.2, "partition key (hashed) picks the shard",
            ha="center", va="top", fontsize=9, color=TEXT)
    lanes = [(41, ("101", "102", "103", "104")), (32, ("201", "202", "203")),
             (23, ("301", "302", "303", "304"))]
    for i, (ly, seqs) in enumerate(lanes, start=1):
        ax.add_patch(Rectangle((sx + 2, ly), sw - 4, 7, facecolor=BG,
                               edgecolor=BLUE, linewidth=1.2))
        ax.text(sx + 3.3, ly + 3.5, f"Shard {i}", ha="left", va="center", fontsize=9.5,
                fontweight="bold", color=TEXT)
        for k, seq in enumerate(seqs):
            rx = sx + 15.5 + k * 6.8
            ax.add_patch(Rectangle((rx, ly + 1.3), 5.8, 4.4, facecolor=SKY,
                                   edgecolor=TEXT, linewidth=0.8))
            ax.text(rx + 2.9, ly + 3.5, seq, ha="center", va="center", fontsize=9,
                    color=text_on(SKY))
    ax.text(sx + sw / 2, sy + 6.6, "records in order, by sequence number;",
            ha="center", va="center", fontsize=9, color=TEXT)
    ax.text(sx + sw / 2, sy + 3.2, "kept 24 h by default, up to 365 days",
            ha="center", va="center", fontsize=9, color=TEXT)
    # Consumers
    _heading(ax, 88, 65, "Consumers")
    consumers = [("AWS Lambda", None), ("KCL app", "on EC2, ECS, …"),
                 ("Amazon Data\nFirehose", None), ("Managed Service\nfor Apache Flink", None)]
    cys = [51, 39.5, 28, 16.5]
    for (t, sub), y in zip(consumers, cys):
        _box(ax, 76.5, y, 23, 9, t, sub, fc=TINT_TARGET, size=9.5)
    mid = sy + sh / 2 - 2
    for y in pys:
        _arrow(ax, (21.5, y + 5.5), (sx, mid + (y + 5.5 - 37.5) * 0.35))
    for y in cys:
        _arrow(ax, (sx + sw, mid + (y + 4.5 - 38) * 0.35), (76.5, y + 4.5))
    # Limits
    ax.text(50, 7.5, "Per shard: write 1 MB/s or 1,000 records/s. Read 2 MB/s shared",
            ha="center", va="center", fontsize=9.5, color=TEXT)
    ax.text(50, 3.3, "by all consumers, or 2 MB/s each with enhanced fan-out.",
            ha="center", va="center", fontsize=9.5, color=TEXT)
    return fig


def draw_firehose_flow(rng):
    fig, ax = _canvas(5.2)                      # canvas 100 x 81.25 units
    # Sources
    _heading(ax, 10.5, 77, "Sources")
    _box(ax, 0.5, 52, 20, 21, "Direct PUT", "SDK apps,\nKinesis Agent,\nCloudWatch\nLogs, AWS IoT …",
         fc=TINT_SOURCE)
    _box(ax, 0.5, 38, 20, 10, "Kinesis Data\nStreams", fc=TINT_SOURCE)
    _box(ax, 0.5, 26, 20, 8, "Amazon MSK", fc=TINT_SOURCE)
    # Firehose and its stages (dashed = optional)
    fx, fy, fw, fh = 25.5, 11, 33, 64
    _box(ax, fx, fy, fw, fh, "", fc=TINT_SERVICE, ec=BLUE, lw=1.8, radius=2)
    ax.text(fx + fw / 2, fy + fh - 2.2, "Amazon Data Firehose", ha="center", va="top",
            fontsize=11, fontweight="bold", color=TEXT)
    stx, stw = fx + 2, fw - 4
    _box(ax, stx, 56, stw, 11, "Transform", "optional:\nAWS Lambda function", ec=BLUE,
         size=9.5, dashed=True)
    _box(ax, stx, 35, stw, 16, "Convert format", "optional: JSON to\nParquet or ORC,\n"
         "schema in AWS Glue;\nS3 destination only", ec=BLUE, size=9.5, dashed=True)
    _box(ax, stx, 14, stw, 16, "Buffer", "until a size (MiB)\nor interval (0–900 s)\n"
         "is reached; optional\ncompression", ec=BLUE, size=9.5)
    cx = fx + fw / 2
    _arrow(ax, (cx, 56), (cx, 51))
    _arrow(ax, (cx, 35), (cx, 30))
    for y in (62.5, 43, 30):
        _arrow(ax, (20.5, y), (stx, 61.5 + (y - 50) * 0.12))
    # Destinations
    _heading(ax, 81.5, 77, "Destinations")
    dx, dw = 63.5, 36
    out = (stx + stw, 22)
    dests = [(65, 8, "Amazon S3"), (39.5, 9.5, "Amazon OpenSearch\nService"),
             (30, 7, "Splunk"), (16, 11, "HTTP endpoint")]
    for y, h, t in dests:
        if t == "HTTP endpoint":
            _box(ax, dx, y, dw, h, t, "incl. partners, e.g.\nDatadog, New Relic",
                 fc=TINT_TARGET, size=9.5)
        else:
            _box(ax, dx, y, dw, h, t, fc=TINT_TARGET, size=9.5)
        _arrow(ax, out, (dx, y + h / 2))
    # Redshift: Firehose writes to an S3 bucket, then runs COPY into Redshift.
    ry, rh = 52.5, 9
    _box(ax, dx, ry, 13, rh, "S3", "bucket", fc=TINT_TARGET, size=9.5)
    _box(ax, dx + 20, ry, 16, rh, "Amazon\nRedshift", fc=TINT_TARGET, size=9.5)
    _arrow(ax, (dx + 13, ry + rh / 2), (dx + 20, ry + rh / 2))
    ax.text(dx + 16.5, ry + rh / 2 + 0.8, "COPY", ha="center", va="bottom", fontsize=9,
            fontweight="bold", color=TEXT)
    _arrow(ax, out, (dx, ry + rh / 2))
    ax.text(dx + dw / 2, 10.5, "also Snowflake and", ha="center", va="center", fontsize=9,
            color=TEXT)
    ax.text(dx + dw / 2, 7, "Apache Iceberg Tables", ha="center", va="center", fontsize=9,
            color=TEXT)
    ax.text(fx + fw / 2, 6.5, "dashed = optional step", ha="center", va="center",
            fontsize=9, color=TEXT)
    ax.text(50, 2.2, "Near real time: data is delivered when the buffer size or interval is "
            "reached.", ha="center", va="center", fontsize=9, color=TEXT)
    return fig


FIGURES: list[Figure] = [
    Figure("scatter", "Scatter plot: house size against price", draw_scatter),
    Figure("bubble", "Bubble plot: district house size, price and sales", draw_bubble),
    Figure("bar", "Bar chart: labelled training images per class", draw_bar),
    Figure("line", "Line chart: training and validation loss by epoch", draw_line),
    Figure("histogram", "Histogram: transaction amounts in $20 bins", draw_histogram),
    Figure("box", "Box plot: session length by device, with outliers", draw_box),
    Figure("pie", "Pie chart: share of training records by source", draw_pie),
    Figure("stacked-area", "Stacked area chart: website visits by source over 12 months",
           draw_stacked_area),
    Figure("stacked-column", "Stacked column chart: items sold per quarter",
           draw_stacked_column),
    Figure("heatmap", "Heatmap: correlation matrix of house features", draw_heatmap),
    Figure("confusion-matrix", "Confusion matrix: spam filter, actual against predicted",
           draw_confusion_matrix),
    Figure("kds-flow", "Diagram: producers to Kinesis Data Streams shards to consumers",
           draw_kds_flow),
    Figure("firehose-flow", "Diagram: sources to Amazon Data Firehose to destinations",
           draw_firehose_flow),
]


# -- Output -------------------------------------------------------------------
_SVG_OPEN = re.compile(r"(<svg\b[^>]*>)")
DARK_DIR = "dark"   # dark/<name>.svg next to <name>.svg


@contextmanager
def use_palette(name: str):
    """Draw with one palette: the module's colour names (BG, TEXT, ...) and the
    matplotlib settings take its values until the block ends."""
    palette, saved = PALETTES[name], {k: globals()[k] for k in LIGHT}
    globals().update(palette)
    try:
        with plt.rc_context(rc_for(palette)):
            yield palette
    finally:
        globals().update(saved)


def render_svg(figure: Figure, palette: str = "light") -> bytes:
    """One figure as SVG bytes in one palette; the same bytes on every run."""
    rng = np.random.default_rng([SEED, sum(figure.name.encode())])
    with use_palette(palette) as colours, plt.rc_context(
            {"svg.hashsalt": f"mls-c01-{figure.name}"}):
        fig = figure.draw(rng)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", facecolor=colours["BG"],
                    metadata={"Date": None, "Creator": None, "Title": figure.title})
        plt.close(fig)
    text = buf.getvalue()
    if "<title>" not in text:    # older matplotlib writes no <title> from metadata
        text = _SVG_OPEN.sub(lambda m: m.group(1) + f"\n <title>{escape(figure.title)}</title>",
                             text, count=1)
    return text.encode("utf-8")


def render_png(figure: Figure, path: Path, width_px: int = 600, palette: str = "light") -> None:
    """A PNG preview at about ``width_px`` wide (for looking, never committed)."""
    rng = np.random.default_rng([SEED, sum(figure.name.encode())])
    with use_palette(palette) as colours:
        fig = figure.draw(rng)
        dpi = width_px / fig.get_figwidth()
        fig.savefig(path, format="png", dpi=dpi, facecolor=colours["BG"])
        plt.close(fig)


def outputs(out_dir: Path) -> list[tuple[Figure, str, Path]]:
    """Every file the script writes: (figure, palette, path), light then dark."""
    return [(f, palette, out_dir / (f"{f.name}.svg" if palette == "light"
                                    else f"{DARK_DIR}/{f.name}.svg"))
            for palette in PALETTES for f in FIGURES]


def write_all(out_dir: Path) -> list[Path]:
    (out_dir / DARK_DIR).mkdir(parents=True, exist_ok=True)
    written = []
    for figure, palette, path in outputs(out_dir):
        path.write_bytes(render_svg(figure, palette))
        written.append(path)
    return written


def check(committed: Path = OUT_DIR) -> list[str]:
    """Problems (one line each) between fresh output and the committed files."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        write_all(fresh)
        expected = {p.relative_to(fresh).as_posix() for p in fresh.glob("**/*.svg")}
        for name in sorted(expected):
            target = committed / name
            if not target.exists():
                problems.append(f"missing: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
            elif not filecmp.cmp(fresh / name, target, shallow=False):
                problems.append(f"differs: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        for extra in sorted(p.relative_to(committed).as_posix()
                            for p in committed.glob("**/*.svg")):
            if extra not in expected:
                problems.append(f"not generated by this script: {committed / extra}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare fresh output with the committed SVGs; exit 1 if any differ")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    parser.add_argument("--png", type=Path, help="also write ~600 px PNG previews here")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.out)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            print("Charts are out of date: run `python scripts/make_charts.py`.",
                  file=sys.stderr)
            return 1
        print(f"charts up to date ({len(outputs(args.out))} files)")
        return 0
    for path in write_all(args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    if args.png:
        args.png.mkdir(parents=True, exist_ok=True)
        for figure in FIGURES:
            for palette in PALETTES:
                render_png(figure, args.png / f"{figure.name}-{palette}.png", palette=palette)
    return 0


if __name__ == "__main__":
    sys.exit(main())
