#!/usr/bin/env python3
"""Draws the charts of docs/benchmarks.md (SVG) from the recorded figures in figures.jsonl.

    python3 docs/benchmarks/charts.py          writes docs/benchmarks/*.svg
    python3 docs/benchmarks/charts.py --check  exit 1 when a committed chart differs from the data,
                                               a chart is missing, or benchmarks.md does not show it

Adding a run is one appended line in figures.jsonl (JSON Lines, '#' starts a comment line: bench,
date, label, load, command, and the bench's --json output as result), then running this script.
Python 3 standard library only; the output depends on nothing but figures.jsonl, so --check is
exact.
"""
import json
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
FIGURES = HERE / "figures.jsonl"
DOCUMENT = HERE.parent / "benchmarks.md"

WIDTH = 760
FONT = "DejaVu Sans, Verdana, sans-serif"
INK = "#222222"
MUTED = "#6b6b6b"
GRID = "#e3e3e3"
GOAL = "#c0392b"
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#9c755f", "#76b7b2"]


class FiguresError(Exception):
    """figures.jsonl does not hold what a chart needs; the message names the figure and the key."""


def text_width(s, size):
    # Close enough for DejaVu Sans/Verdana at this size: wide CJK glyphs count double.
    return sum(size * (1.0 if ord(c) > 0x2E80 else 0.58) for c in s)


def fmt(v):
    if v >= 100:
        return f"{v:,.0f}"
    if v == int(v):
        return str(int(v))
    return f"{v:.1f}" if v >= 1 else f"{v:.2f}"


def nice_step(span, ticks=5):
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


class Svg:
    def __init__(self):
        self.parts = []

    def rect(self, x, y, w, h, fill, tip=None):
        inner = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}">{inner}</rect>'
            if inner
            else f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}"/>'
        )

    def line(self, x1, y1, x2, y2, stroke, width=1, dash=None):
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" stroke-width="{width}"{d}/>'
        )

    def text(self, x, y, s, size=12, anchor="start", fill=INK, bold=False, halo=False):
        weight = ' font-weight="bold"' if bold else ""
        # A white outline under value labels keeps them readable across grid and goal lines.
        outline = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' if halo else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}{outline}>'
            f"{escape(s)}</text>"
        )

    def render(self, height):
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" font-family="{FONT}">\n'
            f'<rect x="0" y="0" width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>\n'
        )
        return head + "\n".join(self.parts) + "\n</svg>\n"


def bar_chart(title, note, rows, series, unit, goal=None, stacked=False):
    """Horizontal bars: one group per row (label, sublabel, {series key: value}); grouped or stacked."""
    svg = Svg()
    label_size, sub_size = 12, 10
    label_w = min(
        300, 12 + max(max(text_width(r[0], label_size), text_width(r[1], sub_size)) for r in rows)
    )
    left, right = label_w + 8, WIDTH - 70
    top = 34 + (16 if note else 0) + 22
    bar_h = 16 if stacked else 11
    present = [k for k, _, _ in series if any(r[2].get(k) is not None for r in rows)]
    shown = [s for s in series if s[0] in present]
    per_row = 1 if stacked else len(shown)
    row_h = max(30, per_row * (bar_h + 2) + 12)
    totals = [sum(v for k, v in r[2].items() if v is not None and k in present) if stacked
              else max([v for v in r[2].values() if v is not None] or [0]) for r in rows]
    top_value = max(totals + ([goal[0]] if goal else []))
    step = nice_step(top_value * 1.05)
    axis_max = step * math.ceil(top_value * 1.05 / step)
    scale = (right - left) / axis_max
    height = top + row_h * len(rows) + 38

    svg.text(12, 22, title, size=15, bold=True)
    if note:
        svg.text(12, 40, note, size=11, fill=MUTED)
    # legend
    x = 12
    legend_y = top - 12
    for key, name, color in shown:
        svg.rect(x, legend_y - 9, 10, 10, color)
        svg.text(x + 14, legend_y, name, size=11)
        x += 14 + text_width(name, 11) + 16
    if goal:
        svg.line(x, legend_y - 4, x + 16, legend_y - 4, GOAL, 2, "5,3")
        svg.text(x + 20, legend_y, goal[1], size=11, fill=GOAL)
    # row shading, then grid and axis
    bottom = top + row_h * len(rows)
    for i in range(1, len(rows), 2):
        svg.rect(0, top + i * row_h, WIDTH, row_h, "#f7f7f7")
    tick = 0.0
    while tick <= axis_max + 1e-9:
        gx = left + tick * scale
        svg.line(gx, top, gx, bottom, GRID)
        svg.text(gx, bottom + 14, fmt(tick) if tick else "0", size=10, anchor="middle", fill=MUTED)
        tick += step
    svg.text((left + right) / 2, bottom + 28, unit, size=10, anchor="middle", fill=MUTED)
    if goal:
        gx = left + goal[0] * scale
        svg.line(gx, top - 4, gx, bottom, GOAL, 2, "5,3")
    # rows
    for i, (label, sub, values) in enumerate(rows):
        y0 = top + i * row_h
        svg.text(left - 8, y0 + row_h / 2 - 1, label, size=label_size, anchor="end")
        svg.text(left - 8, y0 + row_h / 2 + 11, sub, size=sub_size, anchor="end", fill=MUTED)
        by = y0 + (row_h - per_row * (bar_h + 2) + 2) / 2
        bx = left
        for key, name, color in shown:
            v = values.get(key)
            if v is None:
                if not stacked:
                    by += bar_h + 2
                continue
            w = v * scale
            tip = f"{label} ({sub}): {name} {fmt(v)} {unit}"
            svg.rect(bx, by, w, bar_h, color, tip)
            if stacked:
                if w > text_width(fmt(v), 9) + 4:
                    svg.text(bx + w / 2, by + bar_h - 4, fmt(v), size=9, anchor="middle", fill="#ffffff")
                bx += w
            else:
                svg.text(left + w + 3, by + bar_h - 2, fmt(v), size=9, fill=INK, halo=True)
                by += bar_h + 2
        if stacked:
            total = sum(values[k] for k in present if values.get(k) is not None)
            svg.text(bx + 3, by + bar_h - 4, fmt(total), size=10, bold=True, halo=True)
    svg.line(left, top, left, bottom, INK)
    return svg.render(height)


def need(fig, *keys):
    result = fig["result"]
    for k in keys:
        if k not in result:
            raise FiguresError(f"figure '{fig['label']}' ({fig['bench']}, {fig['date']}) has no result.{k}")
    return [result[k] for k in keys]


def sub(fig, extra=""):
    load = fig["load"] if fig["load"] == "idle" else f"load {fig['load']}"
    return f"{fig['date'][:10]}, {load}" + (f", {extra}" if extra else "")


def center_runs(figs):
    return [f for f in figs if f["bench"] == "center"]


def run_shape(f):
    r = f["result"]
    parts = []
    if "issuances" in r:
        parts.append(f"N={r['issuances']}")
    return ", ".join(parts)


def chart_center_throughput(figs):
    rows = [(f["label"], sub(f, run_shape(f)), {"tps": need(f, "issuancesPerSecond")[0]}) for f in center_runs(figs)]
    return bar_chart(
        "Center: issuances per second, C=32 (./kiosk bench center)",
        "Each bar is one recorded run, in the order recorded; loaded runs got a fraction of the 2 cores.",
        rows, [("tps", "issuances/s", PALETTE[0])], "per s", goal=(300, "goal: 300/s"))


def chart_center_latency(figs):
    rows = []
    for f in center_runs(figs):
        r = f["result"]
        rows.append((f["label"], sub(f, run_shape(f)),
                     {"p50": r.get("p50Millis"), "p95": r.get("p95Millis"), "p99": need(f, "p99Millis")[0]}))
    return bar_chart(
        "Center: latency of a whole transaction, C=32",
        "Challenge to close over mutual TLS; the same runs as above.",
        rows, [("p50", "p50", PALETTE[0]), ("p95", "p95", PALETTE[1]), ("p99", "p99", PALETTE[3])],
        "ms", goal=(100, "goal: p99 < 100 ms"))


def chart_center_cpu(figs):
    rows = []
    for f in center_runs(figs):
        r = f["result"]
        if "cpuMillisPerIssuance" not in r:
            continue
        total, center = need(f, "cpuMillisPerIssuance", "centerCpuMillisPerIssuance")
        rows.append((f["label"], sub(f, run_shape(f)), {"center": center, "rest": round(total - center, 2)}))
    return bar_chart(
        "Center bench: CPU per issuance",
        "Whole process over the measured part; compare these across runs on a shared machine.",
        rows, [("center", "center threads", PALETTE[0]), ("rest", "kiosk clients, software card, JIT, GC", PALETTE[5])],
        "ms", stacked=True)


def engine_runs(figs):
    runs = [f for f in figs if f["bench"] == "engine"]
    for f in runs:
        need(f, "concurrency", "transactions")
    return sorted(runs, key=lambda f: f["result"]["concurrency"])  # stable: file order within a C


def engine_sub(f):
    r = f["result"]
    return sub(f, f"C={r['concurrency']}, N={r['transactions']}")


def chart_engine_latency(figs):
    rows = [(f["label"], engine_sub(f), dict(zip(("p50", "p95"), need(f, "p50Millis", "p95Millis"))))
            for f in engine_runs(figs)]
    return bar_chart(
        "Engine: transaction time by concurrency (./kiosk bench)",
        "Card placed to card out, no human waits; runs grouped by concurrency C, in recorded order.",
        rows, [("p50", "p50", PALETTE[0]), ("p95", "p95", PALETTE[1])], "ms",
        goal=(1000, "goal: p95 < 1 s at C=32"))


def chart_engine_throughput(figs):
    rows = [(f["label"], engine_sub(f), {"tps": need(f, "transactionsPerSecond")[0]}) for f in engine_runs(figs)]
    return bar_chart(
        "Engine: transactions per second by concurrency",
        "C headless kiosks in one JVM with an in-process center simulator.",
        rows, [("tps", "transactions/s", PALETTE[2])], "per s")


def chart_engine_cpu(figs):
    rows = []
    for f in engine_runs(figs):
        total = need(f, "cpuMillisPerTransaction")[0]
        split = f.get("cpuSplitMillis")
        if split:
            parts = {k: split.get(k) for k in ("engine", "center", "jvm")}
            rest = round(total - sum(v for v in parts.values() if v is not None), 1)
            parts["other"] = rest if rest > 0 else None
        else:
            parts = {"total": total}
        rows.append((f["label"], engine_sub(f), parts))
    return bar_chart(
        "Engine: CPU per transaction",
        "Whole process (engine, center simulator, JIT, GC); split by thread kind where recorded.",
        rows,
        [("engine", "engine threads", PALETTE[0]), ("center", "center simulator", PALETTE[1]),
         ("jvm", "JIT and GC", PALETTE[3]), ("other", "other", PALETTE[4]),
         ("total", "total (not split)", PALETTE[5])],
        "ms", stacked=True)


def ui_runs(figs):
    return [f for f in figs if f["bench"] == "ui"]


def chart_ui_screens(figs):
    runs = [f for f in ui_runs(figs) if "screenChangeMillis" in f["result"]]
    if not runs:
        raise FiguresError("no ui figure has result.screenChangeMillis")
    f = runs[-1]
    rows = []
    for screen, values in f["result"]["screenChangeMillis"].items():
        if len(values) != 3:
            raise FiguresError(f"ui figure '{f['label']}': screenChangeMillis.{screen} must be [median, p95, max]")
        rows.append((screen, "", dict(zip(("median", "p95", "max"), values))))
    return bar_chart(
        f"Touchscreen: screen-change times ({f['date'][:10]}, {f['load']})",
        "Change start to the new screen laid out, over 5 journeys (xvfb-run ./kiosk bench ui); the latest ui figure.",
        rows, [("median", "median", PALETTE[0]), ("p95", "p95", PALETTE[1]), ("max", "max", PALETTE[3])],
        "ms", goal=(100, "goal: < 100 ms"))


def chart_cold_start(figs):
    rows = []
    for f in ui_runs(figs):
        if f["result"].get("homeFirst"):
            # Home is shown first and the kiosk is assembled after it: toolkit and window are the path.
            main, toolkit, home = need(f, "jvmStartToMainMillis", "toolkitUpMillis", "windowToHomeMillis")
            parts = {"main": main / 1000, "toolkit": toolkit / 1000, "home": home / 1000}
        else:
            main, assembled, home = need(f, "jvmStartToMainMillis", "kioskAssembledMillis", "windowToHomeMillis")
            parts = {"main": main / 1000, "assembly": assembled / 1000, "home": home / 1000}
        rows.append((f["label"], sub(f), parts))
    return bar_chart(
        "Touchscreen: cold start to the home screen (bench ui)",
        "Before: toolkit start inside 'kiosk assembled'. Home first: devices assembled after home.",
        rows,
        [("main", "JVM start to main", PALETTE[0]), ("assembly", "kiosk assembled", PALETTE[1]),
         ("toolkit", "toolkit up", PALETTE[2]), ("home", "window to home laid out", PALETTE[3])],
        "s", goal=(3, "goal: < 3 s"), stacked=True)


def chart_fresh_clone(figs):
    rows = []
    for f in figs:
        if f["bench"] != "fresh-clone":
            continue
        clone, build, jvm = need(f, "cloneMillis", "buildMillis", "jvmStartToHomeMillis")
        warm, warm_jvm = need(f, "warmMillis", "warmJvmStartToHomeMillis")
        s = sub(f, f["label"])
        rows.append(("cold: clone, empty Maven repository", s,
                     {"clone": clone / 1000, "build": build / 1000, "jvm": jvm / 1000}))
        rows.append(("warm: the second run", s, {"build": (warm - warm_jvm) / 1000, "jvm": warm_jvm / 1000}))
    if not rows:
        raise FiguresError("no fresh-clone figure (packaging/time-fresh-clone.sh --json prints one)")
    return bar_chart(
        "From a fresh clone to the home screen (packaging/time-fresh-clone.sh)",
        "Goals: cold under 180 s, warm under 10 s.",
        rows,
        [("clone", "git clone", PALETTE[5]), ("build", "./kiosk: Maven build (cold: downloads) and launch", PALETTE[4]),
         ("jvm", "JVM start to home", PALETTE[2])],
        "s", stacked=True)


CHARTS = {
    "center-throughput.svg": chart_center_throughput,
    "center-latency.svg": chart_center_latency,
    "center-cpu.svg": chart_center_cpu,
    "engine-latency.svg": chart_engine_latency,
    "engine-throughput.svg": chart_engine_throughput,
    "engine-cpu.svg": chart_engine_cpu,
    "ui-screen-changes.svg": chart_ui_screens,
    "cold-start.svg": chart_cold_start,
    "fresh-clone.svg": chart_fresh_clone,
}
KEYS = ("bench", "date", "label", "load", "command", "result")


def load_figures():
    figs = []
    for number, line in enumerate(FIGURES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            f = json.loads(line)
        except json.JSONDecodeError as e:
            raise FiguresError(f"{FIGURES.name} line {number}: {e.msg} (one JSON object per line)") from e
        missing = [k for k in KEYS if k not in f] if isinstance(f, dict) else list(KEYS)
        if missing or not isinstance(f.get("result"), dict):
            raise FiguresError(f"{FIGURES.name} line {number}: lacks {', '.join(missing) or 'a result object'}")
        figs.append(f)
    return figs


def render_all():
    figs = load_figures()
    return {name: draw(figs) for name, draw in CHARTS.items()}


def main(argv):
    try:
        charts = render_all()
    except FiguresError as e:
        print(f"charts: {e}", file=sys.stderr)
        return 2
    if "--check" in argv:
        problems = []
        for name, svg in charts.items():
            path = HERE / name
            if not path.exists():
                problems.append(f"{name} is missing")
            elif path.read_text(encoding="utf-8") != svg:
                problems.append(f"{name} differs from figures.jsonl")
        text = DOCUMENT.read_text(encoding="utf-8")
        problems += [f"benchmarks.md does not show benchmarks/{n}" for n in charts if f"(benchmarks/{n})" not in text]
        problems += [f"{p.name} is not drawn from figures.jsonl (delete it)" for p in HERE.glob("*.svg") if p.name not in charts]
        if problems:
            print("charts: " + "; ".join(problems) + ". Run: python3 docs/benchmarks/charts.py", file=sys.stderr)
            return 1
        print(f"charts: {len(charts)} charts match figures.jsonl")
        return 0
    for name, svg in charts.items():
        (HERE / name).write_text(svg, encoding="utf-8")
    print(f"charts: wrote {len(charts)} charts to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
