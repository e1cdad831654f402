"""The dashboard page: plotly figures with plotly.js inlined once, so the file opens with no network at all.

Each chart says what it shows in its title and on both axes (with units), colour scales carry their unit, ticks
fall on round numbers, the sentiment axis is Contact Lens's whole -5..5 scale, every agent bar is named, and the
days whose numbers are not final yet (contacts that may still be open, repeat windows still open) are marked."""

from __future__ import annotations

import html
import math
from collections import defaultdict
from datetime import UTC, date, datetime

import plotly.graph_objects as go
import plotly.offline
from plotly.subplots import make_subplots

from connect_lake.dashboard.kpis import (
    CHANNEL_COLUMNS,
    CHANNELS,
    HEALTH_TILES,
    TILES,
    TOP_AGENTS,
    WINDOWED_TILES,
    DashboardData,
)
from connect_lake.dashboard.kpis import channel_metric as metric_of

CONFIG = {"displaylogo": False, "responsive": True}
# hatching for the days whose counts are not final
OPEN_PATTERN = {"fgcolor": "#ffffff", "size": 6}
STYLE = """
body { font-family: system-ui, sans-serif; margin: 24px; background: #f6f7f9; color: #1d2733; }
h1 { margin: 0 0 4px; } h2 { font-size: 17px; margin: 20px 0 8px; } .period { color: #5b6675; margin-bottom: 16px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
.tile { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px #0002; }
.tile .label { font-size: 13px; color: #5b6675; } .tile .value { font-size: 26px; font-weight: 600; }
.tile .note { font-size: 12px; color: #a05a00; margin-top: 2px; }
table.channels { border-collapse: collapse; margin-top: 16px; background: #fff; border-radius: 8px;
  box-shadow: 0 1px 2px #0002; }
table.channels th, table.channels td { padding: 8px 16px; text-align: right; }
table.channels th { font-size: 13px; color: #5b6675; font-weight: 500; } table.channels td.kpi { font-size: 20px; }
table.channels th:first-child, table.channels td:first-child { text-align: left; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(620px, 1fr)); gap: 16px; margin-top: 16px; }
.chart { background: #fff; border-radius: 8px; padding: 8px; box-shadow: 0 1px 2px #0002; }
footer { color: #5b6675; font-size: 12px; margin-top: 16px; }
"""


def _value_text(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "s":
        return f"{value:,.0f} s"
    return f"{value:,.0f}" if value == int(value) else f"{value:.2f}"


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 2 or 5 times a power of ten) at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _tiles(data: DashboardData, tiles: dict[str, tuple[str, str]], heading: str = "") -> str:
    cells = []
    for name, (label, unit) in tiles.items():
        value = data.tiles[name]
        raw = "" if value is None else repr(value)
        note = ""
        if name in WINDOWED_TILES and data.open_window_days:
            note = '<div class="note">not final: repeat window still open</div>'
        cells.append(
            f'<div class="tile" data-kpi="{name}" data-value="{raw}"><div class="label">{html.escape(label)}</div>'
            f'<div class="value">{_value_text(value, unit)}</div>{note}</div>'
        )
    title = f"<h2>{html.escape(heading)}</h2>" if heading else ""
    return f'{title}<div class="tiles">' + "".join(cells) + "</div>"


def _channel_table(data: DashboardData) -> str:
    queued = {r["queue_interval__channel"]: r["contacts_queued"] for r in data.charts["channel_volume"]}
    head = "".join(f"<th>{html.escape(label)}</th>" for label, _, _ in CHANNEL_COLUMNS.values())
    rows = []
    for channel in CHANNELS:
        count = queued.get(channel)
        cells = [
            f'<td>{channel.capitalize()}</td><td class="kpi" data-kpi="contacts_queued" data-channel="{channel}"'
            f' data-value="{"" if count is None else repr(float(count))}">{_value_text(count, "")}</td>'
        ]
        for column, (_, unit, _) in CHANNEL_COLUMNS.items():
            name = metric_of(column, channel)
            value = data.tiles[name]
            raw = "" if value is None else repr(value)
            cells.append(f'<td class="kpi" data-kpi="{name}" data-value="{raw}">{_value_text(value, unit)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table class="channels"><thead><tr><th>Channel</th><th>Contacts queued</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _heat_map(rows: list[dict], measure: str, title: str, unit: str, scale: str, top: float | None) -> go.Figure:
    # queues with nothing to show (an outbound queue queues nothing) are left out
    queues = sorted({r["queue_interval__queue_name"] for r in rows if r.get(measure) is not None}, reverse=True)
    hours = list(range(24))
    cells = {(r["queue_interval__queue_name"], int(r["queue_interval__hour_of_day"])): r for r in rows}
    z = [[(cells.get((q, h)) or {}).get(measure) for h in hours] for q in queues]
    values = sorted(float(v) for row in z for v in row if v is not None)
    if top is None and values:
        # most of the map in range: the top at a round number above the 95th percentile
        top = nice_ceiling(values[min(len(values) - 1, int(0.95 * len(values)))])
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=hours,
            y=queues,
            colorscale=scale,
            zmin=0,
            zmax=top,
            hoverongaps=False,
            colorbar={"title": {"text": unit, "side": "right"}},
            hovertemplate="%{y}, %{x}:00 UTC: %{z:.1f}<extra></extra>",
        )
    )
    figure.update_layout(title=title, height=360, margin={"l": 110})
    figure.update_xaxes(title="Hour of day (UTC)", dtick=3, range=[-0.5, 23.5])
    figure.update_yaxes(title="Queue")
    return figure


def _day(value: datetime | date) -> date:
    """A day MetricFlow returns (a timestamp at midnight on DuckDB) as a date."""
    return value.date() if isinstance(value, datetime) else value


def _daily_volume(rows: list[dict], open_days: list[date]) -> go.Figure:
    rows = sorted(rows, key=lambda r: _day(r["metric_time__day"]))
    days = [_day(r["metric_time__day"]) for r in rows]
    labels = [f"{d:%a %d %b}" + (" *" if d in open_days else "") for d in days]
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for measure, name in (
        ("contacts_queued", "queued"),
        ("contacts_handled", "handled"),
        ("contacts_abandoned", "abandoned"),
    ):
        figure.add_trace(
            go.Bar(
                x=labels,
                y=[r[measure] for r in rows],
                name=f"contacts {name}",
                marker_pattern={**OPEN_PATTERN, "shape": ["/" if d in open_days else "" for d in days]},
            )
        )
    rates = [r["abandonment_rate_pct"] for r in rows]
    figure.add_trace(go.Scatter(x=labels, y=rates, name="abandonment rate (%)", mode="lines+markers"), secondary_y=True)
    top = nice_ceiling(max((float(v) for v in rates if v is not None), default=10) * 1.2)
    figure.update_layout(
        title="Contacts and abandonment by day",
        barmode="group",
        legend={"orientation": "h", "y": -0.3},
        margin={"b": 110},
    )
    if open_days:
        figure.add_annotation(
            text="* hatched: not final, contacts may still be open",
            xref="paper",
            yref="paper",
            x=1,
            y=1.08,
            showarrow=False,
            font={"size": 11, "color": "#a05a00"},
            xanchor="right",
        )
    figure.update_xaxes(title="Day (UTC)", type="category")
    figure.update_yaxes(title="Contacts", rangemode="tozero", secondary_y=False)
    figure.update_yaxes(title="Abandonment rate (%)", range=[0, top], dtick=top / 5, secondary_y=True, showgrid=False)
    return figure


def _handle_time(rows: list[dict]) -> go.Figure:
    rows = sorted(rows, key=lambda r: r["queue_interval__channel"])
    values = [float(r["avg_handle_time_s"] or 0) for r in rows]
    figure = go.Figure(
        go.Bar(
            x=[r["queue_interval__channel"].capitalize() for r in rows],
            y=values,
            text=[f"{v:,.0f} s ({int(r['contacts_handled']):,} handled)" for v, r in zip(values, rows, strict=True)],
            textposition="outside",
            name="average handle time",
        )
    )
    figure.update_layout(title="Average handle time by channel", height=360)
    figure.update_xaxes(title="Channel")
    figure.update_yaxes(title="Average handle time (s)", range=[0, nice_ceiling(max(values, default=1) * 1.15)])
    return figure


def _agents(rows: list[dict]) -> go.Figure:
    rows = sorted(rows, key=lambda r: float(r["online_time_s"] or 0), reverse=True)[:TOP_AGENTS]
    rows.reverse()  # the busiest at the top
    names = [r["agent_version__agent_username"] for r in rows]
    figure = go.Figure()
    for measure, label in (
        ("agent_on_contact_time_s", "on contact"),
        ("agent_idle_time_s", "idle"),
        ("non_productive_time_s", "non-productive"),
    ):
        figure.add_trace(go.Bar(y=names, x=[float(r[measure] or 0) / 3600 for r in rows], name=label, orientation="h"))
    totals = [
        sum(float(r[m] or 0) for m in ("agent_on_contact_time_s", "agent_idle_time_s", "non_productive_time_s")) / 3600
        for r in rows
    ]
    figure.add_trace(
        go.Scatter(
            y=names,
            x=totals,
            mode="text",
            text=[
                f"  {float(r['occupancy_pct']):.0f}% occupied" if r["occupancy_pct"] is not None else "" for r in rows
            ],
            textposition="middle right",
            showlegend=False,
            hoverinfo="skip",
        )
    )
    _agent_bars_layout(figure, f"Agent time and occupancy, the {len(rows)} agents longest online", names)
    figure.update_xaxes(range=[0, nice_ceiling(max(totals, default=1) * 1.3)])
    return figure


def _status_time(rows: list[dict]) -> go.Figure:
    totals: dict[str, float] = defaultdict(float)
    by_status: dict[str, dict[str, float]] = defaultdict(dict)
    for r in rows:
        by_status[r["agent_status_name"]][r["agent_username"]] = float(r["hours"])
        totals[r["agent_username"]] += float(r["hours"])
    agents = sorted(totals, key=lambda a: totals[a], reverse=True)[:TOP_AGENTS][::-1]
    figure = go.Figure(
        [
            go.Bar(y=agents, x=[hours.get(a, 0) for a in agents], name=status, orientation="h")
            for status, hours in sorted(by_status.items())
        ]
    )
    _agent_bars_layout(
        figure, f"Time in each status, the {len(agents)} agents logged in longest (Offline excluded)", agents
    )
    return figure


def _agent_bars_layout(figure: go.Figure, title: str, agents: list[str]) -> None:
    """Stacked hours per agent, one row each: every agent named (plotly skips tick labels when rows are dense)."""
    figure.update_layout(
        title=title,
        barmode="stack",
        height=120 + 26 * len(agents),
        margin={"l": 150},
        legend={"orientation": "h", "y": -0.12},
    )
    figure.update_xaxes(title="Hours")
    figure.update_yaxes(title="Agent", tickmode="array", tickvals=agents, ticktext=agents)


def _ivr_outcomes(outcomes: list[dict]) -> go.Figure:
    """One stacked bar: what became of the legs entering an inbound flow, as shares."""
    total = sum(int(r["ivr_entries"]) for r in outcomes) or 1
    figure = go.Figure()
    for r in sorted(outcomes, key=lambda r: -int(r["ivr_entries"])):
        share = 100 * int(r["ivr_entries"]) / total
        figure.add_trace(
            go.Bar(
                y=["inbound flows"],
                x=[share],
                name=f"{r['ivr_path__ivr_outcome']}: {share:.1f}% ({int(r['ivr_entries']):,} legs)",
                orientation="h",
                text=[f"{r['ivr_path__ivr_outcome']} {share:.0f}%" if share >= 8 else ""],
                textposition="inside",
                insidetextanchor="middle",
            )
        )
    figure.update_layout(
        title=f"What became of the {total:,} legs entering an inbound flow",
        barmode="stack",
        height=300,
        margin={"l": 110, "b": 110},
        legend={"orientation": "h", "y": -0.45},
    )
    figure.update_xaxes(title="Share of legs (%)", range=[0, 100], dtick=20)
    figure.update_yaxes(title="IVR")
    return figure


def _ivr_drop_off(drops: list[dict]) -> go.Figure:
    drops = sorted((r for r in drops if int(r["ivr_dropped"] or 0) > 0), key=lambda r: int(r["ivr_dropped"]))[-10:]
    labels = [f"{r['ivr_path__exit_contact_flow_name']} / {r['ivr_path__exit_module_type']}" for r in drops]
    figure = go.Figure(go.Bar(x=[int(r["ivr_dropped"]) for r in drops], y=labels, orientation="h", name="legs dropped"))
    figure.update_layout(
        title="Where customers dropped out of the IVR: the last block logged",
        height=140 + 32 * len(drops),
        margin={"l": 220},
    )
    figure.update_xaxes(title="Legs dropped")
    figure.update_yaxes(title="Flow / block type", tickmode="array", tickvals=labels, ticktext=labels)
    return figure


def _experience(journeys: list[dict], sentiment: list[dict], open_days: list[date]) -> go.Figure:
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    journeys = sorted(journeys, key=lambda r: _day(r["metric_time__day"]))
    sentiment = sorted(sentiment, key=lambda r: _day(r["metric_time__day"]))
    days = [_day(r["metric_time__day"]) for r in journeys]
    for measure, name in (
        ("first_contact_resolution_pct", "first-contact resolution (%)"),
        ("repeat_contact_pct", "repeat-contact rate (%)"),
    ):
        values = [r[measure] for r in journeys]
        final = [v if d not in open_days else None for d, v in zip(days, values, strict=True)]
        pending = [v if d in open_days else None for d, v in zip(days, values, strict=True)]
        if any(v is not None for v in final):
            figure.add_trace(go.Scatter(x=days, y=final, name=name, mode="lines+markers"))
        if any(v is not None for v in pending):
            figure.add_trace(
                go.Scatter(
                    x=days,
                    y=pending,
                    name=f"{name}, window open",
                    mode="lines+markers",
                    line={"dash": "dot"},
                    marker={"symbol": "circle-open", "size": 9},
                )
            )
    figure.add_trace(
        go.Scatter(
            x=[_day(r["metric_time__day"]) for r in sentiment],
            y=[r["avg_customer_sentiment"] for r in sentiment],
            name="customer sentiment (-5 to 5)",
            mode="lines+markers",
        ),
        secondary_y=True,
    )
    if open_days:
        figure.add_vrect(
            x0=str(min(open_days)),
            x1=str(max(open_days)),
            fillcolor="#f2c14e",
            opacity=0.15,
            line_width=0,
            annotation_text="repeat window still open: not final",
            annotation_position="top left",
        )
    figure.update_layout(
        title={"text": "First-contact resolution, repeat contacts and sentiment by contact day", "y": 0.97},
        legend={"orientation": "h", "x": 0, "y": 1.04, "yanchor": "bottom"},
        height=560,
        margin={"t": 150},
    )
    figure.update_xaxes(title="Day the contact began (UTC)", type="date", dtick=86_400_000, tickformat="%a %d %b")
    figure.update_yaxes(title="Share of journeys (%)", range=[0, 100], dtick=20, secondary_y=False)
    figure.update_yaxes(title="Customer sentiment (-5 to 5)", range=[-5, 5], dtick=1, secondary_y=True, showgrid=False)
    return figure


def _instance_health(rows: list[dict]) -> go.Figure:
    """Per hour: the peak concurrency against the quota (the line), and the calls agents missed and the flow error
    branches taken (bars): an instance near its quota throttles calls, and errors point at a broken flow."""
    rows = sorted(rows, key=lambda r: r["metric_time__hour"])
    hours = [r["metric_time__hour"] for r in rows]
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for measure, name in (("missed_calls", "calls missed by agents"), ("contact_flow_errors", "flow error branches")):
        figure.add_trace(go.Bar(x=hours, y=[r[measure] or 0 for r in rows], name=name), secondary_y=True)
    figure.add_trace(
        go.Scatter(
            x=hours,
            y=[r["peak_concurrent_calls_pct"] for r in rows],
            customdata=[r["peak_concurrent_calls"] for r in rows],
            name="peak concurrency (% of quota)",
            mode="lines",
            hovertemplate="%{x}: %{y:.0f}% of quota (%{customdata} calls)<extra></extra>",
        ),
        secondary_y=False,
    )
    counts = [float(r[m] or 0) for r in rows for m in ("missed_calls", "contact_flow_errors")]
    top = nice_ceiling(max(counts, default=1) * 2)
    figure.update_layout(
        title="Instance health by hour: concurrency against quota, misses, flow errors",
        barmode="group",
        height=400,
        legend={"orientation": "h", "y": -0.3},
        margin={"b": 110},
    )
    figure.update_xaxes(title="Hour (UTC)", type="date")
    figure.update_yaxes(title="Peak concurrent calls (% of quota)", range=[0, 100], dtick=20, secondary_y=False)
    figure.update_yaxes(title="Calls missed, flow errors (per hour)", range=[0, top], secondary_y=True, showgrid=False)
    return figure


def figures(data: DashboardData) -> dict[str, go.Figure]:
    c = data.charts
    return {
        "intraday_service_level": _heat_map(
            c["intraday_service_level"],
            "service_level_pct",
            "Service level by queue and hour of day (standard queues)",
            "Service level (%)",
            "RdYlGn",
            100,
        ),
        "intraday_asa": _heat_map(
            c["intraday_asa"],
            "avg_queue_answer_time_s",
            "Average speed of answer by queue and hour (voice and chat queues)",
            "ASA (s)",
            "YlOrRd",
            None,
        ),
        "daily_volume": _daily_volume(c["daily_volume"], data.open_queue_days),
        "handle_time": _handle_time(c["handle_time"]),
        "agents": _agents(c["agents"]),
        "status_time": _status_time(c["status_time"]),
        "ivr_outcomes": _ivr_outcomes(c["ivr_outcomes"]),
        "ivr_drop_off": _ivr_drop_off(c["drop_blocks"]),
        "experience": _experience(c["daily_experience"], c["daily_sentiment"], data.open_window_days),
        "instance_health": _instance_health(c["instance_health"]),
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
    open_days = sorted(set(data.open_queue_days) | set(data.open_window_days))
    pending = (
        " Not final yet: " + ", ".join(f"{d:%a %d %b}" for d in open_days) + " (marked in the charts)."
        if open_days
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>connect_lake KPIs</title>'
        f"<style>{STYLE}</style><script>{plotly.offline.get_plotlyjs()}</script></head>"
        f'<body data-start="{data.start}" data-end="{data.end}"'
        f' data-open-days="{" ".join(str(d) for d in open_days)}">'
        f'<h1>Contact-center KPIs</h1><div class="period">{data.start} to {data.end} (UTC days, every metric dated by'
        f" its contact).{pending}</div>"
        f"{_tiles(data, TILES)}{_channel_table(data)}"
        f'{_tiles(data, HEALTH_TILES, "Instance health (CloudWatch metrics)")}<div class="charts">{charts}</div>'
        f"<footer>Built by connect-lake dashboard from {html.escape(source)} at {generated}. Every number is the "
        "semantic layer's metric for the period and group shown (mf query gives the same): instance totals count "
        "standard and agent queues; service level, speed of answer, handle time and abandonment are per channel, "
        "since voice and chat wait seconds and tasks hours.</footer></body></html>"
    )
