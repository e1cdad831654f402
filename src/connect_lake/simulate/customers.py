"""The customer population and its Customer Profiles event stream.

Customers exist before the simulated period (their profiles are streamed once when the period starts) or
are new (the IVR's lookup Lambda creates the profile at their first contact). Contacts occasionally update a
profile (a new address, a new e-mail, a tier change): one UPDATED event per change, each carrying the whole
standard profile object.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import orjson

from connect_lake.simulate import catalog
from connect_lake.simulate.rand import choice, randint
from connect_lake.simulate.timefmt import iso_millis

FIRST_NAMES = (
    "Ana",
    "Ben",
    "Chloe",
    "Dmitri",
    "Elena",
    "Farah",
    "Gabriel",
    "Hana",
    "Ivan",
    "Julia",
    "Kofi",
    "Lena",
    "Marco",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Yusuf",
)
LAST_NAMES = (
    "Almeida",
    "Brown",
    "Chen",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lopez",
    "Murphy",
    "Nguyen",
    "Okafor",
    "Patel",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Williams",
)
CITIES = (
    ("Chicago", "IL", "606"),
    ("Austin", "TX", "787"),
    ("Denver", "CO", "802"),
    ("Seattle", "WA", "981"),
    ("Atlanta", "GA", "303"),
    ("Boston", "MA", "021"),
    ("Phoenix", "AZ", "850"),
    ("Portland", "OR", "972"),
)
STREETS = ("Oak St", "Maple Ave", "Lakeshore Dr", "Pine Rd", "Cedar Ln", "Elm St", "Hillcrest Blvd")
TIERS = ("standard", "standard", "standard", "gold", "platinum")


@dataclass(slots=True)
class Customer:
    index: int
    profile_id: str
    first_name: str
    last_name: str
    phone: str
    email: str
    account_number: str
    birth_date: str
    gender: str
    address: dict[str, str | None]
    tier: str
    is_new: bool
    profile_created: bool = False
    profile_version: int = 0
    contacts: int = 0
    attributes: dict[str, str] = field(default_factory=dict)


def _address(rng: random.Random) -> dict[str, str | None]:
    city, state, zip3 = choice(rng, CITIES)
    return {
        "Address1": f"{randint(rng, 10, 9999)} {choice(rng, STREETS)}",
        "Address2": None,
        "Address3": None,
        "Address4": None,
        "City": city,
        "County": None,
        "State": state,
        "Province": None,
        "Country": "US",
        "PostalCode": f"{zip3}{randint(rng, 10, 99)}",
    }


def build_population(size: int, rng: random.Random, new_share: float = 0.15) -> list[Customer]:
    customers = []
    for i in range(size):
        first, last = choice(rng, FIRST_NAMES), choice(rng, LAST_NAMES)
        customers.append(
            Customer(
                index=i,
                profile_id=f"{rng.getrandbits(128):032x}",
                first_name=first,
                last_name=last,
                # 555-01xx numbers are reserved for fiction; the index keeps them unique.
                phone=f"+1{312 + i % 7}55{i // 10_000 % 10}{i % 10_000:04d}",
                email=f"{first.lower()}.{last.lower()}{i}@example.com",
                account_number=f"AC{100_000 + i}",
                birth_date=f"{randint(rng, 1945, 2004)}-{randint(rng, 1, 12):02d}-{randint(rng, 1, 28):02d}",
                gender=choice(rng, ("FEMALE", "MALE", "UNSPECIFIED")),
                address=_address(rng),
                tier=choice(rng, TIERS),
                is_new=rng.random() < new_share,
            )
        )
    return customers


def profile_event(customer: Customer, event_type: str, at_s: float, rng: random.Random) -> bytes:
    """One Customer Profiles stream event carrying the whole standard profile object."""
    customer.profile_version += 1
    profile = {
        "ProfileId": customer.profile_id,
        "AccountNumber": customer.account_number,
        "AdditionalInformation": None,
        "PartyType": "INDIVIDUAL",
        "BusinessName": None,
        "FirstName": customer.first_name,
        "MiddleName": None,
        "LastName": customer.last_name,
        "BirthDate": customer.birth_date,
        "Gender": customer.gender,
        "PhoneNumber": customer.phone,
        "MobilePhoneNumber": customer.phone,
        "HomePhoneNumber": None,
        "BusinessPhoneNumber": None,
        "EmailAddress": customer.email,
        "PersonalEmailAddress": customer.email,
        "BusinessEmailAddress": None,
        "Address": customer.address,
        "ShippingAddress": customer.address,
        "MailingAddress": None,
        "BillingAddress": customer.address,
        "Attributes": {"tier": customer.tier, **customer.attributes},
        "ProfileType": "PROFILE",
    }
    event = {
        "SchemaVersion": 0,
        "EventId": f"{rng.getrandbits(128):032x}",
        "EventTimestamp": iso_millis(at_s),
        "EventType": event_type,
        "DomainName": catalog.PROFILES_DOMAIN,
        "ObjectTypeName": "_profile",
        "AssociatedProfileId": customer.profile_id,
        "ProfileObjectUniqueKey": customer.profile_id,
        "Object": profile,
        "IsMessageRealTime": event_type != "CREATED" or customer.is_new,
    }
    return orjson.dumps(event)


def maybe_change_profile(customer: Customer, rng: random.Random) -> str | None:
    """Apply a random profile change; return what changed, or None."""
    roll = rng.random()
    if roll < 0.02:
        customer.address = _address(rng)
        return "address"
    if roll < 0.03:
        customer.email = f"{customer.first_name.lower()}.{customer.last_name.lower()}.{randint(rng, 1, 99)}@example.net"
        return "email"
    if roll < 0.045:
        customer.tier = choice(rng, TIERS)
        return "tier"
    return None
