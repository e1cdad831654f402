"""The dashboard page: plotly figures with plotly.js inlined once, so the file opens with no network at all."""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import UTC, datetime

import plotly.graph_objects as go
import plotly.offline
from plotly.subplots import make_subplots

from connect_lake.dashboard.kpis import TILES, DashboardData

CONFIG = {"displaylogo": False, "responsive": True}
STYLE = """
body { font-family: system-ui, sans-serif; margin: 24px; background: #f6f7f9; color: #1d2733; }
h1 { margin: 0 0 4px; } .period { color: #5b6675; margin-bottom: 16px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.tile { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px #0002; }
.tile .label { font-size: 13px; color: #5b6675; } .tile .value { font-size: 26px; font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; margin-top: 16px; }
.chart { background: #fff; border-radius: 8px; padding: 8px; box-shadow: 0 1px 2px #0002; }
footer { color: #5b6675; font-size: 12px; margin-top: 16px; }
"""


def _tile_text(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "s":
        return f"{value:.0f} s"
    return f"{value:,.0f}" if value == int(value) else f"{value:.2f}"


def _tiles(data: DashboardData) -> str:
    cells = []
    for name, (label, unit, _) in TILES.items():
        value = data.tiles[name]
        raw = "" if value is None else repr(value)
        cells.append(
            f'<div class="tile" data-kpi="{name}" data-value="{raw}"><div class="label">{html.escape(label)}</div>'
            f'<div class="value">{_tile_text(value, unit)}</div></div>'
        )
    return '<div class="tiles">' + "".join(cells) + "</div>"


def _heat_maps(rows: list[dict]) -> go.Figure:
    queues = sorted({r["queue_name"] for r in rows})
    hours = list(range(24))
    cells = {(r["queue_name"], r["hour_of_day"]): r for r in rows}
    figure = make_subplots(rows=1, cols=2, subplot_titles=("Service level % by hour (UTC)", "ASA (s) by hour (UTC)"))
    for column, (measure, scale) in enumerate((("service_level_pct", "RdYlGn"), ("asa_s", "YlOrRd")), 1):
        z = [[(cells.get((q, h)) or {}).get(measure) for h in hours] for q in queues]
        # a back-office queue waits hours: cap the colour scale at twice the median so the others show
        values = sorted(v for row in z for v in row if v is not None)
        top = 2 * values[len(values) // 2] if values and measure == "asa_s" else None
        figure.add_trace(
            go.Heatmap(
                z=z,
                x=hours,
                y=queues,
                colorscale=scale,
                zmin=0 if top else None,
                zmax=top,
                zauto=top is None,
                showscale=False,
                hoverongaps=False,
                name=measure,
            ),
            row=1,
            col=column,
        )
    figure.update_layout(title="Intraday service level and speed of answer, by queue")
    return figure


def _daily_volume(rows: list[dict]) -> go.Figure:
    days = [r["day"] for r in rows]
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for measure in ("queued", "handled", "abandoned"):
        figure.add_trace(go.Bar(x=days, y=[r[measure] for r in rows], name=f"contacts {measure}"))
    figure.add_trace(
        go.Scatter(x=days, y=[r["abandonment_rate_pct"] for r in rows], name="abandonment %", mode="lines+markers"),
        secondary_y=True,
    )
    figure.update_layout(title="Volume and abandonment by day", barmode="group")
    figure.update_xaxes(rangeslider={"visible": True}, type="date")
    return figure


def _aht_by_channel(rows: list[dict]) -> go.Figure:
    figure = go.Figure(go.Bar(x=[r["channel"] for r in rows], y=[r["aht_s"] for r in rows], name="AHT (s)"))
    figure.update_layout(title="Average handle time by channel (s)")
    return figure


def _agent_time(rows: list[dict]) -> go.Figure:
    agents = [r["agent_username"] for r in rows]
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for measure, label in (("on_contact_h", "on contact"), ("idle_h", "idle"), ("non_productive_h", "non-productive")):
        figure.add_trace(go.Bar(x=agents, y=[r[measure] for r in rows], name=f"{label} (h)"))
    figure.add_trace(
        go.Scatter(x=agents, y=[r["occupancy_pct"] for r in rows], name="occupancy %", mode="markers"),
        secondary_y=True,
    )
    figure.update_layout(title="Agent time and occupancy (top 25 by online time)", barmode="stack")
    return figure


def _status_time(rows: list[dict]) -> go.Figure:
    by_status: dict[str, dict[str, float]] = defaultdict(dict)
    for r in rows:
        by_status[r["agent_status_name"]][r["agent_username"]] = r["hours"]
    agents = sorted({r["agent_username"] for r in rows})
    figure = go.Figure(
        [go.Bar(x=agents, y=[hours.get(a, 0) for a in agents], name=s) for s, hours in by_status.items()]
    )
    figure.update_layout(title="Time in each status (h, Offline excluded)", barmode="stack")
    return figure


def _ivr(outcomes: list[dict], drops: list[dict]) -> go.Figure:
    figure = make_subplots(
        rows=2,
        cols=1,
        specs=[[{"type": "funnel"}], [{"type": "bar"}]],
        subplot_titles=("IVR outcomes (inbound flows)", "Top drop-off blocks (flow / block type)"),
        vertical_spacing=0.15,
    )
    total = sum(r["legs"] for r in outcomes)
    figure.add_trace(
        go.Funnel(y=["entered", *[r["ivr_outcome"] for r in outcomes]], x=[total, *[r["legs"] for r in outcomes]]),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Bar(x=[r["drops"] for r in drops], y=[r["block"] for r in drops], orientation="h", name="drops"),
        row=2,
        col=1,
    )
    figure.update_layout(title="IVR containment and drop-off", showlegend=False, height=620)
    figure.update_yaxes(automargin=True)
    return figure


def _experience(journeys: list[dict], sentiment: list[dict]) -> go.Figure:
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    days = [r["day"] for r in journeys]
    figure.add_trace(go.Scatter(x=days, y=[r["repeat_contact_pct"] for r in journeys], name="repeat-contact %"))
    figure.add_trace(go.Scatter(x=days, y=[r["first_contact_resolution_pct"] for r in journeys], name="FCR %"))
    figure.add_trace(
        go.Scatter(x=[r["day"] for r in sentiment], y=[r["customer"] for r in sentiment], name="customer sentiment"),
        secondary_y=True,
    )
    figure.update_layout(title="Repeat contacts, first-contact resolution and sentiment by day")
    figure.update_xaxes(rangeslider={"visible": True}, type="date")
    return figure


def figures(data: DashboardData) -> dict[str, go.Figure]:
    c = data.charts
    return {
        "intraday": _heat_maps(c["intraday"]),
        "daily_volume": _daily_volume(c["daily_volume"]),
        "aht_by_channel": _aht_by_channel(c["aht_by_channel"]),
        "agent_time": _agent_time(c["agent_time"]),
        "status_time": _status_time(c["status_time"]),
        "ivr": _ivr(c["ivr_outcomes"], c["drop_blocks"]),
        "experience": _experience(c["daily_experience"], c["daily_sentiment"]),
    }


def page(data: DashboardData, source: str) -> str:
    """The whole HTML document, plotly.js inlined in its head."""
    charts = "".join(
        f'<div class="chart" data-chart="{name}">'
        + figure.to_html(full_html=False, include_plotlyjs=False, config=CONFIG, div_id=f"chart-{name}")
        + "</div>"
        for name, figure in figures(data).items()
    )
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>connect_lake KPIs</title>'
        f"<style>{STYLE}</style><script>{plotly.offline.get_plotlyjs()}</script></head>"
        f'<body data-start="{data.start}" data-end="{data.end}">'
        f'<h1>Contact-center KPIs</h1><div class="period">{data.start} to {data.end} (UTC days)</div>'
        f'{_tiles(data)}<div class="charts">{charts}</div>'
        f"<footer>Built by connect-lake dashboard from {html.escape(source)} at {generated}. Ratios are sums over "
        "sums for the period and group shown, as the semantic layer's metrics are.</footer></body></html>"
    )
