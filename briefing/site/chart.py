"""Findings against concerns over time, as numbers a template can draw as inline SVG.

In: briefings (any order). Out: a `Chart` with every mark's position already
computed, so the template only places shapes and text: no script, prints as
well as it shows, and the same numbers feed the table that is its text alternative.

A chart has to mean something. Inspections of one organisation over time are a trend,
and their marks are joined by lines; briefings on different organisations are not, so
the home page shows them as marks alone, and only once there are enough of them
(`MANY_BRIEFINGS`) for their spread to say anything. A concern's mark is a hollow square
round the place a finding's dot would be, so equal counts show both, never one under the
other.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.briefing import Briefing

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 16, 36
MANY_BRIEFINGS = 12
"""Dated briefings a chart of unrelated inspections needs before it is drawn at all."""


@dataclass(frozen=True)
class ChartPoint:
    briefing: Briefing
    date: str
    findings: int
    concerns: int
    x: float
    y_findings: float
    y_concerns: float


@dataclass(frozen=True)
class Chart:
    points: tuple[ChartPoint, ...]
    y_ticks: tuple[tuple[int, float], ...]
    """(value, y) for the horizontal grid lines."""
    x_labels: tuple[tuple[str, float], ...]
    """(year, x) under the axis."""
    joined: bool = False
    """The points are one organisation's inspections, so lines join them as a trend."""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def findings_line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y_findings:.1f}" for p in self.points)

    @property
    def concerns_line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y_concerns:.1f}" for p in self.points)


def findings_and_concerns(briefings: list[Briefing] | tuple[Briefing, ...], *,
                          one_organisation: bool, limit: int = 60) -> Chart | None:
    """The chart of the latest `limit` dated briefings, oldest on the left; None where it would
    mean nothing: under two inspections of `one_organisation`, or under `MANY_BRIEFINGS`
    briefings on different ones."""
    dated = sorted(((b, published.date) for b in briefings
                    if (published := b.metadata.source.published)),
                   key=lambda pair: pair[0].sort_key)[-limit:]
    if len(dated) < (2 if one_organisation else MANY_BRIEFINGS):
        return None
    top = max(max(len(b.findings), len(b.concerns)) for b, _ in dated) or 1
    # Inset by a mark, so the first one stays clear of the axis labels.
    inset = 8
    span = WIDTH - LEFT - RIGHT - 2 * inset
    plot_height = HEIGHT - TOP - BOTTOM

    def y(value: int) -> float:
        return TOP + plot_height * (1 - value / top)

    points = []
    for i, (b, date) in enumerate(dated):
        x = LEFT + inset + span * (i / (len(dated) - 1))
        points.append(ChartPoint(b, date, len(b.findings),
                                 len(b.concerns), x, y(len(b.findings)), y(len(b.concerns))))
    step = max(1, top // 4)
    ticks = tuple((v, y(v)) for v in range(0, top + 1, step))
    labels: dict[str, float] = {}
    for p in points:
        labels.setdefault(p.date[:4], p.x)
    return Chart(tuple(points), ticks, tuple(labels.items()), joined=one_organisation)
