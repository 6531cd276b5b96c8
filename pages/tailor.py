"""Tailor: rank the resume's content against a job description and accept the result."""

import pandas as pd
import streamlit as st

from pages import _shared as ui
from resume_core import ValidationError, tailor
from resume_core.tailoring import apply_selection

ui.require_router()
st.title("Tailor to a job")
resume = ui.resume()

text = st.text_area(
    "Job description",
    ui.job_text(),
    height=220,
    placeholder="Paste the job ad here: title and company on the first line, then the text.",
)
st.session_state[ui.JOB_TEXT] = text
with st.expander("…or upload a file (text, or a JSON Resume job file)"):
    upload = st.file_uploader("File with the job ad", type=["txt", "md", "json"])
    if upload is not None and st.button("Use this file"):
        try:
            st.session_state[ui.JOB_TEXT] = upload.getvalue().decode("utf-8")
        except UnicodeDecodeError:
            st.error("That file is not UTF-8 text.")
        else:
            st.rerun()
top_n = st.number_input("Keep at most this many highlights per job (0 = all)", 0, 50, 0)
if st.button("Tailor", type="primary", disabled=not text.strip()):
    try:
        st.session_state[ui.TAILORED] = tailor(resume, text, top_n=top_n or None)
    except ValidationError as err:
        ui.show_error(err)

result = ui.tailored()
if result is None:
    st.caption("Tailoring reorders your own highlights and skills; it never writes new text.")
    st.stop()

report = result.report
c1, c2, c3 = st.columns(3)
c1.metric("Match before", f"{report['score_before']} / 100")
c2.metric("Match after", f"{report['score_after']} / 100")
c3.metric("Target", report["target"])
st.markdown("**Matched:** " + (" ".join(f"`{k}`" for k in report["matched_keywords"]) or "none"))
st.markdown(
    "**Missing — suggestions only, add them only if you truly have the experience:** "
    + (" ".join(f"`{k}`" for k in report["missing_keywords"]) or "none")
)

rows = pd.DataFrame(
    [
        {
            "job": resume.work[h["work_index"]].name or f"#{h['work_index'] + 1}",
            "work_index": h["work_index"],
            "original_index": h["original_index"],
            "order": n,
            "score": h["score"],
            "keep": h["kept"],
            "highlight": h["text"],
        }
        for n, h in enumerate(report["highlights"])
    ]
)
edited = st.data_editor(
    rows,
    column_order=("job", "order", "score", "keep", "highlight"),
    disabled=("job", "score", "highlight"),
    hide_index=True,
    width="stretch",
    column_config={"order": st.column_config.NumberColumn("order", help="Change to reorder")},
)
if st.button("Use this version for Generate"):
    keep = edited.sort_values("order")
    picked = [(int(r.work_index), int(r.original_index)) for r in keep.itertuples() if bool(r.keep)]
    st.session_state[ui.ACCEPTED] = (apply_selection(result, picked), report["target"])
    st.toast("Tailored version ready on Generate & Preview")
