"""Batch runs: many reports to tidy tables (Parquet, CSV) or JSON lines, and corpus analytics.

>>> from govtext.batch import run_batch
>>> summary = run_batch(["reports/"], "out/tables", jobs=2)  # doctest: +SKIP

The local engine and the Dask engine call the same per-document function
(:func:`govtext.batch.process.process_one`) and write through the same code
(:mod:`govtext.batch.store`, :mod:`govtext.batch.writers`), so their outputs are equal.
Nothing here imports pandas, pyarrow or dask until a function that needs them runs.
"""

from govtext.batch.process import Options, process_one
from govtext.batch.run import BatchInterrupted, Progress, Summary, expand_inputs, run_batch
from govtext.batch.schema import TABLES

__all__ = [
    "TABLES",
    "BatchInterrupted",
    "Options",
    "Progress",
    "Summary",
    "expand_inputs",
    "process_one",
    "run_batch",
]
