"""Structure of a report: blocks, headings, paragraphs, sentences, tasks, roles, boilerplate."""

from govtext.structure.segment import parse

__all__ = ["parse"]
