"""Publish: build the PDF and JSON, write them to the local mirror, then upload both.

The local write comes first, so a failed upload loses nothing: the files stay *pending* and
``sync`` finishes the job. Uploads never overwrite (``If-None-Match: *``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PublishPendingError, StorageError
from .keys import JSON_DIR, PDF_DIR, make_stem, pdf_key
from .mirror import local_path, remember, upload_mirrored, write_atomic
from .models import Resume, dump_resume
from .pdf import TEMPLATES, build_pdf, fit_one_page, missing_characters
from .tailoring import Job, tailor

if TYPE_CHECKING:
    from .s3_utils import S3Store


@dataclass(frozen=True)
class PublishResult:
    stem: str
    pdf_uri: str
    json_uri: str
    view_url: str
    download_url: str
    expires_in: int
    pdf_path: str
    json_path: str
    name: str
    target: str
    removed: tuple[str, ...] = ()
    missing_characters: tuple[str, ...] = ()

    def public(self) -> dict[str, Any]:
        """The CLI contract's fields."""
        data = asdict(self)
        return {
            k: data[k] for k in ("pdf_uri", "json_uri", "view_url", "download_url", "expires_in")
        }


def _defaults(store: S3Store | None, output_dir: Path | None) -> tuple[S3Store, Path]:
    if store is not None and output_dir is not None:
        return store, output_dir
    from .runtime import default_runtime

    runtime = default_runtime()
    return store or runtime.store, output_dir or runtime.settings.output_dir


def _meta(name: str, target: str) -> dict[str, str]:
    return {"name": name, "target": target}


def _upload(store: S3Store, path: Path, kind: str, stem: str, meta: dict[str, str]) -> str:
    rel = local_path(Path(), kind, stem).as_posix()
    try:
        return upload_mirrored(store, path, rel, meta)
    except StorageError as err:
        raise PublishPendingError(stem, err) from err


def _json_bytes(resume: Resume, target: str, template: str) -> bytes:
    data = dump_resume(resume)
    meta = dict(data.get("meta", {}))
    meta["resumeCustomizer"] = {"target": target, "template": template}
    data["meta"] = meta
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _write(output_dir: Path, kind: str, stem: str, data: bytes) -> Path:
    return write_atomic(local_path(output_dir, kind, stem), data)


def _save_and_upload(
    kind: str,
    resume: Resume,
    stem: str | None,
    target: str,
    template: str,
    store: S3Store | None,
    output_dir: Path | None,
) -> tuple[Path, str]:
    store, output_dir = _defaults(store, output_dir)
    stem = stem or make_stem(resume.basics.name, target)
    if kind == PDF_DIR:
        data = build_pdf(resume, template, subject=target)
    else:
        data = _json_bytes(resume, target, template)
    path = _write(output_dir, kind, stem, data)
    remember(output_dir, stem, resume.basics.name, target)
    return path, _upload(store, path, kind, stem, _meta(resume.basics.name, target))


def generate_resume_pdf(
    resume: Resume,
    stem: str | None = None,
    *,
    target: str = "general",
    template: str = TEMPLATES[0],
    store: S3Store | None = None,
    output_dir: Path | None = None,
) -> tuple[Path, str]:
    """Build the PDF locally (``output/resumes/<stem>.pdf``), then upload it; (path, s3 URI)."""
    return _save_and_upload(PDF_DIR, resume, stem, target, template, store, output_dir)


def save_resume_json(
    resume: Resume,
    stem: str | None = None,
    *,
    target: str = "general",
    template: str = TEMPLATES[0],
    store: S3Store | None = None,
    output_dir: Path | None = None,
) -> tuple[Path, str]:
    """Write the JSON locally (``output/json/<stem>.json``), then upload it; (path, s3 URI)."""
    return _save_and_upload(JSON_DIR, resume, stem, target, template, store, output_dir)


def publish(
    resume: Resume,
    job: Job | str | None = None,
    *,
    template: str = TEMPLATES[0],
    store: S3Store | None = None,
    output_dir: Path | None = None,
    target: str | None = None,
    one_page: bool = False,
    scores: dict[str, float] | None = None,
    when: datetime | None = None,
) -> PublishResult:
    """Tailor (if a job is given), build, write both files locally, then upload both.

    ``target`` names the job for an already tailored resume (default: the job's, or general).
    ``one_page`` drops the least relevant highlights (by ``scores``, or the job's) until the
    PDF fits one page; the result says which.

    Both files are on disk before the first upload starts, so a failure at any point leaves a
    complete pending pair for ``sync``.
    """
    store, output_dir = _defaults(store, output_dir)
    if job is not None:
        result = tailor(resume, job)
        resume, target = result.resume, target or result.job.target
        scores = scores or {h["text"]: h["score"] for h in result.report["highlights"]}
    target = target or "general"
    removed: list[str] = []
    if one_page:
        fitted = fit_one_page(resume, template, scores)
        resume, removed = fitted.resume, fitted.removed
    name = resume.basics.name
    stem = make_stem(name, target, when)
    pdf_path = _write(output_dir, PDF_DIR, stem, build_pdf(resume, template, subject=target))
    json_path = _write(output_dir, JSON_DIR, stem, _json_bytes(resume, target, template))
    remember(output_dir, stem, name, target)
    meta = _meta(name, target)
    pdf_uri = _upload(store, pdf_path, PDF_DIR, stem, meta)
    json_uri = _upload(store, json_path, JSON_DIR, stem, meta)
    key = pdf_key(stem, store.prefix)
    return PublishResult(
        stem=stem,
        pdf_uri=pdf_uri,
        json_uri=json_uri,
        view_url=store.presign(key),
        download_url=store.presign(key, download=True, filename=f"{stem}.pdf"),
        expires_in=store.expires,
        pdf_path=str(pdf_path),
        json_path=str(json_path),
        name=name,
        target=target,
        removed=tuple(removed),
        missing_characters=tuple(missing_characters(resume)),
    )
