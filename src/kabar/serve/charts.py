"""Geometry for the small server-side SVG charts: timelines, monthly bars, dyads and a network.

Each function returns plain numbers and labels; the templates draw them (escaped) as inline SVG.
No chart needs script.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from kabar.dedup.dates import day_number, iso_day

WIDTH = 800
LEFT = 150
RIGHT = 20
LANE = 26
TOP = 34
MONTH_LEFT = 90


def _scale(days: Sequence[float]) -> tuple[float, float]:
    low, high = min(days), max(days)
    return low, max(high - low, 1.0)


def _x(day: float, low: float, span: float) -> float:
    return round(LEFT + (day - low) / span * (WIDTH - LEFT - RIGHT), 1)


def _ticks(low: float, span: float, count: int = 5) -> list[dict[str, Any]]:
    """Axis ticks with distinct day labels; the first anchored at its start, the last at its end."""
    ticks: list[dict[str, Any]] = []
    for i in range(count):
        day = low + span * i / (count - 1)
        label = iso_day(day)
        if ticks and ticks[-1]["label"] == label:
            continue
        ticks.append({"x": _x(day, low, span), "label": label, "anchor": "middle"})
    ticks[0]["anchor"] = "start"
    if len(ticks) > 1:
        ticks[-1]["anchor"] = "end"
    return ticks


def story_timeline(
    articles: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> dict[str, Any] | None:
    """Articles as dots on one lane per outlet, events as diamonds on a top lane."""
    dated = [(a, day_number(a.get("pub_date"))) for a in articles]
    days = [d for _, d in dated if d is not None] + [d for e in events if (d := day_number(e.get("date")))]
    if not days:
        return None
    low, span = _scale(days)
    outlets = list(dict.fromkeys(a.get("outlet") or "?" for a, d in dated if d is not None))
    lane = {o: TOP + LANE * (i + 1) for i, o in enumerate(outlets)}
    points = [
        {
            "x": _x(d, low, span),
            "y": lane[a.get("outlet") or "?"],
            "id": a["id"],
            "title": f"{a.get('pub_date') or ''} · {a.get('outlet') or ''} · {a.get('title') or ''}",
        }
        for a, d in dated
        if d is not None
    ]
    marks = [
        {
            "x": _x(d, low, span),
            "y": TOP,
            "label": e.get("category") or "",
            "title": f"{e.get('date')} {e.get('category')}: {e.get('source') or '?'}"
            f" → {e.get('target') or '-'}",
        }
        for e in events
        if (d := day_number(e.get("date"))) is not None
    ]
    return {
        "width": WIDTH,
        "height": TOP + LANE * (len(outlets) + 1) + 24,
        "left": LEFT,
        "lanes": [{"label": o, "y": y} for o, y in lane.items()],
        "points": points,
        "marks": marks,
        "ticks": _ticks(low, span),
        "axis_y": TOP + LANE * (len(outlets) + 1),
    }


def span_timeline(parts: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """A thread's stories as bars from first to last date."""
    rows: list[tuple[dict[str, Any], float, float]] = []
    for p in parts:
        first, last = day_number(p.get("first_date")), day_number(p.get("last_date"))
        if first is not None:
            rows.append((p, first, last if last is not None else first))
    if not rows:
        return None
    low, span = _scale([a for _, a, _ in rows] + [b for _, _, b in rows])
    bars = [
        {
            "x": _x(a, low, span),
            "w": max(4.0, _x(b, low, span) - _x(a, low, span)),
            "y": TOP + LANE * i,
            "id": p["id"],
            "label": (p.get("title") or p["id"])[:60],
            "title": f"{p.get('first_date')} – {p.get('last_date')}: {p.get('title') or p['id']}",
        }
        for i, (p, a, b) in enumerate(rows)
    ]
    return {
        "width": WIDTH,
        "height": TOP + LANE * len(rows) + 24,
        "bars": bars,
        "ticks": _ticks(low, span),
        "axis_y": TOP + LANE * len(rows),
        "left": LEFT,
    }


def monthly_bars(months: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Events per month: as source above the axis, as target below."""
    if not months:
        return None
    peak = max(max(m["as_source"] or 0, m["as_target"] or 0) for m in months) or 1
    step = (WIDTH - MONTH_LEFT - RIGHT) / len(months)
    half = 70
    bars = [
        {
            "x": round(MONTH_LEFT + i * step, 1),
            "w": round(max(step - 2, 1), 1),
            "label": m["month"],
            "up": round((m["as_source"] or 0) / peak * half, 1),
            "down": round((m["as_target"] or 0) / peak * half, 1),
            "source": m["as_source"] or 0,
            "target": m["as_target"] or 0,
        }
        for i, m in enumerate(months)
    ]
    every = max(1, len(months) // 8)
    return {
        "width": WIDTH,
        "height": 2 * half + 40,
        "axis_y": half + 10,
        "bars": bars,
        "left": MONTH_LEFT,
        "labels": bars[::every],
    }


def dyad_lanes(rows: Sequence[dict[str, Any]], top: int = 6) -> dict[str, Any] | None:
    """The actor's busiest country dyads, one lane each, a circle per month sized by its events."""
    totals: dict[tuple[str, str], int] = {}
    for r in rows:
        totals[(r["source"], r["target"])] = totals.get((r["source"], r["target"]), 0) + r["events"]
    chosen = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    if not chosen:
        return None
    months = sorted({r["month"] for r in rows if (r["source"], r["target"]) in chosen and r["month"]})
    days = [day_number(m + "-01") or 0.0 for m in months]
    low, span = _scale(days) if days else (0.0, 1.0)
    peak = max(r["events"] for r in rows)
    lane = {k: TOP + LANE * i for i, k in enumerate(chosen)}
    dots = [
        {
            "x": _x(day_number(r["month"] + "-01") or low, low, span),
            "y": lane[(r["source"], r["target"])],
            "r": round(3 + 8 * math.sqrt(r["events"] / peak), 1),
            "title": f"{r['source']}–{r['target']} {r['month']}: {r['events']}",
        }
        for r in rows
        if (r["source"], r["target"]) in lane and r["month"]
    ]
    lanes = [
        {"label": f"{s}–{t}", "dyad": f"{s}-{t}", "y": y, "total": totals[(s, t)]}
        for (s, t), y in lane.items()
    ]
    return {
        "width": WIDTH,
        "height": TOP + LANE * len(chosen) + 24,
        "lanes": lanes,
        "dots": dots,
        "ticks": _ticks(low, span) if days else [],
        "axis_y": TOP + LANE * len(chosen),
        "left": LEFT,
    }


def network(center: str, neighbours: Sequence[dict[str, Any]], size: int = 400) -> dict[str, Any]:
    """The actor in the middle, its partners around it; edge width by weight.

    The drawing is ``size`` high and wider by a margin each side, so labels fit.
    """
    margin = 140
    mid_x, mid = size / 2 + margin, size / 2
    radius = size / 2 - 50
    peak = max((n["weight"] for n in neighbours), default=1) or 1
    nodes = []
    for i, n in enumerate(neighbours):
        angle = 2 * math.pi * i / max(len(neighbours), 1) - math.pi / 2
        x, y = mid_x + radius * math.cos(angle), mid + radius * math.sin(angle)
        nodes.append(
            {
                **n,
                "x": round(x, 1),
                "y": round(y, 1),
                "stroke": round(1 + 5 * n["weight"] / peak, 1),
                "anchor": "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle",
                "lx": round(x + 10 * math.cos(angle), 1),
                "ly": round(y + 4 + 14 * math.sin(angle), 1),
            }
        )
    return {
        "width": size + 2 * margin,
        "height": size,
        "mid_x": mid_x,
        "mid": mid,
        "center": center,
        "nodes": nodes,
    }
