"""Raw German text for `spacy pretrain`: the news pool's articles cut into ~60-word pieces
at sentence ends, plus the sentences of the GermEval test split and PAN-X train (never the
GermEval dev split, which is the evaluation set).

    python models/recipe/scripts/raw_text.py ../shared/data/ner ../shared/data/news/pool.jsonl corpus/raw.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
import typer

sys.path.insert(0, str(Path(__file__).parent))
from convert import read_columns


def main(ner_dir: Path, pool: Path, out: Path) -> None:
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
        for path, token_col, tag_col in (("germeval2014/NER-de-test.tsv", 1, 2), ("panx_de/train.tsv", 0, 1)):
            for sent in read_columns(ner_dir / path, token_col, tag_col, "\t"):
                f.write(json.dumps({"text": " ".join(w for w, _ in sent)}, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} texts -> {out}")


if __name__ == "__main__":
    typer.run(main)
