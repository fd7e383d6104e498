"""Model resolution (shipped pipeline, installed package or path) and the eventx components."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from .errors import Errors, ModelNotFound

SHIPPED_MODEL = "de_eventx_news"
NAME_RULES = "eventx_name_rules"  # part of the shipped pipeline; added after the NER of any other
COMPONENTS = ("eventx_countries", "eventx_dates", "eventx_actors", "eventx_events")
SENTENCE_CAP = "eventx_sentence_cap"  # before the rule components: no sentence over 100 words
PIPELINE_FILES = ("meta.json", "config.cfg")  # what spacy.load needs in a pipeline folder


def shipped_model_path() -> Path:
    """Where the pipeline that ships with eventx lives.

    In a wheel it is package data (``eventx/model``); in a source checkout or an
    editable install it is ``models/de_eventx_news`` in the repository.
    """
    packaged = Path(str(resources.files("eventx").joinpath("model")))
    if (packaged / "meta.json").exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "models" / SHIPPED_MODEL


def resolve_model(name: str | None) -> str | Path:
    if name in (None, "", "default", SHIPPED_MODEL):
        path = shipped_model_path()
        if not (path / "meta.json").exists():
            raise ModelNotFound(Errors.E010.format(path=path))
        return path
    path = Path(name).expanduser()
    if path.exists():
        check_pipeline_folder(name, path)
        return path
    if spacy.util.is_package(name):
        return name
    raise ModelNotFound(Errors.E006.format(name=name))


def check_pipeline_folder(name: str, path: Path) -> None:
    """A --model path must be a pipeline folder (meta.json, config.cfg); raises ModelNotFound (E022)."""
    if not path.is_dir():
        raise ModelNotFound(Errors.E022.format(name=name, why="it is a file"))
    missing = [f for f in PIPELINE_FILES if not (path / f).is_file()]
    if missing:
        raise ModelNotFound(Errors.E022.format(name=name, why="the folder holds no " + " and no ".join(missing)))


def add_components(nlp: Language, types: list[str] | None = None, rules: list[str] | None = None) -> Language:
    """Add the eventx components to any German pipeline (with NER for persons); ``rules`` are
    user rule files for eventx_events (see eventx.user_rules)."""
    if nlp.has_pipe("ner") and not nlp.has_pipe(NAME_RULES):
        nlp.add_pipe(NAME_RULES)
    for comp in COMPONENTS:
        if comp in nlp.pipe_names:
            continue
        config: dict = {}
        if comp == "eventx_events":
            config = {k: v for k, v in (("types", types), ("user_rules", list(rules or []))) if v}
        nlp.add_pipe(comp, config=config)
    if not nlp.has_pipe("sentencizer") and not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer", first=True)
    if not nlp.has_pipe(SENTENCE_CAP):
        first_rule = next(n for n in nlp.pipe_names if n == NAME_RULES or n in COMPONENTS)
        nlp.add_pipe(SENTENCE_CAP, before=first_rule)
    return nlp


@lru_cache(maxsize=4)
def _load_cached(model: str, types: tuple[str, ...] | None, rules: tuple[str, ...] = ()) -> Language:
    return _load(model, list(types) if types else None, list(rules))


LOADS = {"count": 0}  # pipelines loaded in this process (the Dask engine promises one per worker)


def _load(model: str | None, types: list[str] | None, rules: list[str] | None = None) -> Language:
    LOADS["count"] += 1
    target = resolve_model(model)
    try:
        nlp = spacy.load(target)
    except OSError as e:
        raise ModelNotFound(Errors.E006.format(name=model) + f" ({one_line(e)})") from None
    except (AttributeError, ImportError, TypeError) as e:  # an importable package that is no pipeline
        raise ModelNotFound(Errors.E018.format(name=model, reason=one_line(e))) from None
    except (ValueError, KeyError) as e:  # spaCy's config and registry errors (unknown factory ...)
        raise ModelNotFound(Errors.E019.format(name=model, reason=one_line(e))) from None
    return add_components(nlp, types, rules)


def one_line(e: BaseException, limit: int = 300) -> str:
    """An exception's message as one line: spaCy's first sentence, whitespace folded."""
    text = " ".join(str(e).split())
    first = text.find(". ")
    if 0 < first < limit:
        return text[: first + 1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load(model: str | None = None, types: list[str] | None = None, rules: list[str] | None = None) -> Language:
    """Load a pipeline with the eventx components (cached per process); ``rules``: user rule files."""
    return _load_cached(model or "default", tuple(types) if types else None, tuple(str(r) for r in rules or ()))
