"""The local output folder: a write-ahead copy of everything published.

Every publish writes here first, so an S3 outage never loses a resume. A file whose key is missing
from the bucket is *pending*; ``sync`` uploads pending files. ``uploads.jsonl`` remembers the
original (Unicode) name and target of each stem, which a bucket listing cannot give.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .errors import StorageError
from .keys import JSON_DIR, PDF_DIR, join_key
from .s3_utils import JSON_TYPE, PDF_TYPE, S3Store

INDEX = "uploads.jsonl"
_index_lock = threading.Lock()


def local_path(output_dir: Path, kind: str, stem: str) -> Path:
    """``kind`` is ``PDF_DIR`` or ``JSON_DIR``; the layout matches the bucket's."""
    suffix = ".pdf" if kind == PDF_DIR else ".json"
    return output_dir / kind / f"{stem}{suffix}"


def write_atomic(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def remember(output_dir: Path, stem: str, name: str, target: str) -> None:
    line = json.dumps({"stem": stem, "name": name, "target": target}, ensure_ascii=False)
    output_dir.mkdir(parents=True, exist_ok=True)
    with _index_lock, open(output_dir / INDEX, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def read_index(output_dir: Path) -> dict[str, dict[str, str]]:
    """stem → {name, target}; unreadable lines are skipped, not fatal."""
    out: dict[str, dict[str, str]] = {}
    try:
        text = (output_dir / INDEX).read_text(encoding="utf-8")
    except OSError:
        return out
    for line in text.splitlines():
        try:
            item = json.loads(line)
            out[str(item["stem"])] = {"name": str(item["name"]), "target": str(item["target"])}
        except (ValueError, KeyError, TypeError):
            continue
    return out


def local_files(output_dir: Path) -> list[tuple[Path, str]]:
    """(path, key relative to the prefix) for every mirrored file."""
    out = []
    for kind, suffix in ((PDF_DIR, ".pdf"), (JSON_DIR, ".json")):
        folder = output_dir / kind
        if folder.is_dir():
            out += [(p, f"{kind}/{p.name}") for p in sorted(folder.glob(f"*{suffix}"))]
    return out


def pending(store: S3Store, output_dir: Path) -> list[tuple[Path, str]]:
    """Mirrored files whose key the bucket does not have (one listing per folder)."""
    present = {info.key for kind in (PDF_DIR, JSON_DIR) for info in store.objects(kind)}
    return [
        (p, rel) for p, rel in local_files(output_dir) if join_key(store.prefix, rel) not in present
    ]


@dataclass
class SyncReport:
    uploaded: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.uploaded} uploaded, {self.failed} failed"
        return text + (f" ({self.errors[0]})" if self.errors else "")


def upload_mirrored(store: S3Store, path: Path, rel: str, meta: dict[str, str]) -> str:
    content_type = PDF_TYPE if rel.endswith(".pdf") else JSON_TYPE
    return store.put(join_key(store.prefix, rel), path.read_bytes(), content_type, meta)


def sync(store: S3Store, output_dir: Path) -> SyncReport:
    """Upload every pending file; a file that already arrived meanwhile counts as uploaded."""
    report = SyncReport()
    index = read_index(output_dir)
    for path, rel in pending(store, output_dir):
        meta = index.get(path.stem, {})
        try:
            upload_mirrored(store, path, rel, meta)
            report.uploaded += 1
        except StorageError as err:
            if err.code in ("PreconditionFailed", "412"):
                report.uploaded += 1
                continue
            report.failed += 1
            report.errors.append(str(err))
    return report
