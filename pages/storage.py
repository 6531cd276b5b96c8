"""Storage: what is configured (never secrets), a health check, and pending uploads."""

import streamlit as st

from pages import _shared as ui
from resume_core import ResumeError
from resume_core.health import describe, run_checks
from resume_core.mirror import sync

st.title("Storage")
rt = ui.runtime_or_stop()
config = describe(rt)
st.table({"setting": list(config), "value": list(config.values())})

if st.button("Run health check", type="primary"):
    for check in run_checks(rt):
        (st.success if check.ok else st.error)(f"**{check.name}**: {check.detail}")

st.subheader("Pending uploads")
try:
    waiting = ui.pending_files()
except ResumeError as err:
    ui.show_error(err)
    st.stop()
st.write(f"{len(waiting)} local files are not in the bucket yet.")
if waiting and st.button("Sync now"):
    report = sync(rt.store, rt.settings.output_dir)
    ui.clear_listings()
    (st.success if not report.failed else st.error)(report.summary())
