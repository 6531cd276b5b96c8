"""Tailoring evaluation: ``python -m bench.eval_tailoring [CASES.json ...]``.

Each cases file lists resume/job pairs with the highlights a recruiter would want first (see
``tests/data/tailoring/README.md``). Prints, per case and overall, the pairwise ordering accuracy,
whether the expected matched and missing terms were reported, and the two scores.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from resume_core import load_job, load_resume, tailor
from resume_core.tailoring import normalise

DEFAULT = [Path("tests/data/tailoring/cases.json"), Path("tests/data/tailoring/more/cases.json")]


def pairwise(order: list[int], relevant: set[int]) -> tuple[int, int]:
    """(correct pairs, all pairs): each relevant highlight before each less relevant one."""
    position = {hi: n for n, hi in enumerate(order)}
    pairs = [(r, o) for r in relevant for o in position if o not in relevant]
    return sum(position[r] < position[o] for r, o in pairs), len(pairs)


def reported(terms: list[str], expected: list[str]) -> list[str]:
    """The expected terms that are absent from ``terms`` (compared after normalisation)."""
    have = {normalise(t) for t in terms} | {t.lower() for t in terms}

    def found(term: str) -> bool:
        return all(w.lower() in have or normalise(w) in have for w in term.split())

    return [e for e in expected if not found(e)]


def evaluate(cases_file: Path) -> tuple[int, int, list[str]]:
    base = cases_file.parent
    good = total = 0
    lines = []
    for case in json.loads(cases_file.read_text(encoding="utf-8")):
        resume = load_resume(base / case["resume"])
        result = tailor(resume, load_job(base / case["job"]))
        rows = result.report["highlights"]
        c_good = c_total = 0
        for wi, rel in case["relevant"].items():
            order = [h["original_index"] for h in rows if h["work_index"] == int(wi)]
            g, t = pairwise(order, set(rel))
            c_good, c_total = c_good + g, c_total + t
        good, total = good + c_good, total + c_total
        miss = reported(result.report["missing_keywords"], case.get("missing_should_include", []))
        match = reported(result.report["matched_keywords"], case.get("matched_should_include", []))
        lines.append(
            f"{cases_file.parent.name + '/' + case['job']:<40} {c_good / max(c_total, 1):>6.3f} "
            f"{c_good:>3}/{c_total:<3} "
            f"{'ok' if not miss else 'missing ' + ','.join(miss):<18} "
            f"{'ok' if not match else 'missing ' + ','.join(match):<18} "
            f"{result.report['score_before']:>4} {result.report['score_after']:>4}"
        )
    return good, total, lines


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or DEFAULT
    print(
        f"{'case':<40} {'pairwise':>6} {'pairs':>7} {'missing terms':<18} "
        f"{'matched terms':<18} before after"
    )
    good = total = 0
    for f in files:
        g, t, lines = evaluate(f)
        good, total = good + g, total + t
        print("\n".join(lines))
    print(f"{'overall':<40} {good / max(total, 1):>6.3f} {good:>3}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
