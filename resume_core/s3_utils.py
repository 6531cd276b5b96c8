"""The one S3 boundary: nothing else in the project imports boto3 or botocore.

``S3Store`` wraps an injected client and bucket; provider errors are translated here, once, into
``StorageError`` with a hint that names the fix. The module-level functions are the seed's API
(``get_s3_client``, ``upload_file_to_s3``, ``generate_presigned_url``, ``download_file_from_s3``,
``parse_s3_url``) with the seed's meaning, built on the store.
"""

from __future__ import annotations

import mimetypes
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    ParamValidationError,
    PartialCredentialsError,
    ReadTimeoutError,
)

from .config import Settings, check_expires, load_settings
from .errors import ConfigError, StorageError

if TYPE_CHECKING:
    from .runtime import Runtime

PDF_TYPE = "application/pdf"
JSON_TYPE = "application/json; charset=utf-8"
_ACTIONS = {
    "LIFECYCLE": "s3:GetLifecycleConfiguration / s3:PutLifecycleConfiguration",
    "PUT": "s3:PutObject",
    "GET": "s3:GetObject",
    "LIST": "s3:ListBucket",
    "HEAD": "s3:ListBucket",
    "DELETE": "s3:DeleteObject",
}


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size: int
    last_modified: datetime


def content_type_for(path: str | Path) -> str:
    """The Content-Type an object gets from its file name (PDF and JSON spelled out)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return PDF_TYPE
    if suffix == ".json":
        return JSON_TYPE
    return mimetypes.guess_type(str(path))[0] or "application/octet-stream"


def parse_s3_url(url: str) -> tuple[str, str]:
    """``s3://bucket/key`` → ``(bucket, key)``; anything else is a ``ConfigError``."""
    if not url.startswith("s3://"):
        raise ConfigError(f"{url!r} is not an S3 URL.", "Write it as s3://bucket/key.")
    bucket, _, key = url[5:].partition("/")
    if not bucket or not key:
        raise ConfigError(f"{url!r} has no bucket or no key.", "Write it as s3://bucket/key.")
    return bucket, key


def _content_disposition(kind: str, filename: str) -> str:
    """RFC 6266: an ASCII fallback name plus the UTF-8 name."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "").replace("?", "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def encode_metadata(values: Mapping[str, str]) -> dict[str, str]:
    """S3 user metadata travels in HTTP headers, which carry ASCII only; percent-encode the rest."""
    return {k: quote(v, safe=" -_.,()'&@+") for k, v in values.items()}


def decode_metadata(values: Mapping[str, str]) -> dict[str, str]:
    return {k: unquote(v) for k, v in values.items()}


def storage_error(err: Exception, action: str, bucket: str, key: str = "") -> StorageError:
    """Translate one provider error into a ``StorageError`` that names the fix."""
    where = f"s3://{bucket}/{key}" if key else f"bucket {bucket}"
    if isinstance(err, NoCredentialsError | PartialCredentialsError):
        return StorageError(
            "No AWS credentials were found.",
            "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in .env, or AWS_PROFILE, "
            "or run on a machine with an IAM role.",
            "NoCredentials",
        )
    if isinstance(err, EndpointConnectionError | ConnectTimeoutError | ReadTimeoutError):
        return StorageError(
            f"Cannot reach the S3 endpoint for {where}: {err}.",
            "Check the network and AWS_ENDPOINT_URL_S3 (if set), then try again.",
            "EndpointUnreachable",
        )
    if isinstance(err, ParamValidationError):
        return StorageError(f"Invalid request for {where}: {err}.", "", "ParamValidation")
    if not isinstance(err, ClientError):
        return StorageError(f"S3 {action} on {where} failed: {err}.", "", type(err).__name__)
    error = err.response.get("Error", {})
    code = str(error.get("Code", ""))
    status = err.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
    headers = err.response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
    if code in ("NoSuchBucket",) or (code == "404" and not key):
        return StorageError(
            f"The bucket {bucket} does not exist.",
            "Create it, or fix S3_BUCKET_NAME in .env.",
            "NoSuchBucket",
        )
    if code in ("NoSuchKey", "404", "NotFound"):
        return StorageError(f"{where} does not exist.", "", "NoSuchKey")
    if code == "InvalidAccessKeyId":
        return StorageError(
            "AWS does not know the access key in use (InvalidAccessKeyId).",
            "Check AWS_ACCESS_KEY_ID in .env (or the profile in use); it may have been deleted.",
            code,
        )
    if code == "SignatureDoesNotMatch":
        return StorageError(
            "S3 rejected the request signature (SignatureDoesNotMatch).",
            "Check AWS_SECRET_ACCESS_KEY for typos or spaces, and that AWS_REGION is the "
            "bucket's region and AWS_ENDPOINT_URL_S3 (if set) is right.",
            code,
        )
    if code in ("ExpiredToken", "TokenRefreshRequired", "ExpiredTokenException"):
        return StorageError(
            "The AWS session token has expired.",
            "Refresh the credentials (aws sso login, or new temporary keys) and retry.",
            code,
        )
    region = headers.get("x-amz-bucket-region")
    if code in (
        "PermanentRedirect",
        "AuthorizationHeaderMalformed",
        "IllegalLocationConstraint",
    ) or (status == 301):
        real = f" The bucket is in {region}." if region else ""
        return StorageError(
            f"The bucket {bucket} is not in the configured region.{real}",
            f"Set AWS_REGION={region} in .env." if region else "Set AWS_REGION to its region.",
            "WrongRegion",
        )
    if code in ("AccessDenied", "403", "Forbidden", "AllAccessDisabled"):
        permission = _ACTIONS.get(action, "s3:*")
        resource = f"arn:aws:s3:::{bucket}" + ("" if action in ("LIST", "HEAD") else "/*")
        return StorageError(
            f"Access denied for {action} on {where}.",
            f"Grant {permission} on {resource} to these credentials (see docs/iam-policy.json).",
            "AccessDenied",
        )
    if code in ("PreconditionFailed", "412", "ConditionalRequestConflict"):
        return StorageError(f"{where} already exists; it was not overwritten.", "", code)
    if code in ("SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "503"):
        return StorageError(
            "S3 is throttling requests (SlowDown).", "Wait a moment and try again.", code
        )
    message = error.get("Message") or str(err)
    return StorageError(f"S3 {action} on {where} failed: {code} {message}".strip(), "", code)


def get_s3_client(
    settings: Settings | None = None,
    *,
    endpoint_url: str | None = None,
    credentials: Mapping[str, str] | None = None,
) -> Any:
    """A client with the region always set, SigV4, virtual-hosted URLs on AWS, path style elsewhere.

    Makes no request: listing buckets would need an extra permission and a round trip.
    """
    settings = settings or load_settings()
    endpoint = endpoint_url or settings.endpoint_url
    config = Config(
        region_name=settings.region,
        signature_version="s3v4",
        s3={
            "addressing_style": "path" if endpoint else "virtual",
            "us_east_1_regional_endpoint": "regional",
        },
        retries={"mode": "standard", "max_attempts": settings.max_attempts},
        connect_timeout=5,
        read_timeout=30,
        request_checksum_calculation=settings.checksums,
        response_checksum_validation=settings.checksums,
    )
    extra = {f"aws_{k}": v for k, v in (credentials or {}).items()}
    return boto3.session.Session().client("s3", endpoint_url=endpoint, config=config, **extra)


class S3Store:
    """Everything the product does with one bucket (and optional key prefix)."""

    def __init__(
        self,
        client: Any,
        bucket: str,
        *,
        prefix: str = "",
        expires: int = 3600,
        sse: str | None = None,
        sse_kms_key_id: str | None = None,
        presign_client: Any | None = None,
    ) -> None:
        self.client = client
        self.presign_client = presign_client or client
        self.bucket = bucket
        self.prefix = prefix
        self.expires = check_expires(expires)
        self.sse = sse
        self.sse_kms_key_id = sse_kms_key_id

    def with_bucket(self, bucket: str) -> S3Store:
        return S3Store(
            self.client,
            bucket,
            expires=self.expires,
            sse=self.sse,
            sse_kms_key_id=self.sse_kms_key_id,
            presign_client=self.presign_client,
        )

    def uri(self, key: str) -> str:
        return f"s3://{self.bucket}/{key}"

    def _call(self, action: str, key: str, method: str, **params: Any) -> Any:
        try:
            return getattr(self.client, method)(Bucket=self.bucket, **params)
        except (BotoCoreError, ClientError) as err:
            raise storage_error(err, action, self.bucket, key) from err

    def put(
        self,
        key: str,
        body: bytes,
        content_type: str,
        metadata: Mapping[str, str] | None = None,
        *,
        overwrite: bool = False,
    ) -> str:
        """Upload ``body``; unless ``overwrite``, only if the key is new (``If-None-Match: *``)."""
        params: dict[str, Any] = {"Key": key, "Body": body, "ContentType": content_type}
        if metadata:
            params["Metadata"] = encode_metadata(metadata)
        if not overwrite:
            params["IfNoneMatch"] = "*"
        if self.sse:
            params["ServerSideEncryption"] = self.sse
            if self.sse_kms_key_id:
                params["SSEKMSKeyId"] = self.sse_kms_key_id
        self._call("PUT", key, "put_object", **params)
        return self.uri(key)

    def get(self, key: str) -> bytes:
        response = self._call("GET", key, "get_object", Key=key)
        data: bytes = response["Body"].read()
        return data

    def head(self, key: str) -> dict[str, Any]:
        response = self._call("GET", key, "head_object", Key=key)
        return {
            "size": response.get("ContentLength", 0),
            "content_type": response.get("ContentType", ""),
            "metadata": decode_metadata(response.get("Metadata", {})),
        }

    def download(self, key: str, dest: Path) -> Path:
        """Write the object to ``dest`` through a temporary file, so a failure leaves no stub."""
        response = self._call("GET", key, "get_object", Key=key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in response["Body"].iter_chunks(1 << 16):
                    handle.write(chunk)
            expected = response.get("ContentLength")
            if expected is not None and os.path.getsize(tmp) != expected:
                raise StorageError(
                    f"Download of {self.uri(key)} was cut short.", "Try again.", "ShortRead"
                )
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return dest

    def delete(self, key: str) -> None:
        self._call("DELETE", key, "delete_object", Key=key)

    def objects(self, under: str = "") -> Iterator[ObjectInfo]:
        """Every object below ``under`` (relative to the prefix), through the paginator."""
        from .keys import join_key

        start = join_key(self.prefix, under)
        start = start + "/" if under and not start.endswith("/") else start
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=start
        )
        try:
            for page in pages:
                for item in page.get("Contents", []):
                    yield ObjectInfo(item["Key"], item["Size"], item["LastModified"])
        except (BotoCoreError, ClientError) as err:
            raise storage_error(err, "LIST", self.bucket) from err

    def protection(self) -> dict[str, str]:
        """Default encryption and versioning as the bucket reports them (for the Storage page)."""
        out = {}
        try:
            response = self._call("GET", "", "get_bucket_encryption")
            rules = response.get("ServerSideEncryptionConfiguration", {}).get("Rules", [])
            algo = rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] if rules else ""
            out["default encryption"] = algo or "none"
        except StorageError as err:
            missing = err.code == "ServerSideEncryptionConfigurationNotFoundError"
            out["default encryption"] = "none" if missing else f"unknown ({err.code})"
        try:
            status = self._call("GET", "", "get_bucket_versioning").get("Status")
            out["versioning"] = status or "never enabled"
        except StorageError as err:
            out["versioning"] = f"unknown ({err.code})"
        return out

    def lifecycle_rules(self) -> list[dict[str, Any]]:
        """The bucket's lifecycle rules; none set is an empty list, not an error."""
        try:
            response = self._call("GET", "", "get_bucket_lifecycle_configuration")
        except StorageError as err:
            if err.code == "NoSuchLifecycleConfiguration":
                return []
            raise
        rules: list[dict[str, Any]] = response.get("Rules", [])
        return rules

    def set_lifecycle_rules(self, rules: list[dict[str, Any]]) -> None:
        if rules:
            self._call(
                "PUT",
                "",
                "put_bucket_lifecycle_configuration",
                LifecycleConfiguration={"Rules": rules},
            )
        else:
            self._call("DELETE", "", "delete_bucket_lifecycle")

    def head_bucket(self) -> str:
        """Check the bucket is reachable; return its region as S3 reports it."""
        response = self._call("HEAD", "", "head_bucket")
        headers = response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
        return str(headers.get("x-amz-bucket-region", ""))

    def ensure_bucket(self, region: str) -> None:
        """Create the bucket if it is missing (the embedded local store only)."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
            return
        except ClientError:
            pass
        params: dict[str, Any] = {}
        if region != "us-east-1":
            params["CreateBucketConfiguration"] = {"LocationConstraint": region}
        self._call("PUT", "", "create_bucket", **params)

    def presign(
        self,
        key: str,
        *,
        expires: int | None = None,
        download: bool = False,
        filename: str | None = None,
    ) -> str:
        """A GET URL: ``inline`` for viewing in the page, ``attachment`` for the download button.

        Signed for the public endpoint when one is set (``S3_PUBLIC_ENDPOINT_URL``): the browser
        may reach S3 by another address than the app does.
        """
        name = filename or key.rsplit("/", 1)[-1]
        params = {
            "Bucket": self.bucket,
            "Key": key,
            "ResponseContentDisposition": _content_disposition(
                "attachment" if download else "inline", name
            ),
        }
        try:
            url: str = self.presign_client.generate_presigned_url(
                "get_object",
                Params=params,
                ExpiresIn=check_expires(self.expires if expires is None else expires),
            )
        except (BotoCoreError, ClientError) as err:
            raise storage_error(err, "GET", self.bucket, key) from err
        return url


def _default_runtime() -> Runtime:
    from .runtime import default_runtime

    return default_runtime()


def _store_for(bucket: str | None, client: Any | None) -> S3Store:
    """The configured store, or one for another bucket or an injected client."""
    if client is not None:
        if not bucket:
            raise ConfigError("A bucket is needed with an explicit client.")
        return S3Store(client, bucket)
    store = _default_runtime().store
    return store if bucket in (None, store.bucket) else store.with_bucket(bucket)


def upload_file_to_s3(
    file_path: str | Path,
    object_name: str | None = None,
    bucket: str | None = None,
    *,
    client: Any | None = None,
    metadata: Mapping[str, str] | None = None,
    overwrite: bool = False,
) -> str:
    """Upload a local file with the content type its name implies; return its ``s3://`` URL."""
    path = Path(file_path)
    store = _store_for(bucket, client)
    key = object_name or path.name
    return store.put(key, path.read_bytes(), content_type_for(path), metadata, overwrite=overwrite)


def generate_presigned_url(
    s3_url: str,
    expires_in: int = 3600,
    *,
    download: bool = False,
    client: Any | None = None,
) -> str:
    """A SigV4 presigned GET URL for ``s3://bucket/key`` (1 h by default)."""
    bucket, key = parse_s3_url(s3_url)
    return _store_for(bucket, client).presign(key, expires=expires_in, download=download)


def download_file_from_s3(
    s3_url: str, dest: str | Path | None = None, *, client: Any | None = None
) -> Path:
    """Download ``s3://bucket/key`` to ``dest`` (default: the key's file name here)."""
    bucket, key = parse_s3_url(s3_url)
    target = Path(dest) if dest is not None else Path(key.rsplit("/", 1)[-1])
    if target.is_dir():
        target = target / key.rsplit("/", 1)[-1]
    return _store_for(bucket, client).download(key, target)


def credential_source() -> str | None:
    """How boto3 would find credentials (``env``, ``shared-credentials-file``, ``iam-role``…)."""
    try:
        credentials = boto3.session.Session().get_credentials()
    except BotoCoreError:
        return None
    return str(credentials.method) if credentials is not None else None
