"""Publish over HTTP to a real S3 API server, then fetch the presigned URLs for real."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from moto.server import ThreadedMotoServer

from resume_core import PublishPendingError, load_resume, publish
from resume_core.history import list_uploads
from resume_core.mirror import pending, sync
from resume_core.runtime import open_runtime


def test_publish_then_fetch_both_presigned_urls(s3_bucket, marco_path, isolated_env):
    rt = open_runtime()
    job = (Path(__file__).parent / "data" / "tailoring" / "jd-sre.txt").read_text()
    result = publish(
        load_resume(marco_path), job, store=rt.store, output_dir=rt.settings.output_dir
    )

    assert result.pdf_uri == f"s3://{s3_bucket}/resumes/{result.stem}.pdf"
    assert result.json_uri == f"s3://{s3_bucket}/json/{result.stem}.json"
    assert result.stem.startswith("marco-rossi-site-reliability-engineer-nimbus-payments-")
    local_pdf = Path(result.pdf_path).read_bytes()
    assert Path(result.pdf_path).parent == isolated_env / "resumes"

    view = requests.get(result.view_url, timeout=10)
    assert view.status_code == 200
    assert view.headers["Content-Type"] == "application/pdf"
    assert view.headers["Content-Disposition"].startswith("inline")
    assert view.content == local_pdf

    download = requests.get(result.download_url, timeout=10)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert f"{result.stem}.pdf" in download.headers["Content-Disposition"]
    assert download.content == local_pdf

    stored_json = rt.store.get(f"json/{result.stem}.json")
    assert stored_json == Path(result.json_path).read_bytes()
    data = json.loads(stored_json)
    assert data["meta"]["resumeCustomizer"]["target"] == result.target
    assert data["work"][0]["highlights"][0].startswith("Managed 30 Kubernetes clusters")

    records = list_uploads(rt.store, rt.settings.output_dir)
    assert [r.stem for r in records] == [result.stem]
    assert records[0].name == "Marco Rossi"
    assert records[0].target == "Site Reliability Engineer — Nimbus Payments"
    assert records[0].size == len(local_pdf)


def test_history_is_newest_first_and_prefix_is_respected(s3_bucket, marco_path, monkeypatch):
    monkeypatch.setenv("S3_PREFIX", "team-a")
    rt = open_runtime()
    resume = load_resume(marco_path)
    base = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
    stems = [
        publish(
            resume,
            store=rt.store,
            output_dir=rt.settings.output_dir,
            when=base + timedelta(seconds=i),
        ).stem
        for i in range(3)
    ]
    keys = [info.key for info in rt.store.objects("resumes")]
    assert all(k.startswith("team-a/resumes/") for k in keys)
    assert [r.stem for r in list_uploads(rt.store)] == sorted(stems, reverse=True)


def test_outage_leaves_files_pending_and_sync_recovers(marco_path, monkeypatch, isolated_env):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    monkeypatch.setenv("S3_BUCKET_NAME", "outage")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", endpoint)
    rt = open_runtime()
    rt.store.client.create_bucket(Bucket="outage")
    resume = load_resume(marco_path)
    publish(resume, store=rt.store, output_dir=isolated_env)
    server.stop()

    with pytest.raises(PublishPendingError) as info:
        publish(resume, store=rt.store, output_dir=isolated_env)
    assert "pending" in str(info.value)
    lost_stem = info.value.stem
    assert (isolated_env / "resumes" / f"{lost_stem}.pdf").is_file()
    assert (isolated_env / "json" / f"{lost_stem}.json").is_file()

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        assert {rel for _, rel in pending(rt.store, isolated_env)} == {
            f"resumes/{lost_stem}.pdf",
            f"json/{lost_stem}.json",
        }
        report = sync(rt.store, isolated_env)
        assert (report.uploaded, report.failed) == (2, 0)
        assert pending(rt.store, isolated_env) == []
        assert (
            rt.store.get(f"resumes/{lost_stem}.pdf")
            == (isolated_env / "resumes" / f"{lost_stem}.pdf").read_bytes()
        )
    finally:
        server.stop()


def test_seed_publish_functions_write_locally_then_upload(s3_bucket, marco_path, isolated_env):
    from resume_core import generate_resume_pdf, save_resume_json

    resume = load_resume(marco_path)
    pdf_path, pdf_uri = generate_resume_pdf(resume, "marco-test-stem", target="SRE")
    json_path, json_uri = save_resume_json(resume, "marco-test-stem", target="SRE")
    assert pdf_path == isolated_env / "resumes" / "marco-test-stem.pdf"
    assert json_path == isolated_env / "json" / "marco-test-stem.json"
    assert pdf_uri == f"s3://{s3_bucket}/resumes/marco-test-stem.pdf"
    assert json_uri == f"s3://{s3_bucket}/json/marco-test-stem.json"
    rt = open_runtime()
    assert rt.store.get("resumes/marco-test-stem.pdf") == pdf_path.read_bytes()
    assert rt.store.head("json/marco-test-stem.json")["content_type"].startswith("application/json")


def test_json_upload_failure_after_pdf_leaves_the_json_pending(s3_bucket, marco_path, monkeypatch):
    from resume_core import StorageError

    rt = open_runtime()
    real_put = rt.store.put

    def flaky_put(key, *args, **kwargs):
        if key.startswith("json/"):
            raise StorageError("S3 PUT failed: InternalError", "", "InternalError")
        return real_put(key, *args, **kwargs)

    monkeypatch.setattr(rt.store, "put", flaky_put)
    with pytest.raises(PublishPendingError) as info:
        publish(load_resume(marco_path), store=rt.store, output_dir=rt.settings.output_dir)
    stem = info.value.stem
    assert {rel for _, rel in pending(rt.store, rt.settings.output_dir)} == {f"json/{stem}.json"}
    monkeypatch.setattr(rt.store, "put", real_put)
    assert sync(rt.store, rt.settings.output_dir).uploaded == 1
    records = list_uploads(rt.store, rt.settings.output_dir)
    assert records[0].json_key == f"json/{stem}.json"


def test_app_start_uploads_what_an_outage_left_pending(s3_bucket, marco_path, isolated_env):
    from resume_core.keys import make_stem
    from resume_core.mirror import local_path, write_atomic

    stem = make_stem("Marco Rossi", "general")
    pdf = write_atomic(local_path(isolated_env, "resumes", stem), b"%PDF-1.7 pending\n")
    write_atomic(local_path(isolated_env, "json", stem), b"{}\n")
    rt = open_runtime(sync_pending=True)
    assert (rt.startup_sync.uploaded, rt.startup_sync.failed) == (2, 0)
    assert rt.store.get(f"resumes/{stem}.pdf") == pdf.read_bytes()


def test_embedded_store_serves_until_closed(isolated_env):
    rt = open_runtime()
    assert rt.embedded and rt.settings.endpoint_url.startswith("http://127.0.0.1:")
    assert requests.get(rt.settings.endpoint_url, timeout=5).status_code < 500
    rt.close()
    with pytest.raises(requests.ConnectionError):
        requests.get(rt.settings.endpoint_url, timeout=5)
