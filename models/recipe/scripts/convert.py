"""Convert the German NER corpora in ../shared/data/ner to spaCy DocBin files.

Every corpus is mapped to the CoNLL scheme PER/LOC/ORG/MISC that de_core_news_md
uses (label mappings from ../shared/data/ner/README.md). Sampling is seeded, so
the same data directory always gives byte-identical output.

    python models/recipe/scripts/convert.py ../shared/data/ner corpus/
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
import typer
from spacy.tokens import Doc, DocBin

SEED = 0

GERMEVAL = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
FINE_TYPES = {
    "person": "PER",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "organization": "ORG",
    "organization-company": "ORG",
}
LER = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "ORG",
}
PANX = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def read_columns(path: Path, token_col: int, tag_col: int, sep: str | None) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as (token, tag) lists from a CoNLL-style column file."""
    sent: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") and "\t" in line and line.split("\t")[0] == "#":
                continue
            if line.startswith("-DOCSTART-"):
                continue
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            cols = line.split(sep)
            if len(cols) <= max(token_col, tag_col) or not cols[token_col].strip():
                continue
            sent.append((cols[token_col], cols[tag_col]))
    if sent:
        yield sent


def bio_doc(vocab, sent: list[tuple[str, str]], mapping: dict[str, str]) -> Doc:
    """Make a Doc from (token, BIO tag) pairs, keeping only mapped labels."""
    words = [w for w, _ in sent]
    tags = []
    for _, tag in sent:
        if tag == "O" or "-" not in tag:
            tags.append("O")
            continue
        prefix, label = tag.split("-", 1)
        mapped = mapping.get(label)
        tags.append(f"{prefix}-{mapped}" if mapped else "O")
    # repair I- without B- (after a dropped label) into B-
    fixed = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return Doc(vocab, words=words, ents=fixed)


def read_smartdata(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        obj, pos = decoder.raw_decode(text, pos)
        yield obj


def smartdata_docs(nlp, path: Path) -> Iterator[Doc]:
    """Tokenize SmartData texts and align their character-offset mentions."""
    misaligned = 0
    for obj in read_smartdata(path):
        text = obj["text"]["string"]
        doc = nlp.make_doc(text)
        spans = []
        for m in obj.get("conceptMentions", {}).get("array", []):
            label = FINE_TYPES.get(m["type"])
            if not label:
                continue
            span = doc.char_span(m["span"]["start"], m["span"]["end"], label=label, alignment_mode="expand")
            if span is None or not span.text.strip():
                misaligned += 1
                continue
            spans.append(span)
        spans = spacy.util.filter_spans(spans)
        doc.set_ents(spans, default="outside")
        yield from split_sentences(nlp, doc)
    if misaligned:
        print(f"warning: {path.name}: {misaligned} mentions could not be aligned", file=sys.stderr)


def split_sentences(nlp, doc: Doc) -> Iterator[Doc]:
    """Cut a long document into line-sized pieces (entities never cross lines)."""
    start = 0
    for i, tok in enumerate(doc):
        if "\n" in tok.text or i == len(doc) - 1:
            end = i + 1
            piece = doc[start:end]
            if any(not t.is_space for t in piece):
                yield piece.as_doc()
            start = end


def sample(items: list, n: int, rng: random.Random) -> list:
    if n >= len(items):
        return list(items)
    return rng.sample(items, n)


def mention_pool(docs: Iterable[Doc]) -> dict[str, list[tuple[str, ...]]]:
    """label -> the word sequences of its mentions (with repeats, so frequent names stay frequent)."""
    pool: dict[str, list[tuple[str, ...]]] = {}
    for doc in docs:
        for ent in doc.ents:
            pool.setdefault(ent.label_, []).append(tuple(t.text for t in ent))
    return pool


def replace_mentions(doc: Doc, pool: dict[str, list[tuple[str, ...]]], rng: random.Random, p: float) -> Doc:
    """A copy of doc in which each mention is, with probability p, swapped for another mention
    of the same label (mention replacement, Dai & Adel 2020): the sentence stays, the names
    change, so a repeated sentence teaches the context instead of the name."""
    words: list[str] = []
    tags: list[str] = []
    i = 0
    ents = {e.start: e for e in doc.ents}
    while i < len(doc):
        ent = ents.get(i)
        if ent is None:
            words.append(doc[i].text)
            tags.append("O" if doc[i].ent_iob_ == "O" else "")
            i += 1
            continue
        names = pool.get(ent.label_)
        new = rng.choice(names) if names and rng.random() < p else tuple(t.text for t in ent)
        words.extend(new)
        tags.extend([f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(new) - 1))
        i = ent.end
    return Doc(doc.vocab, words=words, ents=tags)


def describe(name: str, docs: Iterable[Doc]) -> str:
    docs = list(docs)
    labels = Counter(e.label_ for d in docs for e in d.ents)
    toks = sum(len(d) for d in docs)
    return f"{name:<22} {len(docs):>7} docs {toks:>9} tokens  " + " ".join(f"{k}={v}" for k, v in sorted(labels.items()))


def main(
    data_dir: Path = typer.Argument(..., help="../shared/data/ner"),
    out_dir: Path = typer.Argument(..., help="where train.spacy / dev.spacy are written"),
    panx: int = typer.Option(8000, help="PAN-X train sentences to sample (silver, no MISC)"),
    ler: int = typer.Option(3000, help="LER sentences to sample (legal text, sampled down)"),
    germeval_copies: int = typer.Option(3, help="times the GermEval test split is repeated (upweighting)"),
    panx_dev: int = typer.Option(0, help="PAN-X dev sentences to add (silver; not our development set)"),
    replace: float = typer.Option(0.0, help="chance to swap each mention in GermEval copies after the first"),
    news_copies: int = typer.Option(0, help="times eventx_news train (without its held-out articles) is added"),
    news_dev_every: int = typer.Option(10, help="every n-th eventx_news train article is held out (as in convert_news.py)"),
) -> None:
    rng = random.Random(SEED)
    nlp = spacy.blank("de")
    vocab = nlp.vocab
    out_dir.mkdir(parents=True, exist_ok=True)

    germeval = [bio_doc(vocab, s, GERMEVAL) for s in read_columns(data_dir / "germeval2014/NER-de-test.tsv", 1, 2, "\t")]
    germeval_dev = [bio_doc(vocab, s, GERMEVAL) for s in read_columns(data_dir / "germeval2014/NER-de-dev.tsv", 1, 2, "\t")]
    panx_all = [bio_doc(vocab, s, PANX) for s in read_columns(data_dir / "panx_de/train.tsv", 0, 1, "\t")]
    mobie_docs = [
        bio_doc(vocab, s, FINE_TYPES)
        for split in ("train", "dev", "test")
        for s in read_columns(data_dir / f"mobie/{split}.conll2003", 0, 3, "\t")
    ]
    smart = [d for split in ("train", "test") for d in smartdata_docs(nlp, data_dir / f"smartdata_v1/{split}.json.gz")]
    ler_all = [bio_doc(vocab, s, LER) for s in read_columns(data_dir / "ler_legal/ler_train_nooverlap.conll", 0, 1, " ")]
    # legal text is mostly entity-free boilerplate: keep sentences with entities, plus a few without
    ler_with = [d for d in ler_all if d.ents]
    ler_without = [d for d in ler_all if not d.ents]
    ler_docs = sample(ler_with, int(ler * 0.8), rng) + sample(ler_without, ler - int(ler * 0.8), rng)
    panx_docs = sample(panx_all, panx, rng)
    if panx_dev:
        panx_dev_all = [bio_doc(vocab, s, PANX) for s in read_columns(data_dir / "panx_de/dev.tsv", 0, 1, "\t")]
        panx_docs += sample(panx_dev_all, panx_dev, rng)

    copies = list(germeval)
    if germeval_copies > 1 and replace > 0:
        pool = mention_pool([*germeval, *panx_docs, *mobie_docs, *smart])
        copies += [replace_mentions(d, pool, rng, replace) for _ in range(germeval_copies - 1) for d in germeval]
    else:
        copies *= germeval_copies
    parts = {
        "germeval2014 test": copies,
        "panx_de train": panx_docs,
        "mobie all": mobie_docs,
        "smartdata_v1 all": smart,
        "ler_legal sample": ler_docs,
    }
    if news_copies:
        from convert_news import read_news, split_by_article

        pairs, stats = read_news(nlp, data_dir / "eventx_news/train.jsonl")
        stats.report("eventx_news train")
        parts["eventx_news train"] = split_by_article(pairs, news_dev_every)[0] * news_copies
    train: list[Doc] = []
    for name, docs in parts.items():
        print(describe(name, docs))
        train.extend(docs)
    rng.shuffle(train)
    print(describe("TRAIN", train))
    print(describe("DEV germeval2014 dev", germeval_dev))
    DocBin(docs=train, store_user_data=False).to_disk(out_dir / "train.spacy")
    # fine-tuning set: the gold news/Wikipedia sentences once as they are and once with
    # half of their mentions swapped for other GermEval or PAN-X mentions of the same label
    ft_rng = random.Random(SEED)
    pool = mention_pool([*germeval, *panx_all])
    finetune = germeval + [replace_mentions(d, pool, ft_rng, 0.5) for d in germeval]
    ft_rng.shuffle(finetune)
    print(describe("FINETUNE", finetune))
    DocBin(docs=finetune, store_user_data=False).to_disk(out_dir / "finetune.spacy")
    DocBin(docs=germeval_dev, store_user_data=False).to_disk(out_dir / "dev.spacy")


if __name__ == "__main__":
    typer.run(main)
