"""govtext in spaCy (extra ``[spacy]``): ``govtext.spacy.load()`` gives ``spacy.blank("zh")`` with
govtext's jieba tokenizer (government lexicon included) and the ``govtext`` pipe, which puts
headings, tasks, slogans, metrics, placeholders and findings into ``doc.spans``.

>>> import govtext.spacy
>>> nlp = govtext.spacy.load()
>>> doc = nlp("一、工作回顾\\n一是抓党建。二是抓业务。")
>>> [(s.start_char, s.end_char) for s in doc.spans["govtext_tasks"]]
[(7, 13), (13, 19)]

See :mod:`govtext.spacy_component` for the pieces.
"""

from __future__ import annotations

from govtext.spacy_component import (
    GROUPS,
    GovtextComponent,
    JiebaTokenizer,
    document_themes,
    load,
    make_govtext_component,
)

__all__ = [
    "GROUPS",
    "GovtextComponent",
    "JiebaTokenizer",
    "document_themes",
    "load",
    "make_govtext_component",
]
