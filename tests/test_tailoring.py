import json
from pathlib import Path

import pytest

from resume_core import ValidationError, load_job, load_resume, tailor
from resume_core.tailoring import apply_selection, normalise

DATA = Path(__file__).parent / "data" / "tailoring"


@pytest.fixture
def marco(marco_path):
    return load_resume(marco_path)


def test_job_title_and_company_from_first_line():
    job = load_job((DATA / "jd-sre.txt").read_text())
    assert (job.title, job.company) == ("Site Reliability Engineer", "Nimbus Payments")
    assert "Prometheus" in job.nice and "Prometheus" not in job.required


def test_json_resume_job_file():
    job = load_job(
        json.dumps(
            {
                "title": "Data Engineer",
                "company": "Acme",
                "description": "Pipelines",
                "skills": [{"name": "Tools", "keywords": ["Airflow", "dbt"]}],
            }
        )
    )
    assert job.target == "Data Engineer — Acme"
    assert "Airflow" in job.required


def test_empty_job_is_refused():
    with pytest.raises(ValidationError, match="no words"):
        load_job("  \n the and of  ")


def test_normalisation_aliases_and_stems():
    assert normalise("k8s") == normalise("Kubernetes")
    assert normalise("Postgres") == normalise("postgresql")
    assert normalise("mentored") == normalise("mentoring")


def test_relevant_highlights_come_first_and_text_is_never_invented(marco):
    result = tailor(marco, (DATA / "jd-sre.txt").read_text())
    first = result.resume.work[0].highlights
    assert first[0].startswith("Managed 30 Kubernetes clusters")
    for before, after in zip(marco.work, result.resume.work, strict=True):
        assert sorted(before.highlights) == sorted(after.highlights)
    assert marco.work[0].highlights[0].startswith("Managed")  # input untouched


def test_report_fields_and_honest_scores(marco):
    report = tailor(marco, (DATA / "jd-ml-engineer.txt").read_text()).report
    assert 0 <= report["score_before"] <= 100
    assert report["score_after"] == report["score_before"]  # reordering adds no coverage
    assert "MLflow" in report["matched_keywords"]
    assert "PyTorch" in report["missing_keywords"]
    assert {h["text"] for h in report["highlights"]} == {
        h for w in marco.work for h in w.highlights
    }


def test_top_n_drops_and_lowers_score_honestly(marco):
    full = tailor(marco, (DATA / "jd-sre.txt").read_text())
    trimmed = tailor(marco, (DATA / "jd-sre.txt").read_text(), top_n=1)
    assert [len(w.highlights) for w in trimmed.resume.work] == [1, 1]
    assert trimmed.report["score_after"] <= full.report["score_after"]
    assert sum(not h["kept"] for h in trimmed.report["highlights"]) == 7


def test_apply_selection_keeps_original_text_in_the_chosen_order(marco):
    result = tailor(marco, "Platform Engineer\nTerraform and Zendesk")
    picked = [(0, 4), (0, 0), (1, 3)]
    chosen = apply_selection(result, picked)
    assert chosen.work[0].highlights == [marco.work[0].highlights[4], marco.work[0].highlights[0]]
    assert chosen.work[1].highlights == [marco.work[1].highlights[3]]


def test_labelled_cases_rank_relevant_highlights_first():
    """Every labelled case (shared ones and our own in other fields) at ≥ 0.95 pairwise."""
    from bench.eval_tailoring import evaluate

    good = total = 0
    for cases in (DATA / "cases.json", DATA / "more" / "cases.json"):
        g, t, _ = evaluate(cases)
        good, total = good + g, total + t
    assert total >= 40
    assert good / total >= 0.95


def test_expected_missing_and_matched_terms_are_reported():
    from bench.eval_tailoring import reported

    for cases in (DATA / "cases.json", DATA / "more" / "cases.json"):
        for case in json.loads(cases.read_text()):
            resume = load_resume(cases.parent / case["resume"])
            report = tailor(resume, load_job(cases.parent / case["job"])).report
            assert reported(report["missing_keywords"], case["missing_should_include"]) == []
            assert reported(report["matched_keywords"], case["matched_should_include"]) == []


def test_company_name_is_never_a_missing_keyword(marco):
    report = tailor(marco, (DATA / "jd-sre.txt").read_text()).report
    assert "Nimbus" not in report["missing_keywords"]
    assert "Payments" not in report["missing_keywords"]
    assert "Prometheus" in report["missing_keywords"]


def test_skills_and_projects_with_matches_come_first():
    resume = load_resume(
        {
            "skills": [
                {"name": "Cooking", "keywords": ["Pasta"]},
                {"name": "Cloud", "keywords": ["Excel", "Terraform"]},
            ],
            "projects": [
                {"name": "Garden planner"},
                {"name": "tfmod", "description": "Terraform modules for Kubernetes"},
            ],
        }
    )
    result = tailor(resume, "Platform Engineer\nTerraform and Kubernetes required.")
    assert [s.name for s in result.resume.skills] == ["Cloud", "Cooking"]
    assert result.resume.skills[0].keywords == ["Terraform", "Excel"]
    assert [p.name for p in result.resume.projects] == ["tfmod", "Garden planner"]
