"""The S3 boundary against a real S3 API server over HTTP (moto's ThreadedMotoServer)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from botocore.stub import Stubber

from resume_core import ConfigError, StorageError, load_resume, publish
from resume_core.config import load_settings, settings_from
from resume_core.maintenance import apply_expiry, current_expiry, usage
from resume_core.runtime import open_runtime
from resume_core.s3_utils import S3Store, get_s3_client


def test_missing_bucket_key_and_overwrite_are_named(s3_bucket):
    store = open_runtime().store
    with pytest.raises(StorageError, match="does not exist") as info:
        store.with_bucket("no-such-bucket-anywhere").put("k", b"x", "text/plain")
    assert info.value.code == "NoSuchBucket"
    with pytest.raises(StorageError, match="does not exist"):
        store.get("resumes/missing.pdf")
    store.put("resumes/a.pdf", b"1", "application/pdf")
    with pytest.raises(StorageError, match="not overwritten"):
        store.put("resumes/a.pdf", b"2", "application/pdf")
    assert store.get("resumes/a.pdf") == b"1"


def test_unreachable_endpoint_names_the_setting(monkeypatch):
    monkeypatch.setenv("S3_BUCKET_NAME", "b")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9")
    monkeypatch.setenv("S3_MAX_ATTEMPTS", "1")
    with pytest.raises(StorageError, match="AWS_ENDPOINT_URL_S3") as info:
        open_runtime().store.head_bucket()
    assert info.value.code == "EndpointUnreachable"


@pytest.mark.parametrize(
    ("code", "status", "headers", "fix"),
    [
        ("AccessDenied", 403, {}, "Grant s3:PutObject on arn:aws:s3:::b/*"),
        ("SignatureDoesNotMatch", 403, {}, "AWS_SECRET_ACCESS_KEY"),
        ("InvalidAccessKeyId", 403, {}, "AWS_ACCESS_KEY_ID"),
        ("ExpiredToken", 400, {}, "Refresh the credentials"),
        ("SlowDown", 503, {}, "try again"),
        ("PermanentRedirect", 301, {"x-amz-bucket-region": "ap-south-1"}, "AWS_REGION=ap-south-1"),
    ],
)
def test_errors_moto_cannot_produce_come_through_the_store(code, status, headers, fix):
    """botocore's Stubber supplies the codes; the store turns each into a fix."""
    client = get_s3_client(settings_from({"AWS_REGION": "us-east-1"}))
    store = S3Store(client, "b")
    with Stubber(client) as stub:
        stub.add_client_error(
            "put_object",
            service_error_code=code,
            http_status_code=status,
            response_meta={"HTTPHeaders": headers},
        )
        with pytest.raises(StorageError) as info:
            store.put("resumes/x.pdf", b"x", "application/pdf")
    assert fix in str(info.value)


def test_checksums_can_be_limited_to_where_required(s3_bucket, monkeypatch):
    sent: list[dict[str, str]] = []

    def record(request, **_):
        sent.append(dict(request.headers))

    for mode, expect_checksum in (("when_supported", True), ("when_required", False)):
        monkeypatch.setenv("AWS_REQUEST_CHECKSUM_CALCULATION", mode)
        store = open_runtime().store
        store.client.meta.events.register("before-send.s3.PutObject", record)
        store.put(f"resumes/{mode}.pdf", b"%PDF", "application/pdf")
        has = any(h.lower().startswith("x-amz-checksum-") for h in sent[-1])
        assert has is expect_checksum, (mode, sent[-1])


def test_public_endpoint_signs_for_the_browser_address(s3_bucket, monkeypatch, moto_server):
    monkeypatch.setenv("S3_PUBLIC_ENDPOINT_URL", "http://localhost:19000")
    store = open_runtime().store
    store.put("resumes/p.pdf", b"%PDF", "application/pdf")  # goes to the real server
    assert store.presign("resumes/p.pdf").startswith(f"http://localhost:19000/{s3_bucket}/")


def test_download_writes_atomically_and_leaves_nothing_on_failure(s3_bucket, tmp_path):
    store = open_runtime().store
    store.put("json/a.json", b'{"a": 1}', "application/json")
    dest = tmp_path / "dl" / "a.json"
    assert store.download("json/a.json", dest).read_bytes() == b'{"a": 1}'
    with pytest.raises(StorageError):
        store.download("json/missing.json", tmp_path / "dl" / "b.json")
    assert sorted(p.name for p in (tmp_path / "dl").iterdir()) == ["a.json"]


def test_pagination_over_a_thousand_objects(s3_bucket):
    store = open_runtime().store
    calls = []
    store.client.meta.events.register("before-send.s3.ListObjectsV2", lambda **kw: calls.append(1))
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(
                lambda i: store.put(f"json/{i:05}.json", b"{}", "application/json"), range(1005)
            )
        )
    assert len(list(store.objects("json"))) == 1005
    assert len(calls) == 2


def test_concurrent_publishes_are_unique_and_byte_identical(s3_bucket, marco_path, monkeypatch):
    """16 threads × 25 publishes; the PDF build is swapped for a fast one with unique bytes,
    since what is under test here is naming, local writes and uploads, not rendering."""
    import resume_core.publishing as publishing

    counter = iter(range(10_000))
    lock = threading.Lock()

    def fast_pdf(*args, **kwargs):
        with lock:
            n = next(counter)
        return b"%PDF-1.7\n% test document " + str(n).encode() + b"\n%%EOF\n"

    monkeypatch.setattr(publishing, "build_pdf", fast_pdf)
    rt = open_runtime()
    resume = load_resume(marco_path)

    def one(_):
        return publish(resume, store=rt.store, output_dir=rt.settings.output_dir)

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(one, range(16 * 25)))
    stems = {r.stem for r in results}
    assert len(stems) == 400
    for r in results:
        assert rt.store.get(f"resumes/{r.stem}.pdf") == Path(r.pdf_path).read_bytes()
        assert rt.store.get(f"json/{r.stem}.json") == Path(r.json_path).read_bytes()


def test_usage_and_lifecycle_rule(s3_bucket, marco_path):
    rt = open_runtime()
    publish(load_resume(marco_path), store=rt.store, output_dir=rt.settings.output_dir)
    counts = {u.folder: u.objects for u in usage(rt.store)}
    assert counts == {"resumes/": 1, "json/": 1}
    assert current_expiry(rt.store) == {"resumes/": None, "json/": None}
    other = {
        "ID": "keep-me",
        "Filter": {"Prefix": "tmp/"},
        "Status": "Enabled",
        "Expiration": {"Days": 1},
    }
    rt.store.set_lifecycle_rules([other])
    apply_expiry(rt.store, 30)
    assert current_expiry(rt.store) == {"resumes/": 30, "json/": 30}
    assert any(r["ID"] == "keep-me" for r in rt.store.lifecycle_rules())
    apply_expiry(rt.store, None)
    assert [r["ID"] for r in rt.store.lifecycle_rules()] == ["keep-me"]


def test_settings_reject_bad_values(monkeypatch):
    monkeypatch.setenv("AWS_REQUEST_CHECKSUM_CALCULATION", "sometimes")
    with pytest.raises(ConfigError, match="when_required"):
        load_settings()


def test_protection_reports_encryption_and_versioning(s3_bucket):
    store = open_runtime().store
    assert store.protection() == {"default encryption": "none", "versioning": "never enabled"}
    store.client.put_bucket_versioning(
        Bucket=s3_bucket, VersioningConfiguration={"Status": "Enabled"}
    )
    store.client.put_bucket_encryption(
        Bucket=s3_bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
        },
    )
    assert store.protection() == {"default encryption": "AES256", "versioning": "Enabled"}


def test_server_side_encryption_setting_applies_to_uploads(s3_bucket, marco_path, monkeypatch):
    monkeypatch.setenv("S3_SSE", "AES256")
    rt = open_runtime()
    result = publish(load_resume(marco_path), store=rt.store, output_dir=rt.settings.output_dir)
    head = rt.store.client.head_object(Bucket=s3_bucket, Key=f"resumes/{result.stem}.pdf")
    assert head["ServerSideEncryption"] == "AES256"
