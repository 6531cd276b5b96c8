"""Embedded fonts for the PDF: parsed once per process, installed cheaply in every document.

fpdf2 parses a TTF (fontTools) on every ``add_font`` and does not share parsed fonts between
documents; for a resume that is most of the build time. Here each font is parsed once into a
prototype; a document gets a copy that shares the prototype's read-only tables (character map,
widths, glyph ids, descriptor) and a fresh, lazily loaded ``TTFont`` for fpdf2's per-document
subsetting, which modifies it. The CJK and emoji fonts are added only to documents that need
them.
"""

from __future__ import annotations

import copy
import functools
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from io import BytesIO
from typing import Any

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

SANS = "dejavu"
CJK = "droidcjk"
SYMBOLS = "symbola"
# Regular and bold only: subtitles are set in a muted colour rather than italics, which saves a
# third of the font work per document (and ATS parsers read upright text best).
_STYLES = {"": "DejaVuSans", "B": "DejaVuSans-Bold"}
_FILES: dict[str, dict[str, str]] = {
    "core": {style: f"{name}-Core.ttf" for style, name in _STYLES.items()},
    SANS: {style: f"{name}.ttf" for style, name in _STYLES.items()},
    "shaping": {style: f"{name}-Shaping.ttf" for style, name in _STYLES.items()},
    CJK: {"": "DroidSansFallback-CJK.ttf"},
    SYMBOLS: {"": "Symbola-Emoji.ttf"},
}
_FALLBACKS = (CJK, SYMBOLS)
# Characters that are not drawn, so never "missing": controls, format marks (ZWJ, bidi marks),
# variation selectors.
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}


_SLOTS = [name for cls in TTFFont.__mro__ for name in getattr(cls, "__slots__", ())]


@dataclass(frozen=True)
class _Prototype:
    font: TTFFont
    data: bytes
    glyph_order: tuple[str, ...]


def _path(name: str) -> Any:
    return resources.files("resume_core").joinpath("fonts", name)


@functools.cache
def _prototype(family: str, style: str) -> _Prototype:
    path = _path(_FILES[family][style])
    scratch = FPDF()
    with resources.as_file(path) as real:
        scratch.add_font(family, style, str(real))
        data = real.read_bytes()
    font = scratch.fonts[f"{family}{style}"]
    assert isinstance(font, TTFFont)
    return _Prototype(font, data, tuple(font.ttfont.getGlyphOrder()))


def _install(pdf: FPDF, family: str, style: str, source: str | None = None) -> None:
    """Add ``family``/``style`` to ``pdf``, from the file set ``source`` (default: the same)."""
    proto = _prototype(source or family, style)
    font = TTFFont.__new__(TTFFont)
    for name in _SLOTS:
        if hasattr(proto.font, name):
            setattr(font, name, getattr(proto.font, name))
    font.i = len(pdf.fonts) + 1
    font.fontkey = f"{family}{style}"
    # No bounding-box recalculation: glyphs are copied as stored, not decoded and re-encoded.
    font.ttfont = ttLib.TTFont(
        BytesIO(proto.data), recalcTimestamp=False, recalcBBoxes=False, lazy=True
    )
    # The fonts store no glyph names (tools/cut_fonts.py): fontTools derives them from the
    # character map, which takes 0.1 s for the CJK font's 49,556 glyphs: once, in _prototype.
    font.ttfont.setGlyphOrder(list(proto.glyph_order))
    font.cw = copy.copy(proto.font.cw)
    font.glyph_ids = dict(proto.font.glyph_ids)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font


@functools.cache
def _coverage_table() -> dict[str, list[list[int]]]:
    """``coverage.json``: what each font file draws, written by ``tools/cut_fonts.py``."""
    table: dict[str, list[list[int]]] = json.loads(_path("coverage.json").read_text())
    return table


@functools.cache
def _coverage(family: str) -> frozenset[int]:
    """The code points ``family`` draws, known without parsing the font."""
    runs = _coverage_table()[_FILES[family][""]]
    return frozenset(c for first, last in runs for c in range(first, last + 1))


def _chars(texts: Iterable[str]) -> set[str]:
    return {c for text in texts for c in text}


def fallbacks_for(chars: set[str]) -> list[str]:
    """The fallback fonts that draw characters DejaVu Sans cannot."""
    sans = _coverage(SANS)
    rest = {ord(c) for c in chars} - sans
    out = []
    for family in _FALLBACKS:
        if not rest:
            break
        if rest & _coverage(family):
            out.append(family)
            rest -= _coverage(family)
    return out


def needs_shaping(chars: set[str]) -> bool:
    """Right-to-left or joining scripts need HarfBuzz; Latin, Greek, Cyrillic and CJK do not."""
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in chars)


def missing(texts: Iterable[str]) -> list[str]:
    """Characters no embedded font can draw, in code point order."""
    chars = {c for c in _chars(texts) if ord(c) not in _coverage(SANS)}
    if not chars:
        return []
    covered = frozenset().union(*(_coverage(f) for f in _FALLBACKS))
    return sorted(
        (
            c
            for c in chars
            if ord(c) not in covered
            and unicodedata.category(c) not in _INVISIBLE
            and not c.isspace()
            and not 0xFE00 <= ord(c) <= 0xFE0F
        ),
        key=ord,
    )


@dataclass(frozen=True)
class Setup:
    shaping: bool
    fallback: bool


def setup(pdf: FPDF, texts: Iterable[str]) -> Setup:
    """Install the fonts this document's text needs: the smallest set that covers it."""
    chars = _chars(texts)
    shaping = needs_shaping(chars)
    if shaping:
        source = "shaping"
    elif all(ord(c) in _coverage("core") or c.isspace() for c in chars):
        source = "core"  # most resumes: a fifth of the glyphs to load and subset
    else:
        source = SANS
    for style in _FILES[SANS]:
        _install(pdf, SANS, style, source)
    extra = fallbacks_for(chars)
    for family in extra:
        _install(pdf, family, "")
    if extra:
        pdf.set_fallback_fonts(extra, exact_match=False)
    if shaping:
        pdf.set_text_shaping(True)
    return Setup(shaping, bool(extra))
