"""Extractors: plain functions from a :class:`~govtext.document.Document` to elements in document order."""

from govtext.extract.placeholders import placeholders

__all__ = ["placeholders"]
