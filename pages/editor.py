"""Editor: load, import, edit and export the resume."""

import streamlit as st

from pages import _shared as ui
from resume_core import ValidationError, load_resume
from resume_core.editing import apply_edits, skills_to_text
from resume_core.models import resume_to_json
from resume_core.samples import SAMPLES, load_sample

st.title("Resume editor")
resume = ui.resume()
v = ui.editor_version()

with st.expander("Load or import", expanded=False):
    left, right = st.columns(2)
    with left:
        choice = st.selectbox("Sample resume", list(SAMPLES))
        if st.button("Load sample"):
            ui.set_resume(load_sample(choice))
            st.toast(f"Loaded the {choice.lower()} sample")
            st.rerun()
    with right:
        upload = st.file_uploader("JSON Resume file", type=["json"])
        if upload is not None and st.button("Import file"):
            try:
                ui.set_resume(load_resume(upload.getvalue()))
            except ValidationError as err:
                ui.show_error(err)
            else:
                st.toast(f"Imported {upload.name}")
                st.rerun()

BASICS = ("name", "label", "email", "phone", "url")
with st.form(f"resume-{v}"):
    st.subheader("Basics")
    cols = st.columns(len(BASICS))
    basics = {
        field: col.text_input(field.capitalize(), getattr(resume.basics, field) or "")
        for field, col in zip(BASICS, cols, strict=True)
    }
    basics["summary"] = st.text_area("Summary", resume.basics.summary or "", height=90)

    st.subheader("Work")
    work = []
    add_work = st.checkbox("Add an empty work entry when saving")
    for i, job in enumerate(resume.work):
        with st.expander(
            f"{job.position or 'Position'} · {job.name or 'Company'}", expanded=i == 0
        ):
            c1, c2, c3, c4 = st.columns([3, 3, 1.4, 1.4])
            entry = {
                "source": i,
                "position": c1.text_input("Position", job.position or "", key=f"pos{v}-{i}"),
                "name": c2.text_input("Company", job.name or "", key=f"co{v}-{i}"),
                "startDate": c3.text_input("Start", job.startDate or "", key=f"sd{v}-{i}"),
                "endDate": c4.text_input(
                    "End (empty = present)", job.endDate or "", key=f"ed{v}-{i}"
                ),
                "highlights": st.text_area(
                    "Highlights, one per line",
                    "\n".join(job.highlights),
                    key=f"hl{v}-{i}",
                    height=140,
                ),
            }
            if not st.checkbox("Remove this entry", key=f"rm{v}-{i}"):
                work.append(entry)
    if add_work:
        work.append({"source": None, "position": "New position", "highlights": ""})

    st.subheader("Skills")
    skills = st.text_area("One group per line: Name: keyword, keyword", skills_to_text(resume))
    saved = st.form_submit_button("Save changes", type="primary")

if saved:
    try:
        ui.set_resume(apply_edits(resume, basics, work, skills))
    except ValidationError as err:
        ui.show_error(err)
    else:
        st.toast("Saved")
        st.rerun()

st.download_button(
    "Export JSON Resume",
    resume_to_json(resume),
    file_name="resume.json",
    mime="application/json",
)
