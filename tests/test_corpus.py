"""Listing pages and JSONL parse exactly; ids are stable; bad input names the file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.collection import add_many, add_papers, load_collection
from assistant.corpus import (
    citation_key,
    load_listing_directory,
    paper_id,
    parse_jsonl,
    parse_listing,
)
from assistant.errors import ParseError
from assistant.settings import load_settings
from assistant.text.sentences import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def papers():
    return load_listing_directory(CORPUS)


def test_five_pages_hold_539_entries_and_484_unique_papers(papers) -> None:
    entries = [
        entry
        for page in sorted(CORPUS.glob("*.txt"))
        for entry in parse_listing(page.read_text(encoding="utf-8"), page.name)
    ]
    assert len(list(CORPUS.glob("*.txt"))) == 5
    assert len(entries) == 539
    assert len(papers) == 484
    assert len({paper.id for paper in papers}) == 484
    assert len({paper.citation_key for paper in papers}) == 484


def test_title_glued_after_subscribe_is_recovered(papers) -> None:
    titles = {paper.title for paper in papers}
    assert (
        "UAlign: Pushing the Limit of Template-free Retrosynthesis Prediction with Unsupervised SMILES Alignment"
        in titles
    )
    assert not any(title.startswith("Subscribe") for title in titles)
    assert not any(title.lower() in {"new", "daily papers", "subscribe"} for title in titles)


def test_duplicates_merge_and_remember_every_page(papers) -> None:
    video = next(p for p in papers if p.title.startswith("Spatiotemporal Entropy Model"))
    assert {source.file for source in video.sources} == {
        "000_3117d7feb9b9662a.txt",
        "001_e509ad534435aa7c.txt",
        "003_d6db0eeac26c1386.txt",
    }
    assert sum(len(paper.sources) for paper in papers) == 539


def test_text_is_kept_as_written(papers) -> None:
    assert any(not paper.title.isascii() for paper in papers)
    quamba = next(p for p in papers if p.title.startswith("Quamba2"))
    assert "W4A8" in quamba.abstract and quamba.abstract == quamba.abstract.strip()


def test_ids_are_readable_and_stable_across_page_order_and_new_pages(
    tmp_path: Path, papers
) -> None:
    reordered = tmp_path / "reordered"
    reordered.mkdir()
    for number, page in enumerate(reversed(sorted(CORPUS.glob("*.txt")))):
        shutil.copy(page, reordered / f"{number:03d}_page.txt")
    (reordered / "999_new.txt").write_text(
        "new\n\nA Brand New Paper\n\nIts abstract.\n", encoding="utf-8"
    )
    again = {paper.title: paper.id for paper in load_listing_directory(reordered)}
    for paper in papers:
        assert again[paper.title] == paper.id
    assert paper_id(
        "Quamba2: A Robust and Scalable Post-training Quantization Framework"
    ) == paper_id("  quamba2:  a robust and scalable POST-TRAINING quantization framework ")
    assert all(len(paper.id) <= 34 and paper.id.isascii() for paper in papers)
    assert citation_key("Mamba: Linear-Time Sequence Modeling", 2023).startswith("mamba2023_")


def test_listing_page_errors_name_the_line() -> None:
    with pytest.raises(ParseError) as error:
        parse_listing("new\n\nA title\n\nAn abstract.\n\nA title without abstract\n", "page.txt")
    assert error.value.line == 7 and "page.txt" in str(error.value)
    with pytest.raises(ParseError):
        parse_listing("new\nSubscribe\n", "empty.txt")


def test_sentences_do_not_break_on_abbreviations_or_decimals() -> None:
    text = "We improve by 4.30 points, e.g. on BERT. Results hold (see Fig. 2). A third one."
    assert split_sentences(text) == [
        "We improve by 4.30 points, e.g. on BERT.",
        "Results hold (see Fig. 2).",
        "A third one.",
    ]


def test_two_sentences_the_page_glued_together_are_two_sentences() -> None:
    """ "... making it more practical.We evaluate DD ...": one chunk held two sentences, and the
    answer printed the first without a citation of its own. A dotted name is not a sentence end."""
    text = (
        "DD does not need the training data, making it more practical.We evaluate DD on "
        "image AR models. Layers subclass nn.Module and torch.nn.Linear."
    )
    assert split_sentences(text) == [
        "DD does not need the training data, making it more practical.",
        "We evaluate DD on image AR models.",
        "Layers subclass nn.Module and torch.nn.Linear.",
    ]


def test_a_sentence_ends_inside_the_inline_math_closed_after_it() -> None:
    """ "... decays to zero: $P(fail) le (1 - p_{gen})^N.$ Our empirical results validate ...":
    the full stop is inside the math, so the index kept one sentence, and the answer quoted the
    bound without a citation of its own (k003, review66)."""
    text = "We prove it decays: $P(fail) le (1 - p_{gen})^N.$ Our empirical results validate it."
    assert split_sentences(text) == [
        "We prove it decays: $P(fail) le (1 - p_{gen})^N.$",
        "Our empirical results validate it.",
    ]


def test_a_symbol_ends_its_sentence_before_an_opener_but_an_initial_does_not() -> None:
    """ "... how pi relates to R. In the current literature, ..." was one sentence (the IRL
    sensitivity paper): "R." read as an initial. After a lowercase word, or before a word that opens
    sentences, it is a symbol ending one; after a name or "by", before a name, an initial."""
    text = (
        "We need a model of how pi relates to R. In the current literature, optimality is used. "
        "It is a power law of P. We relate this to H. Specifically, we bound it. "
        "Both hold for B and C. All bounds are tight. We pick |G|=n<N. We then label them. "
        "As shown by J. Smith and John F. Kennedy, it holds."
    )
    assert split_sentences(text) == [
        "We need a model of how pi relates to R.",
        "In the current literature, optimality is used.",
        "It is a power law of P.",
        "We relate this to H.",
        "Specifically, we bound it.",
        "Both hold for B and C.",
        "All bounds are tight.",
        "We pick |G|=n<N.",
        "We then label them.",
        "As shown by J. Smith and John F. Kennedy, it holds.",
    ]


def _jsonl(tmp_path: Path, *records: object, name: str = "new.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")
    return path


def test_jsonl_add_keeps_optional_fields_and_dedupes(tmp_path: Path) -> None:
    settings = load_settings()
    path = _jsonl(
        tmp_path,
        {
            "title": "Sparse Widgets",
            "abstract": "We study widgets.",
            "authors": ["A. B"],
            "year": 2024,
            "url": "http://x",
        },
        {"title": "Custom Id Paper", "abstract": "Another.", "id": "my-paper-1"},
    )
    report = add_papers(settings, path)
    assert len(report.new) == 2
    collection = {paper.id: paper for paper in load_collection(settings)}
    assert len(collection) == 486
    assert collection["my-paper-1"].title == "Custom Id Paper"
    widget = collection[paper_id("Sparse Widgets")]
    assert (
        widget.year == 2024
        and widget.authors == ("A. B",)
        and widget.citation_key.startswith("sparse2024_")
    )
    again = add_papers(settings, path)
    assert len(again.new) == 0 and len(again.unchanged) == 2


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"abstract": "no title"}', 'missing "title"'),
        ('{"title": "T", "abstract": 3}', '"abstract" must be a string'),
        ('{"title": "T", "abstract": "   "}', '"abstract" is empty'),
        ('{"title": "T", "abstract": "A", "year": "2024"}', '"year" must be a whole number'),
        ('{"title": "T", "abstract": "A", "colour": "red"}', "unknown field"),
        ('["a list"]', "expected a JSON object"),
    ],
)
def test_bad_jsonl_line_names_file_and_line_and_adds_nothing(
    tmp_path: Path, line: str, problem: str
) -> None:
    settings = load_settings()
    path = _jsonl(tmp_path, {"title": "Good One", "abstract": "Fine."}, line)
    with pytest.raises(ParseError) as error:
        add_many(settings, [path])
    assert error.value.line == 2 and problem in str(error.value) and "new.jsonl" in str(error.value)
    assert not settings.added_papers_path.exists()
    assert len(load_collection(settings)) == 484


def test_one_bad_file_among_several_adds_nothing(tmp_path: Path) -> None:
    settings = load_settings()
    good = _jsonl(tmp_path, {"title": "Good One", "abstract": "Fine."}, name="good.jsonl")
    bad = _jsonl(tmp_path, '{"title": "x"', name="bad.jsonl")
    with pytest.raises(ParseError):
        add_many(settings, [good, bad])
    assert not settings.added_papers_path.exists()


def test_duplicate_id_with_different_content_is_rejected(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        {"title": "One", "abstract": "First.", "id": "same-id"},
        {"title": "Two", "abstract": "Second.", "id": "same-id"},
    )
    with pytest.raises(ParseError, match="used twice"):
        add_many(load_settings(), [path])


def test_non_utf8_and_huge_abstracts_are_rejected(tmp_path: Path) -> None:
    binary = tmp_path / "latin1.jsonl"
    binary.write_bytes(
        b'{"title": "ok", "abstract": "fine"}\n{"title": "caf\xe9", "abstract": "x"}\n'
    )
    with pytest.raises(ParseError, match="UTF-8") as error:
        add_many(load_settings(), [binary])
    assert error.value.line == 2
    huge = _jsonl(tmp_path, {"title": "Big", "abstract": "word " * 1_000_000})
    with pytest.raises(ParseError, match="limit"):
        add_many(load_settings(), [huge])


def test_listing_page_can_be_added(tmp_path: Path) -> None:
    page = tmp_path / "extra.txt"
    page.write_text("new\n\nMar 3\n\nA Listing Paper\n\nIts abstract here.\n", encoding="utf-8")
    report = add_papers(load_settings(), page)
    assert [paper.title for paper in report.new] == ["A Listing Paper"]


def test_parse_jsonl_reports_empty_file() -> None:
    with pytest.raises(ParseError, match="no papers"):
        parse_jsonl("\n\n", "empty.jsonl")


def test_a_sentence_ending_or_opening_inside_a_brace_group_is_split() -> None:
    """ "... behave as hash encoders without any extra efforts.} In addition, ...": the page's
    brace group around a sentence hid two sentence ends, and three sentences were quoted as one."""
    text = (
        "These properties suggest that {\\it networks behave as hash encoders.} In addition, "
        "the properties vary. {Further experiments demonstrate that {\\it model size} matters.} "
        "We then define a chart."
    )
    assert split_sentences(text) == [
        "These properties suggest that {\\it networks behave as hash encoders.}",
        "In addition, the properties vary.",
        "{Further experiments demonstrate that {\\it model size} matters.}",
        "We then define a chart.",
    ]


def test_a_brace_group_around_a_sentence_with_groups_inside_is_undone() -> None:
    """ "{Further experiments ... {\\it model size} ... dominant.}" was quoted "... dominant.}."."""
    from assistant.text.sentences import clean_sentence

    said = clean_sentence("{Further experiments show that {\\it model size} matters most.}")
    assert said == "Further experiments show that model size matters most."
    # its opening brace gone with the sentence's opener, the closing one goes too
    said = clean_sentence("Further experiments show that {\\it model size} matters most.}")
    assert said == "Further experiments show that model size matters most."


def test_etc_ends_its_sentence_before_a_capital() -> None:
    """ "... and bounds for interpolating algorithms etc. We show ..." was one sentence, said
    with one citation at its end (review51: the first half read as uncited); "e.g., A, B, etc.,
    and C" is not cut."""
    assert split_sentences(
        "The bounds include fast-rate bounds and bounds for interpolating algorithms etc. "
        "We show that these bounds are tighter."
    ) == [
        "The bounds include fast-rate bounds and bounds for interpolating algorithms etc.",
        "We show that these bounds are tighter.",
    ]
    assert split_sentences("Tasks such as rating, grading, etc., and More are studied.") == [
        "Tasks such as rating, grading, etc., and More are studied."
    ]
