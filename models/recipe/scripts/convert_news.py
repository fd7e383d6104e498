"""Convert eventx_news (German Wikinews politics sentences, character-offset spans) to DocBin
files, and build the news fine-tuning set.

    python models/recipe/scripts/convert_news.py ../shared/data/ner corpus/

Writes
- ``news_train.spacy``: the train split without the held-out articles;
- ``news_dev.spacy``: every ``--dev-every``-th article of the train split (checkpoint choice);
- ``news_test.spacy``: the test split (evaluation only, never used to choose anything);
- ``dev_mix.spacy``: GermEval 2014 dev + news_dev, the development set of the news fine-tuning;
- ``finetune_news.spacy``: news_train and GermEval test, each once as they are and once with
  each mention swapped, with chance 0.5, for another mention of the same label.

Spans are aligned to spaCy's German tokens. A span that does not fall on token boundaries
("Bones" of "Bones-Gruft", "EU" of "EU-weiter") is reported in a warning and its tokens are
marked as missing annotation: training ignores them and the scorer counts no prediction on them
right or wrong (widening it would make "Bones-Gruft" a name, against the convention; dropping
it would teach O). Sampling and swapping are seeded.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
import typer
from spacy.tokens import Doc, DocBin, Span

from eventx.kb import name_key

sys.path.insert(0, str(Path(__file__).parent))
from convert import GERMEVAL, PANX, SEED, bio_doc, describe, mention_pool, read_columns, replace_mentions

LABELS = {"PER", "LOC", "ORG", "MISC"}
# lowercase words that begin a surname: "Ursula von der Leyen", "Thomas de Maizière", "bin Salman"
PARTICLES = frozenset(
    ["von", "van", "vom", "zu", "zur", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du"]
    + ["ten", "ter", "la", "le", "bin", "ibn", "bint", "al", "el"]
)
MAX_SURNAME = 3
KB = Path(__file__).parents[3] / "src/eventx/resources/kb.tsv.gz"


@dataclass
class Alignment:
    """What happened to the spans of one file."""

    spans: int = 0
    missing: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def report(self, name: str) -> None:
        print(
            f"{name}: {self.spans} spans, {len(self.missing)} not on token boundaries (tokens marked missing), "
            f"{len(self.dropped)} overlapping (dropped)",
            file=sys.stderr,
        )
        for what, items in (("misaligned", self.missing), ("overlapping", self.dropped)):
            for item in items[:5]:
                print(f"  warning: {what}: {item}", file=sys.stderr)


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def article_id(sentence_id: str) -> str:
    """'wikinews-politik-001-00012' -> 'wikinews-politik-001'."""
    return sentence_id.rsplit("-", 1)[0]


def news_doc(nlp, record: dict, stats: Alignment) -> Doc:
    """A Doc with the record's spans as entities, aligned to spaCy's tokens."""
    text = record["text"]
    doc = nlp.make_doc(text)
    ents: list[Span] = []
    missing: list[Span] = []
    last_end = 0
    for s in sorted(record["spans"], key=lambda s: (s["start"], s["end"])):
        stats.spans += 1
        label = s["label"]
        if label not in LABELS:
            raise ValueError(f"{record['id']}: unknown label {label!r}")
        span = doc.char_span(s["start"], s["end"], label=label)
        exact = span is not None
        if not exact:
            span = doc.char_span(s["start"], s["end"], alignment_mode="expand")
        if span is None or span.start < last_end:
            stats.dropped.append(f"{record['id']} {text[s['start'] : s['end']]!r}")
            continue
        last_end = span.end
        if exact:
            ents.append(span)
        else:
            stats.missing.append(f"{record['id']} {text[s['start'] : s['end']]!r} in token(s) {span.text!r}")
            missing.append(span)
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def read_news(nlp, path: Path) -> tuple[list[tuple[str, Doc]], Alignment]:
    """(article id, Doc) for each sentence of an eventx_news file."""
    stats = Alignment()
    docs = [(article_id(r["id"]), news_doc(nlp, r, stats)) for r in read_jsonl(path)]
    return docs, stats


def split_by_article(docs: list[tuple[str, Doc]], every: int) -> tuple[list[Doc], list[Doc]]:
    """Every ``every``-th article (in order of first appearance) goes to the second list."""
    order: dict[str, int] = {}
    for art, _ in docs:
        order.setdefault(art, len(order))
    keep = [d for art, d in docs if every <= 0 or order[art] % every != every - 1]
    held = [d for art, d in docs if every > 0 and order[art] % every == every - 1]
    return keep, held


def kb_person_names(nlp, kb: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Person names of eventx's office-holder table as token tuples: (all names, the names with a
    surname particle). All names: each full name ("Xi Jinping") and its surname as the table gives
    it ("Xi"), the form news use after the first mention. Particle names: each full name ("Ursula
    von der Leyen") and its words from the first particle on ("von der Leyen"). Surnames of more
    than ``MAX_SURNAME`` words ("bin Rashid Al Maktoum") are left out."""
    names: set[tuple[str, ...]] = set()
    particle: set[tuple[str, ...]] = set()
    with gzip.open(kb, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            surnames = set(row["surnames"].split("|"))
            for name in row["names"].split("|"):
                if not name.isprintable() or "\u200b" in name:
                    continue
                words = tuple(t.text for t in nlp.make_doc(name))
                if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
                    continue
                forms = {words}
                for i in range(len(words)):
                    for j in range(i + 1, min(len(words), i + MAX_SURNAME) + 1):
                        if j - i < len(words) and name_key(" ".join(words[i:j])) in surnames and words[j - 1][:1].isupper():
                            forms.add(words[i:j])
                first = next((i for i, w in enumerate(words) if i > 0 and w in PARTICLES), None)
                if first is not None:
                    particle.add(words)
                    if len(words) - first <= MAX_SURNAME:
                        particle.add(words[first:])
                names |= forms
    return sorted(names), sorted(particle)


def add_persons(pool: dict[str, list[tuple[str, ...]]], names: list[tuple[str, ...]], share: float, rng: random.Random) -> int:
    """Add names (drawn with repeats) to the PER mentions of pool until they make up ``share`` of them."""
    if share <= 0 or not names:
        return 0
    persons = pool.setdefault("PER", [])
    wanted = round(len(persons) * share / (1 - share))
    persons.extend(rng.choice(names) for _ in range(wanted))
    return wanted


def main(
    data_dir: Path = typer.Argument(..., help="../shared/data/ner"),
    out_dir: Path = typer.Argument(..., help="where the .spacy files are written"),
    dev_every: int = typer.Option(10, help="every n-th train article is held out as news_dev (0: none)"),
    replace: float = typer.Option(0.5, help="chance to swap each mention in the swapped copies"),
    news_copies: int = typer.Option(2, help="copies of news_train in finetune_news (the first as it is)"),
    germeval_copies: int = typer.Option(2, help="copies of GermEval test in finetune_news (the first as it is)"),
    particle_share: float = typer.Option(0.0, help="share of swap-in person names that have a surname particle (kb.tsv.gz)"),
    kb_share: float = typer.Option(0.0, help="share of swap-in person names drawn from all office holders of kb.tsv.gz"),
) -> None:
    nlp = spacy.blank("de")
    vocab = nlp.vocab
    out_dir.mkdir(parents=True, exist_ok=True)
    news_dir = data_dir / "eventx_news"
    train_pairs, train_stats = read_news(nlp, news_dir / "train.jsonl")
    train_stats.report("eventx_news train")
    test_pairs, test_stats = read_news(nlp, news_dir / "test.jsonl")
    test_stats.report("eventx_news test")
    news_train, news_dev = split_by_article(train_pairs, dev_every)
    news_test = [d for _, d in test_pairs]

    germeval = [bio_doc(vocab, s, GERMEVAL) for s in read_columns(data_dir / "germeval2014/NER-de-test.tsv", 1, 2, "\t")]
    germeval_dev = [bio_doc(vocab, s, GERMEVAL) for s in read_columns(data_dir / "germeval2014/NER-de-dev.tsv", 1, 2, "\t")]
    panx_all = [bio_doc(vocab, s, PANX) for s in read_columns(data_dir / "panx_de/train.tsv", 0, 1, "\t")]

    rng = random.Random(SEED)
    pool = mention_pool([*news_train, *germeval, *panx_all])
    if particle_share or kb_share:
        kb_names, particle = kb_person_names(nlp, KB)
        name_rng = random.Random(SEED)
        added = add_persons(pool, kb_names, kb_share, name_rng)
        added_particle = add_persons(pool, particle, particle_share, name_rng)
        print(
            f"swap-in persons: {added} office holders ({len(kb_names)} name forms), {added_particle} with a surname "
            f"particle ({len(particle)} forms); {len(pool['PER'])} in all",
            file=sys.stderr,
        )
    finetune = list(news_train) + list(germeval)
    finetune += [replace_mentions(d, pool, rng, replace) for _ in range(news_copies - 1) for d in news_train]
    finetune += [replace_mentions(d, pool, rng, replace) for _ in range(germeval_copies - 1) for d in germeval]
    rng.shuffle(finetune)

    files = {
        "news_train": news_train,
        "news_dev": news_dev,
        "news_test": news_test,
        "dev_mix": germeval_dev + news_dev,
        "finetune_news": finetune,
    }
    for name, docs in files.items():
        print(describe(name, docs))
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")


if __name__ == "__main__":
    typer.run(main)
