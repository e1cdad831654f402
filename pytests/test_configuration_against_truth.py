"""The configuration dimensions hold the simulated instance's configuration: the routing profiles' queues with
their priorities and concurrency, the hours of operation each queue follows, every flow's type from
configuration, and each agent version's hierarchy group and phone settings from the user snapshot in force
when it began. Expected values come from the simulator's catalog and truth, never from the warehouse."""

from __future__ import annotations

from datetime import datetime, timedelta

from connect_lake.simulate import catalog
from connect_lake.simulate.config_snapshots import FLOW_TYPES
from lakes import Lake, Warehouse, read_csv, ts

DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")


def test_the_current_routing_profile_queues_are_the_catalogs(warehouse: Warehouse) -> None:
    channel_of = {q.name: q.channel for q in catalog.QUEUES.values() if q.name}
    expected = {
        (profile.name, queue, channel_of[queue], priority, 0)
        for profile in catalog.ROUTING_PROFILES.values()
        for queue, priority in profile.queues
    }
    current = set(
        warehouse.query(
            "select routing_profile_name, queue_name, channel, routing_priority, routing_delay_s "
            "from main_marts.bridge_routing_profile_queues where is_current_version"
        )
    )
    assert current == expected
    # nothing changed in the simulated profiles: one version each, from the first snapshot on
    assert warehouse.query(
        "select max(version_number), count(valid_to_at) from main_marts.bridge_routing_profile_queues"
    ) == [(1, 0)]


def test_routing_profiles_carry_their_concurrency(warehouse: Warehouse) -> None:
    rows = warehouse.dicts("select * from main_marts.dim_routing_profiles")
    by_name = {row["routing_profile_name"]: row for row in rows}
    for profile in catalog.ROUTING_PROFILES.values():
        row = by_name[profile.name]
        slots = dict(profile.concurrency)
        for channel in ("VOICE", "CHAT", "TASK", "EMAIL"):
            assert row[f"{channel.lower()}_concurrency"] == slots.get(channel), (profile.name, channel)
        assert row["queue_config_count"] == len(profile.queues)
        assert row["is_in_current_configuration"] is True


def test_each_queue_follows_its_channels_opening_hours(warehouse: Warehouse) -> None:
    hours = warehouse.dicts(
        "select q.queue_name, h.day_of_week, h.iso_day_of_week, h.opens_at_time, h.closes_at_time, h.open_minutes "
        "from main_marts.dim_queues as q inner join main_marts.dim_hours_of_operation as h "
        "on q.hours_of_operation_id = h.hours_of_operation_id and h.is_current_version"
    )
    named = {q.name: q for q in catalog.QUEUES.values() if q.name}
    seen = {}
    for row in hours:
        opens, closes = catalog.OPEN_HOURS[named[row["queue_name"]].channel]
        # Connect cannot say 24:00: a day open until midnight closes at 23:59
        close_text = "23:59" if closes == 24 else f"{closes:02d}:00"
        assert (row["opens_at_time"], row["closes_at_time"]) == (f"{opens:02d}:00", close_text), row
        assert row["open_minutes"] == (closes * 60 - (1 if closes == 24 else 0)) - opens * 60
        assert row["iso_day_of_week"] == DAYS.index(row["day_of_week"]) + 1
        seen.setdefault(row["queue_name"], set()).add(row["day_of_week"])
    assert seen == {name: set(DAYS) for name in named}
    statuses = warehouse.query(
        "select queue_status, max_contacts, count(*) from main_marts.dim_queues "
        "where queue_type = 'STANDARD' group by 1, 2"
    )
    assert statuses == [("ENABLED", None, len(named))]


def test_flows_take_their_type_from_configuration(warehouse: Warehouse) -> None:
    flows = {row["contact_flow_id"]: row for row in warehouse.dicts("select * from main_marts.dim_contact_flows")}
    assert set(flows) == {f.flow_id for f in catalog.FLOWS.values()}
    for flow in catalog.FLOWS.values():
        row = flows[flow.flow_id]
        assert (row["contact_flow_name"], row["contact_flow_type"], row["contact_flow_type_source"]) == (
            flow.name,
            FLOW_TYPES.get(flow.name, "CONTACT_FLOW"),
            "configuration",
        )
    # every executed block carries its flow's configured type
    mismatched = warehouse.query(
        "select count(*) from main_marts.fct_contact_flow_blocks as b "
        "inner join main_marts.dim_contact_flows as f on b.contact_flow_id = f.contact_flow_id "
        "where b.contact_flow_type <> f.contact_flow_type"
    )
    assert mismatched == [(0,)]


def in_force(versions: list[dict[str, str]], at: datetime) -> dict[str, str]:
    """The truth's agent version in force at `at` (the first version for an earlier moment)."""
    ordered = sorted(versions, key=lambda v: v["valid_from_at"])
    current = ordered[0]
    for version in ordered:
        if ts(version["valid_from_at"]) <= at:
            current = version
    return current


def test_agent_versions_carry_the_user_snapshot_in_force_when_they_began(lake: Lake, warehouse: Warehouse) -> None:
    truth: dict[str, list[dict[str, str]]] = {}
    for row in read_csv(lake.truth / "agents.csv"):
        truth.setdefault(row["agent_id"], []).append(row)
    # the simulator snapshots the configuration at 23:59 UTC of every simulated day
    first_day = datetime.fromisoformat(lake.summary["settings"]["start_date"])
    snapshots = [first_day + timedelta(days=d, hours=23, minutes=59) for d in range(lake.summary["settings"]["days"])]
    teams = {group.name: group.group_id for group in catalog.TEAMS}
    rows = warehouse.dicts(
        "select agent_id, valid_from_at, hierarchy_group_id, phone_type, is_auto_accept, "
        "after_contact_work_time_limit_s, hierarchy_level1_label, hierarchy_level2_label, hierarchy_level3_label "
        "from main_marts.dim_agents"
    )
    assert len(rows) > len(truth)
    for row in rows:
        earlier = [s for s in snapshots if s <= row["valid_from_at"]]
        snapshot = earlier[-1] if earlier else snapshots[0]
        expected = in_force(truth[row["agent_id"]], snapshot)
        assert row["hierarchy_group_id"] == teams[expected["hierarchy_level3"]], row
        assert (row["phone_type"], row["is_auto_accept"], row["after_contact_work_time_limit_s"]) == (
            "SOFT_PHONE",
            False,
            0,
        )
        assert (row["hierarchy_level1_label"], row["hierarchy_level2_label"], row["hierarchy_level3_label"]) == (
            "Site",
            "Department",
            "Team",
        )
