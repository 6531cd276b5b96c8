"""The CLI contract, run as a user runs it: ``python -m resume_core`` in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from resume_core.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "tailoring"


def run(*args, env=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "resume_core", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def test_build_writes_a_pdf_and_prints_its_path(tmp_path, marco_path):
    out = tmp_path / "cv.pdf"
    proc = run("build", str(marco_path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF-")


def test_tailor_writes_resume_and_report(tmp_path, marco_path):
    out, report = tmp_path / "t.json", tmp_path / "r.json"
    code = main(
        [
            "tailor",
            str(marco_path),
            str(DATA / "jd-sre.txt"),
            "-o",
            str(out),
            "--report",
            str(report),
        ]
    )
    assert code == 0
    data = json.loads(report.read_text())
    assert {
        "score_before",
        "score_after",
        "matched_keywords",
        "missing_keywords",
        "highlights",
    } <= set(data)
    tailored = json.loads(out.read_text())
    original = json.loads(marco_path.read_text())
    assert sorted(tailored["work"][0]["highlights"]) == sorted(original["work"][0]["highlights"])


def test_publish_uploads_and_presign_on_the_embedded_store(tmp_path, marco_path):
    """With no AWS configured, publish lands in the local mirror and uploads lists it."""
    proc = run("publish", str(marco_path), "--job", str(DATA / "jd-ml-engineer.txt"))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"pdf_uri", "json_uri", "view_url", "download_url", "expires_in"}
    assert result["expires_in"] == 3600
    out = Path(os.environ["RESUME_OUTPUT_DIR"])
    stem = result["pdf_uri"].rsplit("/", 1)[-1].removesuffix(".pdf")
    assert (out / "resumes" / f"{stem}.pdf").is_file()

    listing = run("uploads", "--json")
    assert listing.returncode == 0, listing.stderr
    rows = json.loads(listing.stdout)
    assert [r["stem"] for r in rows] == [stem]
    assert set(rows[0]) == {
        "stem",
        "pdf_uri",
        "json_uri",
        "size",
        "last_modified",
        "name",
        "target",
    }
    assert rows[0]["target"] == "Machine Learning Engineer — Tessera Retail"

    presign = run("presign", result["json_uri"], "--download", "--expires", "90")
    assert presign.returncode == 0, presign.stderr
    assert "X-Amz-Expires=90" in presign.stdout
    assert "attachment" in requests.utils.unquote(presign.stdout)


def test_doctor_passes_on_the_embedded_store():
    proc = run("doctor")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = [line.split(":")[0].split()[-1] for line in proc.stdout.splitlines()]
    assert names == ["configuration", "credentials", "bucket", "put", "get", "list", "delete"]


def test_doctor_names_a_missing_bucket(s3_bucket, monkeypatch, capsys):
    monkeypatch.setenv("S3_BUCKET_NAME", "no-such-bucket-here")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL bucket" in out and "S3_BUCKET_NAME" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "missing.json", "-o", "x.pdf"], "Cannot read resume file missing.json"),
        (["presign", "https://example.com/x"], "is not an S3 URL"),
        (["presign", "s3://b/k", "--expires", "0"], "between 1 and 604800"),
    ],
)
def test_user_errors_exit_1_with_one_line(args, message, tmp_path):
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_missing_region_is_a_user_error(monkeypatch, capsys):
    monkeypatch.setenv("S3_BUCKET_NAME", "b")
    assert main(["uploads"]) == 1
    assert "AWS_REGION" in capsys.readouterr().err


def test_usage_errors_exit_2():
    assert run("frobnicate").returncode == 2


def test_build_one_page_and_missing_characters_go_to_stderr(tmp_path):
    from bench.__main__ import big_resume

    data = big_resume(9, 6)
    data["basics"]["summary"] = "Reads hieroglyphs 𓀀 for fun."
    src = tmp_path / "long.json"
    src.write_text(json.dumps(data))
    out = tmp_path / "one.pdf"
    proc = run("build", str(src), "-o", str(out), "--one-page", "--template", "compact")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert "one page: removed" in proc.stderr
    lines = proc.stderr.strip().splitlines()
    # one line for the missing character, in our words only (no fpdf2 log lines)
    assert [line for line in lines if not line.startswith("one page: removed")] == [
        "warning: no embedded font has these characters: 𓀀 (U+13000)"
    ]
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) == 1


def test_unwritable_output_is_one_line(tmp_path, marco_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run("build", str(marco_path), "-o", str(blocker / "cv.pdf"))
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1
