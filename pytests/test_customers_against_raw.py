"""dim_customers against the landed Customer Profiles events, and the hashed keys that link contacts to
customers against the simulator's truth."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from lakes import Lake, Warehouse, truth_by_contact, ts

DEMO_SALT = "connect-lake-demo-salt"  # dbt_project.yml var pii_hash_salt, unless CONNECT_LAKE_PII_SALT is set


def key(value: str | None, salt: str) -> str | None:
    return None if value is None else hashlib.sha256((salt + value.strip().lower()).encode()).hexdigest()


def test_every_profile_version_once_in_order(lake: Lake, warehouse: Warehouse) -> None:
    events = {r["EventId"]: r for r in lake.records("customer_profiles") if r.get("ObjectTypeName") == "_profile"}
    versions = defaultdict(list)
    for event in events.values():
        versions[event["Object"]["ProfileId"]].append((ts(event["EventTimestamp"]), event["EventId"], event))
    rows = warehouse.dicts(
        "select profile_id, version_number, valid_from_at, valid_to_at, is_current_version, version_event_type, "
        "account_number, customer_tier, city, phone_key, email_key from main_marts.dim_customers"
    )
    assert len(rows) == len(events) and any(len(v) > 1 for v in versions.values())
    salt = warehouse.env.get("CONNECT_LAKE_PII_SALT", DEMO_SALT)
    by_version = {(r["profile_id"], r["version_number"]): r for r in rows}
    for profile_id, history in versions.items():
        history.sort(key=lambda v: (v[0], v[1]))
        for number, (changed_at, _, event) in enumerate(history, 1):
            row = by_version[(profile_id, number)]
            profile = event["Object"]
            assert row["valid_from_at"] == changed_at
            assert row["valid_to_at"] == (history[number][0] if number < len(history) else None)
            assert row["is_current_version"] == (number == len(history))
            assert row["version_event_type"] == event["EventType"]
            assert (row["account_number"], row["customer_tier"], row["city"]) == (
                profile["AccountNumber"],
                profile["Attributes"].get("tier"),
                profile["Address"]["City"],
            )
            assert row["phone_key"] == key(profile["PhoneNumber"], salt)
            assert row["email_key"] == key(profile["EmailAddress"], salt)


def test_contacts_find_their_customer_by_hashed_key(lake: Lake, warehouse: Warehouse) -> None:
    """A customer's contact, joined on its customer_key to the profile version in force when it started (or
    the first version, for the contact that created the profile), finds that customer's account."""
    truth = truth_by_contact(lake, "contacts.csv")
    matches = warehouse.query(
        """
            select contacts.contact_id, customers.account_number
            from main_marts.fct_contacts as contacts
            inner join main_marts.dim_customers as customers
                on contacts.customer_key in (
                    customers.phone_key, customers.mobile_phone_key, customers.email_key, customers.personal_email_key
                )
                and (contacts.initiated_at >= customers.valid_from_at or customers.version_number = 1)
                and (contacts.initiated_at < customers.valid_to_at or customers.valid_to_at is null)
        """
    )
    found = dict(matches)
    assert len(found) == len(matches)  # one profile version per contact, never a fan-out
    customers_calling = {
        cid: t for cid, t in truth.items() if t["initiation_method"] in ("INBOUND", "API", "CALLBACK", "TRANSFER")
    }
    assert len(customers_calling) > 1000
    for cid, t in customers_calling.items():
        if t["channel"] == "TASK":
            continue  # tasks have no customer endpoint
        assert found.get(cid) == f"AC{100_000 + int(t['customer_index'])}", cid
    assert all(found[cid] == f"AC{100_000 + int(truth[cid]['customer_index'])}" for cid in found if cid in truth)
