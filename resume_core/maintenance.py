"""Bucket upkeep: storage usage per folder, and a lifecycle rule that expires old uploads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .keys import JSON_DIR, PDF_DIR, join_key
from .s3_utils import S3Store

RULE_PREFIX = "resume-customizer-expire-"


@dataclass(frozen=True)
class Usage:
    folder: str
    objects: int
    bytes: int


def usage(store: S3Store) -> list[Usage]:
    """Objects and bytes under each folder, from listings only."""
    out = []
    for folder in (PDF_DIR, JSON_DIR):
        count = size = 0
        for info in store.objects(folder):
            count += 1
            size += info.size
        out.append(Usage(join_key(store.prefix, folder) + "/", count, size))
    return out


def proposed_rules(store: S3Store, days: int) -> list[dict[str, Any]]:
    """Our rules (one per folder) expiring objects ``days`` after upload."""
    if not 1 <= days <= 36500:
        from .errors import ConfigError

        raise ConfigError(f"Expiry must be between 1 and 36500 days, not {days}.")
    return [
        {
            "ID": f"{RULE_PREFIX}{folder}",
            "Filter": {"Prefix": join_key(store.prefix, folder) + "/"},
            "Status": "Enabled",
            "Expiration": {"Days": days},
        }
        for folder in (PDF_DIR, JSON_DIR)
    ]


def current_expiry(store: S3Store) -> dict[str, int | None]:
    """folder prefix → the days after which our rule expires it (None: no rule of ours)."""
    ours = {
        r["Filter"].get("Prefix", ""): r.get("Expiration", {}).get("Days")
        for r in store.lifecycle_rules()
        if str(r.get("ID", "")).startswith(RULE_PREFIX) and r.get("Status") == "Enabled"
    }
    return {
        join_key(store.prefix, f) + "/": ours.get(join_key(store.prefix, f) + "/")
        for f in (PDF_DIR, JSON_DIR)
    }


def apply_expiry(store: S3Store, days: int | None) -> list[dict[str, Any]]:
    """Replace our rules (``None`` removes them), keeping every other rule of the bucket."""
    others = [
        r for r in store.lifecycle_rules() if not str(r.get("ID", "")).startswith(RULE_PREFIX)
    ]
    rules = others + (proposed_rules(store, days) if days is not None else [])
    store.set_lifecycle_rules(rules)
    return rules
