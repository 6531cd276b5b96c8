"""Form values ↔ resume: the plain-Python side of the editor page."""

from __future__ import annotations

from typing import Any

from .models import Resume, dump_resume, load_resume


def lines(text: str) -> list[str]:
    """One item per non-empty line, trimmed (bulk-editing highlights)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def skills_to_text(resume: Resume) -> str:
    return "\n".join(
        f"{s.name}: {', '.join(s.keywords)}" if s.name else ", ".join(s.keywords)
        for s in resume.skills
    )


def skills_from_text(text: str) -> list[dict[str, Any]]:
    """``Name: a, b, c`` per line; a line without a colon is keywords only."""
    out = []
    for line in lines(text):
        name, sep, rest = line.partition(":")
        words = rest if sep else name
        item: dict[str, Any] = {"keywords": [w.strip() for w in words.split(",") if w.strip()]}
        if sep:
            item["name"] = name.strip()
        out.append(item)
    return out


def apply_edits(
    resume: Resume,
    basics: dict[str, str],
    work: list[dict[str, Any]],
    skills_text: str | None = None,
) -> Resume:
    """A new, validated resume with the edited fields; every other field and key kept.

    Raises ``ValidationError`` (field-level messages) and leaves ``resume`` untouched.
    """
    data = dump_resume(resume)
    merged_basics = dict(data.get("basics", {}))
    for field, value in basics.items():
        if value.strip():
            merged_basics[field] = value.strip()
        else:
            merged_basics.pop(field, None)
    data["basics"] = merged_basics
    old_work = data.get("work", [])
    new_work = []
    for entry in work:
        base = dict(old_work[entry["source"]]) if entry.get("source") is not None else {}
        for field, value in entry.items():
            if field == "source":
                continue
            if field == "highlights":
                base["highlights"] = lines(value)
            elif str(value).strip():
                base[field] = str(value).strip()
            else:
                base.pop(field, None)
        new_work.append(base)
    data["work"] = new_work
    if skills_text is not None:
        data["skills"] = skills_from_text(skills_text)
    return load_resume(data)
