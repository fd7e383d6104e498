"""The report's two charts as bokeh figures: the timeline and the actor network.

bokeh is imported inside the functions that need it; ``report.require_bokeh`` gives the one-line
message when it is missing.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Callable, Iterable

TYPE_COLORS = {"phone_call": "#1f77b4", "visit": "#ff7f0e", "meeting": "#2ca02c", "treaty": "#9467bd"}
EXTRA_COLORS = ("#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#d62728")
KIND_COLORS = {"person": "#d62728", "country": "#1f77b4", "org": "#2ca02c"}
MAX_NODES = 120  # the network shows the most connected participants
MAX_LABELS = 30
GRAVITY = 0.1
EPOCH = datetime.date(1970, 1, 1)


def type_colors(types: Iterable[str]) -> dict[str, str]:
    extra = iter(EXTRA_COLORS * 4)
    return {t: TYPE_COLORS.get(t) or next(extra) for t in sorted(set(types))}


def time_bins(days: list[str]) -> tuple[str, Callable[[str], str]]:
    """The bin width for the timeline: days for up to four months, weeks for up to three years, else months."""
    if not days:
        return "day", lambda d: d
    span = (datetime.date.fromisoformat(max(days)) - datetime.date.fromisoformat(min(days))).days
    if span <= 120:
        return "day", lambda d: d
    if span <= 3 * 366:
        def monday(d: str) -> str:
            day = datetime.date.fromisoformat(d)
            return (day - datetime.timedelta(days=day.weekday())).isoformat()

        return "week", monday
    return "month", lambda d: d[:7] + "-01"


def _ms(day: str) -> float:
    return (datetime.date.fromisoformat(day) - EPOCH).days * 86_400_000.0


def timeline_figure(rows: list[dict]):
    """Events by date and type: one bubble per (day, week or month; type), its area the number of events."""
    from bokeh.models import ColumnDataSource, HoverTool
    from bokeh.plotting import figure

    width, bin_of = time_bins([r["from"] for r in rows if r["from"]])
    counts = Counter((bin_of(r["from"]), r["type"]) for r in rows if r["from"])
    undated = sum(1 for r in rows if not r["from"])
    colors = type_colors(r["type"] for r in rows)
    most = max(counts.values(), default=1)
    title = f"Timeline: events per {width} and type (a month or year counts at its first day)"
    if undated:
        title += f"; {undated} without a usable date not shown"
    fig = figure(title=title, x_axis_type="datetime", y_range=list(colors) or [""], height=300,
                 sizing_mode="stretch_width", tools="pan,wheel_zoom,box_zoom,reset", toolbar_location="right")
    for t, color in colors.items():
        days = sorted(d for d, tt in counts if tt == t)
        n = [counts[(d, t)] for d in days]
        source = ColumnDataSource({"x": [_ms(d) for d in days], "y": [t] * len(days), "day": days, "n": n,
                                   "size": [6 + 20 * math.sqrt(k / most) for k in n]})
        fig.scatter("x", "y", size="size", source=source, color=color, alpha=0.75, legend_label=t)
    fig.add_tools(HoverTool(tooltips=[(width, "@day"), ("events", "@n")]))
    if fig.legend:
        fig.add_layout(fig.legend[0], "right")
    return fig


def participants(e: dict) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(acting side, other side) as (key, label, kind) nodes. A visit with no named host links the
    visitors to the country they travel to."""
    def node(a: dict) -> tuple[str, str, str]:
        if a["kind"] == "country" and a.get("country"):
            return (f"country:{a['country']}", a["name"], "country")
        return (f"{a['kind']}:{a['name']}", a["name"], a["kind"])

    acting = list(dict.fromkeys(node(a) for a in e["actors"]))
    other = list(dict.fromkeys(node(a) for a in e["hosts"]))
    loc = e.get("location") or {}
    if e["type"] == "visit" and not other and loc.get("country"):
        other = [(f"country:{loc['country']}", loc["name"], "country")]
    return acting, other


def network_edges(results: list[dict]) -> tuple[Counter, dict[str, tuple[str, str]]]:
    """Edge weights (number of events two nodes took part in together) and node (label, kind).
    Visitors link to hosts; in events without hosts every pair of participants is linked."""
    edges: Counter = Counter()
    nodes: dict[str, tuple[str, str]] = {}
    for doc in results:
        for e in doc["events"]:
            acting, other = participants(e)
            for key, label, kind in acting + other:
                nodes.setdefault(key, (label, kind))
            if other:
                pairs = [(a[0], b[0]) for a in acting for b in other]
            else:
                pairs = [(a[0], b[0]) for i, a in enumerate(acting) for b in acting[i + 1:]]
            for a, b in pairs:
                if a != b:
                    edges[tuple(sorted((a, b)))] += 1
    return edges, nodes


def spring_layout(keys: list[str], edges: dict[tuple[str, str], int], iterations: int = 120) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions with a pull to the centre (deterministic: nodes start on a circle)."""
    import numpy as np

    n = len(keys)
    if n == 0:
        return {}
    index = {k: i for i, k in enumerate(keys)}
    pos = np.array([[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)])
    weights = np.zeros((n, n))
    for (a, b), w in edges.items():
        weights[index[a], index[b]] = weights[index[b], index[a]] = math.log1p(w)
    k = 1.0 / math.sqrt(n)
    temp = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        force = (k * k / dist**2 - weights * dist / k)[:, :, None] * delta
        move = force.sum(axis=1) - GRAVITY * pos * np.linalg.norm(pos, axis=1)[:, None] / k
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)[:, None]
        pos += move / length * np.minimum(length, temp)
        temp *= 0.97
    return {key: (float(pos[i, 0]), float(pos[i, 1])) for key, i in index.items()}


def network_layout(results: list[dict]) -> tuple[list[str], dict, dict, Counter, dict]:
    """(shown node keys, node (label, kind), positions, weighted degree, shown edges) of the network."""
    edges, nodes = network_edges(results)
    degree: Counter = Counter()
    for (a, b), w in edges.items():
        degree[a] += w
        degree[b] += w
    keys = sorted(nodes, key=lambda k: (-degree[k], k))[:MAX_NODES]
    shown = set(keys)
    edges = Counter({pair: w for pair, w in edges.items() if pair[0] in shown and pair[1] in shown})
    return keys, nodes, spring_layout(keys, edges), degree, edges


def network_figure(results: list[dict]):
    """Countries, persons and organisations as nodes; an edge per pair that took part in events together,
    its width growing with the number of those events."""
    from bokeh.models import ColumnDataSource, HoverTool, LabelSet
    from bokeh.plotting import figure

    keys, nodes, pos, degree, edges = network_layout(results)
    title = "Actor network: persons, countries and organisations; edges weighted by shared events"
    if len(nodes) > len(keys):
        title += f" (the {len(keys)} most connected of {len(nodes)})"
    fig = figure(title=title, height=560, sizing_mode="stretch_width", match_aspect=True,
                 tools="pan,wheel_zoom,box_zoom,reset", toolbar_location="right")
    fig.axis.visible = False
    fig.grid.visible = False
    pairs = sorted(edges)
    edge_source = ColumnDataSource({
        "xs": [[pos[a][0], pos[b][0]] for a, b in pairs], "ys": [[pos[a][1], pos[b][1]] for a, b in pairs],
        "width": [0.8 + 1.2 * math.log2(edges[p]) for p in pairs], "n": [edges[p] for p in pairs],
        "pair": [f"{nodes[a][0]} – {nodes[b][0]}" for a, b in pairs],
    })
    edge_renderer = fig.multi_line("xs", "ys", line_width="width", source=edge_source, color="#999", alpha=0.7)
    node_renderers = _draw_nodes(fig, keys, nodes, pos, degree)
    top = keys[:MAX_LABELS]
    labels = ColumnDataSource({"x": [pos[k][0] for k in top], "y": [pos[k][1] for k in top], "name": [nodes[k][0] for k in top]})
    fig.add_layout(LabelSet(x="x", y="y", text="name", source=labels, text_font_size="9pt", y_offset=6, text_align="center"))
    fig.add_tools(HoverTool(renderers=node_renderers, tooltips=[("", "@name"), ("links", "@links")]))
    fig.add_tools(HoverTool(renderers=[edge_renderer], tooltips=[("", "@pair"), ("events", "@n")], line_policy="interp"))
    if fig.legend:
        fig.add_layout(fig.legend[0], "right")
    return fig


def _draw_nodes(fig, keys: list[str], nodes: dict, pos: dict, degree: Counter) -> list:
    """One scatter renderer per kind of node, the size growing with the node's weighted degree."""
    from bokeh.models import ColumnDataSource

    most = max((degree[k] for k in keys), default=1) or 1
    renderers = []
    for kind, color in KIND_COLORS.items():
        ks = [k for k in keys if nodes[k][1] == kind]
        if ks:
            source = ColumnDataSource({"x": [pos[k][0] for k in ks], "y": [pos[k][1] for k in ks],
                                       "name": [nodes[k][0] for k in ks], "links": [degree[k] for k in ks],
                                       "size": [8 + 22 * math.sqrt(degree[k] / most) for k in ks]})
            renderers.append(fig.scatter("x", "y", size="size", source=source, color=color, line_color="white",
                                         legend_label=kind))
    return renderers
