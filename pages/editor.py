"""Editor: every JSON Resume section; import, export, reset. Each save is validated."""

import pandas as pd
import streamlit as st

from pages import _shared as ui
from resume_core import ValidationError, load_resume
from resume_core.editing import (
    BASICS_FIELDS,
    ENTRY_SECTIONS,
    LOCATION_FIELDS,
    SOURCE,
    TABLE_SECTIONS,
    add_entry,
    apply_basics,
    apply_entry,
    apply_table,
    entry_form,
    move_entry,
    remove_entry,
    table_rows,
)
from resume_core.models import resume_to_json
from resume_core.samples import SAMPLES, load_sample

LONG_FIELDS = {"summary", "description"}
LABELS = {
    "studyType": "Degree",
    "startDate": "Start",
    "endDate": "End",
    "url": "URL",
    "countryCode": "Country code",
    "postalCode": "Postal code",
}
SECTION_LABELS = {("work", "name"): "Company", ("volunteer", "organization"): "Organisation"}

ui.require_router()
st.title("Resume editor")
resume = ui.resume()
v = ui.editor_version()


def label(field: str, section: str = "") -> str:
    """camelCase field names as words: ``releaseDate`` → "Release date"."""
    if (section, field) in SECTION_LABELS:
        return SECTION_LABELS[section, field]
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in field[1:])
    return LABELS.get(field, field[0].upper() + words)


def entries_tab(section: str, noun: str) -> None:
    entries = getattr(resume, section)
    for i in range(len(entries)):
        values = entry_form(resume, section, i)
        title = " · ".join(values[f] for f in ENTRY_SECTIONS[section][:2] if values[f]) or noun
        with st.expander(title, expanded=i == 0):
            with st.form(f"{section}-{v}-{i}"):
                short = [f for f in ENTRY_SECTIONS[section] if f not in LONG_FIELDS]
                cols = st.columns(len(short))
                new = {
                    f: col.text_input(label(f, section), values[f], key=f"{section}-{v}-{i}-{f}")
                    for f, col in zip(short, cols, strict=True)
                }
                for f in ENTRY_SECTIONS[section]:
                    if f in LONG_FIELDS:
                        new[f] = st.text_area(label(f), values[f], key=f"{section}-{v}-{i}-{f}")
                new["highlights"] = st.text_area(
                    "Highlights, one per line",
                    values["highlights"],
                    height=150,
                    key=f"{section}-{v}-{i}-highlights",
                )
                if st.form_submit_button("Save", type="primary"):
                    ui.update(lambda r, i=i, new=new: apply_entry(r, section, i, new), "Saved")
            up, down, remove = st.columns(3)
            if up.button("Move up", key=f"{section}-{v}-{i}-up", disabled=i == 0):
                ui.update(lambda r, i=i: move_entry(r, section, i, -1), "Moved up")
            last = i == len(entries) - 1
            if down.button("Move down", key=f"{section}-{v}-{i}-down", disabled=last):
                ui.update(lambda r, i=i: move_entry(r, section, i, 1), "Moved down")
            with remove.popover("Remove"):
                if st.button(f"Yes, remove this {noun}", key=f"{section}-{v}-{i}-rm"):
                    ui.update(lambda r, i=i: remove_entry(r, section, i), "Removed")
    if st.button(f"Add {noun}", key=f"{section}-{v}-add"):
        ui.update(lambda r: add_entry(r, section), f"Added a {noun}")


def table_tab(section: str) -> None:
    fields = [f.rstrip("*") for f in TABLE_SECTIONS[section]]
    frame = pd.DataFrame(table_rows(resume, section), columns=[SOURCE, *fields])
    frame.insert(0, "order", range(1, len(frame) + 1))
    lists = [f.rstrip("*") for f in TABLE_SECTIONS[section] if f.endswith("*")]
    if lists:
        st.caption(f"{', '.join(label(f) for f in lists)}: separate items with commas.")
    edited = st.data_editor(
        frame,
        key=f"table-{section}-{v}",
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            SOURCE: None,
            "order": st.column_config.NumberColumn("Order", help="Rows are saved in this order"),
            **{f: st.column_config.TextColumn(label(f)) for f in fields},
        },
    )
    if st.button("Save", key=f"table-{section}-{v}-save", type="primary"):
        rows = edited.sort_values("order", na_position="last").to_dict("records")
        ui.update(lambda r: apply_table(r, section, rows), "Saved")


tabs = st.tabs(
    [
        "Basics",
        "Work",
        "Education",
        "Skills",
        "Projects",
        "Volunteering",
        "Languages",
        "Certificates",
        "Awards",
        "Publications",
        "Interests",
        "References",
        "Import / export",
    ]
)

with tabs[0], st.form(f"basics-{v}"):
    b = resume.basics
    cols = st.columns(3)
    basics = {
        f: cols[n % 3].text_input(label(f), getattr(b, f) or "", key=f"basics-{v}-{f}")
        for n, f in enumerate(f for f in BASICS_FIELDS if f != "summary")
    }
    basics["summary"] = st.text_area(
        "Summary", b.summary or "", height=110, key=f"basics-{v}-summary"
    )
    cols = st.columns(len(LOCATION_FIELDS))
    place = b.location
    location = {
        f: col.text_input(
            label(f), (getattr(place, f) if place else None) or "", key=f"loc-{v}-{f}"
        )
        for f, col in zip(LOCATION_FIELDS, cols, strict=True)
    }
    if st.form_submit_button("Save basics", type="primary"):
        ui.update(lambda r: apply_basics(r, basics, location), "Saved")
with tabs[0]:
    st.subheader("Profiles")
    table_tab("profiles")

for tab, section, noun in (
    (tabs[1], "work", "job"),
    (tabs[4], "projects", "project"),
    (tabs[5], "volunteer", "role"),
):
    with tab:
        entries_tab(section, noun)

for tab, section in zip(
    (tabs[2], tabs[3], tabs[6], tabs[7], tabs[8], tabs[9], tabs[10], tabs[11]),
    (
        "education",
        "skills",
        "languages",
        "certificates",
        "awards",
        "publications",
        "interests",
        "references",
    ),
    strict=True,
):
    with tab:
        table_tab(section)

with tabs[12]:
    left, right = st.columns(2)
    with left:
        st.subheader("Import")
        upload = st.file_uploader("JSON Resume file", type=["json"])
        if upload is not None and st.button("Import file", type="primary"):
            try:
                ui.set_resume(load_resume(upload.getvalue()))
            except ValidationError as err:
                ui.show_error(err)
            else:
                st.toast(f"Imported {upload.name}")
                st.rerun()
        choice = st.selectbox("Sample resume", list(SAMPLES))
        with st.popover("Reset to sample…"):
            st.write("This replaces the resume you are editing, and its saved draft.")
            if st.button(f"Yes, load the {choice.lower()} sample"):
                ui.set_resume(load_sample(choice))
                st.toast(f"Loaded the {choice.lower()} sample")
                st.rerun()
    with right:
        st.subheader("Export")
        st.download_button(
            "Download JSON Resume",
            resume_to_json(resume),
            file_name="resume.json",
            mime="application/json",
            type="primary",
        )
        st.caption("Standard JSON Resume: readable by JSON Resume themes and other tools.")
