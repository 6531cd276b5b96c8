"""Generate & Preview: build the PDF, publish it with its JSON, show it from a presigned URL."""

import html
import time

import streamlit as st

from pages import _shared as ui
from resume_core import TEMPLATES, PublishPendingError, ResumeError, publish
from resume_core.keys import pdf_key

ui.require_router()
st.title("Generate & preview")
rt = ui.runtime_or_stop()
choice = ui.accepted()

left, right = st.columns([1, 2])
with left:
    template = st.selectbox("Template", TEMPLATES, format_func=str.capitalize)
    one_page = st.checkbox("Fit to one page (drops the least relevant highlights)")
    use_tailored = False
    if choice is not None:
        use_tailored = st.toggle(f"Use the version tailored to {choice[1]}", value=True)
    else:
        st.caption("Publishing the resume as edited. Tailor it first to target a job.")
    if st.button("Generate and publish", type="primary"):
        resume, target = choice if (use_tailored and choice) else (ui.resume(), None)
        with st.status("Publishing…", expanded=True) as status:
            st.write("Building the PDF, saving it locally, uploading PDF and JSON to S3…")
            try:
                result = publish(
                    resume,
                    template=template,
                    target=target,
                    one_page=one_page,
                    scores=ui.highlight_scores(),
                    store=rt.store,
                    output_dir=rt.settings.output_dir,
                )
            except PublishPendingError as err:
                status.update(label="Saved locally, upload pending", state="error")
                ui.show_error(err)
            except ResumeError as err:
                status.update(label="Not published", state="error")
                ui.show_error(err)
            else:
                ui.remember_publish(result)
                status.update(label="Published", state="complete", expanded=False)
                st.toast(f"Published {result.stem}")

last = ui.last_publish()
with right:
    if last is None:
        st.info("Generate to see the PDF here.")
    else:
        result, when = last
        if time.time() - when > result.expires_in - 60:
            key = pdf_key(result.stem, rt.store.prefix)
            view = rt.store.presign(key)
            download = rt.store.presign(key, download=True, filename=f"{result.stem}.pdf")
        else:
            view, download = result.view_url, result.download_url
        if result.missing_characters:
            st.warning(
                "No embedded font has these characters, so they print as blanks: "
                + " ".join(f"`{c}` (U+{ord(c):04X})" for c in result.missing_characters)
            )
        if result.removed:
            with st.expander(f"Removed {len(result.removed)} highlights to fit one page"):
                st.markdown("\n".join(f"- {text}" for text in result.removed))
        st.link_button("Download PDF", download, type="primary")
        st.caption(f"`{result.pdf_uri}` · JSON: `{result.json_uri}`")
        st.markdown(
            f'<iframe class="resume-preview" title="Resume preview" src="{html.escape(view)}" '
            'width="100%" height="880" style="border:1px solid #ccc;border-radius:6px"></iframe>',
            unsafe_allow_html=True,
        )
