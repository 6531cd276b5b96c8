"""Cut the vendored fonts: ``python tools/cut_fonts.py SOURCE_DIR``.

It also writes ``coverage.json`` (the characters each font draws); ``--coverage`` instead of
SOURCE_DIR rewrites only that file.

SOURCE_DIR holds the upstream files: DejaVuSans.ttf and DejaVuSans-Bold.ttf (DejaVu 2.37, from
the Python package rinoh-typeface-dejavusans 0.1.0), DroidSansFallback.ttf (Droid 2.55b, from
Android 6.0.1; Debian's fonts-droid-fallback ships it in ``fonts-droid-fallback/truetype/``) and
Symbola.ttf (Symbola 9.17, George Douros; ``Symbola_hint.ttf`` in Debian's fonts-symbola).
Run it when a font is updated, look at ``make bench`` and the test PNGs, then commit the files in
resume_core/fonts/.

Why cut: fpdf2 parses and subsets every embedded font for every document. Dropping blocks a
resume never uses (Braille, box drawing, mathematical alphanumerics, …) and hinting (PDF
viewers rasterise at their own sizes) makes each font smaller and each build faster. Layout
tables (GSUB/GPOS) cost time at every save, so only the ``-Shaping`` copies keep them; those are
used for documents that need HarfBuzz (Arabic, Hebrew). The ``-Core`` copies (Latin and
typographic punctuation, a fifth of the glyphs) serve the common case several times faster.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resume_core" / "fonts"

LATIN_AND_FRIENDS = [
    (0x0000, 0x036F),  # Latin, IPA, spacing and combining marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic
    (0x0530, 0x058F),  # Armenian
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic
    (0x10A0, 0x10FF),  # Georgian
    (0x1E00, 0x1FFF),  # Latin extended additional, Greek extended
    (0x2000, 0x206F),  # general punctuation
    (0x2070, 0x209F),  # super- and subscripts
    (0x20A0, 0x20CF),  # currency
    (0x2100, 0x214F),  # letterlike (℃, №, ™)
    (0x2150, 0x218F),  # number forms
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols
    (0x2700, 0x27BF),  # dingbats (✓ ✔ ✉)
    (0x2C60, 0x2C7F),  # Latin extended C
    (0xA720, 0xA7FF),  # Latin extended D
    (0xFB00, 0xFB4F),  # alphabetic presentation forms (ligatures, Hebrew)
    (0xFB50, 0xFDFF),  # Arabic presentation forms A
    (0xFE70, 0xFEFF),  # Arabic presentation forms B
    (0xFFF0, 0xFFFF),  # specials (�)
    (0x1F300, 0x1F6FF),  # pictographs, emoticons, transport
]
CORE = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 supplement, Latin extended A
    (0x0218, 0x021B),  # Romanian comma-below letters
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),  # per mille, primes, angle quotes
    (0x2070, 0x209F),  # super- and subscripts
    (0x20A0, 0x20C0),  # currency (€, ₹, ₽, ₿)
    (0x2100, 0x2122),  # letterlike (℃, №, ™)
    (0x2190, 0x2199),  # arrows
    (0x2212, 0x2212),  # minus
    (0x2605, 0x2606),  # stars
    (0x260E, 0x260E),  # telephone
    (0x2709, 0x2709),  # envelope
    (0x2713, 0x2718),  # check and cross marks
    (0xFB00, 0xFB06),  # Latin ligatures
    (0xFFFD, 0xFFFD),  # replacement character
]
SYMBOLS = [
    (0x2300, 0x23FF),  # miscellaneous technical (⌚, ⏰)
    (0x2600, 0x27BF),  # miscellaneous symbols, dingbats
    (0x2B00, 0x2BFF),  # arrows and stars (⭐)
    (0x1F300, 0x1F5FF),  # pictographs
    (0x1F600, 0x1F64F),  # emoticons
    (0x1F680, 0x1F6FF),  # transport and map
    (0x1F900, 0x1F9FF),  # supplemental pictographs
    (0x1FA70, 0x1FAFF),  # pictographs extended A
]
CJK = [
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x318F),  # bopomofo, Hangul compatibility jamo
    (0x31F0, 0x32FF),  # katakana extensions, enclosed CJK
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # half- and full-width forms
]


def cut(source: Path, target: Path, ranges: list[tuple[int, int]], layout: bool = False) -> None:
    """Keep ``ranges``; with ``layout``, keep GSUB/GPOS for HarfBuzz (Arabic joining, marks)."""
    font = TTFont(source, recalcTimestamp=False)
    cmap = font.getBestCmap()
    wanted = [c for lo, hi in ranges for c in range(lo, hi + 1) if c in cmap]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recommended_glyphs = True
    options.hinting = False
    # No glyph names: PDF files do not use them, and the names stored in a font would be decoded
    # again in every document; resume_core.fonts reads the glyph order once per process.
    options.glyph_names = False
    options.drop_tables += ["FFTM", "hdmx", "kern"]
    if not layout:
        options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.save(target)
    print(f"{target.name}: {len(wanted)} characters, {target.stat().st_size // 1024} KB")


def ranges(code_points: set[int]) -> list[list[int]]:
    """Sorted, merged ``[first, last]`` runs of ``code_points``."""
    out: list[list[int]] = []
    for c in sorted(code_points):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def coverage() -> dict[str, list[list[int]]]:
    """What each vendored font draws, so a build can choose fonts without parsing them."""
    return {
        path.name: ranges(set(TTFont(path, lazy=True).getBestCmap()))
        for path in sorted(OUT.glob("*.ttf"))
    }


def write_coverage() -> None:
    target = OUT / "coverage.json"
    target.write_text(json.dumps(coverage(), separators=(",", ":")) + "\n")
    print(f"{target.name}: {target.stat().st_size // 1024} KB")


def main(source_dir: str) -> int:
    if source_dir == "--coverage":
        write_coverage()
        return 0
    src = Path(source_dir)
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cut(src / name, OUT / name.replace(".ttf", "-Core.ttf"), CORE)
        cut(src / name, OUT / name, LATIN_AND_FRIENDS)
        cut(src / name, OUT / name.replace(".ttf", "-Shaping.ttf"), LATIN_AND_FRIENDS, layout=True)
    cut(src / "DroidSansFallback.ttf", OUT / "DroidSansFallback-CJK.ttf", CJK)
    cut(src / "Symbola.ttf", OUT / "Symbola-Emoji.ttf", SYMBOLS)
    write_coverage()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
