import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from resume_core import TEMPLATES, ValidationError, build_pdf, load_resume
from resume_core.samples import SAMPLES, load_sample

FIXED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_fixture_fact_is_in_the_text_in_reading_order(template, marco_path):
    resume = load_resume(marco_path)
    text = text_of(build_pdf(resume, template))
    facts = [resume.basics.name]
    for job in resume.work:
        facts += [job.position, job.name, job.startDate, *job.highlights]
    position = 0
    flat = " ".join(text.split())
    for fact in facts:
        found = flat.find(" ".join(fact.split()), position)
        assert found >= 0, f"{fact!r} missing or out of order"
        position = found


def test_metadata_and_links(marco_path):
    reader = PdfReader(io.BytesIO(build_pdf(load_resume(marco_path), subject="SRE — Nimbus")))
    meta = reader.metadata
    assert meta.title == "Marco Rossi – Resume"
    assert meta.author == "Marco Rossi"
    assert meta.subject == "SRE — Nimbus"
    uris = {
        a.get_object()["/A"]["/URI"]
        for a in reader.pages[0].get("/Annots", [])
        if "/A" in a.get_object()
    }
    assert "mailto:marco.rossi@example.com" in uris
    assert "tel:+390255501234" in uris
    assert "https://www.linkedin.com/in/marcorossi" in uris


def test_unicode_names_and_typography_never_raise():
    resume = load_resume(
        {
            "basics": {"name": "Zoë Łukasiewicz-Ødegård", "label": "Ingénieure “principale” – R&D"},
            "work": [{"name": "Ωmega ООО", "highlights": ["Cut costs by €2M • shipped ✓"]}],
        }
    )
    text = text_of(build_pdf(resume))
    assert "Zoë Łukasiewicz-Ødegård" in text
    assert "Ωmega ООО" in text and "€2M" in text


def test_fixed_creation_date_gives_identical_bytes(marco_path):
    resume = load_resume(marco_path)
    assert build_pdf(resume, creation_date=FIXED) == build_pdf(resume, creation_date=FIXED)


def test_samples_build_and_unknown_template_is_refused():
    for label in SAMPLES:
        assert build_pdf(load_sample(label)).startswith(b"%PDF-")
    with pytest.raises(ValidationError, match="Unknown template"):
        build_pdf(load_sample(next(iter(SAMPLES))), "fancy")
