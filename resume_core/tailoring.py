"""Tailoring: rank a resume's content against a job description, and say honestly how well it fits.

Offline and explainable: the job's terms are weighted (requirements above nice-to-haves, repeated
terms above one-offs, generic words near zero), normalised (case, aliases, stems), and matched
against the resume. The score before and after is the same formula, the weighted share of the
job's terms that the resume visibly shows. Only original text is ever kept: tailoring reorders
(and, if asked, drops) highlights; it never writes any.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypedDict

import snowballstemmer

from .errors import ValidationError
from .models import Resume

MAX_JOB_CHARS = 50_000
_WORD = re.compile(r"[^\W_][\w+#./-]*", re.UNICODE)
_NICE = re.compile(r"nice to have|bonus|preferred|a plus|nice-to-have", re.IGNORECASE)


@dataclass(frozen=True)
class Job:
    """A job description: its title and company (when known) and its text, split by weight."""

    title: str = ""
    company: str = ""
    required: str = ""
    nice: str = ""

    @property
    def target(self) -> str:
        return " — ".join(p for p in (self.title, self.company) if p) or "general"


class HighlightScore(TypedDict):
    work_index: int
    original_index: int
    text: str
    score: float
    kept: bool


class TailorReport(TypedDict):
    score_before: int
    score_after: int
    matched_keywords: list[str]
    missing_keywords: list[str]
    highlights: list[HighlightScore]
    target: str


@dataclass
class TailorResult:
    """``resume`` is the tailored copy; ``original`` the input, untouched."""

    resume: Resume
    report: TailorReport
    job: Job = field(default_factory=Job)
    original: Resume = field(default_factory=Resume)


@functools.cache
def _terms_data() -> dict[str, Any]:
    text = resources.files("resume_core").joinpath("data/terms.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


@functools.cache
def _ignored() -> frozenset[str]:
    data = _terms_data()
    return frozenset(data["stopwords"]) | frozenset(data["generic"])


@functools.cache
def normalise(word: str) -> str:
    """One spelling per concept: lower case, trailing dots gone, aliases, then an English stem."""
    word = word.lower().strip(".-/")
    word = _terms_data()["aliases"].get(word, word)
    if re.fullmatch(r"[a-z]+", word):
        return str(_stemmer().stemWord(word))
    return word


@functools.cache
def _groups() -> dict[str, frozenset[str]]:
    """Normalised term → the related-skill groups it belongs to."""
    out: dict[str, set[str]] = defaultdict(set)
    for group, members in _terms_data()["groups"].items():
        for member in members:
            out[normalise(member)].add(group)
    return {term: frozenset(groups) for term, groups in out.items()}


@dataclass(frozen=True)
class Term:
    key: str
    surface: str
    named: bool
    part: bool = False


def _is_named(surface: str, sentence_start: bool) -> bool:
    """A tool, product or proper name rather than an ordinary word."""
    if any(c.isdigit() or c in "+#./" for c in surface) or any(c.isupper() for c in surface[1:]):
        return True
    return surface[:1].isupper() and not sentence_start


def terms(text: str) -> list[Term]:
    """Every meaningful word of ``text``, normalised; hyphenated compounds also give their parts."""
    ignored = _ignored()
    groups = _groups()
    out = []
    for line in text.splitlines():
        start = True
        for match in _WORD.finditer(line):
            raw = match.group()
            surface = raw.strip(".-/")
            lower = surface.lower()
            keep = bool(surface) and lower not in ignored and any(c.isalpha() for c in lower)
            if keep and (len(lower) >= 2 or lower == "r"):
                key = normalise(surface)
                named = _is_named(surface, start) or key in groups
                out.append(Term(key, surface, named))
                if "-" in surface:
                    out += [
                        Term(normalise(part), part, named, part=True)
                        for part in surface.split("-")
                        if len(part) >= 3 and part.lower() not in ignored
                    ]
            start = raw.endswith((".", ":", "!", "?")) or line[
                match.start() - 2 : match.start()
            ] in (
                "- ",
                "• ",
            )
    return out


@functools.lru_cache(maxsize=4096)
def _keys(text: str) -> frozenset[str]:
    return frozenset(t.key for t in terms(text))


def _split_job_text(text: str) -> tuple[str, str, str, str]:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    title = company = ""
    if lines and len(lines[0]) <= 120:
        head = re.split(r"\s+[—–|@-]\s+|\s+at\s+", lines[0], maxsplit=1)
        title = head[0].strip()
        company = head[1].strip() if len(head) > 1 else ""
    required: list[str] = []
    nice: list[str] = []
    in_nice = False
    for line in lines:
        if _NICE.search(line):
            in_nice = True
        elif re.match(r"^(requirements|required|must|responsibilities|what you)", line, re.I):
            in_nice = False
        (nice if in_nice else required).append(line)
    return title, company, "\n".join(required), "\n".join(nice)


def load_job(source: str | Path | dict[str, Any]) -> Job:
    """A job from pasted text, a text file, or a JSON Resume job file (or its dict)."""
    if isinstance(source, Path):
        try:
            source = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ValidationError(f"Cannot read the job description {source}: {err}.") from err
    if isinstance(source, str) and source.lstrip().startswith("{"):
        try:
            source = json.loads(source)
        except json.JSONDecodeError as err:
            raise ValidationError(f"The job file is not valid JSON: {err.msg}.") from None
    if isinstance(source, dict):
        return _job_from_dict(source)
    text = str(source)
    if len(text) > MAX_JOB_CHARS:
        raise ValidationError(f"The job description is longer than {MAX_JOB_CHARS} characters.")
    title, company, required, nice = _split_job_text(text)
    if not terms(required + nice):
        raise ValidationError("The job description has no words to match against.")
    return Job(title, company, required, nice)


def _job_from_dict(data: dict[str, Any]) -> Job:
    def text(value: Any) -> str:
        if isinstance(value, list):
            return "\n".join(text(v) for v in value)
        if isinstance(value, dict):
            return " ".join(text(v) for v in value.values())
        return str(value) if value else ""

    required = "\n".join(
        text(data.get(k)) for k in ("title", "description", "responsibilities", "qualifications")
    )
    skills = text([s.get("keywords", []) for s in data.get("skills", []) if isinstance(s, dict)])
    return Job(
        str(data.get("title", "")), str(data.get("company", "")), required + "\n" + skills, ""
    )


@dataclass(frozen=True)
class JobTerms:
    weights: dict[str, float]
    surface: dict[str, str]
    named: frozenset[str]
    listed: frozenset[str]
    by_group: dict[str, frozenset[str]] = field(default_factory=dict)


def job_terms(job: Job) -> JobTerms:
    """Weighted terms: requirements 1, nice-to-haves ½, the title ½, the company's own name 0;
    a repeated term gains logarithmically."""
    counts: dict[str, float] = defaultdict(float)
    surface: dict[str, str] = {}
    named: set[str] = set()
    listed: set[str] = set()
    company = _keys(job.company)
    title = _keys(job.title)
    for factor, text in ((1.0, job.required), (0.5, job.nice)):
        for term in terms(text):
            if term.key in company:
                continue
            counts[term.key] += factor * (0.5 if term.key in title else 1.0)
            surface.setdefault(term.key, term.surface)
            if term.named:
                named.add(term.key)
            if not term.part:
                listed.add(term.key)
    weights = {t: (1.0 + math.log(c)) if c >= 1 else c for t, c in counts.items()}
    by_group: dict[str, set[str]] = defaultdict(set)
    for key in weights:
        for group in _groups().get(key, frozenset()):
            by_group[group].add(key)
    return JobTerms(
        weights,
        surface,
        frozenset(named),
        frozenset(listed),
        {g: frozenset(ts) for g, ts in by_group.items()},
    )


def _credited(job: JobTerms, shown: frozenset[str] | set[str]) -> float:
    """Weighted credit: a job term counts fully if shown, half if a related skill is shown."""
    groups = _groups()
    direct = shown & job.weights.keys()
    partial: set[str] = set()
    for term in shown:
        for group in groups.get(term, frozenset()):
            partial |= job.by_group.get(group, frozenset())
    partial -= direct
    return sum(job.weights[t] for t in direct) + 0.5 * sum(job.weights[t] for t in partial)


def _visible_terms(resume: Resume) -> set[str]:
    parts = [resume.basics.label or "", resume.basics.summary or ""]
    for work in resume.work:
        parts += [work.position or "", work.summary or "", *work.highlights]
    for skill in resume.skills:
        parts += [skill.name or "", *skill.keywords]
    for project in resume.projects:
        parts += [project.name or "", project.description or "", *project.highlights]
        parts += project.keywords
    for edu in resume.education:
        parts += [edu.area or "", edu.studyType or ""]
    return set().union(*(_keys(p) for p in parts if p))


def coverage(resume: Resume, job: JobTerms) -> int:
    """0–100: the weighted share of the job's terms the resume shows (related skills count ½)."""
    total = sum(job.weights.values())
    if not total:
        return 0
    return round(100 * _credited(job, _visible_terms(resume)) / total)


def score_text(text: str, job: JobTerms) -> float:
    return round(_credited(job, _keys(text)), 3)


def tailor(
    resume: Resume, job: Job | str | dict[str, Any], *, top_n: int | None = None
) -> TailorResult:
    """Reorder highlights (most relevant first), skills and projects; keep at most ``top_n``
    highlights per job. Sorting is stable, so ties keep the person's own order."""
    job = job if isinstance(job, Job) else load_job(job)
    weights = job_terms(job)
    rows: list[HighlightScore] = []
    new_work = []
    for wi, work in enumerate(resume.work):
        scored = [(score_text(h, weights), hi, h) for hi, h in enumerate(work.highlights)]
        ranked = sorted(scored, key=lambda s: (-s[0], s[1]))
        keep = ranked if top_n is None else ranked[:top_n]
        kept_idx = {hi for _, hi, _ in keep}
        rows += [
            HighlightScore(work_index=wi, original_index=hi, text=h, score=s, kept=hi in kept_idx)
            for s, hi, h in ranked
        ]
        new_work.append(work.model_copy(update={"highlights": [h for _, _, h in keep]}))
    new_skills = [
        skill.model_copy(
            update={"keywords": sorted(skill.keywords, key=lambda k: -score_text(k, weights))}
        )
        for skill in resume.skills
    ]
    new_skills.sort(key=lambda s: -score_text(" ".join([s.name or "", *s.keywords]), weights))
    new_projects = sorted(
        resume.projects,
        key=lambda p: (
            -score_text(
                " ".join([p.name or "", p.description or "", *p.highlights, *p.keywords]), weights
            )
        ),
    )
    tailored = resume.model_copy(
        update={"work": new_work, "skills": new_skills, "projects": new_projects}
    )
    shown = _visible_terms(resume)
    ranked_terms = sorted(weights.listed, key=lambda t: (-weights.weights[t], t))
    report = TailorReport(
        score_before=coverage(resume, weights),
        score_after=coverage(tailored, weights),
        matched_keywords=[weights.surface[t] for t in ranked_terms if t in shown],
        missing_keywords=[
            weights.surface[t] for t in ranked_terms if t not in shown and t in weights.named
        ][:20],
        highlights=rows,
        target=job.target,
    )
    return TailorResult(tailored, report, job, resume)


def apply_selection(result: TailorResult, picked: list[tuple[int, int]]) -> Resume:
    """The tailored resume with, per job, only the picked highlights, in the order given.

    ``picked`` holds (work index, original highlight index) pairs; the text is always the
    original's, so nothing can be invented here either.
    """
    original = result.original
    chosen: dict[int, list[str]] = {i: [] for i in range(len(original.work))}
    for wi, hi in picked:
        chosen[wi].append(original.work[wi].highlights[hi])
    work = [w.model_copy(update={"highlights": chosen[i]}) for i, w in enumerate(original.work)]
    return result.resume.model_copy(update={"work": work})
