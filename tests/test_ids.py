"""Paper ids never collide: a paper is never silently replaced or dropped by another with the same id.

The two titles below share their short id (``large-language-models-7485``): the pair the
adversarial run found among plausible "Large Language Models ..." titles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.collection import add_many, load_collection
from assistant.corpus import (
    load_listing_directory,
    paper_id,
    paper_to_record,
    parse_paper_file,
)
from assistant.errors import ParseError
from assistant.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
FIRST = "Large Language Models for Mobile Apps"
SECOND = "Large Language Models as Tools for Data Visualization"
SHORT = "large-language-models-7485"


def test_the_two_titles_really_share_a_short_id() -> None:
    assert paper_id(FIRST) == paper_id(SECOND) == SHORT


def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def _page(path: Path, *titles: str) -> Path:
    lines = ["new", "Subscribe", "Jan 5"]
    for title in titles:
        lines += [title, f"We study {title.lower()} in depth."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _page(corpus / "001.txt", "A Bundled Paper About Widgets", FIRST)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    return corpus


def test_adding_a_colliding_title_keeps_both_papers(small_corpus: Path, tmp_path: Path) -> None:
    settings = load_settings()
    incoming = _jsonl(tmp_path / "new.jsonl", {"title": SECOND, "abstract": "Charts by LLMs."})
    [report] = add_many(settings, [incoming])
    assert (len(report.new), len(report.updated)) == (1, 0)
    papers = {paper.title: paper.id for paper in load_collection(settings)}
    assert papers[FIRST] == SHORT, "the paper that had the id keeps it"
    assert papers[SECOND].startswith(SHORT) and papers[SECOND] != SHORT
    # the same file again: the same (longer) id, nothing new
    [again] = add_many(settings, [incoming])
    assert (len(again.new), len(again.unchanged)) == (0, 1)
    assert {paper.title: paper.id for paper in load_collection(settings)} == papers


def test_a_file_of_two_colliding_titles_is_accepted(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "pair.jsonl",
        {"title": FIRST, "abstract": "Apps."},
        {"title": SECOND, "abstract": "Charts."},
    )
    ids = [paper.id for paper in parse_paper_file(path)]
    assert len(set(ids)) == 2 and SHORT in ids
    [report] = add_many(load_settings(), [path])
    assert len(report.new) == 2


def test_corpus_directory_keeps_both_colliding_papers_whatever_the_order(tmp_path: Path) -> None:
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    forward.mkdir()
    backward.mkdir()
    _page(forward / "a.txt", FIRST, SECOND)
    _page(backward / "a.txt", SECOND)
    _page(backward / "b.txt", FIRST)
    ids_forward = {paper.title: paper.id for paper in load_listing_directory(forward)}
    ids_backward = {paper.title: paper.id for paper in load_listing_directory(backward)}
    assert len(set(ids_forward.values())) == 2
    assert ids_forward == ids_backward


def test_explicit_id_of_another_paper_is_an_error_that_says_what_to_do(
    small_corpus: Path, tmp_path: Path
) -> None:
    settings = load_settings()
    path = _jsonl(
        tmp_path / "steal.jsonl", {"title": "Something Else", "abstract": "Other.", "id": SHORT}
    )
    with pytest.raises(ParseError, match=r'already belongs to "Large Language Models for Mobile'):
        add_many(settings, [path])
    with pytest.raises(ParseError, match='give this paper another id, or leave "id" out'):
        add_many(settings, [path])
    assert not settings.added_papers_path.exists()
    assert {paper.title for paper in load_collection(settings)} >= {FIRST}


def test_explicit_id_with_the_same_title_updates_that_paper(
    small_corpus: Path, tmp_path: Path
) -> None:
    settings = load_settings()
    path = _jsonl(
        tmp_path / "fix.jsonl", {"title": FIRST, "abstract": "A corrected abstract.", "id": SHORT}
    )
    [report] = add_many(settings, [path])
    assert len(report.updated) == 1
    papers = [paper for paper in load_collection(settings) if paper.id == SHORT]
    assert [paper.abstract for paper in papers] == ["A corrected abstract."]


def test_bundled_ids_are_unchanged() -> None:
    """Migration: no bundled paper collides, so every id is exactly the short id it always had."""
    papers = load_listing_directory(ROOT / "corpus")
    assert len(papers) == 484
    assert all(paper.id == paper_id(paper.title) for paper in papers)


def test_an_added_file_from_the_old_version_brings_the_replaced_paper_back(
    small_corpus: Path,
) -> None:
    """The old version stored SECOND under FIRST's id, hiding FIRST: the stored id stays with SECOND
    (users saw and cited it), and FIRST comes back under a longer id."""
    settings = load_settings()
    [second] = parse_paper_file(
        _jsonl(settings.home.parent / "second.jsonl", {"title": SECOND, "abstract": "Charts."})
    )
    settings.home.mkdir(parents=True, exist_ok=True)
    settings.added_papers_path.write_text(json.dumps(paper_to_record(second)) + "\n")
    papers = {paper.title: paper.id for paper in load_collection(settings)}
    assert papers[SECOND] == SHORT
    assert papers[FIRST].startswith(SHORT) and papers[FIRST] != SHORT


def test_the_content_hash_moves_when_the_index_would_split_the_abstract_differently(
    monkeypatch,
) -> None:
    """Sentence chunks are found by position: a paper the splitter now cuts into more sentences
    ("... extra efforts.} In addition, ...") must be embedded again, or its chunk 3 scores what
    is now its sentence 5. The hash covers the split, not only the text."""
    import assistant.text.identity as identity

    abstract = "We study X.} In addition, Y holds. We then define Z."
    before = identity.content_hash("A title", abstract)
    assert identity.content_hash("A title", abstract) == before  # stable
    monkeypatch.setattr(identity, "abstract_sentences", lambda text: (text,))
    assert identity.content_hash("A title", abstract) != before
