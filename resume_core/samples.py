"""Bundled sample resumes, so a new user can try the whole flow in a minute."""

from __future__ import annotations

from importlib import resources

from .models import Resume, load_resume

SAMPLES = {"Software engineer": "software-engineer.json", "ICU nurse": "nurse.json"}


def load_sample(label: str) -> Resume:
    text = resources.files("resume_core").joinpath("data", "samples", SAMPLES[label]).read_bytes()
    return load_resume(text)
