"""Synthetic paper collections built from the bundled corpus's own sentences, with planted answers.

    python benchmarks/synthetic.py --size 10000 --seed 7 --out /tmp/syn-10k.jsonl
    assistant add /tmp/syn-10k.jsonl            # the papers file is in the `assistant add` format

Writes the papers (JSONL: id, title, abstract) and, beside them, ``<name>.queries.jsonl``: one
planted query per line with the ids of the papers that answer it. Same size and seed, same bytes.

How a synthetic paper is made: three corpus papers are drawn; the abstract has as many sentences as
the first of them, and sentence i is taken from one of the three at the same relative position (so
background comes first and results last, as in a real abstract). Titles come from a pool of
recombined corpus titles (head of one title, tail of another), reused across papers: every
distinct text costs a real embedding, and only a bounded set of texts keeps 100k papers affordable
on a laptop.
Ids are explicit (``syn<seed>-<number>``), so repeated titles never merge papers.

Two kinds of planted query, half each, whose answers are known by construction:
- ``rare_terms``: a made-up two-word term (syllables never seen in the corpus) is written into one
  planted sentence, placed in 1-3 papers; the query asks for the term. Lexical recall at scale.
- ``unique_sentence``: a sentence made of the first half of one corpus sentence and the second
  half of another is placed in exactly one paper; the query is that sentence with every third word
  left out. Passage recall at scale: each half also occurs, whole, in hundreds of other papers.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.corpus import load_listing_directory, paper_from_record
from assistant.models import Paper
from assistant.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
SOURCES_PER_PAPER = 3
DEFAULT_TITLE_POOL = 2_000
_WORD = re.compile(r"[a-z]+")
_SENTENCE_START = re.compile(r"[A-Z0-9(\"'\[]")
_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z")
_CLUSTERS = ("br", "dr", "gl", "kr", "pl", "tr", "zv")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_ENDINGS = ("ic", "ine", "ate", "ar", "on", "ix", "ode")
_TERM_TEMPLATES = (
    "We call the resulting procedure {term}.",
    "The key component is a {term} module that is trained jointly with the rest of the model.",
    "Unlike prior work, our analysis relies on {term} estimates.",
    "This behaviour is explained by what we term the {term} effect.",
)
_QUERY_TEMPLATES = (
    "which papers use {term}?",
    "{term}",
    "work that relies on {term}",
)


@dataclass(frozen=True)
class PlantedQuery:
    id: str
    kind: str  # "rare_terms" | "unique_sentence"
    query: str
    gold: tuple[str, ...]
    planted: str  # the text written into the gold papers


@dataclass(frozen=True)
class SyntheticCollection:
    seed: int
    records: list[dict[str, str]]
    queries: list[PlantedQuery]

    def papers(self) -> list[Paper]:
        """The records as papers, validated exactly as `assistant add` validates a JSONL line."""
        return [
            paper_from_record(record, "synthetic.jsonl", line)
            for line, record in enumerate(self.records, start=1)
        ]

    def distinct_texts(self) -> int:
        """Titles and sentences an indexer embeds, counted once each: the real embedding cost."""
        texts = {record["title"] for record in self.records}
        texts.update(
            sentence for record in self.records for sentence in split_sentences(record["abstract"])
        )
        return len(texts)


@dataclass(frozen=True)
class SourceMaterial:
    """The corpus broken into what synthetic papers are made of, in a stable order."""

    abstracts: list[list[str]]  # each corpus paper's sentences
    titles: list[str]
    vocabulary: frozenset[str]


def source_material(corpus_dir: Path = CORPUS_DIR) -> SourceMaterial:
    papers = sorted(load_listing_directory(corpus_dir), key=lambda paper: paper.id)
    abstracts = [split_sentences(paper.abstract) for paper in papers]
    vocabulary = frozenset(
        word
        for paper in papers
        for word in _WORD.findall(f"{paper.title} {paper.abstract}".lower())
    )
    usable = [[s for s in sentences if _stands_alone(s)] for sentences in abstracts]
    return SourceMaterial(
        [sentences for sentences in usable if sentences],
        [paper.title for paper in papers],
        vocabulary,
    )


def _stands_alone(sentence: str) -> bool:
    """Joined to any other such sentence, it splits back out whole (so its cached vector applies).

    Drops the few fragments the splitter leaves unterminated, e.g. a trailing "Website: https://…".
    """
    return (
        sentence[-1] in ".!?"
        and bool(_SENTENCE_START.match(sentence))
        and split_sentences(f"{sentence} {sentence}") == [sentence, sentence]
    )


def generate(
    size: int,
    *,
    seed: int = 0,
    planted: int = 100,
    title_pool: int = DEFAULT_TITLE_POOL,
    material: SourceMaterial | None = None,
) -> SyntheticCollection:
    """``size`` synthetic papers and ``planted`` planted queries (half each kind); deterministic."""
    if size < 10:
        raise ValueError("a synthetic collection needs at least 10 papers")
    material = material or source_material()
    random_source = random.Random(seed)
    titles = _title_pool(material.titles, min(title_pool, size), random_source)
    width = len(str(size - 1))
    ids = [f"syn{seed}-{number:0{width}d}" for number in range(size)]
    abstracts = [_abstract(material.abstracts, random_source) for _ in range(size)]
    records = [
        {"id": paper_id, "title": random_source.choice(titles), "abstract": ""} for paper_id in ids
    ]

    queries: list[PlantedQuery] = []
    terms = _nonce_terms(planted - planted // 2, material.vocabulary, random_source)
    for number, term in enumerate(terms):
        gold = random_source.sample(range(size), random_source.randint(1, min(3, size)))
        sentence = random_source.choice(_TERM_TEMPLATES).format(term=term)
        for index in gold:
            _plant(abstracts[index], sentence, random_source)
        query = random_source.choice(_QUERY_TEMPLATES).format(term=term)
        gold_ids = tuple(ids[index] for index in sorted(gold))
        queries.append(PlantedQuery(f"rare-{number:03d}", "rare_terms", query, gold_ids, sentence))
    for number, index in enumerate(random_source.sample(range(size), planted // 2)):
        sentence = _spliced_sentence(material.abstracts, random_source)
        _plant(abstracts[index], sentence, random_source)
        query = _partial(sentence, random_source)
        queries.append(
            PlantedQuery(
                f"sentence-{number:03d}", "unique_sentence", query, (ids[index],), sentence
            )
        )
    for record, sentences in zip(records, abstracts, strict=True):
        record["abstract"] = " ".join(sentences)
    return SyntheticCollection(seed, records, queries)


def _title_pool(titles: Sequence[str], count: int, random_source: random.Random) -> list[str]:
    """Distinct titles: one corpus title's head (before its colon) + another's tail."""
    pool: dict[str, None] = {}
    attempts = 0
    while len(pool) < count and attempts < count * 20:
        attempts += 1
        first, second = random_source.sample(list(titles), 2)
        head = first.split(":")[0] if ":" in first else " ".join(first.split()[:3])
        tail = second.split(":", 1)[1].strip() if ":" in second else second
        pool.setdefault(f"{head.strip()}: {tail}", None)
    return list(pool)


def _abstract(abstracts: Sequence[list[str]], random_source: random.Random) -> list[str]:
    sources = random_source.sample(list(abstracts), SOURCES_PER_PAPER)
    length = len(sources[0])
    sentences = []
    for position in range(length):
        source = sources[0] if position == 0 else random_source.choice(sources)
        relative = position / max(1, length - 1)
        sentences.append(source[round(relative * (len(source) - 1))])
    return list(dict.fromkeys(sentences))  # a paper never repeats a sentence


def _plant(sentences: list[str], sentence: str, random_source: random.Random) -> None:
    """After the first (background) sentence, so the planted text never opens an abstract."""
    sentences.insert(random_source.randint(1, len(sentences)), sentence)


def _nonce_word(random_source: random.Random) -> str:
    syllables = "".join(
        random_source.choice(_ONSETS + _CLUSTERS) + random_source.choice(_VOWELS)
        for _ in range(random_source.randint(2, 3))
    )
    return syllables + random_source.choice(_ENDINGS)


def _nonce_terms(count: int, vocabulary: frozenset[str], random_source: random.Random) -> list[str]:
    """Two-word terms whose words occur nowhere in the corpus nor in another term."""
    used: set[str] = set()
    terms = []
    while len(terms) < count:
        words = [_nonce_word(random_source), _nonce_word(random_source)]
        # Prefixes too: a Snowball stem of a nonce word may drop its ending.
        if any(word in vocabulary or word[:6] in used or word in used for word in words):
            continue
        used.update(words)
        used.update(word[:6] for word in words)
        terms.append(" ".join(words))
    return terms


def _spliced_sentence(abstracts: Sequence[list[str]], random_source: random.Random) -> str:
    """First half of one corpus sentence, second half of another (10+ words each side)."""
    while True:
        first = random_source.choice(random_source.choice(abstracts)).split()
        second = random_source.choice(random_source.choice(abstracts)).split()
        if len(first) >= 20 and len(second) >= 20 and first != second:
            sentence = " ".join(first[: len(first) // 2] + second[len(second) // 2 :])
            if _stands_alone(sentence):
                return sentence


def _partial(sentence: str, random_source: random.Random) -> str:
    """The sentence with every third word (from a random start) left out, as a query."""
    words = sentence.split()
    start = random_source.randrange(3)
    return " ".join(word for position, word in enumerate(words) if (position - start) % 3 != 0)


def write(collection: SyntheticCollection, path: Path) -> tuple[Path, Path]:
    """The papers file (assistant add format) and the planted queries beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in collection.records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    queries_path = queries_path_for(path)
    with queries_path.open("w", encoding="utf-8") as handle:
        for query in collection.queries:
            handle.write(
                json.dumps(
                    {
                        "id": query.id,
                        "kind": query.kind,
                        "query": query.query,
                        "gold": list(query.gold),
                        "planted": query.planted,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path, queries_path


def queries_path_for(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".jsonl") + ".queries.jsonl")


def read_queries(path: Path) -> list[PlantedQuery]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold = tuple(record["gold"])
            queries.append(
                PlantedQuery(record["id"], record["kind"], record["query"], gold, record["planted"])
            )
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="papers, e.g. 10000 or 100000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--planted", type=int, default=100, help="planted queries, half each kind")
    parser.add_argument(
        "--title-pool", type=int, default=DEFAULT_TITLE_POOL, help="distinct titles to draw from"
    )
    parser.add_argument("--out", type=Path, required=True, help="papers JSONL to write")
    arguments = parser.parse_args()
    collection = generate(
        arguments.size,
        seed=arguments.seed,
        planted=arguments.planted,
        title_pool=arguments.title_pool,
    )
    papers_path, queries_path = write(collection, arguments.out)
    print(f"{len(collection.records)} papers -> {papers_path}")
    print(f"{len(collection.queries)} planted queries -> {queries_path}")
    print(f"{collection.distinct_texts()} distinct texts to embed (titles + sentences)")


if __name__ == "__main__":
    main()
