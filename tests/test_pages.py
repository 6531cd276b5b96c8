"""Every page through the real router (app.py), with Streamlit's AppTest."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from resume_core import load_resume
from resume_core.samples import SAMPLES, load_sample

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DATA = Path(__file__).parent / "data" / "tailoring"


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch):
    """Run as the real server does once ``st.navigation`` has been called.

    A running server marks the app as a ``st.navigation`` app after its first run; AppTest
    rebuilds that flag before every run from whether ``pages/`` exists, and then executes the
    page file instead of the router on reruns (streamlit/streamlit#9446, still so in 1.67).
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def open_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (None, "Resume editor"),
        ("pages/tailor.py", "Tailor to a job"),
        ("pages/generate.py", "Generate & preview"),
        ("pages/history.py", "History"),
        ("pages/storage.py", "Storage"),
    ],
)
def test_every_page_renders(page, title, s3_bucket):
    at = open_page(page)
    assert at.title[0].value == title
    assert any(s3_bucket in c.value for c in at.sidebar.caption)


def test_sidebar_says_local_demo_storage_when_no_bucket():
    at = open_page()
    assert "Local demo storage" in at.sidebar.info[0].value


def test_editor_saves_basics_and_reports_a_bad_email(s3_bucket, isolated_env):
    at = open_page()
    at.text_input(key="basics-0-name").set_value("Ada Q. Okafor")
    at.text_input(key="loc-0-city").set_value("Leeds")
    button(at, "Save basics").click()
    at.run()
    assert not at.exception
    saved = at.session_state["resume"]
    assert (saved.basics.name, saved.basics.location.city) == ("Ada Q. Okafor", "Leeds")
    assert saved.work == load_sample(next(iter(SAMPLES))).work
    assert load_resume(isolated_env / "draft.json").basics.name == "Ada Q. Okafor"

    at.text_input(key="basics-1-email").set_value("not-an-email")
    button(at, "Save basics").click()
    at.run()
    assert "basics.email" in at.error[0].value
    assert at.session_state["resume"].basics.email == "ada.okafor@example.com"
    assert at.text_input(key="basics-1-email").value == "not-an-email"  # nothing typed is lost


def test_editor_work_entry_edit_move_add_remove(s3_bucket):
    at = open_page()
    at.text_input(key="work-0-0-position").set_value("Principal Engineer")
    at.text_area(key="work-0-0-highlights").set_value("One\nTwo")
    at.button(key="FormSubmitter:work-0-0-Save").click()
    at.run()
    assert not at.exception
    work = at.session_state["resume"].work
    assert (work[0].position, work[0].highlights) == ("Principal Engineer", ["One", "Two"])
    at.button(key="work-1-0-down").click()
    at.run()
    assert [w.name for w in at.session_state["resume"].work] == ["Tidewater Analytics", "Lumen Pay"]
    at.button(key="work-2-add").click()
    at.run()
    assert len(at.session_state["resume"].work) == 3
    at.button(key="work-3-2-rm").click()
    at.run()
    assert len(at.session_state["resume"].work) == 2


def test_editor_table_section_saves(s3_bucket):
    at = open_page()
    frame = at.data_editor(key="table-skills-0").value
    assert list(frame["name"]) == ["Languages", "Platforms", "Practices"]
    at.button(key="table-skills-0-save").click()
    at.run()
    assert not at.exception
    assert at.session_state["resume"].skills == load_sample(next(iter(SAMPLES))).skills


def test_draft_survives_a_new_session(s3_bucket, isolated_env):
    first = open_page()
    first.text_input(key="basics-0-label").set_value("Staff Engineer")
    button(first, "Save basics").click()
    first.run()
    second = open_page()
    assert second.session_state["resume"].basics.label == "Staff Engineer"


def test_export_and_reset_to_sample(s3_bucket):
    at = open_page()
    exported = at.get("download_button")[0]
    assert exported.proto.label == "Download JSON Resume"
    at.text_input(key="basics-0-name").set_value("Someone Else")
    button(at, "Save basics").click()
    at.run()
    button(at, "Yes, load the software engineer sample").click()
    at.run()
    assert at.session_state["resume"].basics.name == "Ada Okafor"


def test_tailor_then_generate_publishes_and_shows_the_preview(s3_bucket, isolated_env):
    at = open_page("pages/tailor.py")
    at.text_area[0].set_value((DATA / "jd-sre.txt").read_text())
    at.run()
    button(at, "Tailor").click()
    at.run()
    assert not at.exception
    assert [m.label for m in at.metric] == ["Match before", "Match after", "Target"]
    button(at, "Use this version for Generate").click()
    at.run()
    accepted, target = at.session_state["accepted"]
    original = load_sample(next(iter(SAMPLES)))
    assert sorted(accepted.work[0].highlights) == sorted(original.work[0].highlights)
    assert target == "Site Reliability Engineer — Nimbus Payments"

    at.switch_page("pages/generate.py")
    at.run()
    button(at, "Generate and publish").click()
    at.run()
    assert not at.exception
    preview = [m.value for m in at.markdown if "<iframe" in m.value]
    assert len(preview) == 1
    assert (
        f"/{s3_bucket}/resumes/ada-okafor-site-reliability-engineer-nimbus-payments-" in preview[0]
    )
    assert "response-content-disposition=inline" in preview[0]
    pdfs = list((isolated_env / "resumes").glob("*.pdf"))
    assert len(pdfs) == 1

    at.switch_page("pages/history.py")
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["name"]) == ["Ada Okafor"]
    assert table["view"][0].startswith("http")


def test_history_opens_a_published_resume_in_the_editor(s3_bucket, isolated_env, marco_path):
    from resume_core import publish
    from resume_core.runtime import open_runtime

    rt = open_runtime()
    publish(load_resume(marco_path), store=rt.store, output_dir=rt.settings.output_dir)
    at = open_page("pages/history.py")
    button(at, "Open in editor").click()
    at.run()
    assert not at.exception
    assert at.session_state["resume"].basics.name == "Marco Rossi"
    assert at.title[0].value == "Resume editor"


def test_storage_health_check_passes(s3_bucket):
    at = open_page("pages/storage.py")
    button(at, "Run health check").click()
    at.run()
    assert not at.error
    assert [s.value.split("**")[1] for s in at.success] == [
        "configuration",
        "credentials",
        "bucket",
        "put",
        "get",
        "list",
        "delete",
    ]


def test_storage_errors_are_shown_with_their_fix(moto_server, monkeypatch):
    monkeypatch.setenv("S3_BUCKET_NAME", "bucket-that-does-not-exist")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", moto_server)
    at = open_page("pages/history.py")
    assert "does not exist" in at.error[0].value
    assert "S3_BUCKET_NAME" in at.error[0].value


def test_tailor_keep_top_n_and_drop_by_hand(s3_bucket):
    at = open_page("pages/tailor.py")
    at.text_area[0].set_value((DATA / "jd-sre.txt").read_text())
    at.number_input[0].set_value(2)
    at.run()
    button(at, "Tailor").click()
    at.run()
    table = at.session_state["tailored"].report["highlights"]
    kept = [h for h in table if h["kept"]]
    assert len(kept) == 4  # two per job, two jobs in the sample
    button(at, "Use this version for Generate").click()
    at.run()
    accepted, _ = at.session_state["accepted"]
    assert [len(w.highlights) for w in accepted.work] == [2, 2]
    sample = load_sample(next(iter(SAMPLES)))
    assert set(accepted.work[0].highlights) <= set(sample.work[0].highlights)


def test_generate_with_a_template_and_one_page(s3_bucket, isolated_env):
    at = open_page("pages/generate.py")
    at.selectbox[0].set_value("compact")
    at.checkbox[0].check()
    at.run()
    button(at, "Generate and publish").click()
    at.run()
    assert not at.exception
    result, _ = at.session_state["last_publish"]
    assert result.removed == ()  # the sample already fits one page
    assert [m for m in at.markdown if "<iframe" in m.value]


def test_history_rerun_makes_no_s3_request(s3_bucket, marco_path):
    from resume_core import publish
    from resume_core.runtime import open_runtime

    rt = open_runtime()
    publish(load_resume(marco_path), store=rt.store, output_dir=rt.settings.output_dir)
    at = open_page("pages/history.py")
    from pages import _shared

    sent: list[str] = []
    _shared.runtime().store.client.meta.events.register(
        "before-send.s3.*", lambda request, **_: sent.append(request.url)
    )
    at.run()
    at.run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 1
    assert sent == []  # listings come from the cache; presigning is local
