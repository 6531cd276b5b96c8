"""The one bridge between Streamlit and resume_core: cached getters and session helpers."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from resume_core import Resume, ResumeError, TailorResult, ValidationError
from resume_core.config import load_settings
from resume_core.editing import load_draft, save_draft
from resume_core.history import UploadRecord, list_uploads
from resume_core.maintenance import Usage, current_expiry, usage
from resume_core.mirror import pending
from resume_core.runtime import Runtime, open_runtime
from resume_core.samples import SAMPLES, load_sample

RESUME = "resume"
EDITOR_VERSION = "editor_version"
JOB_TEXT = "job_text"
TAILORED = "tailored"
ACCEPTED = "accepted"
LAST_PUBLISH = "last_publish"


def require_router() -> None:
    """Make sure this page runs inside app.py's ``st.navigation``.

    Because the layout keeps pages in ``pages/``, a freshly started server runs a deep-linked
    page file on its own (Streamlit's older pages-folder mode) until ``st.navigation`` has run
    once; the visitor would see a bare page with the folder's file list. Switch that mode off
    and rerun: the rerun goes through the router and lands on the same page.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@st.cache_resource(show_spinner="Connecting to storage…")
def runtime() -> Runtime:
    """One storage runtime per server process (boto3 clients are thread-safe).

    Opening it uploads anything an earlier outage left pending.
    """
    return open_runtime(sync_pending=True)


def runtime_or_stop() -> Runtime:
    try:
        return runtime()
    except ResumeError as err:
        show_error(err)
        st.stop()


@st.cache_resource(ttl=60, show_spinner="Reading past uploads…")
def uploads() -> tuple[UploadRecord, ...]:
    """Shared, not copied: ``cache_data`` would unpickle every row on every rerun (about 80 ms
    for 10,000 uploads); the records are frozen and the tuple cannot be changed."""
    rt = runtime()
    return tuple(list_uploads(rt.store, rt.settings.output_dir))


@st.cache_data(ttl=60, show_spinner=False)
def pending_files() -> list[tuple[str, str]]:
    rt = runtime()
    return [(str(path), rel) for path, rel in pending(rt.store, rt.settings.output_dir)]


@st.cache_data(ttl=300, show_spinner="Measuring storage…")
def storage_usage() -> list[Usage]:
    return usage(runtime().store)


@st.cache_data(ttl=300, show_spinner=False)
def protection() -> dict[str, str]:
    return runtime().store.protection()


@st.cache_data(ttl=300, show_spinner=False)
def expiry() -> dict[str, int | None]:
    return current_expiry(runtime().store)


def clear_listings() -> None:
    """After any write: the next read lists the bucket again."""
    uploads.clear()
    pending_files.clear()
    storage_usage.clear()
    expiry.clear()


def show_error(err: ResumeError) -> None:
    st.error(
        f"**{err.message}**" + (f"\n\n{err.hint}" if err.hint else ""), icon=":material/error:"
    )


@st.cache_resource
def output_dir() -> Path:
    """The local folder for drafts and published files (usable even when S3 is not)."""
    try:
        return load_settings().output_dir
    except ResumeError:
        return Path("output")


def resume() -> Resume:
    """The resume being edited: this session's, else the saved draft, else a sample."""
    if RESUME not in st.session_state:
        st.session_state[RESUME] = load_draft(output_dir()) or load_sample(next(iter(SAMPLES)))
    value: Resume = st.session_state[RESUME]
    return value


def set_resume(new: Resume) -> None:
    """Replace the resume and save the draft; editor widgets re-read it, a stale tailoring is
    dropped."""
    st.session_state[RESUME] = new
    st.session_state[EDITOR_VERSION] = st.session_state.get(EDITOR_VERSION, 0) + 1
    st.session_state.pop(TAILORED, None)
    st.session_state.pop(ACCEPTED, None)
    try:
        save_draft(output_dir(), new)
    except OSError as err:
        st.warning(f"Could not save the draft to {output_dir()}: {err.strerror}")


def update(change: Callable[[Resume], Resume], done: str) -> None:
    """Apply one edit; a validation error is shown and the form keeps what was typed."""
    try:
        new = change(resume())
    except ValidationError as err:
        show_error(err)
        return
    set_resume(new)
    st.toast(done)
    st.rerun()


def editor_version() -> int:
    return int(st.session_state.setdefault(EDITOR_VERSION, 0))


def job_text() -> str:
    return str(st.session_state.setdefault(JOB_TEXT, ""))


def tailored() -> TailorResult | None:
    return st.session_state.get(TAILORED)


def accepted() -> tuple[Resume, str] | None:
    """The tailored resume the person accepted, with its target."""
    return st.session_state.get(ACCEPTED)


def highlight_scores() -> dict[str, float] | None:
    """Relevance of each highlight from the last tailoring, for the one-page trim."""
    result = tailored()
    return {h["text"]: h["score"] for h in result.report["highlights"]} if result else None


def remember_publish(result: Any) -> None:
    st.session_state[LAST_PUBLISH] = (result, time.time())
    clear_listings()


def last_publish() -> tuple[Any, float] | None:
    return st.session_state.get(LAST_PUBLISH)


def sidebar() -> None:
    with st.sidebar:
        try:
            rt = runtime()
        except ResumeError as err:
            st.error(f"Storage: {err.message}")
            return
        report = rt.startup_sync
        noteworthy = report and (report.uploaded or report.errors) and not rt.embedded
        if noteworthy and not st.session_state.get("startup_notice"):  # once per session
            st.session_state["startup_notice"] = True
            st.toast(f"Files left pending by an earlier outage: {report.summary()}")
        if rt.embedded:
            st.info(
                "**Local demo storage.** Files are kept in a built-in S3 server on this machine "
                f"and in `{rt.settings.output_dir}/`, not on AWS. Set `S3_BUCKET_NAME` in `.env` "
                "to publish to AWS.",
                icon=":material/storage:",
            )
        else:
            st.caption(f"S3 bucket `{rt.store.bucket}` · {rt.settings.region}")
        st.caption(f"Editing: {resume().basics.name or 'unnamed resume'}")
