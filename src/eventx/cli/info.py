"""eventx info: version, model, components, labels and rule files."""

from __future__ import annotations

from rich.console import Console

from .. import __version__
from ..rules import resource_path
from .options import MODEL_OPT, RULES_OPT, check_rules, load_nlp

RULE_FILES = ("triggers.jsonl", "modality_cues.jsonl", "roles.tsv", "countries.tsv", "organisations.tsv")


def info(model: str | None = MODEL_OPT, rules: list[str] | None = RULES_OPT) -> None:
    """Version, model, components, labels and rule files (the shipped ones and the active user rule files)."""
    nlp = load_nlp(model, None, check_rules(rules))
    out = Console(soft_wrap=True)  # long paths stay on one line (also when piped)
    out.print(f"eventx {__version__}")
    meta = nlp.meta
    out.print(f"model: {meta.get('lang')}_{meta.get('name')} {meta.get('version')} ({nlp.path or model})")
    out.print(f"components: {', '.join(nlp.pipe_names)}")
    if nlp.has_pipe("ner"):
        out.print(f"NER labels: {', '.join(nlp.get_pipe('ner').labels)}")
    for name in RULE_FILES:
        out.print(f"rules: {resource_path(name)}")
    user = nlp.get_pipe("eventx_events").user_rules if nlp.has_pipe("eventx_events") else None
    if user is None or not user.files:
        out.print("user rules: none (add with --rules FILE, or the eventx_events setting user_rules)")
        return
    for name in user.files:
        out.print(f"user rules: {name}")
    new = ", ".join(f"{t} ({user.plover[t]['event']})" for t in user.types) or "none"
    out.print(f"user rules add {len(user.triggers)} triggers, {len(user.cues)} modality cues; new event types: {new}")
