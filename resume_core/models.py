"""The resume model: JSON Resume (https://jsonresume.org/schema), both schema generations.

Unknown keys are kept (``extra="allow"``) so a file from another tool round-trips unchanged.
Older field names (``basics.website``, ``basics.picture``, ``work.company``, ``work.website``,
``education.gpa``, ``awards.awardDate``, ``publications.website``) are read into the current
ones.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import ValidationError

MAX_INPUT_BYTES = 2 * 1024 * 1024
MAX_FIELD_CHARS = 5000
MAX_LIST_ITEMS = 200
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A web address: http(s) with a host, or a bare host such as "example.com/me"; never spaces.
_URL = re.compile(r"^(https?://[^\s/]+|[^\s/:@]+\.[^\s/:@]{2,})(/\S*)?$", re.IGNORECASE)

LEGACY_NAMES: dict[str, dict[str, str]] = {
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "awards": {"awardDate": "date"},
    "publications": {"website": "url"},
}


class Entry(BaseModel):
    """Base of every section entry: extra keys kept, strings trimmed and bounded."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, validate_assignment=True)

    @field_validator("*", mode="after")
    @classmethod
    def _bounded(cls, value: Any) -> Any:
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            raise ValueError(f"is longer than {MAX_FIELD_CHARS} characters")
        if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
            raise ValueError(f"has more than {MAX_LIST_ITEMS} items")
        return value

    @field_validator("url", check_fields=False)
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value and not _URL.match(value):
            raise ValueError(f"{value!r} is not a web address (like https://example.com)")
        return value or None


def _iso_date(cls: type, value: str | None) -> str | None:
    """JSON Resume dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; empty means none."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise ValueError("must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


class Dated(Entry):
    startDate: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    endDate: str | None = Field(None, description="empty means present")

    _dates = field_validator("startDate", "endDate")(_iso_date)

    @model_validator(mode="after")
    def _ordered(self) -> Dated:
        start, end = self.startDate, self.endDate
        if start and end and end[: len(start)] < start[: len(end)]:
            raise ValueError(f"endDate {self.endDate} is before startDate {self.startDate}")
        return self


class Location(Entry):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class Profile(Entry):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(Entry):
    name: str = Field("", description="Full name as it should appear", examples=["Ada Lovelace"])
    label: str | None = Field(None, examples=["Platform Engineer"])
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[Profile] = Field(default_factory=list)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value and not _EMAIL.match(value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value or None


class Work(Dated):
    name: str | None = Field(None, description="Company (older files: company)")
    position: str | None = None
    url: str | None = None
    location: str | Location | None = None
    description: str | None = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Volunteer(Dated):
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Education(Dated):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class Award(Entry):
    title: str | None = None
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None

    _dates = field_validator("date")(_iso_date)


class Certificate(Entry):
    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    url: str | None = None

    _dates = field_validator("date")(_iso_date)


class Publication(Entry):
    name: str | None = None
    publisher: str | None = None
    releaseDate: str | None = None
    url: str | None = None
    summary: str | None = None

    _dates = field_validator("releaseDate")(_iso_date)


class Skill(Entry):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Language(Entry):
    language: str | None = None
    fluency: str | None = None


class Interest(Entry):
    name: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Reference(Entry):
    name: str | None = None
    reference: str | None = None


class Project(Dated):
    name: str | None = None
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    url: str | None = None
    roles: list[str] = Field(default_factory=list)
    entity: str | None = None
    type: str | None = None


class Resume(Entry):
    """A whole resume. Sections mirror JSON Resume; ``meta`` is kept as given."""

    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("basics"), dict):
            data["basics"] = _rename(data["basics"], {"website": "url", "picture": "image"})
        for section, renames in LEGACY_NAMES.items():
            entries = data.get(section)
            if isinstance(entries, list):
                data[section] = [_rename(entry, renames) for entry in entries]
        return data


def _rename(entry: Any, renames: dict[str, str]) -> Any:
    if not isinstance(entry, dict):
        return entry
    out = dict(entry)
    for old, new in renames.items():
        if old in out:
            value = out.pop(old)
            out.setdefault(new, value)
    return out


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "resume"


def _messages(err: pydantic.ValidationError) -> list[str]:
    out = []
    for item in err.errors():
        message = item["msg"].removeprefix("Value error, ")
        out.append(f"{_location(item['loc'])}: {message}")
    return out


def _parse(source: str | bytes | Path | dict[str, Any]) -> dict[str, Any]:
    if isinstance(source, dict):
        return source
    if isinstance(source, Path) or (
        isinstance(source, str) and not source.lstrip().startswith(("{", "["))
    ):
        path = Path(source)
        try:
            if path.stat().st_size > MAX_INPUT_BYTES:
                raise ValidationError(f"{path} is larger than {MAX_INPUT_BYTES // 1024} KB.")
            source = path.read_bytes()
        except OSError as err:
            raise ValidationError(f"Cannot read resume file {path}: {err.strerror}.") from err
    if len(source) > MAX_INPUT_BYTES:
        raise ValidationError(f"The resume is larger than {MAX_INPUT_BYTES // 1024} KB.")
    try:
        data = json.loads(source)
    except json.JSONDecodeError as err:
        raise ValidationError(
            f"The resume is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}."
        ) from None
    except UnicodeDecodeError:
        raise ValidationError("The resume is not UTF-8 text.") from None
    if not isinstance(data, dict):
        raise ValidationError("A JSON Resume file must hold one object ({...}) at the top level.")
    return data


def load_resume(source: str | bytes | Path | dict[str, Any]) -> Resume:
    """Read a JSON Resume from a path, JSON text, bytes or a dict; raise ``ValidationError``."""
    try:
        return Resume.model_validate(_parse(source))
    except pydantic.ValidationError as err:
        lines = _messages(err)
        raise ValidationError(
            "The resume has "
            + (f"{len(lines)} problems: " if len(lines) > 1 else "a problem: ")
            + "; ".join(lines[:10])
            + ("; …" if len(lines) > 10 else "")
        ) from None


def dump_resume(resume: Resume) -> dict[str, Any]:
    """JSON Resume with current field names; empty fields left out, unknown keys kept."""
    data: dict[str, Any] = resume.model_dump(mode="json", exclude_none=True, exclude_unset=True)
    return data


def resume_to_json(resume: Resume) -> str:
    return json.dumps(dump_resume(resume), ensure_ascii=False, indent=2) + "\n"
