"""Form values ↔ resume: the plain-Python side of the editor page.

Every change goes through ``load_resume`` again, so the editor validates exactly as an import
does; keys this editor does not show (another tool's extras) are carried over from the entry
each row or form came from.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .models import Resume, dump_resume, load_resume

# Sections edited one entry at a time (they have highlights), with their text fields.
ENTRY_SECTIONS: dict[str, tuple[str, ...]] = {
    "work": ("position", "name", "startDate", "endDate", "url", "location", "summary"),
    "projects": ("name", "description", "startDate", "endDate", "url", "entity", "type"),
    "volunteer": ("position", "organization", "startDate", "endDate", "url", "summary"),
}
# Sections edited as tables. A field ending in "*" is a list, written "a, b, c".
TABLE_SECTIONS: dict[str, tuple[str, ...]] = {
    "profiles": ("network", "username", "url"),
    "education": (
        "institution",
        "studyType",
        "area",
        "startDate",
        "endDate",
        "score",
        "url",
        "courses*",
    ),
    "skills": ("name", "level", "keywords*"),
    "languages": ("language", "fluency"),
    "certificates": ("name", "issuer", "date", "url"),
    "awards": ("title", "awarder", "date", "summary"),
    "publications": ("name", "publisher", "releaseDate", "url", "summary"),
    "interests": ("name", "keywords*"),
    "references": ("name", "reference"),
}
BASICS_FIELDS = ("name", "label", "email", "phone", "url", "image", "summary")
LOCATION_FIELDS = ("address", "postalCode", "city", "region", "countryCode")
SOURCE = "_source"


def lines(text: str) -> list[str]:
    """One item per non-empty line, trimmed (bulk-editing highlights)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _clean(value: Any) -> str:
    """Table cells may come back as None or NaN for new rows."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _section(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    holder = data.get("basics", {}) if section == "profiles" else data
    entries = holder.get(section, [])
    return [dict(e) for e in entries] if isinstance(entries, list) else []


def _store(data: dict[str, Any], section: str, entries: list[dict[str, Any]]) -> None:
    if section == "profiles":
        data.setdefault("basics", {})["profiles"] = entries
    else:
        data[section] = entries


def table_rows(resume: Resume, section: str) -> list[dict[str, Any]]:
    """Rows for a table editor: one per entry, list fields joined with commas."""
    rows = []
    for i, entry in enumerate(_section(dump_resume(resume), section)):
        row: dict[str, Any] = {SOURCE: i}
        for field in TABLE_SECTIONS[section]:
            name = field.rstrip("*")
            value = entry.get(name)
            row[name] = ", ".join(value or []) if field.endswith("*") else (value or "")
        rows.append(row)
    return rows


def apply_table(resume: Resume, section: str, rows: list[dict[str, Any]]) -> Resume:
    """The resume with ``section`` replaced by ``rows`` (in their order); blank rows dropped."""
    data = dump_resume(resume)
    old = _section(data, section)
    entries = []
    for row in rows:
        source = row.get(SOURCE)
        index = int(source) if isinstance(source, int | float) and not math.isnan(source) else -1
        entry = dict(old[index]) if 0 <= index < len(old) else {}
        for field in TABLE_SECTIONS[section]:
            name = field.rstrip("*")
            value = _clean(row.get(name))
            if field.endswith("*"):
                entry[name] = [v.strip() for v in value.split(",") if v.strip()]
            elif value:
                entry[name] = value
            else:
                entry.pop(name, None)
        if any(
            v for k, v in entry.items() if k in {f.rstrip("*") for f in TABLE_SECTIONS[section]}
        ):
            entries.append(entry)
    _store(data, section, entries)
    return load_resume(data)


def entry_form(resume: Resume, section: str, index: int) -> dict[str, str]:
    """Text values of one entry, highlights one per line."""
    entry = _section(dump_resume(resume), section)[index]
    values = {}
    for field in ENTRY_SECTIONS[section]:
        value = entry.get(field)
        if isinstance(value, dict):  # a location object: show its city and country
            value = ", ".join(str(v) for v in value.values() if v)
        values[field] = str(value or "")
    values["highlights"] = "\n".join(entry.get("highlights", []))
    return values


def apply_entry(resume: Resume, section: str, index: int, values: dict[str, str]) -> Resume:
    """The resume with entry ``index`` of ``section`` updated from ``values``."""
    data = dump_resume(resume)
    entries = _section(data, section)
    entry = entries[index]
    for field, value in values.items():
        if field == "highlights":
            entry["highlights"] = lines(value)
        elif field == "location" and isinstance(entry.get("location"), dict):
            if value.strip() != entry_form(resume, section, index)["location"]:
                entry["location"] = value.strip() or None
        elif value.strip():
            entry[field] = value.strip()
        else:
            entry.pop(field, None)
    entry = {k: v for k, v in entry.items() if v is not None}
    entries[index] = entry
    _store(data, section, entries)
    return load_resume(data)


def add_entry(resume: Resume, section: str) -> Resume:
    data = dump_resume(resume)
    entries = _section(data, section)
    first = ENTRY_SECTIONS[section][0] if section in ENTRY_SECTIONS else TABLE_SECTIONS[section][0]
    entries.append({first.rstrip("*"): "New entry"})
    _store(data, section, entries)
    return load_resume(data)


def remove_entry(resume: Resume, section: str, index: int) -> Resume:
    data = dump_resume(resume)
    entries = _section(data, section)
    del entries[index]
    _store(data, section, entries)
    return load_resume(data)


def move_entry(resume: Resume, section: str, index: int, delta: int) -> Resume:
    """Move an entry up (``delta`` < 0) or down; at either end it stays where it is."""
    data = dump_resume(resume)
    entries = _section(data, section)
    target = index + delta
    if 0 <= target < len(entries):
        entries[index], entries[target] = entries[target], entries[index]
    _store(data, section, entries)
    return load_resume(data)


def apply_basics(resume: Resume, basics: dict[str, str], location: dict[str, str]) -> Resume:
    """The resume with edited basics; the profiles and any extra keys kept."""
    data = dump_resume(resume)
    merged = dict(data.get("basics", {}))
    for field, value in basics.items():
        if value.strip():
            merged[field] = value.strip()
        else:
            merged.pop(field, None)
    place = {k: v.strip() for k, v in location.items() if v.strip()}
    extra = {k: v for k, v in merged.get("location", {}).items() if k not in LOCATION_FIELDS}
    if place or extra:
        merged["location"] = {**extra, **place}
    else:
        merged.pop("location", None)
    data["basics"] = merged
    return load_resume(data)


DRAFT = "draft.json"


def save_draft(output_dir: Path, resume: Resume) -> Path:
    """Keep the editor's current resume on disk, so a refresh or restart loses nothing."""
    from .mirror import write_atomic
    from .models import resume_to_json

    return write_atomic(output_dir / DRAFT, resume_to_json(resume).encode("utf-8"))


def load_draft(output_dir: Path) -> Resume | None:
    """The saved draft, or None when there is none or it no longer reads."""
    from .errors import ValidationError

    path = output_dir / DRAFT
    if not path.is_file():
        return None
    try:
        return load_resume(path)
    except ValidationError:
        return None
