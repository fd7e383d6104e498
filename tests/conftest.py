from pathlib import Path

import pytest

import eventx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp():
    return eventx.load()


@pytest.fixture(scope="session")
def extract(nlp):
    from eventx.document import extract_document
    from eventx.readers import Record

    def run(text, date=None, doc_id="t"):
        return extract_document(nlp, Record(doc_id, text, date))

    return run


needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the checkout")
