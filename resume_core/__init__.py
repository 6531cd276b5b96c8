"""Resume-Customizer core: JSON Resume → Resume → tailor → build_pdf → publish → history.

Plain Python (no Streamlit): the app's pages, the CLI (``python -m resume_core``) and users'
scripts all call this package.
"""

from .errors import ConfigError, PublishPendingError, ResumeError, StorageError, ValidationError
from .models import Resume, dump_resume, load_resume
from .pdf import TEMPLATES, build_pdf
from .publish import PublishResult, generate_resume_pdf, publish, save_resume_json
from .tailoring import Job, TailorResult, load_job, tailor

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
