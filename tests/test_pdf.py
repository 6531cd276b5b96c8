"""PDF output: content and reading order, every script, links, metadata, layout, reproducibility."""

import dataclasses
import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from resume_core import TEMPLATES, ValidationError, build_pdf, load_resume
from resume_core.pdf import fit_one_page, missing_characters, page_count
from resume_core.samples import SAMPLES, load_sample

FIXED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PDF_DATA = Path(__file__).parent / "data" / "pdf"
REFERENCE = PDF_DATA / "reference"
BIG = PDF_DATA / "two-pages.resume.json"  # 6 jobs × 5 highlights, as in the benchmark


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def facts(resume) -> list[str]:
    """Name, then per job: position, company, start date and every highlight, in order."""
    out = [resume.basics.name]
    for job in resume.work:
        out += [job.position, job.name, job.startDate, *job.highlights]
    return [f for f in out if f]


def assert_in_order(text: str, wanted: list[str]) -> None:
    position = 0
    haystack = flat(text)
    for fact in wanted:
        found = haystack.find(flat(fact), position)
        assert found >= 0, f"{fact!r} missing or out of order"
        position = found


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_fact_in_reading_order(template, marco_path):
    resume = load_resume(marco_path)
    assert_in_order(text_of(build_pdf(resume, template)), facts(resume))


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_section_is_rendered(template):
    resume = load_resume(PDF_DATA / "sections.resume.json")
    text = text_of(build_pdf(resume, template))
    for words in [
        "Healthline Labs",
        "Mentored 14 bootcamp students",
        "University of Lisbon",
        "Survival analysis",
        "Best Paper",
        "AWS Certified ML Specialty",
        "Imputation at scale",
        "XGBoost, PyMC",
        "Portuguese – Native",
        "Cycling: Gravel, Touring",
        "Dr. Ana Costa",
        "openimpute",
    ]:
        assert words in flat(text), words


def test_empty_sections_leave_no_heading():
    text = text_of(build_pdf(load_resume({"basics": {"name": "A B"}, "skills": [{"name": "X"}]})))
    assert "SKILLS" in text
    for heading in ("EXPERIENCE", "EDUCATION", "PROJECTS", "AWARDS", "REFERENCES"):
        assert heading not in text


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


@pytest.mark.parametrize("template", TEMPLATES)
def test_multi_script_token_recall(template):
    """Latin, Greek, Cyrillic, Chinese, Japanese, Korean: ≥ 99 % of tokens extract back."""
    resume = load_resume(PDF_DATA / "multiscript.resume.json")
    assert missing_characters(resume) == []
    extracted = flat(text_of(build_pdf(resume, template)))
    source = [t for fact in facts(resume) for t in tokens(fact)]
    found = sum(t in extracted.lower() for t in source)
    assert found / len(source) >= 0.99, [t for t in source if t not in extracted.lower()]
    assert_in_order(extracted, facts(resume))


@pytest.mark.parametrize("template", TEMPLATES)
def test_right_to_left_text_is_shaped_and_extracts(template):
    resume = load_resume(PDF_DATA / "rtl.resume.json")
    text = text_of(build_pdf(resume, template))
    for words in [
        "ليلى حداد",
        "طورت نظام الدفع الإلكتروني",
        "פיתחתי מערכת תשלומים",
        "Reduced costs by 25%",
    ]:
        assert words in text, words


def test_typography_and_emoji_never_raise_and_unknown_characters_are_named():
    resume = load_resume(
        {
            "basics": {"name": "Ana – “Ní” 😀 ✓ • € ★", "summary": "Hieroglyph 𓀀 and 🦜"},
            "work": [{"name": "Ωmega ООО", "highlights": ["Cut costs by €2M • shipped ✓ 🚀"]}],
        }
    )
    for template in TEMPLATES:
        assert build_pdf(resume, template).startswith(b"%PDF-")
    assert missing_characters(resume) == ["𓀀", "🦜"]  # a hieroglyph, an emoji newer than Symbola
    text = text_of(build_pdf(resume))
    assert "🚀" in text and "😀" in text and "€2M" in text


def test_font_coverage_file_matches_the_vendored_fonts():
    """Builds choose fonts from coverage.json; it must say exactly what each font draws."""
    from fontTools.ttLib import TTFont

    from resume_core import fonts

    fonts_dir = Path(fonts.__file__).parent / "fonts"
    table = json.loads((fonts_dir / "coverage.json").read_text())
    assert sorted(table) == sorted(p.name for p in fonts_dir.glob("*.ttf"))
    for name, runs in table.items():
        drawn = {c for first, last in runs for c in range(first, last + 1)}
        assert drawn == set(TTFont(fonts_dir / name, lazy=True).getBestCmap()), name


def test_metadata_and_links(marco_path):
    reader = PdfReader(io.BytesIO(build_pdf(load_resume(marco_path), subject="SRE — Nimbus")))
    meta = reader.metadata
    assert meta.title == "Marco Rossi – Resume"
    assert meta.author == "Marco Rossi"
    assert meta.subject == "SRE — Nimbus"
    assert meta.creator == "Resume-Customizer"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    uris = {
        a.get_object()["/A"]["/URI"]
        for a in reader.pages[0].get("/Annots", [])
        if "/A" in a.get_object()
    }
    assert "mailto:marco.rossi@example.com" in uris
    assert "tel:+390255501234" in uris
    assert "https://www.linkedin.com/in/marcorossi" in uris


def long_resume():
    from bench.__main__ import big_resume

    return load_resume(big_resume(9, 6))


@pytest.mark.parametrize("template", TEMPLATES)
def test_multi_page_output_has_page_numbers_and_no_orphan_headings(template):
    resume = long_resume()
    pdf = build_pdf(resume, template)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    headings = {
        "EXPERIENCE",
        "PROJECTS",
        "EDUCATION",
        "SKILLS",
        "LANGUAGES",
        "Experience",
        "Projects",
        "Education",
        "Skills",
        "Languages",
    }
    for n, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        assert lines[-1] == f"{n} / {len(pages)}"
        assert lines[-2] not in headings, f"heading alone at the bottom of page {n}"


def test_one_page_fit_removes_least_relevant_first():
    resume = long_resume()
    assert page_count(resume) > 1
    every = [h for job in resume.work for h in job.highlights]
    scores = {h: float(i) for i, h in enumerate(every)}  # later highlights matter more
    fitted = fit_one_page(resume, "classic", scores)
    assert fitted.fits and page_count(fitted.resume) == 1
    assert fitted.removed and set(fitted.removed) < set(every)
    kept = [h for job in fitted.resume.work for h in job.highlights]
    assert max(scores[h] for h in fitted.removed) <= min(scores[h] for h in kept)
    assert fit_one_page(fitted.resume).removed == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_fixed_creation_date_gives_identical_bytes_and_matches_reference(
    template, marco_path, update_references
):
    resume = load_resume(marco_path)
    pdf = build_pdf(resume, template, creation_date=FIXED)
    assert pdf == build_pdf(resume, template, creation_date=FIXED)
    reference = REFERENCE / f"{template}.pdf"
    if update_references:
        REFERENCE.mkdir(parents=True, exist_ok=True)
        reference.write_bytes(pdf)
    assert reference.is_file(), "run pytest --update-references and look at the files"
    assert pdf == reference.read_bytes(), "output changed: check it, then --update-references"


def render_pages(pdf: bytes, folder: Path, dpi: int, last: int | None = None) -> list[Image.Image]:
    """Each page as a grey-scale image, rendered by poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm is missing: install Debian's poppler-utils")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "r.pdf"
    src.write_bytes(pdf)
    pages = ["-l", str(last)] if last else []
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), *pages, src, folder / "p"], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob("p*.png"))]


@pytest.mark.parametrize("template", TEMPLATES)
def test_page_one_renders_to_a_non_blank_image(template, tmp_path):
    pdf = build_pdf(load_sample(next(iter(SAMPLES))), template)
    [image] = render_pages(pdf, tmp_path, 40, last=1)
    dark = sum(image.histogram()[:200]) / (image.width * image.height)
    assert 0.01 < dark < 0.5, dark


def link_areas(pdf: bytes) -> list[tuple[tuple[float, ...], str]]:
    return [
        (tuple(round(float(v), 2) for v in a["/Rect"]), a["/A"]["/URI"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for a in (x.get_object() for x in page.get("/Annots") or [])
    ]


@pytest.mark.parametrize("template", TEMPLATES)
def test_fast_text_path_lays_out_exactly_like_fpdf2_cells(template, monkeypatch, tmp_path):
    """Text in one font skips fpdf2's cell machinery; the page must not change by a pixel."""
    from resume_core import fonts

    resume = load_resume(BIG)
    fast = build_pdf(resume, template, creation_date=FIXED)
    setup = fonts.setup
    monkeypatch.setattr(  # as if a fallback font were in use: every line through fpdf2 cells
        fonts, "setup", lambda pdf, texts: dataclasses.replace(setup(pdf, texts), fallback=True)
    )
    slow = build_pdf(resume, template, creation_date=FIXED)
    assert fast != slow
    assert text_of(fast) == text_of(slow)
    assert link_areas(fast) == link_areas(slow) and len(link_areas(fast)) >= 3
    fast_pages = render_pages(fast, tmp_path / "fast", 100)
    slow_pages = render_pages(slow, tmp_path / "slow", 100)
    assert len(fast_pages) == len(slow_pages) == 2
    for a, b in zip(fast_pages, slow_pages, strict=True):
        assert ImageChops.difference(a, b).getbbox() is None


def test_samples_build_and_unknown_template_is_refused():
    for label in SAMPLES:
        assert build_pdf(load_sample(label)).startswith(b"%PDF-")
    with pytest.raises(ValidationError, match="Unknown template"):
        build_pdf(load_sample(next(iter(SAMPLES))), "fancy")
