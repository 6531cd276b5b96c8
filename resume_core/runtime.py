"""Wiring: settings → client → store, starting the embedded local S3 when no bucket is set."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, replace

from .config import LOCAL_BUCKET, Settings, load_settings
from .errors import StorageError
from .local_s3 import LOCAL_CREDENTIALS, LocalS3
from .mirror import SyncReport, sync
from .s3_utils import S3Store, get_s3_client


@dataclass
class Runtime:
    settings: Settings
    store: S3Store
    local: LocalS3 | None = None
    startup_sync: SyncReport | None = None

    @property
    def embedded(self) -> bool:
        return self.local is not None

    def close(self) -> None:
        if self.local is not None:
            self.local.stop()


def open_runtime(settings: Settings | None = None, *, sync_pending: bool = False) -> Runtime:
    """Connect to the configured bucket, or start the local one and refill it from the mirror.

    With ``sync_pending`` (the app's start-up), files left pending by an earlier outage are
    uploaded now; a failure there is reported, not raised, so the app still starts.
    """
    settings = settings or load_settings()
    if not settings.embedded:
        store = _store(settings, settings.bucket or "")
        report = None
        if sync_pending:
            try:
                report = sync(store, settings.output_dir)
            except StorageError as err:
                report = SyncReport(errors=[str(err)])
        return Runtime(settings, store, None, report)
    local = LocalS3(
        host=os.environ.get("LOCAL_S3_HOST", "127.0.0.1"),
        port=int(os.environ.get("LOCAL_S3_PORT", "0") or 0),
    )
    settings = replace(settings, endpoint_url=local.start())
    store = _store(settings, LOCAL_BUCKET, LOCAL_CREDENTIALS)
    store.ensure_bucket(settings.region)
    return Runtime(settings, store, local, sync(store, settings.output_dir))


def _store(settings: Settings, bucket: str, credentials: dict[str, str] | None = None) -> S3Store:
    client = get_s3_client(settings, credentials=credentials)
    presign_client = None
    if settings.public_endpoint_url:
        presign_client = get_s3_client(
            settings, endpoint_url=settings.public_endpoint_url, credentials=credentials
        )
    return S3Store(
        client,
        bucket,
        prefix=settings.prefix,
        expires=settings.presign_expires,
        sse=settings.sse,
        sse_kms_key_id=settings.sse_kms_key_id,
        presign_client=presign_client,
    )


@functools.cache
def default_runtime() -> Runtime:
    """One runtime per process, for the seed functions and the CLI."""
    return open_runtime()
