"""A small step chart of a parameter's history, drawn on the server as SVG (no chart library).

A dated parameter holds its value until the next date, so the chart is a staircase: one
horizontal segment per value, a vertical riser at each change, a gap where the value is
unknown. Computed values are drawn dashed. The SVG has no inline style (the page's CSP forbids
it): colours come from classes in ``web_widget/pro/pro.css``; it is an ``img`` with a title,
and the same figures are in the table next to it for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

WIDTH = 640
HEIGHT = 220
MARGIN_LEFT = 70
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 34


@dataclass(frozen=True)
class Point:
    """From ``since``, ``value`` (None: unknown), ``computed`` when not published."""

    since: date
    value: Decimal | None
    computed: bool = False


def _days(day: date) -> int:
    return day.toordinal()


def step_chart(points: list[Point], end: date, title: str, tick: Callable[[float], str]) -> str:
    """The SVG of ``points`` up to ``end`` ("" when no value is known); ``title`` names it for
    assistive technology, ``tick`` writes a value of the vertical axis in the page's locale."""
    known = [p.value for p in points if p.value is not None]
    if not points or not known:
        return ""
    start = points[0].since
    end = max(end, points[-1].since)
    low, high = float(min(known)), float(max(known))
    if high == low:
        low, high = low * 0.9, high * 1.1 or 1.0
    pad = (high - low) * 0.1
    low, high = max(low - pad, 0.0), high + pad
    span_days = max(_days(end) - _days(start), 1)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(day: date) -> float:
        return MARGIN_LEFT + plot_w * (_days(day) - _days(start)) / span_days

    def y(value: Decimal) -> float:
        return MARGIN_TOP + plot_h * (1 - (float(value) - low) / (high - low))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="step-chart" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' role="img" aria-labelledby="chart-title" focusable="false">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line class="axis" x1="{MARGIN_LEFT}" y1="{MARGIN_TOP + plot_h}" '
        f'x2="{WIDTH - MARGIN_RIGHT}" y2="{MARGIN_TOP + plot_h}"/>',
        f'<line class="axis" x1="{MARGIN_LEFT}" y1="{MARGIN_TOP}" x2="{MARGIN_LEFT}" '
        f'y2="{MARGIN_TOP + plot_h}"/>',
        f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}" text-anchor="end">'
        f"{escape(tick(high))}</text>",
        f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + plot_h}" text-anchor="end">'
        f"{escape(tick(low))}</text>",
    ]
    years = range(start.year + (start.month > 1 or start.day > 1), end.year + 1)
    for year in years:
        gx = x(date(year, 1, 1))
        parts.append(
            f'<text class="tick" x="{gx:.1f}" y="{MARGIN_TOP + plot_h + 16}" '
            f'text-anchor="middle">{year}</text>'
        )
    previous_y: float | None = None
    for index, point in enumerate(points):
        until = points[index + 1].since if index + 1 < len(points) else end
        if point.value is None:
            previous_y = None
            continue
        py = y(point.value)
        kind = "step computed" if point.computed else "step"
        x1, x2 = x(point.since), x(until)
        if previous_y is not None:
            parts.append(
                f'<line class="riser" x1="{x1:.1f}" y1="{previous_y:.1f}" x2="{x1:.1f}" y2="{py:.1f}"/>'
            )
        parts.append(
            f'<line class="{kind}" x1="{x1:.1f}" y1="{py:.1f}" x2="{x2:.1f}" y2="{py:.1f}"/>'
        )
        parts.append(f'<circle class="dot" cx="{x1:.1f}" cy="{py:.1f}" r="3"/>')
        previous_y = py
    parts.append("</svg>")
    return "".join(parts)
