"""Stemmed BM25 over papers (title + abstract), built with bm25s and queried with plain numpy.

bm25s precomputes every (token, document) score into a sparse CSC matrix; a query is the sum of its
tokens' columns. Building needs bm25s (and through it scipy); querying only needs the saved arrays,
which keeps scipy's ~0.2 s import off the query path.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.text.tokens import tokenize

# 2: "-ize" words keep "iz" in their stem (text/tokens.py); an index of version 1 holds the old
# stems, so it is rebuilt from the papers (no re-embedding) on first use.
# 3: British spellings are stemmed as American ones ("optimised" -> optimiz, text/tokens.py).
# 4: words Snowball stems with a word of another sense keep a stem of their own ("multiplicity"
# is not "multiple", text/lexicon/stem_senses.txt).
FORMAT_VERSION = 4


def paper_text(title: str, abstract: str) -> str:
    return f"{title}\n{abstract}"


@dataclass
class BM25Index:
    """Document ids plus the CSC score matrix (token columns over documents)."""

    doc_ids: list[str]
    vocabulary: dict[str, int]
    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray

    def scores(self, query: str) -> np.ndarray:
        scores = np.zeros(len(self.doc_ids), dtype=np.float32)
        for token in set(tokenize(query)):
            column = self.vocabulary.get(token)
            if column is None:
                continue
            start, end = self.indptr[column], self.indptr[column + 1]
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        scores = self.scores(query)
        positive = np.flatnonzero(scores > 0)
        if positive.size == 0:
            return []
        k = min(k, positive.size)
        top = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.doc_ids[index], float(scores[index])) for index in top]

    def document_frequency(self, token: str) -> int:
        column = self.vocabulary.get(token)
        return 0 if column is None else int(self.indptr[column + 1] - self.indptr[column])


def build(doc_ids: Sequence[str], texts: Sequence[str]) -> BM25Index:
    import bm25s

    retriever = bm25s.BM25()
    corpus_tokens = [tokenize(text) for text in texts]
    # bm25s wants every document to have at least one token; an empty one gets a harmless marker.
    corpus_tokens = [tokens or ["__empty__"] for tokens in corpus_tokens]
    retriever.index(corpus_tokens, show_progress=False)
    scores = retriever.scores
    vocabulary = {str(token): int(column) for token, column in retriever.vocab_dict.items()}
    return BM25Index(
        doc_ids=list(doc_ids),
        vocabulary=vocabulary,
        data=np.asarray(scores["data"], dtype=np.float32),
        indices=np.asarray(scores["indices"], dtype=np.int32),
        indptr=np.asarray(scores["indptr"], dtype=np.int64),
    )


def save(index: BM25Index, directory: Path) -> None:
    """Write to a temp directory, then swap it in, so a reader never sees half an index."""
    temporary = directory.with_name(directory.name + ".tmp")
    temporary.mkdir(parents=True, exist_ok=True)
    np.save(temporary / "data.npy", index.data)
    np.save(temporary / "indices.npy", index.indices)
    np.save(temporary / "indptr.npy", index.indptr)
    meta = {"version": FORMAT_VERSION, "doc_ids": index.doc_ids, "vocabulary": index.vocabulary}
    (temporary / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    old = directory.with_name(directory.name + ".old")
    if directory.exists():
        os.replace(directory, old)
    os.replace(temporary, directory)
    if old.exists():
        import shutil

        shutil.rmtree(old, ignore_errors=True)


def load(directory: Path) -> BM25Index:
    """The saved index; a damaged one raises ``ValueError`` (also for a cut-off, zero-byte file)."""
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    if meta.get("version") != FORMAT_VERSION:
        raise ValueError(f"BM25 index format {meta.get('version')} (expected {FORMAT_VERSION})")
    try:
        index = BM25Index(
            doc_ids=list(meta["doc_ids"]),
            vocabulary=dict(meta["vocabulary"]),
            data=np.load(directory / "data.npy"),
            indices=np.load(directory / "indices.npy"),
            indptr=np.load(directory / "indptr.npy"),
        )
    except EOFError as error:  # numpy's word for an empty or truncated .npy
        raise ValueError(f"a BM25 array file is cut off ({error})") from None
    consistent = (
        len(index.data) == len(index.indices)
        and len(index.indptr) > 0
        and int(index.indptr[-1]) == len(index.data)
        and (len(index.indices) == 0 or int(index.indices.max()) < len(index.doc_ids))
    )
    if not consistent:
        raise ValueError("the BM25 arrays do not match each other")
    return index
