"""``python -m resume_core``: build, tailor, publish, list, presign, sync and check, from a shell.

Exit 0 on success, 1 on a user error (one line on stderr, no traceback), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ResumeError
from .models import load_resume
from .pdf import TEMPLATES, build_pdf, fit_one_page, missing_characters


def _warn(removed: Sequence[str], missing: Sequence[str]) -> None:
    """What the PDF left out, on stderr, so stdout stays the contract's output."""
    for text in removed:
        print(f"one page: removed “{text}”", file=sys.stderr)
    if missing:
        chars = " ".join(f"{c} (U+{ord(c):04X})" for c in missing)
        print(f"warning: no embedded font has these characters: {chars}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    resume = load_resume(Path(args.resume))
    removed: list[str] = []
    if args.one_page:
        fitted = fit_one_page(resume, args.template)
        resume, removed = fitted.resume, fitted.removed
        if not fitted.fits:
            print("warning: still more than one page without any highlights", file=sys.stderr)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build_pdf(resume, args.template))
    _warn(removed, missing_characters(resume))
    print(out)
    return 0


def cmd_tailor(args: argparse.Namespace) -> int:
    from .models import resume_to_json
    from .tailoring import load_job, tailor

    result = tailor(load_resume(Path(args.resume)), load_job(Path(args.job)))
    Path(args.output).write_text(resume_to_json(result.resume), encoding="utf-8")
    report = result.report
    if args.report:
        Path(args.report).write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
    print(f"target: {report['target']}")
    print(f"score: {report['score_before']} -> {report['score_after']}")
    print(f"matched: {', '.join(report['matched_keywords'][:15]) or '-'}")
    print(f"missing: {', '.join(report['missing_keywords'][:15]) or '-'}")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from .publishing import publish
    from .tailoring import load_job

    resume = load_resume(Path(args.resume))
    job = load_job(Path(args.job)) if args.job else None
    result = publish(resume, job, template=args.template, one_page=args.one_page)
    _warn(result.removed, result.missing_characters)
    print(json.dumps(result.public(), ensure_ascii=False))
    return 0


def cmd_uploads(args: argparse.Namespace) -> int:
    from .history import list_uploads
    from .runtime import default_runtime

    runtime = default_runtime()
    records = list_uploads(runtime.store, runtime.settings.output_dir)
    if args.json:
        print(json.dumps([r.public() for r in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("no uploads yet")
        return 0
    print(f"{'when (UTC)':<20} {'size':>8}  {'name':<24} {'target':<32} pdf")
    for r in records:
        when = r.last_modified.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when:<20} {r.size:>8}  {r.name[:24]:<24} {r.target[:32]:<32} {r.pdf_uri}")
    return 0


def cmd_presign(args: argparse.Namespace) -> int:
    from .runtime import default_runtime
    from .s3_utils import generate_presigned_url

    expires = default_runtime().settings.presign_expires if args.expires is None else args.expires
    print(generate_presigned_url(args.uri, expires, download=args.download))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from .mirror import sync
    from .runtime import default_runtime

    runtime = default_runtime()
    report = sync(runtime.store, runtime.settings.output_dir)
    if runtime.startup_sync:
        print(f"local store refilled from the mirror: {runtime.startup_sync.summary()}")
    print(report.summary())
    return 0 if report.failed == 0 else 1


def cmd_doctor(args: argparse.Namespace) -> int:
    from .health import run_checks
    from .runtime import default_runtime

    checks = run_checks(default_runtime())
    for check in checks:
        print(check.line())
    return 0 if all(c.ok for c in checks) else 1


def cmd_usage(args: argparse.Namespace) -> int:
    from .maintenance import usage
    from .runtime import default_runtime

    for item in usage(default_runtime().store):
        print(f"{item.folder:<32} {item.objects:>8} objects {item.bytes:>14,} bytes")
    return 0


def cmd_lifecycle(args: argparse.Namespace) -> int:
    from .maintenance import apply_expiry, current_expiry, proposed_rules
    from .runtime import default_runtime

    store = default_runtime().store
    for folder, days in current_expiry(store).items():
        print(f"now: {folder} " + (f"expires after {days} days" if days else "kept forever"))
    if args.days is None and not args.remove:
        return 0
    if args.remove:
        print("proposed: remove the expiry rules")
    else:
        print("proposed: " + json.dumps(proposed_rules(store, args.days)))
    if not args.apply:
        print("not applied; add --apply to apply it")
        return 0
    apply_expiry(store, None if args.remove else args.days)
    print("applied")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m resume_core", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("build", help="build a PDF (no S3)")
    s.add_argument("resume")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--template", choices=TEMPLATES, default=TEMPLATES[0])
    s.add_argument("--one-page", action="store_true", help="drop highlights until it fits")
    s.set_defaults(func=cmd_build)

    s = sub.add_parser("tailor", help="tailor a resume to a job")
    s.add_argument("resume")
    s.add_argument("job", help="a text file or a JSON Resume job file")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--report")
    s.set_defaults(func=cmd_tailor)

    s = sub.add_parser("publish", help="tailor, build, save locally and upload")
    s.add_argument("resume")
    s.add_argument("--job")
    s.add_argument("--template", choices=TEMPLATES, default=TEMPLATES[0])
    s.add_argument("--one-page", action="store_true", help="drop highlights until it fits")
    s.set_defaults(func=cmd_publish)

    s = sub.add_parser("uploads", help="past uploads, newest first")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_uploads)

    s = sub.add_parser("presign", help="one presigned URL")
    s.add_argument("uri", help="s3://bucket/key")
    s.add_argument("--download", action="store_true")
    s.add_argument("--expires", type=int)
    s.set_defaults(func=cmd_presign)

    sub.add_parser("sync", help="upload pending local files").set_defaults(func=cmd_sync)
    sub.add_parser("doctor", help="check configuration and S3 access").set_defaults(func=cmd_doctor)
    sub.add_parser("usage", help="objects and bytes per folder").set_defaults(func=cmd_usage)

    s = sub.add_parser("lifecycle", help="show, or set with --days N --apply, upload expiry")
    s.add_argument("--days", type=int, help="expire uploads this many days after upload")
    s.add_argument("--remove", action="store_true", help="remove the expiry rules")
    s.add_argument("--apply", action="store_true", help="apply the shown change")
    s.set_defaults(func=cmd_lifecycle)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ResumeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # writing an output file: a full disk, a missing folder's parent…
        print(f"error: {err.strerror}: {err.filename}", file=sys.stderr)
        return 1
    return code
