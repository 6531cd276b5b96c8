import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_core import ValidationError, dump_resume, load_resume


def test_marco_round_trips_exactly(marco_path):
    original = json.loads(marco_path.read_text())
    assert dump_resume(load_resume(marco_path)) == original


def test_accepts_path_text_bytes_and_dict(marco_path):
    text = marco_path.read_text()
    names = {
        load_resume(src).basics.name
        for src in (marco_path, str(marco_path), text, text.encode(), json.loads(text))
    }
    assert names == {"Marco Rossi"}


def test_legacy_names_become_current_ones_and_unknown_keys_survive():
    resume = load_resume(
        {
            "work": [{"company": "Acme", "website": "https://acme.example", "x-team": "core"}],
            "education": [{"institution": "MIT", "gpa": "3.9"}],
            "awards": [{"title": "Best", "awardDate": "2020-05"}],
            "publications": [{"name": "Paper", "website": "https://p.example"}],
            "x-custom": {"kept": True},
        }
    )
    data = dump_resume(resume)
    assert data["work"] == [{"name": "Acme", "url": "https://acme.example", "x-team": "core"}]
    assert data["education"][0]["score"] == "3.9"
    assert data["awards"][0]["date"] == "2020-05"
    assert data["publications"][0]["url"] == "https://p.example"
    assert data["x-custom"] == {"kept": True}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('{"basics": ', "not valid JSON"),
        ("[1, 2]", "one object"),
        ({"basics": {"email": "nope"}}, "basics.email: 'nope' is not an e-mail address"),
        ({"work": [{}, {"startDate": "2020-13"}]}, "work[1].startDate: must be a date"),
        (
            {"work": [{"startDate": "2021-03", "endDate": "2020"}]},
            "work[0]: endDate 2020 is before startDate 2021-03",
        ),
        ({"work": [{"highlights": "not a list"}]}, "work[0].highlights"),
        ({"basics": {"summary": "x" * 6000}}, "longer than 5000 characters"),
    ],
)
def test_validation_messages_name_the_field(data, message):
    with pytest.raises(ValidationError) as info:
        load_resume(data)
    assert message in str(info.value)


def test_same_year_end_date_is_not_before_a_month_start():
    assert load_resume({"work": [{"startDate": "2020-05", "endDate": "2020"}]}).work[0].endDate


def test_oversized_input_is_refused():
    with pytest.raises(ValidationError, match="larger than"):
        load_resume(b"{" + b" " * (3 * 1024 * 1024) + b"}")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_unicode_text_loads_and_dumps(name, highlight):
    resume = load_resume({"basics": {"name": name}, "work": [{"highlights": [highlight]}]})
    again = load_resume(dump_resume(resume))
    assert dump_resume(again) == dump_resume(resume)
    assert again.basics.name.strip() == name.strip()
