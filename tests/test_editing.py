"""The editor's core: every section, both schema generations, edits that keep what they hide."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_core import ValidationError, build_pdf, dump_resume, load_resume
from resume_core.editing import (
    ENTRY_SECTIONS,
    SOURCE,
    TABLE_SECTIONS,
    add_entry,
    apply_basics,
    apply_entry,
    apply_table,
    entry_form,
    load_draft,
    move_entry,
    remove_entry,
    save_draft,
    table_rows,
)

RESUMES = Path(__file__).parent / "data" / "resumes"


@pytest.fixture
def full():
    return load_resume(RESUMES / "full-current.json")


def test_every_section_round_trips_losslessly():
    original = json.loads((RESUMES / "full-current.json").read_text())
    resume = load_resume(original)
    assert dump_resume(resume) == original
    sections = set(ENTRY_SECTIONS) | set(TABLE_SECTIONS) - {"profiles"}
    assert all(getattr(resume, s) for s in sections)  # the fixture really covers every section


def test_older_field_names_read_as_current_ones():
    legacy = load_resume(RESUMES / "full-legacy.json")
    data = dump_resume(legacy)
    assert data["basics"]["url"] == "https://noor.example.com"
    assert data["work"][0] == {
        "name": "Sahara Apps",
        "url": "https://sahara.example.com",
        "position": "Lead Designer",
        "startDate": "2021-04",
        "highlights": ["Rebuilt onboarding; completion rose from 61% to 84%"],
    }
    assert data["volunteer"][0]["url"] == "https://dfr.example.org"
    assert data["education"][0]["score"] == "3.8"
    assert data["awards"][0]["date"] == "2022-10-01"
    assert data["publications"][0]["url"] == "https://ux.example.com/rtl"
    assert "company" not in json.dumps(data) and "website" not in json.dumps(data)


@pytest.mark.parametrize("section", TABLE_SECTIONS)
def test_table_edit_without_changes_keeps_everything(full, section):
    assert dump_resume(apply_table(full, section, table_rows(full, section))) == dump_resume(full)


@pytest.mark.parametrize("section", ENTRY_SECTIONS)
def test_entry_form_without_changes_keeps_everything(full, section):
    again = apply_entry(full, section, 0, entry_form(full, section, 0))
    assert dump_resume(again) == dump_resume(full)


def test_table_edit_reorders_adds_drops_blank_rows_and_keeps_extra_keys():
    resume = load_resume(
        {"skills": [{"name": "A", "keywords": ["x"], "x-note": "kept"}, {"name": "B"}]}
    )
    rows = table_rows(resume, "skills")
    rows[0]["keywords"] = "x, y ,  z"
    rows.append({SOURCE: float("nan"), "name": "C", "level": None, "keywords": float("nan")})
    rows.append({SOURCE: float("nan"), "name": None, "level": "", "keywords": ""})
    edited = apply_table(resume, "skills", [rows[2], rows[0], rows[1], rows[3]])
    assert dump_resume(edited)["skills"] == [
        {"name": "C", "keywords": []},
        {"name": "A", "keywords": ["x", "y", "z"], "x-note": "kept"},
        {"name": "B", "keywords": []},
    ]


def test_entry_edits_add_move_remove(full):
    values = entry_form(full, "work", 0)
    assert values["highlights"] == "Rebuilt onboarding; completion rose from 61% to 84%"
    values["highlights"] = "First\n\n  Second  \n"
    values["endDate"] = "2024-06"
    edited = apply_entry(full, "work", 0, values)
    assert edited.work[0].highlights == ["First", "Second"]
    assert dump_resume(edited)["work"][0]["x-team"] == "growth"
    moved = move_entry(edited, "work", 0, 1)
    assert [w.name for w in moved.work] == ["Blue Dune", "Sahara Apps"]
    assert [w.name for w in move_entry(moved, "work", 0, -1).work] == ["Blue Dune", "Sahara Apps"]
    added = add_entry(moved, "projects")
    assert added.projects[-1].name == "New entry"
    assert len(remove_entry(added, "projects", 0).projects) == 1


def test_location_object_survives_unless_edited(full):
    values = entry_form(full, "work", 1)
    assert values["location"] == "Abu Dhabi, AE"
    kept = apply_entry(full, "work", 1, values)
    assert dump_resume(kept)["work"][1]["location"] == {"city": "Abu Dhabi", "countryCode": "AE"}
    values["location"] = "Remote"
    assert apply_entry(full, "work", 1, values).work[1].location == "Remote"


def test_basics_edit_keeps_profiles_and_unknown_location_keys():
    resume = load_resume(
        {
            "basics": {
                "name": "A",
                "profiles": [{"network": "X"}],
                "location": {"city": "Oslo", "x-geo": "1"},
            }
        }
    )
    edited = apply_basics(
        resume, {"name": "B", "email": ""}, {"city": "Bergen", "countryCode": "NO"}
    )
    data = dump_resume(edited)["basics"]
    assert data == {
        "name": "B",
        "profiles": [{"network": "X"}],
        "location": {"x-geo": "1", "city": "Bergen", "countryCode": "NO"},
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: apply_basics(r, {"email": "no-at-sign"}, {}), "basics.email"),
        (
            lambda r: apply_basics(r, {"url": "not a url"}, {}),
            "basics.url: 'not a url' is not a web address",
        ),
        (
            lambda r: apply_entry(r, "work", 0, {**entry_form(r, "work", 0), "endDate": "2019-01"}),
            "work[0]: endDate 2019-01 is before startDate 2021-04",
        ),
        (
            lambda r: apply_table(
                r, "education", [{**table_rows(r, "education")[0], "startDate": "spring"}]
            ),
            "education[0].startDate: must be a date",
        ),
        (
            lambda r: apply_entry(
                r, "work", 0, {**entry_form(r, "work", 0), "highlights": "x\n" * 201}
            ),
            "work[0].highlights: has more than 200 items",
        ),
    ],
)
def test_invalid_edits_name_the_field_and_leave_the_resume_alone(full, change, message):
    before = dump_resume(full)
    with pytest.raises(
        ValidationError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")
    ):
        change(full)
    assert dump_resume(full) == before


def test_draft_is_saved_and_restored(tmp_path, full):
    assert load_draft(tmp_path) is None
    save_draft(tmp_path, full)
    assert dump_resume(load_draft(tmp_path)) == dump_resume(full)
    (tmp_path / "draft.json").write_text("{broken")
    assert load_draft(tmp_path) is None


def _leaves(value, path=()):
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))


FULL = json.loads((RESUMES / "full-current.json").read_text())
LEAVES = list(_leaves(FULL))


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(LEAVES), st.text(max_size=300))
def test_any_unicode_in_any_field_loads_saves_and_prints_or_says_why(path, text):
    data = json.loads(json.dumps(FULL))
    holder = data
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = text
    try:
        resume = load_resume(data)
    except ValidationError as err:
        assert str(err).startswith("The resume has")
        return
    assert dump_resume(load_resume(dump_resume(resume))) == dump_resume(resume)
    assert build_pdf(resume, "compact").startswith(b"%PDF-")
