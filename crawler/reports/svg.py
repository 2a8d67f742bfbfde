"""Small inline SVG charts for the run report: no script, no stylesheet, no network.

Every function takes plain numbers and returns one `<svg>` element as a string;
the figures are written as text in the SVG too, so the page can be read (and
searched) without looking at bar lengths.
"""
from __future__ import annotations

from html import escape

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac")
FONT = "font-family=\"system-ui, sans-serif\" font-size=\"12\""


def number(value: float) -> str:
    """1234 -> "1,234"; 0.5 -> "0.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _open(width: int, height: int, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" {FONT}>'
            f"<title>{escape(title)}</title>"
            f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>')


def empty_chart(title: str, note: str = "nothing to show", width: int = 640) -> str:
    return _open(width, 44, title) + f'<text x="0" y="36" fill="#666">{escape(note)}</text></svg>'


def bar_chart(title: str, bars: list[tuple[str, float]], width: int = 640, color: str = PALETTE[0]) -> str:
    """Horizontal bars, one per (label, value), the value written after each bar."""
    bars = [(label, value) for label, value in bars if value]
    if not bars:
        return empty_chart(title, width=width)
    label_width, value_width, row = 170, 80, 22
    room = width - label_width - value_width
    top = max(value for _, value in bars)
    parts = [_open(width, 28 + row * len(bars), title)]
    for i, (label, value) in enumerate(bars):
        y = 24 + i * row
        length = max(1.0, value / top * room)
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(str(label)[:28])}</text>'
                     f'<rect x="{label_width}" y="{y + 2}" width="{length:.1f}" height="{row - 6}" fill="{color}">'
                     f"<title>{escape(str(label))}: {number(value)}</title></rect>"
                     f'<text x="{label_width + length + 4:.1f}" y="{y + 13}">{number(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_bar_chart(title: str, rows: list[tuple[str, dict[str, float]]], segments: list[str],
                      width: int = 640) -> str:
    """One horizontal bar per row, split into `segments` (legend above), the row total after it."""
    rows = [(label, values) for label, values in rows if any(values.get(s, 0) for s in segments)]
    if not rows:
        return empty_chart(title, width=width)
    label_width, value_width, row = 170, 80, 22
    room = width - label_width - value_width
    top = max(sum(values.get(s, 0) for s in segments) for _, values in rows)
    legend_y = 22
    parts = [_open(width, 46 + row * len(rows), title)]
    x = label_width
    for i, segment in enumerate(segments):
        color = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{legend_y}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{x + 14}" y="{legend_y + 9}">{escape(segment)}</text>')
        x += 24 + 7 * len(segment)
    for i, (label, values) in enumerate(rows):
        y = 42 + i * row
        parts.append(f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(str(label)[:28])}</text>')
        x = float(label_width)
        for j, segment in enumerate(segments):
            value = values.get(segment, 0)
            if not value:
                continue
            length = value / top * room
            parts.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{max(length, 1):.1f}" height="{row - 6}" '
                         f'fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(str(label))} {escape(segment)}: '
                         f"{number(value)}</title></rect>")
            x += length
        total = sum(values.get(s, 0) for s in segments)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}">{number(total)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(title: str, series: list[tuple[str, list[tuple[float, float]]]], x_label: str, y_label: str,
               width: int = 640, height: int = 240) -> str:
    """Lines of (x, y) points on shared axes starting at 0, with a legend and the axis maxima."""
    series = [(name, points) for name, points in series if points]
    if not series:
        return empty_chart(title, "no samples", width=width)
    left, right, top_pad, bottom = 56, 16, 40, 34
    x_max = max(x for _, points in series for x, _ in points) or 1.0
    y_max = max(y for _, points in series for _, y in points) or 1.0
    plot_w, plot_h = width - left - right, height - top_pad - bottom

    def at(x: float, y: float) -> str:
        return f"{left + x / x_max * plot_w:.1f},{top_pad + plot_h - y / y_max * plot_h:.1f}"

    parts = [_open(width, height, title),
             f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" stroke="#999"/>',
             f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{top_pad + plot_h}" stroke="#999"/>',
             f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end">{number(round(y_max, 1))}</text>',
             f'<text x="{left - 4}" y="{top_pad + plot_h}" text-anchor="end">0</text>',
             f'<text x="{left + plot_w}" y="{height - 18}" text-anchor="end">{number(round(x_max, 1))}</text>',
             f'<text x="{left}" y="{height - 18}">0</text>',
             f'<text x="{left + plot_w / 2:.0f}" y="{height - 4}" text-anchor="middle">{escape(x_label)}</text>',
             f'<text x="12" y="{top_pad + plot_h / 2:.0f}" transform="rotate(-90 12 {top_pad + plot_h / 2:.0f})" '
             f'text-anchor="middle">{escape(y_label)}</text>']
    x = left
    for i, (name, points) in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="22" width="10" height="10" fill="{color}"/>'
                     f'<text x="{x + 14}" y="31">{escape(name[:24])}</text>')
        x += 24 + 7 * min(len(name), 24)
        path = " ".join(at(px, py) for px, py in points)
        if len(points) == 1:
            parts.append(f'<circle cx="{at(*points[0]).split(",")[0]}" cy="{at(*points[0]).split(",")[1]}" '
                         f'r="3" fill="{color}"/>')
        else:
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def sparkline(values: list[float], width: int = 120, height: int = 28, color: str = PALETTE[0]) -> str:
    """A tiny trend line of `values` (oldest first), the last value marked."""
    if not values:
        return ""
    top = max(values) or 1.0
    step = width / max(len(values) - 1, 1)
    points = [(i * step, height - 3 - v / top * (height - 6)) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="-3 0 {width + 6} {height}" role="img" aria-label="trend, last {number(values[-1])}">'
            f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="1.5"/>'
            f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5" fill="{color}"/></svg>')
