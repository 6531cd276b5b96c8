"""Resume-Customizer core: JSON Resume → Resume → tailor → build_pdf → publish → history.

Plain Python (no Streamlit): the app's pages, the CLI (``python -m resume_core``) and users'
scripts all call this package.
"""

import importlib
from typing import TYPE_CHECKING

from .errors import ConfigError, PublishPendingError, ResumeError, StorageError, ValidationError
from .models import Resume, dump_resume, load_resume
from .pdf import TEMPLATES, build_pdf

if TYPE_CHECKING:
    from .publishing import PublishResult, generate_resume_pdf, publish, save_resume_json
    from .tailoring import Job, TailorResult, load_job, tailor

# Loaded on first use, so each command starts with only what it needs: publishing brings in
# boto3, tailoring the stemmer and the term lists.
_LAZY = {
    "PublishResult": "publishing",
    "generate_resume_pdf": "publishing",
    "publish": "publishing",
    "save_resume_json": "publishing",
    "Job": "tailoring",
    "TailorResult": "tailoring",
    "load_job": "tailoring",
    "tailor": "tailoring",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'resume_core' has no attribute {name!r}")


__all__ = [
    "TEMPLATES",
    "ConfigError",
    "Job",
    "PublishPendingError",
    "PublishResult",
    "Resume",
    "ResumeError",
    "StorageError",
    "TailorResult",
    "ValidationError",
    "build_pdf",
    "dump_resume",
    "generate_resume_pdf",
    "load_job",
    "load_resume",
    "publish",
    "save_resume_json",
    "tailor",
]
