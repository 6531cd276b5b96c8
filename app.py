"""Resume-Customizer: the router. Page config, navigation and the shared sidebar only."""

import streamlit as st

from pages._shared import sidebar

st.set_page_config(page_title="Resume-Customizer", page_icon="📄", layout="wide")

page = st.navigation(
    {
        "Resume": [
            st.Page("pages/editor.py", title="Editor", icon=":material/edit:", default=True),
            st.Page("pages/tailor.py", title="Tailor", icon=":material/target:"),
            st.Page(
                "pages/generate.py", title="Generate & Preview", icon=":material/picture_as_pdf:"
            ),
        ],
        "Published": [
            st.Page("pages/history.py", title="History", icon=":material/history:"),
            st.Page("pages/storage.py", title="Storage", icon=":material/cloud:"),
        ],
    }
)
sidebar()
page.run()
