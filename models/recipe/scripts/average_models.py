"""Average the weights of pipelines fine-tuned from the same starting point with different
seeds ("model soup", Wortsman et al. 2022): one pipeline, no extra cost at run time.

    python models/recipe/scripts/average_models.py OUT IN1 IN2 [IN3 ...]
"""

from __future__ import annotations

from pathlib import Path

import spacy
import typer

COMPONENTS = ("tok2vec", "ner")


def main(out: Path, pipelines: list[Path]) -> None:
    soup = spacy.load(pipelines[0])
    others = [spacy.load(p) for p in pipelines[1:]]
    for name in COMPONENTS:
        nodes = [list(nlp.get_pipe(name).model.walk()) for nlp in (soup, *others)]
        for group in zip(*nodes, strict=True):
            target = group[0]
            for param in target.param_names:
                if target.has_param(param):
                    arrays = [node.get_param(param) for node in group]
                    target.set_param(param, sum(arrays) / len(arrays))
    soup.to_disk(out)
    print(f"{out}: average of {len(pipelines)} pipelines")


if __name__ == "__main__":
    typer.run(main)
