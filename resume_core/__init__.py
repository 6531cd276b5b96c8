"""Resume-Customizer core: JSON Resume → Resume → tailor → build_pdf → publish → history.

Plain Python (no Streamlit): the app's pages, the CLI (``python -m resume_core``) and users'
scripts all call this package.
"""

from .errors import ConfigError, PublishPendingError, ResumeError, StorageError, ValidationError
from .models import Resume, dump_resume, load_resume
from .pdf import TEMPLATES, build_pdf
from .tailoring import Job, TailorResult, load_job, tailor

_PUBLISHING = {"PublishResult", "generate_resume_pdf", "publish", "save_resume_json"}


def __getattr__(name: str) -> object:
    """Publishing brings in boto3; load it on first use so ``build`` and ``tailor`` start fast."""
    if name in _PUBLISHING:
        from . import publishing

        return getattr(publishing, name)
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
