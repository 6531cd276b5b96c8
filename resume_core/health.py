"""The storage health check behind ``doctor`` and the Storage page: one line per check."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from .errors import StorageError
from .keys import join_key
from .runtime import Runtime
from .s3_utils import credential_source


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


def describe(runtime: Runtime) -> dict[str, str]:
    """What is configured, for display. Never a secret."""
    s = runtime.settings
    return {
        "storage": "embedded local S3 (demo, not AWS)"
        if runtime.embedded
        else "AWS S3 or compatible",
        "bucket": runtime.store.bucket,
        "region": s.region,
        "endpoint": s.endpoint_url or "AWS default (virtual-hosted, regional)",
        "prefix": s.prefix or "(none)",
        "presigned URL expiry": f"{s.presign_expires} s",
        "encryption": s.sse or "bucket default",
        "local mirror": str(s.output_dir),
    }


def run_checks(runtime: Runtime) -> list[Check]:
    """Credentials, bucket and region, then a put/get/list/delete round trip of a probe object."""
    store = runtime.store
    checks = [Check("configuration", True, f"bucket {store.bucket} in {runtime.settings.region}")]
    if runtime.embedded:
        checks.append(Check("credentials", True, "local demo credentials"))
    else:
        source = credential_source()
        checks.append(
            Check("credentials", True, f"found ({source})")
            if source
            else Check(
                "credentials",
                False,
                "none found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in .env, "
                "or AWS_PROFILE, or use an IAM role.",
            )
        )
        if not source:
            return checks
    key = join_key(store.prefix, "_probe", f"doctor-{secrets.token_hex(4)}.txt")
    body = b"resume-customizer probe\n"

    def bucket() -> str:
        region = store.head_bucket()
        configured = runtime.settings.region
        if region and region != configured:
            raise StorageError(
                f"the bucket is in {region}, not {configured}.",
                f"Set AWS_REGION={region} in .env.",
                "WrongRegion",
            )
        return f"reachable ({region or configured})"

    def get() -> str:
        if store.get(key) != body:
            raise StorageError("the probe object came back different.", "", "Mismatch")
        return "read back"

    def listed() -> str:
        if key not in {info.key for info in store.objects("_probe")}:
            raise StorageError("the probe object is missing from the listing.", "", "Mismatch")
        return "listed"

    def delete() -> str:
        store.delete(key)
        return "deleted"

    steps: list[tuple[str, Callable[[], str]]] = [
        ("bucket", bucket),
        ("put", lambda: store.put(key, body, "text/plain") and "written"),
        ("get", get),
        ("list", listed),
        ("delete", delete),
    ]
    done: set[str] = set()
    for name, step in steps:
        try:
            checks.append(Check(name, True, step()))
            done.add(name)
        except StorageError as err:
            checks.append(Check(name, False, str(err)))
            break
    if "put" in done and "delete" not in done:
        with contextlib.suppress(StorageError):
            store.delete(key)  # leave nothing behind after a failed step
    return checks
