"""Unit tests of the S3 boundary: URL shapes offline, calls against moto's in-process mock."""

from urllib.parse import parse_qs, urlsplit

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError
from moto import mock_aws

from resume_core import ConfigError, StorageError
from resume_core.config import settings_from
from resume_core.s3_utils import (
    S3Store,
    content_type_for,
    download_file_from_s3,
    generate_presigned_url,
    get_s3_client,
    parse_s3_url,
    storage_error,
    upload_file_to_s3,
)


def test_parse_s3_url():
    assert parse_s3_url("s3://bucket/resumes/a b.pdf") == ("bucket", "resumes/a b.pdf")
    for bad in ["https://bucket/key", "s3://bucket", "s3:///key", "bucket/key"]:
        with pytest.raises(ConfigError, match="s3://bucket/key"):
            parse_s3_url(bad)


def test_content_types():
    assert content_type_for("a.PDF") == "application/pdf"
    assert content_type_for("a.json") == "application/json; charset=utf-8"
    assert content_type_for("a.unknownext") == "application/octet-stream"


@pytest.mark.parametrize("region", ["us-east-2", "us-east-1", "eu-central-1"])
def test_presigned_url_is_sigv4_regional_virtual_hosted(region):
    settings = settings_from({"S3_BUCKET_NAME": "my-bucket", "AWS_REGION": region})
    store = S3Store(get_s3_client(settings), "my-bucket")
    url = store.presign("resumes/x.pdf")
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.scheme == "https"
    assert parts.netloc == f"my-bucket.s3.{region}.amazonaws.com"
    assert parts.path == "/resumes/x.pdf"
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == ["3600"]
    assert query["X-Amz-Credential"][0].endswith(f"/{region}/s3/aws4_request")
    assert query["response-content-disposition"][0].startswith("inline")


def test_download_url_is_an_rfc6266_attachment_with_unicode_name():
    settings = settings_from({"S3_BUCKET_NAME": "b", "AWS_REGION": "us-east-2"})
    store = S3Store(get_s3_client(settings), "b")
    url = store.presign("resumes/x.pdf", download=True, filename="José – CV.pdf", expires=60)
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["60"]
    disposition = query["response-content-disposition"][0]
    assert disposition.startswith('attachment; filename="Jos_ _ CV.pdf"')
    assert "filename*=UTF-8''Jos%C3%A9%20%E2%80%93%20CV.pdf" in disposition


def test_custom_endpoint_uses_path_style():
    settings = settings_from(
        {
            "S3_BUCKET_NAME": "b",
            "AWS_REGION": "eu-west-1",
            "AWS_ENDPOINT_URL_S3": "http://minio:9000",
        }
    )
    url = S3Store(get_s3_client(settings), "b").presign("json/x.json")
    assert url.startswith("http://minio:9000/b/json/x.json?")


@pytest.mark.parametrize("seconds", [0, -5, 7 * 24 * 3600 + 1])
def test_expiry_out_of_bounds_is_a_clear_error(seconds):
    store = S3Store(get_s3_client(settings_from({"AWS_REGION": "us-east-2"})), "b")
    with pytest.raises(ConfigError, match="between 1 and 604800"):
        store.presign("k", expires=seconds)


def test_missing_region_with_bucket_is_named():
    with pytest.raises(ConfigError, match="AWS_REGION"):
        settings_from({"S3_BUCKET_NAME": "b"})


@pytest.fixture
def mocked_store():
    with mock_aws():
        client = get_s3_client(settings_from({"AWS_REGION": "us-east-1"}))
        client.create_bucket(Bucket="unit")
        yield S3Store(client, "unit")


def test_put_is_conditional_and_typed(mocked_store):
    mocked_store.put("resumes/a.pdf", b"%PDF-1", "application/pdf", {"name": "José Ñ"})
    head = mocked_store.head("resumes/a.pdf")
    assert head["content_type"] == "application/pdf"
    assert head["metadata"]["name"] == "José Ñ"
    with pytest.raises(StorageError, match="already exists") as info:
        mocked_store.put("resumes/a.pdf", b"other", "application/pdf")
    assert mocked_store.get("resumes/a.pdf") == b"%PDF-1"
    assert info.value.code in ("PreconditionFailed", "412")


def test_seed_functions_with_an_injected_client(mocked_store, tmp_path):
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {}}')
    uri = upload_file_to_s3(src, "json/cv.json", "unit", client=mocked_store.client)
    assert uri == "s3://unit/json/cv.json"
    assert mocked_store.head("json/cv.json")["content_type"] == "application/json; charset=utf-8"
    dest = download_file_from_s3(uri, tmp_path / "back", client=mocked_store.client)
    assert dest.read_text() == '{"basics": {}}'
    url = generate_presigned_url(uri, 120, client=mocked_store.client)
    assert "X-Amz-Expires=120" in url


def test_listing_paginates(mocked_store):
    for i in range(1003):
        mocked_store.client.put_object(Bucket="unit", Key=f"resumes/{i:04}.pdf", Body=b"x")
    assert len(list(mocked_store.objects("resumes"))) == 1003


def test_missing_key_and_bucket_are_named(mocked_store):
    with pytest.raises(StorageError, match="does not exist"):
        mocked_store.get("resumes/none.pdf")
    with pytest.raises(StorageError, match="bucket nope does not exist") as info:
        mocked_store.with_bucket("nope").put("k", b"x", "text/plain")
    assert "S3_BUCKET_NAME" in info.value.hint


def _client_error(code, status=400, headers=None):
    return ClientError(
        {
            "Error": {"Code": code, "Message": code},
            "ResponseMetadata": {"HTTPStatusCode": status, "HTTPHeaders": headers or {}},
        },
        "PutObject",
    )


@pytest.mark.parametrize(
    ("err", "action", "expected"),
    [
        (_client_error("SignatureDoesNotMatch", 403), "PUT", "AWS_SECRET_ACCESS_KEY"),
        (_client_error("InvalidAccessKeyId", 403), "GET", "AWS_ACCESS_KEY_ID"),
        (_client_error("AccessDenied", 403), "PUT", "s3:PutObject on arn:aws:s3:::b/*"),
        (_client_error("AccessDenied", 403), "LIST", "s3:ListBucket on arn:aws:s3:::b"),
        (
            _client_error("PermanentRedirect", 301, {"x-amz-bucket-region": "eu-west-3"}),
            "PUT",
            "AWS_REGION=eu-west-3",
        ),
        (_client_error("ExpiredToken", 400), "GET", "Refresh the credentials"),
        (_client_error("SlowDown", 503), "PUT", "try again"),
        (NoCredentialsError(), "PUT", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        (EndpointConnectionError(endpoint_url="http://x"), "GET", "AWS_ENDPOINT_URL_S3"),
    ],
)
def test_errors_name_the_fix(err, action, expected):
    translated = storage_error(err, action, "b", "k")
    assert expected in str(translated)
    assert "testing" not in str(translated)
