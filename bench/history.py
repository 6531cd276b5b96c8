"""History at scale: ``python -m bench.history [N]`` (default 10,000 uploads).

Fills a real S3 API server (moto, over HTTP) with N published resumes (a PDF and a JSON each),
then measures what the History page does: the first load (paginated listings only), the cached
load (Streamlit's ``st.cache_data``), and the number of S3 requests, counted with botocore's
event hooks.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

from moto.core import DEFAULT_ACCOUNT_ID
from moto.s3.models import s3_backends
from moto.server import ThreadedMotoServer

from resume_core.history import list_uploads
from resume_core.keys import json_key, make_stem, pdf_key
from resume_core.s3_utils import ObjectInfo


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 10_000
    logging.disable(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    bucket = "history-bench"
    tmp = tempfile.mkdtemp()
    os.environ.update(
        {
            "S3_BUCKET_NAME": bucket,
            "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL_S3": f"http://{host}:{port}",
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "RESUME_OUTPUT_DIR": tmp,
            "RESUME_ENV_FILE": os.devnull,
        }
    )
    from pages import _shared as ui

    store = ui.runtime().store
    store.client.create_bucket(Bucket=bucket)
    backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
    start = time.perf_counter()
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(n):
        stem = make_stem(f"Person {i}", f"Job {i % 50}", base + timedelta(seconds=i))
        backend.put_object(bucket, pdf_key(stem), b"%PDF-1.7 " + b"x" * 200)
        backend.put_object(bucket, json_key(stem), b"{}")
    fill = time.perf_counter() - start

    start = time.perf_counter()
    listed = {folder: list(store.objects(folder)) for folder in ("resumes", "json")}
    raw = time.perf_counter() - start

    class Listed:
        """The same listings, already fetched: times our processing alone."""

        bucket, prefix = store.bucket, store.prefix

        def objects(self, under: str = "") -> list[ObjectInfo]:
            return listed[under]

    start = time.perf_counter()
    list_uploads(Listed(), None)  # type: ignore[arg-type]
    ours = time.perf_counter() - start

    requests: list[str] = []
    store.client.meta.events.register(
        "before-send.s3.*", lambda request, **_: requests.append(request.method)
    )
    ui.uploads.clear()
    start = time.perf_counter()
    records = ui.uploads()
    first = time.perf_counter() - start
    first_requests = len(requests)
    cached = []
    for _ in range(20):
        start = time.perf_counter()
        ui.uploads()
        cached.append(time.perf_counter() - start)
    cached.sort()
    assert len(records) == n, len(records)
    rows = [
        ("uploads in the bucket", f"{n:,} ({2 * n:,} objects)", ""),
        ("fill (in-process, not measured)", f"{fill:.1f} s", ""),
        ("first load (listings over HTTP)", f"{first * 1000:.0f} ms", "≤ 1500 ms"),
        ("  bare boto3 listing, one folder after the other", f"{raw * 1000:.0f} ms", ""),
        ("  our processing (rows, names, sort)", f"{ours * 1000:.0f} ms", ""),
        ("cached load (median of 20)", f"{cached[10] * 1000:.2f} ms", "≤ 30 ms"),
        ("S3 requests, first load", f"{first_requests} (GET list)", f"≈ {2 * -(-n // 1000)}"),
        ("S3 requests, cached loads", f"{len(requests) - first_requests}", "0"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'measured':<22}  target")
    for what, got, target in rows:
        print(f"{what:<{width}}  {got:<22}  {target}")
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
