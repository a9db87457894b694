"""Library errors: one hierarchy, each with a stable code and a one-line message naming the file.

Codes live in their own namespace (``GT-E…``) so they never look like lint rule codes:
``GT-E1xx`` input (reading, decoding, archives), ``GT-E2xx`` configuration and usage,
``GT-E3xx`` models and optional extras. The CLI prints ``str(error)`` and exits with 2.
"""

from __future__ import annotations

import os


class GovtextError(Exception):
    """Base of every error govtext raises on purpose."""

    code = "GT-E000"

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path = None if path is None else os.fspath(path)
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.code} {where}{self.message}"


class InputError(GovtextError):
    """A file cannot be read as a report."""

    code = "GT-E100"


class FileMissingError(InputError):
    code = "GT-E101"


class EmptyInputError(InputError):
    code = "GT-E102"


class BinaryInputError(InputError):
    code = "GT-E103"


class DecodeError(InputError):
    code = "GT-E104"


class UnsupportedFormatError(InputError):
    code = "GT-E105"


class TooLargeError(InputError):
    code = "GT-E106"


class CorruptDocxError(InputError):
    code = "GT-E110"


class UnsafeDocxError(InputError):
    """Zip bombs, DOCTYPE/entity declarations and other archive tricks."""

    code = "GT-E111"


class EncryptedDocxError(InputError):
    """An OLE compound file: an encrypted .docx or a legacy .doc renamed to .docx."""

    code = "GT-E112"


class ConfigError(GovtextError):
    code = "GT-E200"


class UsageError(GovtextError):
    code = "GT-E201"


class ModelError(GovtextError):
    code = "GT-E300"


class LabelsError(ModelError):
    """A labels file for training: a bad line, or a reference that does not resolve."""

    code = "GT-E302"


class MissingExtraError(GovtextError):
    """An optional dependency (an extra such as ``[parquet]``) is not installed."""

    code = "GT-E301"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"this needs {package}: pip install 'govtext[{extra}]'")
