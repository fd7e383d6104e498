"""eventx info: version, model, components, labels and rule files."""

from __future__ import annotations

from rich.console import Console

from .. import __version__
from ..rules import resource_path
from .options import MODEL_OPT, load_nlp

RULE_FILES = ("triggers.jsonl", "modality_cues.jsonl", "roles.tsv", "countries.tsv", "organisations.tsv")


def info(model: str | None = MODEL_OPT) -> None:
    """Version, model, components, labels and rule files."""
    nlp = load_nlp(model, None)
    out = Console()
    out.print(f"eventx {__version__}")
    meta = nlp.meta
    out.print(f"model: {meta.get('lang')}_{meta.get('name')} {meta.get('version')} ({nlp.path or model})")
    out.print(f"components: {', '.join(nlp.pipe_names)}")
    if nlp.has_pipe("ner"):
        out.print(f"NER labels: {', '.join(nlp.get_pipe('ner').labels)}")
    for name in RULE_FILES:
        out.print(f"rules: {resource_path(name)}")
