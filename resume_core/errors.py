"""The project's two error families.

``ResumeError`` and its subclasses are *user* errors: bad input, missing configuration, an
unreachable bucket. They carry one clear line (``str(err)``) and, where we know it, what to do
about it (``err.hint``). The CLI and the app show them as messages. Anything else is a bug and
is allowed to surface as one.
"""

from __future__ import annotations


class ResumeError(Exception):
    """A problem the person can fix; ``hint`` says how."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


class ValidationError(ResumeError):
    """The resume or job input is malformed."""


class ConfigError(ResumeError):
    """A setting is missing or invalid."""


class StorageError(ResumeError):
    """S3 refused or could not be reached. ``code`` is the provider's error code when known."""

    def __init__(self, message: str, hint: str = "", code: str = "") -> None:
        super().__init__(message, hint)
        self.code = code


class PublishPendingError(StorageError):
    """The files were written locally but not (fully) uploaded; ``sync`` will finish the job."""

    def __init__(self, stem: str, cause: StorageError) -> None:
        super().__init__(
            f"Saved {stem} locally, but the upload failed: {cause.message}",
            (cause.hint + " " if cause.hint else "")
            + "The files are kept as pending; run 'sync' (or press Sync) once S3 is reachable.",
            cause.code,
        )
        self.stem = stem
        self.cause = cause
