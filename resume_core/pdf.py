"""PDF output (fpdf2): single-column, ATS-safe, real text with embedded Unicode fonts.

The core PDF fonts are Latin-1 only, so DejaVu Sans (vendored with its licence in ``fonts/``) is
embedded instead. Text is left-aligned (fpdf2 justifies multi-line cells by default), contact
details are link annotations, headings never sit alone at the bottom of a page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .models import Resume

TEMPLATES: tuple[str, ...] = ("classic",)
FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_ACCENT = (31, 78, 121)
_MUTED = (90, 90, 90)


def _font_path(name: str) -> str:
    return str(resources.files("resume_core").joinpath("fonts", name))


def format_dates(start: str | None, end: str | None) -> str:
    """``2020-01 – present`` style; nothing when there is no start date."""
    if not start:
        return end or ""
    return f"{start} – {end or 'present'}"


class _ResumePDF(FPDF):
    def footer(self) -> None:
        if self.pages_count > 1:
            self.set_y(-12)
            self.set_font(FONT, "", 8)
            self.set_text_color(*_MUTED)
            self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="R")


class _Writer:
    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf

    def line(
        self,
        text: str,
        size: float = 10,
        style: str = "",
        color: tuple[int, int, int] = (0, 0, 0),
        height: float = 5,
        link: str = "",
    ) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*color)
        pdf.multi_cell(0, height, text, align="L", link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def heading(self, text: str) -> None:
        pdf = self.pdf
        if pdf.will_page_break(20):
            pdf.add_page()
        pdf.ln(3)
        self.line(text.upper(), 11, "B", _ACCENT, 6)
        y = pdf.get_y()
        pdf.set_draw_color(*_ACCENT)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(1.5)

    def entry(self, title: str, subtitle: str, dates: str) -> None:
        pdf = self.pdf
        if pdf.will_page_break(12):
            pdf.add_page()
        pdf.set_font(FONT, "B", 10.5)
        pdf.set_text_color(0, 0, 0)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        pdf.set_font(FONT, "", 9)
        date_w = pdf.get_string_width(dates) + 2 if dates else 0
        pdf.set_font(FONT, "B", 10.5)
        y = pdf.get_y()
        pdf.multi_cell(width - date_w, 5.5, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        end_y = pdf.get_y()
        if dates:
            pdf.set_xy(pdf.l_margin + width - date_w, y)
            pdf.set_font(FONT, "", 9)
            pdf.set_text_color(*_MUTED)
            pdf.cell(date_w, 5.5, dates, align="R")
            pdf.set_xy(pdf.l_margin, end_y)
        if subtitle:
            self.line(subtitle, 9.5, "I", _MUTED, 5)

    def bullets(self, items: list[str]) -> None:
        pdf = self.pdf
        for item in items:
            pdf.set_font(FONT, "", 9.5)
            pdf.set_text_color(0, 0, 0)
            pdf.set_x(pdf.l_margin + 2)
            pdf.cell(4, 5, "•")
            pdf.multi_cell(0, 5, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


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
    if loc and (loc.city or loc.countryCode):
        items.append((", ".join(p for p in (loc.city, loc.region, loc.countryCode) if p), ""))
    items += [(p.url or p.username or "", p.url or "") for p in b.profiles if p.url or p.username]
    pdf = w.pdf
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*_MUTED)
    right = pdf.w - pdf.r_margin
    for i, (text, link) in enumerate(items):
        piece = text + ("   ·   " if i < len(items) - 1 else "")
        width = pdf.get_string_width(piece)
        if pdf.get_x() + width > right:
            pdf.ln(5)
        pdf.cell(pdf.get_string_width(text), 5, text, link=link)
        if i < len(items) - 1:
            pdf.cell(width - pdf.get_string_width(text), 5, "   ·   ")
    pdf.ln(6)


def _classic(w: _Writer, resume: Resume) -> None:
    b = resume.basics
    w.line(b.name or "Unnamed", 20, "B", (0, 0, 0), 9)
    if b.label:
        w.line(b.label, 11.5, "", _ACCENT, 6)
    _contact(w, resume)
    if b.summary:
        w.heading("Summary")
        w.line(b.summary, 9.5)
    if resume.work:
        w.heading("Experience")
        for job in resume.work:
            title = " · ".join(p for p in (job.position, job.name) if p)
            w.entry(title, job.summary or "", format_dates(job.startDate, job.endDate))
            w.bullets(job.highlights)
            w.pdf.ln(1.5)
    if resume.projects:
        w.heading("Projects")
        for project in resume.projects:
            w.entry(
                project.name or "",
                project.description or "",
                format_dates(project.startDate, project.endDate),
            )
            w.bullets(project.highlights)
    if resume.education:
        w.heading("Education")
        for edu in resume.education:
            degree = " in ".join(p for p in (edu.studyType, edu.area) if p)
            w.entry(edu.institution or "", degree, format_dates(edu.startDate, edu.endDate))
    if resume.skills:
        w.heading("Skills")
        for skill in resume.skills:
            text = ", ".join(skill.keywords)
            w.line(f"{skill.name}: {text}" if skill.name and text else (skill.name or text), 9.5)
    if resume.languages:
        w.heading("Languages")
        w.line(
            ", ".join(
                " – ".join(p for p in (x.language, x.fluency) if p) for x in resume.languages
            ),
            9.5,
        )


def build_pdf(
    resume: Resume,
    template: str = TEMPLATES[0],
    *,
    subject: str = "",
    creation_date: datetime | None = None,
) -> bytes:
    """The resume as PDF bytes, built in memory."""
    if template not in TEMPLATES:
        from .errors import ValidationError

        raise ValidationError(
            f"Unknown template {template!r}; choose one of {', '.join(TEMPLATES)}."
        )
    pdf = _ResumePDF(format="A4")
    for style, name in _FONT_FILES.items():
        pdf.add_font(FONT, style, _font_path(name))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    name = resume.basics.name or "Resume"
    pdf.set_title(f"{name} – Resume")
    pdf.set_author(name)
    pdf.set_subject(subject or resume.basics.label or "Resume")
    pdf.set_creator("Resume-Customizer")
    pdf.set_lang(str(resume.meta.get("language", "en")) if isinstance(resume.meta, dict) else "en")
    pdf.set_creation_date(creation_date or datetime.now(UTC))
    pdf.add_page()
    _classic(_Writer(pdf), resume)
    data: Any = pdf.output()
    return bytes(data)
