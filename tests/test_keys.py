from datetime import UTC, datetime

import pytest

from resume_core.keys import json_key, make_stem, parse_stem, pdf_key, slugify

WHEN = datetime(2026, 3, 1, 9, 30, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("José Müller", "josé-müller"),
        ("王小明", "王小明"),
        ("Ｆｕｌｌ　Ｗｉｄｔｈ", "full-width"),
        ("हिन्दी नाम", "हिन्दी-नाम"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\x00b\nc/d", "a-b-c-d"),
        ("   ", "resume"),
        ("C++ / C#", "c-c"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_slug_never_has_separators_or_control_characters():
    for text in ["a/b", "..", "x\ty", "\u202eevil", "name.pdf"]:
        slug = slugify(text)
        assert "/" not in slug and ".." not in slug
        assert all(ch.isprintable() and ch != "." for ch in slug)


def test_stem_layout_and_parse():
    stem = make_stem("Marco Rossi", "SRE — Nimbus", WHEN, "a1b2c3")
    assert stem == "marco-rossi-sre-nimbus-20260301T093005Z-a1b2c3"
    info = parse_stem(stem)
    assert info is not None and info.created == WHEN and info.slugs == "marco-rossi-sre-nimbus"
    assert parse_stem("hand-made-name") is None


def test_general_target_and_unique_tokens():
    stems = {make_stem("A", "", WHEN) for _ in range(50)}
    assert len(stems) == 50
    assert all("-general-20260301T093005Z-" in s for s in stems)


def test_keys_with_and_without_prefix():
    assert pdf_key("s") == "resumes/s.pdf"
    assert json_key("s", "team/a/") == "team/a/json/s.json"
