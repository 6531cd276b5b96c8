"""Shared fixtures: an isolated environment, and a real S3 API server (moto) over HTTP."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from resume_core import runtime as runtime_module

DATA = Path(__file__).parent / "data" / "tailoring"
ENV_NAMES = (
    "S3_BUCKET_NAME",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3",
    "AWS_PROFILE",
    "S3_PREFIX",
    "S3_PRESIGN_EXPIRES",
    "S3_SSE",
    "S3_SSE_KMS_KEY_ID",
    "AWS_SESSION_TOKEN",
)


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No developer .env, secrets or AWS settings leak into a test; output goes to tmp_path."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RESUME_ENV_FILE", str(tmp_path / "no.env"))
    monkeypatch.setenv("RESUME_SECRETS_FILE", str(tmp_path / "no-secrets.toml"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    out = tmp_path / "output"
    monkeypatch.setenv("RESUME_OUTPUT_DIR", str(out))
    runtime_module.default_runtime.cache_clear()
    yield out
    runtime_module.default_runtime.cache_clear()


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """A real S3 API server on 127.0.0.1 (any free port); yields its endpoint URL."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(moto_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh bucket on the server, configured through the environment as a user would."""
    bucket = f"test-{secrets.token_hex(6)}"
    boto3.client("s3", endpoint_url=moto_server, region_name="eu-west-1").create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    monkeypatch.setenv("S3_BUCKET_NAME", bucket)
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", moto_server)
    return bucket


@pytest.fixture
def marco_path() -> Path:
    return DATA / "marco.resume.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-references",
        action="store_true",
        help="rewrite tests/data/pdf/reference/*.pdf (look at them before committing)",
    )


@pytest.fixture
def update_references(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-references"))
