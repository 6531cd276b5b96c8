"""Benchmarks: ``python -m bench`` (or ``make bench``) prints one table.

Tailoring: a 1,000-word job description against a resume with 60 highlights (warm, in-process).
PDF: a realistic 2-page resume (6 jobs × 5 highlights, education, skills, projects), warm
in-process builds per template, the cold ``python -m resume_core build`` process, and file size.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from resume_core import TEMPLATES, build_pdf, dump_resume, load_resume, tailor
from resume_core.samples import SAMPLES, load_sample
from resume_core.tailoring import _keys

TESTS = Path(__file__).resolve().parent.parent / "tests" / "data"
DATA = TESTS / "tailoring"
TWO_PAGES = TESTS / "pdf" / "two-pages.resume.json"  # 6 jobs × 5 highlights, every section


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, p95) in milliseconds after one warm-up call."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def big_resume(jobs: int, per_job: int) -> dict[str, object]:
    pool = [h for label in SAMPLES for w in load_sample(label).work for h in w.highlights]
    pool += [h for w in load_resume(DATA / "marco.resume.json").work for h in w.highlights]
    base = dump_resume(load_sample(next(iter(SAMPLES))))
    base["work"] = [
        {
            "name": f"Company {j + 1}",
            "position": "Senior Engineer",
            "startDate": f"{2024 - 2 * j}-01",
            "endDate": f"{2025 - 2 * j}-12" if j else None,
            "highlights": [pool[(j * per_job + k) % len(pool)] for k in range(per_job)],
        }
        for j in range(jobs)
    ]
    return base


def long_job(words: int) -> str:
    text = " ".join(p.read_text() for p in sorted(DATA.glob("jd-*.txt")))
    text += " " + " ".join(p.read_text() for p in sorted((DATA / "more").glob("jd-*.txt")))
    tokens = text.split()
    return "Staff Engineer — Example\n" + " ".join(tokens[i % len(tokens)] for i in range(words))


def main() -> int:
    rows: list[tuple[str, str, str, str]] = []
    resume60 = load_resume(big_resume(12, 5))
    job = long_job(1000)

    def tailor_uncached() -> None:
        _keys.cache_clear()  # measure a new resume's cost, not the cache's
        tailor(resume60, job)

    med, p95 = timed(tailor_uncached, 50)
    rows.append(
        ("tailor: 1,000-word job × 60 highlights", f"{med:.1f} ms", f"{p95:.1f} ms", "≤ 30 ms")
    )

    resume2p = load_resume(TWO_PAGES)
    for template in TEMPLATES:
        med, p95 = timed(lambda t=template: build_pdf(resume2p, t), 15)
        rows.append((f"build_pdf warm ({template})", f"{med:.1f} ms", f"{p95:.1f} ms", "≤ 40 ms"))
    size = len(build_pdf(resume2p))
    # The same builds when the text needs more than DejaVu Sans: no target, for comparison.
    for label, name in (
        ("Hebrew and Arabic, shaped", "rtl"),
        ("Greek, Cyrillic, CJK, emoji", "multiscript"),
    ):
        other = load_resume(TESTS / "pdf" / f"{name}.resume.json")
        med, p95 = timed(lambda r=other: build_pdf(r), 10)
        rows.append((f"build_pdf warm, 1 page: {label}", f"{med:.1f} ms", f"{p95:.1f} ms", "–"))
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "resume_core", "build", str(TWO_PAGES)]
        command += ["-o", f"{tmp}/o.pdf"]
        colds = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            colds.append((time.perf_counter() - start) * 1000)
    rows.append(
        (
            "cold `python -m resume_core build`",
            f"{statistics.median(colds):.0f} ms",
            f"{max(colds):.0f} ms",
            "≤ 450 ms",
        )
    )
    rows.append(("PDF size (2 pages)", f"{size / 1024:.0f} KB", "", "≤ 150 KB"))

    widths = [
        max(len(r[i]) for r in [("what", "median", "p95/max", "target"), *rows]) for i in range(4)
    ]
    header = ("what", "median", "p95/max", "target")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
