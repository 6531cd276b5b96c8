"""History: past uploads from the bucket, newest first, with view, download and open-in-editor."""

import pandas as pd
import streamlit as st

from pages import _shared as ui
from resume_core import ResumeError, load_resume
from resume_core.history import search, table_rows

PAGE_SIZE = 25

ui.require_router()
st.title("History")
rt = ui.runtime_or_stop()
top = st.columns([3, 1])
query = top[0].text_input("Search by name or target", placeholder="e.g. engineer")
if top[1].button("Refresh"):
    ui.clear_listings()
try:
    records = search(ui.uploads(), query)
except ResumeError as err:
    ui.show_error(err)
    st.stop()

if not records:
    st.info("No uploads yet. Publish one on Generate & Preview.")
    st.stop()

pages = max(1, -(-len(records) // PAGE_SIZE))
page = st.number_input(f"Page (of {pages})", 1, pages, 1) if pages > 1 else 1
shown = records[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
st.caption(f"{len(records)} upload{'' if len(records) == 1 else 's'} found")
st.dataframe(
    pd.DataFrame(table_rows(shown, rt.store)),
    hide_index=True,
    width="stretch",
    column_order=("published", "name", "target", "size_kb", "view", "download"),
    column_config={
        "published": st.column_config.DatetimeColumn("Published (UTC)", format="YYYY-MM-DD HH:mm"),
        "size_kb": st.column_config.NumberColumn("Size (KB)"),
        "view": st.column_config.LinkColumn("View", display_text="View"),
        "download": st.column_config.LinkColumn("Download", display_text="Download"),
    },
)

with_json = {r.stem: r for r in shown if r.json_key}
if with_json:
    stem = st.selectbox("Open a published resume in the editor", list(with_json))
    if st.button("Open in editor"):
        try:
            ui.set_resume(load_resume(rt.store.get(with_json[stem].json_key or "")))
        except ResumeError as err:
            ui.show_error(err)
        else:
            st.switch_page("pages/editor.py")
