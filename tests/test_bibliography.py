"""Bibliographies in and out: Zotero-shaped BibTeX, RIS and CSL-JSON import; exports that round-trip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.bibliography import (
    parse_bibtex,
    parse_csl_json,
    parse_ris,
    read_papers,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from assistant.cli import app
from assistant.collection import load_added, load_collection
from assistant.errors import ParseError
from assistant.settings import load_settings

DATA = Path(__file__).parent / "data"
ZOTERO_BIB = DATA / "zotero-export.bib"
runner = CliRunner()


def test_zotero_bib_adds_exactly_the_entries_with_abstracts(tmp_path: Path) -> None:
    bib = tmp_path / "library.bib"
    shutil.copy(ZOTERO_BIB, bib)
    result = runner.invoke(app, ["add", str(bib), "--no-index"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout and "2 skipped" in result.stdout
    assert "skipped noAbstractArticle2023 (line 17): no abstract" in result.stdout
    assert "skipped emptyAbstract2022 (line 33): no abstract" in result.stdout
    added = {paper.citation_key: paper for paper in load_added(load_settings())}
    assert set(added) == {"mullerTentFullyTesttime2024", "zhouSelectiveScan2025"}
    tent = added["mullerTentFullyTesttime2024"]
    # nested braces gone, LaTeX accents decoded, @string resolved, DOI normalised
    assert tent.title == "Tent: Fully Test-Time Adaptation by Entropy Minimization"
    assert tent.authors == ("Jörg Müller", "Ana García", "Research Group")
    assert tent.venue == "Advances in Neural Information Processing Systems"
    assert (tent.year, tent.doi) == (2024, "10.5555/tent.2024")
    assert "reduces the error by 5% with ünchanged training" in tent.abstract
    scan = added["zhouSelectiveScan2025"]
    assert scan.venue == "Transactions on Machine Learning Research (Featured)"  # @string # {...}
    assert scan.authors == ("Li Zhou", "Nils Østergaard") and scan.year == 2025
    assert "3× speed-up" in scan.abstract
    titles = {paper.title for paper in load_collection(load_settings())}
    assert "A Study Without an Abstract" not in titles
    assert "An Entry With an Empty Abstract" not in titles


def test_broken_bib_adds_nothing_and_names_the_line(tmp_path: Path) -> None:
    good = tmp_path / "good.bib"
    shutil.copy(ZOTERO_BIB, good)
    broken = tmp_path / "broken.bib"
    broken.write_text(
        "@article{ok, title={Fine}, abstract={We propose a fine method.}}\n\n"
        "@article{bad,\n  title = {Unclosed,\n  abstract = {y}\n}\n\n"
        "@article{later, title={Later}, abstract={z}}\n"
    )
    result = runner.invoke(app, ["add", str(good), str(broken), "--no-index"])
    assert result.exit_code != 0
    assert isinstance(result.exception, ParseError)
    assert str(result.exception).startswith(f"{broken}, line 3: cannot read this BibTeX entry")
    assert load_added(load_settings()) == []  # the good file before it was not added either


def test_duplicate_keys_are_an_error_with_a_line() -> None:
    text = "@article{a, title={A}, abstract={x}}\n@article{a, title={B}, abstract={y}}\n"
    with pytest.raises(ParseError, match=r"line 2: the key a is used twice"):
        parse_bibtex(text, "dup.bib")


RIS = """TY  - JOUR
ID  - lee2024
TI  - Sparse Mixtures for Long Context
AU  - Lee, Min
AU  - Park, Ji
PY  - 2024
JO  - Journal of Sparse Things
DO  - 10.1000/sparse
AB  - We route tokens to sparse experts and cut memory by half.
ER  -

TY  - CONF
TI  - A Talk Without Abstract
AU  - Nobody, Ann
PY  - 2021
ER  -
"""


def test_ris_import_keeps_metadata_and_skips_entries_without_abstract() -> None:
    result = parse_ris(RIS, "refs.ris")
    [paper] = result.papers
    assert paper.citation_key == "lee2024" and paper.authors == ("Min Lee", "Ji Park")
    assert (paper.year, paper.venue, paper.doi) == (
        2024,
        "Journal of Sparse Things",
        "10.1000/sparse",
    )
    assert [(entry.key, entry.line) for entry in result.skipped] == [("record 2", 12)]


def test_ris_record_without_end_names_its_line() -> None:
    with pytest.raises(ParseError, match=r"refs.ris, line 12: .*no 'ER  - '"):
        parse_ris(RIS.rsplit("ER  -", 1)[0], "refs.ris")


CSL = [
    {
        "id": "chen2023",
        "type": "article-journal",
        "title": "Graph Kernels Revisited",
        "author": [{"family": "Chen", "given": "Wei"}, {"literal": "The Graph Team"}],
        "issued": {"date-parts": [[2023, 5]]},
        "container-title": "Journal of Graphs",
        "DOI": "10.1000/graphs",
        "abstract": "We revisit graph kernels and find they match GNNs on small graphs.",
    },
    {"id": "noabs", "type": "book", "title": "A Book"},
]


def test_csl_json_import(tmp_path: Path) -> None:
    path = tmp_path / "zotero.json"
    text = json.dumps(CSL, indent=2)
    path.write_text(text)
    second_item_line = text.splitlines().index('    "id": "noabs",')  # the "{" line before it
    result = read_papers(path)
    [paper] = result.papers
    assert paper.citation_key == "chen2023" and paper.authors == ("Wei Chen", "The Graph Team")
    assert (paper.year, paper.venue, paper.doi) == (2023, "Journal of Graphs", "10.1000/graphs")
    assert [(entry.key, entry.line) for entry in result.skipped] == [("noabs", second_item_line)]


def test_csl_json_syntax_error_names_the_line() -> None:
    text = '[\n  {"id": "a", "title": "A", "abstract": "x"},\n  {"id": "b", "title": }\n]\n'
    with pytest.raises(ParseError, match=r"bad.json, line 3: not valid JSON"):
        parse_csl_json(text, "bad.json")


def test_exports_round_trip_with_keys_authors_venue_doi() -> None:
    papers = parse_bibtex(ZOTERO_BIB.read_text(), "zotero-export.bib").papers
    again_bib = parse_bibtex(to_bibtex(papers), "out.bib").papers
    again_ris = parse_ris(to_ris(papers), "out.ris").papers
    again_csl = parse_csl_json(json.dumps(to_csl_json(papers)), "out.json").papers
    for exported in (again_bib, again_ris, again_csl):
        assert [
            (paper.citation_key, paper.title, paper.authors, paper.year, paper.venue, paper.doi)
            for paper in exported
        ] == [
            (paper.citation_key, paper.title, paper.authors, paper.year, paper.venue, paper.doi)
            for paper in papers
        ]
    bib = to_bibtex(papers)
    assert "@inproceedings{mullerTentFullyTesttime2024," in bib
    assert "booktitle = {Advances in Neural Information Processing Systems}" in bib
    assert "@article{zhouSelectiveScan2025," in bib and "doi = {10.5555/tent.2024}" in bib


def test_imported_key_survives_the_paper_store(tmp_path: Path) -> None:
    bib = tmp_path / "library.bib"
    shutil.copy(ZOTERO_BIB, bib)
    assert runner.invoke(app, ["add", str(bib), "--no-index"]).exit_code == 0
    collection = {paper.title: paper for paper in load_collection(load_settings())}
    tent = collection["Tent: Fully Test-Time Adaptation by Entropy Minimization"]
    assert tent.citation_key == "mullerTentFullyTesttime2024"
    assert tent.venue == "Advances in Neural Information Processing Systems"
