"""Storage: what is configured (never secrets), a health check, usage, expiry and pending files."""

import json

import streamlit as st

from pages import _shared as ui
from resume_core import ResumeError
from resume_core.health import describe, run_checks
from resume_core.maintenance import apply_expiry, proposed_rules
from resume_core.mirror import sync

ui.require_router()
st.title("Storage")
rt = ui.runtime_or_stop()
config = describe(rt)
try:
    config.update(ui.protection())
except ResumeError as err:
    config["bucket status"] = err.message
st.table({"setting": list(config), "value": list(config.values())})

if st.button("Run health check", type="primary"):
    for check in run_checks(rt):
        (st.success if check.ok else st.error)(f"**{check.name}**: {check.detail}")

try:
    waiting = ui.pending_files()
    used = ui.storage_usage()
    expiry = ui.expiry()
except ResumeError as err:
    ui.show_error(err)
    st.stop()

st.subheader("Pending uploads")
st.write(f"{len(waiting)} local files are not in the bucket yet.")
if waiting and st.button("Sync now"):
    report = sync(rt.store, rt.settings.output_dir)
    ui.clear_listings()
    (st.success if not report.failed else st.error)(report.summary())

st.subheader("Usage")
st.table(
    {
        "folder": [u.folder for u in used],
        "objects": [u.objects for u in used],
        "MB": [round(u.bytes / 1e6, 2) for u in used],
    }
)

st.subheader("Expiry")
for folder, days in expiry.items():
    st.write(f"`{folder}`: " + (f"expires {days} days after upload" if days else "kept forever"))
days = st.number_input("Expire uploads after (days)", 1, 36500, 365)
st.code(json.dumps(proposed_rules(rt.store, int(days)), indent=2), language="json")
sure = st.checkbox(f"I understand that uploads older than {days} days will be deleted")
if st.button("Apply expiry rule", disabled=not sure):
    try:
        apply_expiry(rt.store, int(days))
    except ResumeError as err:
        ui.show_error(err)
    else:
        ui.clear_listings()
        st.toast(f"Uploads now expire after {days} days")
        st.rerun()
