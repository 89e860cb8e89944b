"""Fit the relevance models' weights on the TUNING questions only.

    python evals/fit_relevance.py            # prints both weight sets and out-of-fold precision/recall

Two models, because the two kinds of request ask different things of a paper: a question about one
finding (a lookup) or a comparison wants the few papers that state it, a request about a topic
(a topic question, related work) wants every paper about the topic, and the features weigh
differently for the two (a topic paper often shares few words with the request).
``settings.evidence.relevance_weights`` serves the first, ``settings.evidence.topic_relevance_weights``
the second.

Trains on evals/questions.jsonl + evals/blind-tune.jsonl; also reports out-of-fold figures (five folds
by question) so a change to the features can be judged without looking at any test question.
blind-test.jsonl is never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from assistant.answer.evidence import relevance_features
from assistant.answer.relevance import FEATURES
from assistant.assistant import Assistant
from assistant.evaluation import evals_dir, load_questions

TUNING_SETS = ("questions", "blind-tune")
BROAD_KINDS = frozenset(("topic", "related_work"))
FOLDS = 5
POSITIVE_WEIGHT = 4.0  # a question has a few gold papers among forty retrieved
L2 = 0.005


def collect(assistant: Assistant, names: tuple[str, ...]) -> list[tuple[str, str, set, set, list]]:
    retriever = assistant.retriever
    index = retriever.bm25_index
    papers = retriever.paper_store.all()
    rows = []
    for name in names:
        for question in load_questions(evals_dir() / f"{name}.jsonl", papers):
            if question.kind == "unanswerable":
                continue
            retrieval = retriever.retrieve(
                question.question, k=assistant.settings.retrieval.papers_per_question
            )
            features = relevance_features(
                retrieval,
                document_frequency=index.document_frequency,
                collection_size=len(index.doc_ids),
            )
            rows.append(
                (
                    question.id,
                    question.kind,
                    set(question.gold),
                    set(question.excluded_ids),
                    [(item.paper.id, item.values) for item in features],
                )
            )
    return rows


def fit(data: list, iterations: int = 6000, rate: float = 0.5) -> np.ndarray:
    inputs, labels, weights = [], [], []
    for _, _, gold, excluded, rows in data:
        for paper_id, values in rows:
            if paper_id in excluded:
                continue
            inputs.append(values)
            labels.append(1.0 if paper_id in gold else 0.0)
            weights.append(POSITIVE_WEIGHT if paper_id in gold else 1.0)
    x, y, w = np.array(inputs), np.array(labels), np.array(weights)
    beta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-x @ beta))
        beta -= rate * (x.T @ ((p - y) * w) / w.sum() + L2 * np.r_[0, beta[1:]])
    return beta


def score(data: list, beta: np.ndarray, threshold: float) -> dict[str, tuple[float, float]]:
    stats: dict[str, list[tuple[float, float]]] = {}
    for _, kind, gold, excluded, rows in data:
        probability = [(pid, 1 / (1 + np.exp(-np.dot(v, beta)))) for pid, v in rows]
        chosen = [pid for i, (pid, p) in enumerate(probability) if i == 0 or p >= threshold]
        judged = [pid for pid in chosen if pid not in excluded]
        precision = sum(pid in gold for pid in judged) / max(1, len(judged))
        recall = sum(pid in chosen for pid in gold) / len(gold)
        stats.setdefault(kind, []).append((precision, recall))
    return {
        kind: (
            round(float(np.mean([p for p, _ in v])), 3),
            round(float(np.mean([r for _, r in v])), 3),
        )
        for kind, v in stats.items()
    }


def by_breadth(data: list) -> dict[str, list]:
    """Training rows of each model: the general one learns from every question, the topic one
    from the topic and related-work requests alone."""
    return {
        "relevance_weights": data,
        "topic_relevance_weights": [row for row in data if row[1] in BROAD_KINDS],
    }


def serves(name: str, kind: str) -> bool:
    return (kind in BROAD_KINDS) == (name == "topic_relevance_weights")


def out_of_fold(data: list, threshold: float) -> dict[str, tuple[float, float]]:
    """Precision/recall per kind, each question scored by models fitted without it."""
    order = np.random.RandomState(0).permutation(len(data))
    fold = {data[index][0]: position % FOLDS for position, index in enumerate(order)}
    pooled: dict[str, list[tuple[float, float]]] = {}
    for number in range(FOLDS):
        for name, rows in by_breadth(data).items():
            train = [row for row in rows if fold[row[0]] != number]
            beta = fit(train)
            for row in rows:
                if fold[row[0]] == number and serves(name, row[1]):
                    kind, (precision, recall) = row[1], score([row], beta, threshold)[row[1]]
                    pooled.setdefault(kind, []).append((precision, recall))
    return {
        kind: (
            round(float(np.mean([p for p, _ in v])), 3),
            round(float(np.mean([r for _, r in v])), 3),
        )
        for kind, v in sorted(pooled.items())
    }


def main() -> None:
    assistant = Assistant()
    assistant.retriever.ensure_index()
    data = collect(assistant, TUNING_SETS)
    for threshold in (0.4, 0.45, 0.5):
        print(f"out of fold, threshold {threshold}: {out_of_fold(data, threshold)}")
    for name, rows in by_breadth(data).items():
        beta = fit(rows)
        print(f"{name} =", end=" ")
        json.dump(
            dict(zip(FEATURES, np.round(beta, 3).tolist(), strict=True)), sys.stdout, indent=1
        )
        print()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
