"""The theme model at inference time: a linear model stored as JSON, run without scikit-learn.

A model file (``.json`` or gzip-compressed ``.json.gz``) holds the label ids, the feature spec,
per block its terms, idf weights and one coefficient row per term (one value per label), the
intercepts and a softmax temperature fitted on out-of-fold scores (calibration). Loading it parses
JSON only: nothing is unpickled and no code runs. Scoring uses numpy when it is installed and
plain Python otherwise; both give the same numbers.

Number arrays are JSON lists, or — for the large ones, so that a model loads in milliseconds —
``{"dtype": "<f2", "shape": [rows, cols], "base64": "…"}``: the little-endian IEEE floats
(``<f2`` half, ``<f4`` single, ``<f8`` double precision) of the row-major array, base64-encoded.
"""

from __future__ import annotations

import base64
import functools
import gzip
import json
import math
import os
import struct
from collections.abc import Sequence
from typing import Any, NamedTuple

from govtext.errors import ModelError
from govtext.themes.features import FeatureSpec, unit_terms, weigh

FORMAT = "govtext-themes"
FORMAT_VERSION = 1
DEFAULT_MODEL_NAME = "themes_model.json.gz"


class ThemePrediction(NamedTuple):
    """The theme of one text: ``label`` (the best id) and ``scores`` (probability per id)."""

    label: str
    scores: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "scores": dict(self.scores)}


_STRUCT_CODES = {"<f2": "e", "<f4": "f", "<f8": "d"}


def _decode(value: Any, count: int, what: str) -> tuple[bytes | None, list[float] | None]:
    """A JSON number array, as raw little-endian bytes (packed form) or a flat float list."""
    if isinstance(value, list):
        flat = [float(v) for row in value for v in (row if isinstance(row, list) else [row])]
        if len(flat) != count:
            raise ValueError(f"{what} has {len(flat)} numbers where {count} are needed")
        return None, flat
    code = _STRUCT_CODES[value["dtype"]]
    raw = base64.b64decode(value["base64"], validate=True)
    if len(raw) != count * struct.calcsize(code):
        raise ValueError(f"{what} has {len(raw)} bytes where {count} {value['dtype']} are needed")
    return raw, None


def encode_array(values: Any, dtype: str = "<f4") -> dict[str, Any]:
    """The packed JSON form of a numpy array (row-major)."""
    import numpy as np

    array = np.ascontiguousarray(values, dtype=np.dtype(dtype))
    return {
        "dtype": dtype,
        "shape": list(array.shape),
        "base64": base64.b64encode(array.tobytes()).decode("ascii"),
    }


class _Block:
    """One feature block: term index, idf and the coefficient matrix (terms x labels)."""

    def __init__(self, data: dict[str, Any], name: str, k: int) -> None:
        self.name = name
        self.weight = float(data["weight"])
        terms = data["terms"]
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ValueError(f"block {name!r}: terms must be a list of strings")
        self.index = {term: i for i, term in enumerate(terms)}
        if len(self.index) != len(terms):
            raise ValueError(f"block {name!r}: repeated terms")
        n = len(terms)
        raw, flat = _decode(data["idf"], n, f"block {name!r} idf")
        if raw is None:
            assert flat is not None
            self.idf: list[float] = flat
        else:
            code = _STRUCT_CODES[data["idf"]["dtype"]]
            self.idf = list(struct.unpack(f"<{n}{code}", raw))
        self.k = k
        self._coef_raw, self._coef_flat = _decode(data["coef"], n * k, f"block {name!r} coef")
        self._coef_dtype = data["coef"]["dtype"] if self._coef_raw is not None else "<f8"

    def flat(self) -> list[float]:
        """Coefficients as one flat list (row ``i`` is ``[i * k : (i + 1) * k]``)."""
        if self._coef_flat is None:
            assert self._coef_raw is not None
            count = len(self._coef_raw) // struct.calcsize(_STRUCT_CODES[self._coef_dtype])
            code = _STRUCT_CODES[self._coef_dtype]
            self._coef_flat = list(struct.unpack(f"<{count}{code}", self._coef_raw))
        return self._coef_flat

    def matrix(self) -> Any:
        import numpy as np

        if self._coef_raw is not None:
            array = np.frombuffer(self._coef_raw, dtype=np.dtype(self._coef_dtype))
        else:
            array = np.asarray(self._coef_flat, dtype=np.float64)
        return array.astype(np.float64).reshape(len(self.index), self.k)


def default_model_path() -> str:
    """The model shipped with govtext (package data)."""
    from govtext.data import path

    return path(DEFAULT_MODEL_NAME)


class ThemeModel:
    """A trained theme classifier. Build one with :func:`load_model` or ``ThemeModel(data)``."""

    def __init__(self, data: dict[str, Any], path: str | None = None) -> None:
        self.path = path
        try:
            self._init(data)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelError(
                f"not a valid govtext theme model ({exc.__class__.__name__}: {exc})", path
            ) from None

    def _init(self, data: dict[str, Any]) -> None:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f'not a govtext theme model (no "format": "{FORMAT}")', self.path)
        if int(data["format_version"]) > FORMAT_VERSION:
            raise ModelError(
                f"model format version {data['format_version']} is newer than this govtext "
                f"reads ({FORMAT_VERSION}); upgrade govtext",
                self.path,
            )
        self.data = data
        self.labels: tuple[str, ...] = tuple(str(label) for label in data["labels"])
        k = len(self.labels)
        if k < 2 or len(set(self.labels)) != k:
            raise ValueError("labels must be at least two distinct ids")
        self.spec = FeatureSpec.from_dict(data["features"])
        self.intercept = [float(v) for v in data["intercept"]]
        self.temperature = float(data["calibration"]["temperature"])
        if len(self.intercept) != k or not self.temperature > 0:
            raise ValueError("intercept or temperature does not fit the labels")
        self.blocks: list[_Block] = []
        for (name, _), block in zip(self.spec.blocks(), data["blocks"], strict=True):
            if block["name"] != name:
                raise ValueError(f"block {block['name']!r} where {name!r} was expected")
            self.blocks.append(_Block(block, name, k))
        self.meta: dict[str, Any] = data.get("meta", {})
        self._matrices: list[Any] | None = None

    def __repr__(self) -> str:
        terms = sum(len(b.index) for b in self.blocks)
        return f"ThemeModel(path={self.path!r}, labels={len(self.labels)}, terms={terms})"

    @property
    def version(self) -> str:
        return str(self.data.get("model_version", "unversioned"))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ThemeModel:
        """Read a model file (``.json`` or ``.json.gz``); JSON only, nothing is unpickled."""
        path = os.fspath(path)
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except FileNotFoundError:
            raise ModelError("model file not found", path) from None
        except OSError as exc:
            raise ModelError(f"cannot read the model file: {exc.strerror}", path) from None
        try:
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"model file is not (gzip-compressed) JSON: {exc}", path) from None
        return cls(data, path=path)

    def to_dict(self) -> dict[str, Any]:
        return self.data

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as JSON, gzip-compressed when the name ends with ``.gz``."""
        path = os.fspath(path)
        text = json.dumps(self.data, ensure_ascii=False, separators=(",", ":"))
        payload = text.encode("utf-8")
        if path.endswith(".gz"):
            payload = gzip.compress(payload, compresslevel=9, mtime=0)
        with open(path, "wb") as fh:
            fh.write(payload)

    # -- scoring ---------------------------------------------------------------------------

    def _unit_features(self, text: str) -> list[tuple[list[int], list[float]]]:
        terms = unit_terms(text, self.spec)
        sub = self.spec.sublinear_tf
        return [weigh(terms[b.name], b.index, b.idf, sub, b.weight) for b in self.blocks]

    def decision_function(self, texts: Sequence[str]) -> list[list[float]]:
        """Raw linear scores, one row per text, one column per label."""
        features = [self._unit_features(t) for t in texts]
        try:
            import numpy  # noqa: F401
        except ImportError:
            return [self._scores_python(f) for f in features]
        return self._scores_numpy(features)

    def _scores_python(self, features: list[tuple[list[int], list[float]]]) -> list[float]:
        scores = list(self.intercept)
        k = len(scores)
        for block, (cols, values) in zip(self.blocks, features, strict=True):
            coef = block.flat()
            for col, value in zip(cols, values, strict=True):
                base = col * k
                for j in range(k):
                    scores[j] += value * coef[base + j]
        return scores

    def _scores_numpy(
        self, features: list[list[tuple[list[int], list[float]]]]
    ) -> list[list[float]]:
        import numpy as np

        if self._matrices is None:
            self._matrices = [b.matrix() for b in self.blocks]
        out = np.tile(np.asarray(self.intercept, dtype=np.float64), (len(features), 1))
        for b, matrix in enumerate(self._matrices):
            cols: list[int] = []
            values: list[float] = []
            starts: list[int] = []
            rows: list[int] = []
            for i, unit in enumerate(features):
                c, v = unit[b]
                if c:
                    rows.append(i)
                    starts.append(len(cols))
                    cols.extend(c)
                    values.extend(v)
            if not rows:
                continue
            contrib = matrix[np.asarray(cols, dtype=np.intp)] * np.asarray(values)[:, None]
            out[rows] += np.add.reduceat(contrib, np.asarray(starts, dtype=np.intp), axis=0)
        result: list[list[float]] = out.tolist()
        return result

    def predict_proba(self, texts: Sequence[str]) -> list[list[float]]:
        """Calibrated probabilities (softmax of the scores over the fitted temperature)."""
        return [softmax(row, self.temperature) for row in self.decision_function(texts)]

    def classify(self, texts: Sequence[str]) -> list[ThemePrediction]:
        """One :class:`ThemePrediction` per text, in input order."""
        if isinstance(texts, str):
            raise TypeError("classify() takes a list of texts; wrap a single text as [text]")
        out = []
        for probs in self.predict_proba(texts):
            best = max(range(len(probs)), key=probs.__getitem__)
            out.append(
                ThemePrediction(self.labels[best], dict(zip(self.labels, probs, strict=True)))
            )
        return out


def softmax(scores: Sequence[float], temperature: float = 1.0) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@functools.cache
def _cached_model(path: str) -> ThemeModel:
    return ThemeModel.load(path)


def load_model(path: str | os.PathLike[str] | None = None) -> ThemeModel:
    """The model at ``path`` (default: the one shipped with govtext), loaded once per path."""
    return _cached_model(os.path.abspath(os.fspath(path)) if path else default_model_path())


def classify(
    texts: Sequence[str], *, model: ThemeModel | str | os.PathLike[str] | None = None
) -> list[ThemePrediction]:
    """Tag texts with a theme each: one :class:`ThemePrediction` per text, in input order.

    Args:
        texts: paragraphs, items or short sections (a list, not a single string).
        model: a :class:`ThemeModel` or a model file; default: the model shipped with govtext.

    Example:
        >>> p = classify(["一是深入开展大气污染防治，全区PM2.5平均浓度下降8%。"])[0]
        >>> p.label
        'pollution_control'
    """
    if not isinstance(model, ThemeModel):
        model = load_model(model)
    return model.classify(texts)
