"""Wiring: settings → client → store, starting the embedded local S3 when no bucket is set."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, replace

from .config import LOCAL_BUCKET, Settings, load_settings
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


def open_runtime(settings: Settings | None = None) -> Runtime:
    """Connect to the configured bucket, or start the local one and refill it from the mirror."""
    settings = settings or load_settings()
    if not settings.embedded:
        client = get_s3_client(settings)
        return Runtime(settings, _store(settings, client, settings.bucket or ""))
    local = LocalS3(port=int(os.environ.get("LOCAL_S3_PORT", "0") or 0))
    endpoint = local.start()
    settings = replace(settings, endpoint_url=endpoint)
    client = get_s3_client(settings, credentials=LOCAL_CREDENTIALS)
    store = _store(settings, client, LOCAL_BUCKET)
    store.ensure_bucket(settings.region)
    report = sync(store, settings.output_dir)
    return Runtime(settings, store, local, report)


def _store(settings: Settings, client: object, bucket: str) -> S3Store:
    return S3Store(
        client,
        bucket,
        prefix=settings.prefix,
        expires=settings.presign_expires,
        sse=settings.sse,
        sse_kms_key_id=settings.sse_kms_key_id,
    )


@functools.cache
def default_runtime() -> Runtime:
    """One runtime per process, for the seed functions and the CLI."""
    return open_runtime()
