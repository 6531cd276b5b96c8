"""Settings from the environment, a ``.env`` file and the root keys of ``.streamlit/secrets.toml``.

Credentials are never read here: boto3's own chain (environment, profiles, SSO, roles) finds them,
so rotating keys or moving to a role needs no code change.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

from .errors import ConfigError

DEFAULT_EXPIRES = 3600
MAX_EXPIRES = 7 * 24 * 3600
SSE_CHOICES = ("AES256", "aws:kms")
CHECKSUM_CHOICES = ("when_supported", "when_required")
LOCAL_BUCKET = "resume-customizer-local"
LOCAL_REGION = "us-east-1"


@dataclass(frozen=True)
class Settings:
    """What the app and the CLI need to know about storage. Holds no secrets."""

    bucket: str | None
    region: str
    endpoint_url: str | None = None
    prefix: str = ""
    presign_expires: int = DEFAULT_EXPIRES
    sse: str | None = None
    sse_kms_key_id: str | None = None
    output_dir: Path = Path("output")
    public_endpoint_url: str | None = None
    checksums: str = "when_supported"
    max_attempts: int = 4

    @property
    def embedded(self) -> bool:
        """True when no bucket is configured and the built-in local S3 is used."""
        return self.bucket is None


def check_expires(seconds: int) -> int:
    """Presigned URLs live between 1 second and 7 days (SigV4's limit)."""
    if not 1 <= seconds <= MAX_EXPIRES:
        raise ConfigError(
            f"Presigned URL expiry must be between 1 and {MAX_EXPIRES} seconds (7 days), "
            f"not {seconds}.",
            "Set S3_PRESIGN_EXPIRES (or --expires) to a value in that range.",
        )
    return seconds


def _load_files(env: MutableMapping[str, str]) -> None:
    env_file = env.get("RESUME_ENV_FILE", ".env")
    if env is os.environ and env_file and Path(env_file).is_file():
        load_dotenv(env_file, override=False)
    secrets = Path(env.get("RESUME_SECRETS_FILE", ".streamlit/secrets.toml"))
    if secrets.is_file():
        try:
            data = tomllib.loads(secrets.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"Cannot read {secrets}: {err}") from err
        for name, value in data.items():
            if isinstance(value, str | int):
                env.setdefault(name, str(value))


def load_settings(env: MutableMapping[str, str] | None = None) -> Settings:
    """Read the settings; with ``env`` given, read only that mapping (tests, scripts)."""
    if env is None:
        env = os.environ
        _load_files(env)
    return settings_from(env)


def settings_from(env: Mapping[str, str]) -> Settings:
    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    bucket = get("S3_BUCKET_NAME")
    region = get("AWS_REGION") or get("AWS_DEFAULT_REGION")
    if bucket and not region:
        raise ConfigError(
            f"S3_BUCKET_NAME is set ({bucket}) but AWS_REGION is not.",
            "Set AWS_REGION to the bucket's region (for example eu-west-1) in .env.",
        )
    raw_expires = get("S3_PRESIGN_EXPIRES") or str(DEFAULT_EXPIRES)
    try:
        expires = int(raw_expires)
    except ValueError:
        raise ConfigError(
            f"S3_PRESIGN_EXPIRES must be a whole number of seconds, not {raw_expires!r}."
        ) from None
    sse = get("S3_SSE")
    if sse and sse not in SSE_CHOICES:
        raise ConfigError(f"S3_SSE must be one of {', '.join(SSE_CHOICES)}, not {sse!r}.")
    prefix = (get("S3_PREFIX") or "").strip("/")
    checksums = get("AWS_REQUEST_CHECKSUM_CALCULATION") or "when_supported"
    if checksums not in CHECKSUM_CHOICES:
        raise ConfigError(
            f"AWS_REQUEST_CHECKSUM_CALCULATION must be one of {', '.join(CHECKSUM_CHOICES)}, "
            f"not {checksums!r}."
        )
    raw_attempts = get("S3_MAX_ATTEMPTS") or "4"
    if not raw_attempts.isdigit() or not 1 <= int(raw_attempts) <= 10:
        raise ConfigError(
            f"S3_MAX_ATTEMPTS must be a whole number from 1 to 10, not {raw_attempts!r}."
        )
    return Settings(
        bucket=bucket,
        region=region or LOCAL_REGION,
        endpoint_url=get("AWS_ENDPOINT_URL_S3") or get("AWS_ENDPOINT_URL"),
        prefix=prefix,
        presign_expires=check_expires(expires),
        sse=sse,
        sse_kms_key_id=get("S3_SSE_KMS_KEY_ID"),
        output_dir=Path(get("RESUME_OUTPUT_DIR") or "output"),
        public_endpoint_url=get("S3_PUBLIC_ENDPOINT_URL"),
        checksums=checksums,
        max_attempts=int(raw_attempts),
    )
