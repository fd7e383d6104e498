"""Raw German text for `spacy pretrain`: the news pool's articles cut into ~60-word pieces
at sentence ends, plus the sentences of the GermEval test split, PAN-X train and dev, MobIE,
SmartData and a seeded sample of LER (never the GermEval dev split, which is the evaluation set).

    python models/recipe/scripts/raw_text.py ../shared/data/ner ../shared/data/news/pool.jsonl corpus/raw.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import spacy
import typer

sys.path.insert(0, str(Path(__file__).parent))
from convert import SEED, read_columns, read_smartdata


def main(
    ner_dir: Path,
    pool: Path,
    out: Path,
    ler: int = typer.Option(20000, help="LER sentences to sample (legal text)"),
) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    texts = [json.loads(line)["text"] for line in pool.open(encoding="utf-8")]
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for doc in nlp.pipe(texts):
            piece: list[str] = []
            for sent in doc.sents:
                piece.append(sent.text)
                if sum(len(p.split()) for p in piece) > 60:
                    f.write(json.dumps({"text": " ".join(piece)}, ensure_ascii=False) + "\n")
                    n += 1
                    piece = []
            if piece:
                f.write(json.dumps({"text": " ".join(piece)}, ensure_ascii=False) + "\n")
                n += 1
        columns = [
            ("germeval2014/NER-de-test.tsv", 1, 2, "\t"),
            ("panx_de/train.tsv", 0, 1, "\t"),
            ("panx_de/dev.tsv", 0, 1, "\t"),
            *((f"mobie/{split}.conll2003", 0, 3, "\t") for split in ("train", "dev", "test")),
        ]
        sentences = [
            " ".join(w for w, _ in sent)
            for path, token_col, tag_col, sep in columns
            for sent in read_columns(ner_dir / path, token_col, tag_col, sep)
        ]
        legal = [" ".join(w for w, _ in s) for s in read_columns(ner_dir / "ler_legal/ler_train_nooverlap.conll", 0, 1, " ")]
        sentences += random.Random(SEED).sample(legal, min(ler, len(legal)))
        for split in ("train", "test"):
            sentences += [obj["text"]["string"] for obj in read_smartdata(ner_dir / f"smartdata_v1/{split}.json.gz")]
        for text in sentences:
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} texts -> {out}")


if __name__ == "__main__":
    typer.run(main)
