"""History: past uploads, from bucket listings only (no HEAD or GET per object).

A listing gives keys, sizes and dates; the original (Unicode) name and target come from the local
mirror's index when this machine published the file, else from the stem's slugs.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .keys import JSON_DIR, PDF_DIR, parse_stem
from .mirror import read_index
from .s3_utils import S3Store


@dataclass(frozen=True)
class UploadRecord:
    stem: str
    pdf_key: str
    json_key: str | None
    bucket: str
    size: int
    last_modified: datetime
    name: str
    target: str
    created: datetime

    @property
    def pdf_uri(self) -> str:
        return f"s3://{self.bucket}/{self.pdf_key}"

    @property
    def json_uri(self) -> str | None:
        return f"s3://{self.bucket}/{self.json_key}" if self.json_key else None

    def public(self) -> dict[str, Any]:
        """The CLI contract's fields."""
        return {
            "stem": self.stem,
            "pdf_uri": self.pdf_uri,
            "json_uri": self.json_uri,
            "size": self.size,
            "last_modified": self.last_modified.isoformat(),
            "name": self.name,
            "target": self.target,
        }


def _stem_of(key: str, suffix: str) -> str | None:
    name = key.rsplit("/", 1)[-1]
    return name[: -len(suffix)] if name.endswith(suffix) and len(name) > len(suffix) else None


def list_uploads(store: S3Store, output_dir: Path | None = None) -> list[UploadRecord]:
    """Every published PDF with its JSON (when present), newest first.

    The two folders are listed at the same time: the listing is a chain of round trips per
    folder, so this halves the wait on a real bucket.
    """
    index = read_index(output_dir) if output_dir else {}
    with ThreadPoolExecutor(2) as pool:
        pdfs, jsons = pool.map(lambda folder: list(store.objects(folder)), (PDF_DIR, JSON_DIR))
    json_keys = {}
    for info in jsons:
        stem = _stem_of(info.key, ".json")
        if stem:
            json_keys[stem] = info.key
    records = []
    for info in pdfs:
        stem = _stem_of(info.key, ".pdf")
        if not stem:
            continue
        known = index.get(stem)
        parsed = parse_stem(stem)
        slugs = parsed.slugs if parsed else stem
        created = parsed.created if parsed else info.last_modified
        records.append(
            UploadRecord(
                stem=stem,
                pdf_key=info.key,
                json_key=json_keys.get(stem),
                bucket=store.bucket,
                size=info.size,
                last_modified=info.last_modified,
                name=known["name"] if known else slugs,
                target=known["target"] if known else "",
                created=created,
            )
        )
    records.sort(key=lambda r: (r.last_modified, r.created, r.stem), reverse=True)
    return records


def table_rows(records: Sequence[UploadRecord], store: S3Store) -> list[dict[str, Any]]:
    """Rows for the history table; presigns only the records it is given (the ones shown)."""
    return [
        {
            "published": r.last_modified,
            "name": r.name,
            "target": r.target,
            "size_kb": round(r.size / 1024, 1),
            "view": store.presign(r.pdf_key),
            "download": store.presign(r.pdf_key, download=True, filename=f"{r.stem}.pdf"),
            "stem": r.stem,
        }
        for r in records
    ]


def search(records: Sequence[UploadRecord], text: str) -> list[UploadRecord]:
    """Records whose name, target or stem contains every word of ``text`` (any case)."""
    words = text.lower().split()
    return [r for r in records if all(w in f"{r.name} {r.target} {r.stem}".lower() for w in words)]
