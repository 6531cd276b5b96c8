"""PDF output (fpdf2): single-column, ATS-safe, real text in embedded Unicode fonts.

Three templates share one renderer and differ in a ``Style``. Text is left-aligned (fpdf2
justifies multi-line cells by default), contact details and URLs are link annotations, headings
never sit alone at the bottom of a page, and page numbers appear on multi-page output.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TTFFont

from . import fonts
from .errors import ValidationError
from .models import Resume, dump_resume

# fpdf2 logs each glyph a font lacks; ``missing_characters`` reports them once, by name, to the
# app and the CLI. Without this handler Python's last-resort handler would print fpdf2's lines
# too; applications that configure logging still receive them.
logging.getLogger("fpdf").addHandler(logging.NullHandler())

TEMPLATES: tuple[str, ...] = ("classic", "modern", "compact")
Color = tuple[int, int, int]
_TEXT: Color = (20, 20, 20)


@dataclass(frozen=True)
class Style:
    accent: Color
    muted: Color = (95, 95, 95)
    margin: float = 18
    name_size: float = 20
    label_size: float = 11.5
    heading_size: float = 11
    body_size: float = 9.5
    title_size: float = 10.5
    line: float = 5
    heading_rule: bool = True
    heading_bar: bool = False
    heading_caps: bool = True
    gap: float = 1.5


STYLES: dict[str, Style] = {
    "classic": Style(accent=(31, 78, 121)),
    "modern": Style(
        accent=(0, 110, 110),
        margin=20,
        name_size=24,
        label_size=12,
        heading_size=12,
        title_size=11,
        line=5.4,
        heading_rule=False,
        heading_bar=True,
        heading_caps=False,
        gap=2.2,
    ),
    "compact": Style(
        accent=(40, 40, 40),
        margin=12,
        name_size=16,
        label_size=10,
        heading_size=9.5,
        body_size=8.6,
        title_size=9.2,
        line=4.1,
        gap=0.8,
    ),
}


def format_dates(start: str | None, end: str | None) -> str:
    """``2020-01 – present``; a lone end date is shown as is; nothing without dates."""
    if not start:
        return end or ""
    return f"{start} – {end or 'present'}"


def _join(*parts: str | None, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


class _ResumePDF(FPDF):
    style: Style = STYLES["classic"]
    total_pages: bool = True
    more_pages: bool = False

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        # fpdf2 draws a page's footer while adding the next one: then we know there is more.
        self.more_pages = self.page > 0
        super().add_page(*args, **kwargs)

    def footer(self) -> None:
        if self.more_pages or self.page_no() > 1:  # numbers on multi-page output only
            self.set_y(-11)
            self.set_font(fonts.SANS, "", 7.5)
            self.set_text_color(*self.style.muted)
            text = f"{self.page_no()} / {{nb}}" if self.total_pages else f"Page {self.page_no()}"
            self.cell(0, 5, text, align="R")


@dataclass
class _Writer:
    pdf: _ResumePDF
    style: Style
    fast: bool = True
    width: float = field(init=False)
    _widths: dict[tuple[str, float], dict[str, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.width = self.pdf.w - self.pdf.l_margin - self.pdf.r_margin

    def text(
        self,
        text: str,
        size: float,
        style: str = "",
        color: Color = _TEXT,
        height: float | None = None,
        link: str = "",
        indent: float = 0,
    ) -> None:
        pdf = self.pdf
        pdf.set_font(fonts.SANS, style, size)
        pdf.set_text_color(*color)
        self.flow(text, self.width - indent, pdf.l_margin + indent, height or self.style.line, link)

    def flow(self, text: str, width: float, x: float, height: float, link: str = "") -> None:
        """Left-aligned lines of ``text`` in the current font, starting at ``x``.

        fpdf2's ``multi_cell`` measures every character through several layers; for text in one
        font with no shaping, wrapping by measured words is several times faster and lays out
        the same. Anything else (fallback fonts, shaping, a word wider than the line) goes to
        ``multi_cell``.
        """
        pdf = self.pdf
        lines = self._wrap(text, width) if self.fast else None
        if lines is None:
            pdf.set_x(x)
            pdf.multi_cell(
                width, height, text, align="L", link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            return
        for line in lines:
            self.line(line, x, width, height, link)

    def width_of(self, text: str) -> float:
        """The width of ``text`` in the current font, as fpdf2 measures it."""
        pdf = self.pdf
        if not self.fast:
            return pdf.get_string_width(text)
        # The same sum fpdf2 computes (one font, no shaping, no spacing or stretching), without
        # its per-call copies of the graphics state.
        font = pdf.current_font
        assert isinstance(font, TTFFont)
        cw = font.cw
        return sum(cw[ord(c)] for c in text) * pdf.font_size_pt * 0.001 / pdf.k

    def line(
        self,
        text: str,
        x: float,
        width: float,
        height: float,
        link: str = "",
        align: str = "L",
        new_line: bool = True,
    ) -> None:
        """One line of text in a ``width`` × ``height`` box at ``x``, on the current line.

        Placed exactly as ``cell`` places it (page break first, baseline, link area), but for
        text in one font ``FPDF.text`` does it several times faster. Then the position moves to
        the next line, or with ``new_line=False`` to the right of the box.
        """
        pdf = self.pdf
        if not self.fast:
            pdf.set_x(x)
            pdf.cell(
                width,
                height,
                text,
                align=align,
                link=link,
                new_x=XPos.LMARGIN if new_line else XPos.RIGHT,
                new_y=YPos.NEXT if new_line else YPos.TOP,
            )
            return
        if pdf.will_page_break(height):
            pdf.add_page()
        y = pdf.get_y()
        if text:
            text_w = self.width_of(text) if link or align == "R" else 0.0
            dx = width - pdf.c_margin - text_w if align == "R" else pdf.c_margin
            pdf.text(x + dx, y + 0.5 * height + 0.3 * pdf.font_size, text)
            if link:
                pdf.link(
                    x + dx, y + 0.5 * height - 0.5 * pdf.font_size, text_w, pdf.font_size, link
                )
        if new_line:
            pdf.set_xy(pdf.l_margin, y + height)
        else:
            pdf.set_xy(x + width, y)

    def _wrap(self, text: str, width: float) -> list[str] | None:
        if "\n" in text or "\t" in text:
            return None
        pdf = self.pdf
        measure = self._widths.setdefault((pdf.font_style, pdf.font_size_pt), {})

        def size_of(word: str) -> float:
            if word not in measure:
                measure[word] = self.width_of(word)
            return measure[word]

        limit = width - 2 * pdf.c_margin
        space = size_of(" ")
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        for word in text.split(" "):
            size = size_of(word)
            if size > limit:
                return None
            if current and used + space + size > limit:
                lines.append(" ".join(current))
                current, used = [word], size
            else:
                used += size + (space if current else 0.0)
                current.append(word)
        lines.append(" ".join(current))
        return lines

    def heading(self, title: str) -> None:
        s, pdf = self.style, self.pdf
        if pdf.will_page_break(s.line * 5):  # a heading keeps at least its first entry
            pdf.add_page()
        pdf.ln(s.gap * 1.6)
        y = pdf.get_y()
        indent = 0.0
        if s.heading_bar:
            pdf.set_fill_color(*s.accent)
            pdf.rect(pdf.l_margin, y + 0.8, 1.4, s.heading_size * 0.42, style="F")
            indent = 3.5
        label = title.upper() if s.heading_caps else title
        self.text(label, s.heading_size, "B", s.accent, s.heading_size * 0.55, indent=indent)
        if s.heading_rule:
            pdf.set_draw_color(*s.accent)
            pdf.set_line_width(0.3)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(s.gap)

    def entry(self, title: str, dates: str = "", subtitle: str = "", link: str = "") -> None:
        s, pdf = self.style, self.pdf
        if pdf.will_page_break(s.line * 3):
            pdf.add_page()
        pdf.set_font(fonts.SANS, "", s.body_size - 0.5)
        date_w = self.width_of(dates) + 3 if dates else 0
        y = pdf.get_y()
        pdf.set_font(fonts.SANS, "B", s.title_size)
        pdf.set_text_color(*_TEXT)
        self.flow(title, self.width - date_w, pdf.l_margin, s.line + 0.5, _web(link))
        end = pdf.get_y()
        if dates:
            pdf.set_y(y)
            pdf.set_font(fonts.SANS, "", s.body_size - 0.5)
            pdf.set_text_color(*s.muted)
            x = pdf.l_margin + self.width - date_w
            self.line(dates, x, date_w, s.line + 0.5, align="R", new_line=False)
            pdf.set_xy(pdf.l_margin, end)
        if subtitle:
            self.text(subtitle, s.body_size, "", s.muted)

    def bullets(self, items: list[str]) -> None:
        s, pdf = self.style, self.pdf
        for item in items:
            pdf.set_font(fonts.SANS, "", s.body_size)
            pdf.set_text_color(*_TEXT)
            self.line("•", pdf.l_margin + 1.5, 3.5, s.line, new_line=False)
            self.flow(item, self.width - 5, pdf.l_margin + 5, s.line)

    def paragraph(self, text: str) -> None:
        self.text(text, self.style.body_size)

    def end_entry(self) -> None:
        self.pdf.ln(self.style.gap)


def _contact(w: _Writer, resume: Resume) -> None:
    b = resume.basics
    items: list[tuple[str, str]] = []
    if b.email:
        items.append((b.email, f"mailto:{b.email}"))
    if b.phone:
        items.append((b.phone, "tel:" + "".join(c for c in b.phone if c.isdigit() or c == "+")))
    if b.url:
        items.append((b.url, b.url))
    loc = b.location
    if loc and (loc.city or loc.region or loc.countryCode):
        items.append((_join(loc.city, loc.region, loc.countryCode, sep=", "), ""))
    items += [
        (p.url or _join(p.network, p.username, sep=": "), p.url or "")
        for p in b.profiles
        if p.url or p.username
    ]
    pdf, s = w.pdf, w.style
    pdf.set_font(fonts.SANS, "", s.body_size - 0.5)
    pdf.set_text_color(*s.muted)
    sep = "   ·   "
    sep_w = w.width_of(sep)
    right = pdf.w - pdf.r_margin
    for i, (text, link) in enumerate(items):
        width = w.width_of(text)
        if i and pdf.get_x() + sep_w + width > right:
            pdf.ln(s.line)  # wrap before the item, so no line ends with a separator
        elif i:
            w.line(sep, pdf.get_x(), sep_w, s.line, new_line=False)
        w.line(text, pdf.get_x(), width, s.line, _web(link), new_line=False)
    pdf.ln(s.line + 1)


def _web(link: str) -> str:
    """A bare host (``example.com/me``) gets a scheme, so the annotation opens in a browser."""
    if not link or ":" in link.split("/", 1)[0]:
        return link
    return f"https://{link}"


def _sections(w: _Writer, r: Resume) -> None:
    if r.basics.summary:
        w.heading("Summary")
        w.paragraph(r.basics.summary)
    if r.work:
        w.heading("Experience")
        for job in r.work:
            where = (
                job.location
                if isinstance(job.location, str)
                else (
                    _join(job.location.city, job.location.countryCode, sep=", ")
                    if job.location
                    else ""
                )
            )
            w.entry(
                _join(job.position, job.name),
                format_dates(job.startDate, job.endDate),
                _join(where, job.summary or job.description),
                job.url or "",
            )
            w.bullets(job.highlights)
            w.end_entry()
    if r.projects:
        w.heading("Projects")
        for p in r.projects:
            w.entry(
                _join(p.name, ", ".join(p.roles)),
                format_dates(p.startDate, p.endDate),
                p.description or "",
                p.url or "",
            )
            w.bullets(p.highlights)
            if p.keywords:
                w.text(", ".join(p.keywords), w.style.body_size - 0.5, "", w.style.muted)
            w.end_entry()
    if r.education:
        w.heading("Education")
        for e in r.education:
            degree = _join(_join(e.studyType, e.area, sep=" in "), e.score and f"Score: {e.score}")
            w.entry(e.institution or "", format_dates(e.startDate, e.endDate), degree, e.url or "")
            if e.courses:
                w.text(
                    "Courses: " + ", ".join(e.courses), w.style.body_size - 0.5, "", w.style.muted
                )
            w.end_entry()
    if r.skills:
        w.heading("Skills")
        for skill in r.skills:
            words = ", ".join(skill.keywords)
            head = _join(skill.name, skill.level, sep=" – ")
            w.paragraph(f"{head}: {words}" if head and words else head or words)
    if r.volunteer:
        w.heading("Volunteering")
        for v in r.volunteer:
            w.entry(
                _join(v.position, v.organization),
                format_dates(v.startDate, v.endDate),
                v.summary or "",
                v.url or "",
            )
            w.bullets(v.highlights)
            w.end_entry()
    if r.awards:
        w.heading("Awards")
        for a in r.awards:
            w.entry(_join(a.title, a.awarder), a.date or "", a.summary or "")
            w.end_entry()
    if r.certificates:
        w.heading("Certificates")
        for c in r.certificates:
            w.entry(_join(c.name, c.issuer), c.date or "", "", c.url or "")
            w.end_entry()
    if r.publications:
        w.heading("Publications")
        for pub in r.publications:
            w.entry(
                _join(pub.name, pub.publisher),
                pub.releaseDate or "",
                pub.summary or "",
                pub.url or "",
            )
            w.end_entry()
    if r.languages:
        w.heading("Languages")
        w.paragraph(", ".join(_join(x.language, x.fluency, sep=" – ") for x in r.languages))
    if r.interests:
        w.heading("Interests")
        for i in r.interests:
            words = ", ".join(i.keywords)
            w.paragraph(f"{i.name}: {words}" if i.name and words else i.name or words)
    if r.references:
        w.heading("References")
        for ref in r.references:
            w.entry(ref.name or "")
            if ref.reference:
                w.text(f"“{ref.reference}”", w.style.body_size, "", w.style.muted)
            w.end_entry()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def resume_text(resume: Resume) -> list[str]:
    """Every string of the resume (what the PDF may print)."""
    return list(_strings(dump_resume(resume)))


def missing_characters(resume: Resume) -> list[str]:
    """Characters of the resume that no embedded font can draw (they would print as blanks)."""
    return fonts.missing(resume_text(resume))


def _render(resume: Resume, template: str, subject: str, creation_date: datetime | None) -> FPDF:
    if template not in TEMPLATES:
        raise ValidationError(
            f"Unknown template {template!r}; choose one of {', '.join(TEMPLATES)}."
        )
    style = STYLES[template]
    pdf = _ResumePDF(format="A4")
    pdf.style = style
    setup = fonts.setup(pdf, resume_text(resume))
    pdf.total_pages = not setup.shaping  # fpdf2 cannot combine {nb} with text shaping
    pdf.set_margins(style.margin, style.margin - 2, style.margin)
    pdf.set_auto_page_break(True, margin=style.margin - 2)
    name = resume.basics.name or "Resume"
    pdf.set_title(f"{name} – Resume")
    pdf.set_author(name)
    pdf.set_subject(subject or resume.basics.label or "Resume")
    pdf.set_creator("Resume-Customizer")
    language = resume.meta.get("language") if isinstance(resume.meta, dict) else None
    pdf.set_lang(str(language or "en"))
    pdf.set_creation_date(creation_date or datetime.now(UTC))
    pdf.add_page()
    w = _Writer(pdf, style, fast=not (setup.shaping or setup.fallback))
    w.text(name, style.name_size, "B", _TEXT, style.name_size * 0.45)
    if resume.basics.label:
        w.text(resume.basics.label, style.label_size, "", style.accent, style.label_size * 0.55)
    _contact(w, resume)
    _sections(w, resume)
    return pdf


def page_count(resume: Resume, template: str = TEMPLATES[0]) -> int:
    """How many pages the resume takes, without producing the file."""
    return _render(resume, template, "", None).pages_count


def build_pdf(
    resume: Resume,
    template: str = TEMPLATES[0],
    *,
    subject: str = "",
    creation_date: datetime | None = None,
) -> bytes:
    """The resume as PDF bytes, built in memory. A fixed ``creation_date`` gives fixed bytes."""
    data: Any = _render(resume, template, subject, creation_date).output()
    return bytes(data)


@dataclass(frozen=True)
class OnePage:
    resume: Resume
    removed: list[str]
    fits: bool


def fit_one_page(
    resume: Resume, template: str = TEMPLATES[0], scores: dict[str, float] | None = None
) -> OnePage:
    """Drop the least relevant highlights until the resume fits one page.

    ``scores`` (highlight text → relevance, from tailoring) decides what goes first; without it,
    the last highlights of the oldest jobs go first. Binary search keeps the number of trial
    layouts near log2(highlights).
    """
    if page_count(resume, template) <= 1:
        return OnePage(resume, [], True)
    candidates = [
        (scores.get(h, 0.0) if scores else 0.0, -wi, -hi, wi, hi)
        for wi, job in enumerate(resume.work)
        for hi, h in enumerate(job.highlights)
    ]
    order = [(wi, hi) for *_, wi, hi in sorted(candidates)]

    def without(k: int) -> Resume:
        drop = set(order[:k])
        work = [
            job.model_copy(
                update={
                    "highlights": [h for hi, h in enumerate(job.highlights) if (wi, hi) not in drop]
                }
            )
            for wi, job in enumerate(resume.work)
        ]
        return resume.model_copy(update={"work": work})

    lo, hi = 1, len(order)
    if page_count(without(hi), template) > 1:
        return OnePage(without(hi), [resume.work[w].highlights[h] for w, h in order], False)
    while lo < hi:
        mid = (lo + hi) // 2
        if page_count(without(mid), template) <= 1:
            hi = mid
        else:
            lo = mid + 1
    return OnePage(without(lo), [resume.work[w].highlights[h] for w, h in order[:lo]], True)
