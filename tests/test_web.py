"""The local page: loopback only, and end to end in a real headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import InputError
from assistant.support import abstract_sentences, approximate_citation_support
from assistant.web import check_loopback, make_server

CHROMIUM = Path("/usr/bin/chromium")
QUESTION = "which work quantizes selective SSMs to 4-bit weights, and what speed-up does it report?"
COMPARE_TOPIC = "entropy minimization for test-time adaptation"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_non_loopback_hosts_are_refused(host: str) -> None:
    with pytest.raises(InputError, match="loopback"):
        check_loopback(host)
    result = CliRunner().invoke(app, ["serve", "--host", host])
    assert result.exit_code != 0 and isinstance(result.exception, InputError)


def test_loopback_hosts_are_accepted() -> None:
    assert [check_loopback(host) for host in ("127.0.0.1", "localhost", "::1", "[::1]")] == [
        "127.0.0.1",
        "127.0.0.1",
        "::1",
        "::1",
    ]


def test_requests_for_another_host_name_are_refused() -> None:
    """A page elsewhere cannot reach the server by rebinding its own name to 127.0.0.1."""
    server = make_server(lambda: pytest.fail("no assistant needed"), port=0)  # type: ignore[arg-type,return-value]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert '<script src="/app.js"></script>' in page and "http" not in page.split("<body")[1]
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/", headers={"Host": "evil.example"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served_page(corpus_index: Path) -> Iterator[str]:
    """A real ``assistant serve`` subprocess on a free port; yields its URL."""
    env = os.environ | {"ASSISTANT_HOME": str(corpus_index)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import main; main()", "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stderr is not None
        url = None
        for line in process.stderr:
            found = re.search(r"serving on (http://\S+/)", line)
            if found:
                url = found.group(1)
                break
        assert url, "assistant serve did not report its address"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_citation_click_highlights_the_supporting_sentence(
    served_page: str,
    corpus_assistant,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    if not CHROMIUM.exists() and os.environ.get("CI"):
        pytest.fail("CI must have Debian's chromium; .ci/run installs it")
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    screenshots = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    screenshots.mkdir(parents=True, exist_ok=True)
    # What the page must highlight: the Answer's own support data, computed in this process.
    answer = corpus_assistant.ask(QUESTION)
    support = approximate_citation_support(answer)
    cited = [index for index, sentence in enumerate(answer.sentences) if sentence.citations]
    target = cited[-1]  # the speed-up sentence, not the "closest match" opener
    expected = support[target][0]

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        outside: list[str] = []
        page.on(
            "request",
            lambda request: (
                None if request.url.startswith(served_page) else outside.append(request.url)
            ),
        )
        page.goto(served_page)
        page.fill("#q", QUESTION)
        page.click("#go")
        page.wait_for_selector("body[data-state=done]", timeout=120_000)
        citations = page.locator(f"#s-{target} a.cite")
        assert citations.count() == len(answer.sentences[target].citations)
        citations.first.click()
        highlighted = page.locator("#paper .abs-sentence.support")
        highlighted.wait_for(timeout=30_000)
        assert page.get_attribute("#paper", "data-paper") == expected.paper_id
        assert highlighted.count() == 1
        assert highlighted.inner_text().strip() == expected.sentence
        assert highlighted.get_attribute("data-index") == str(expected.sentence_index)
        page.screenshot(path=str(screenshots / "web-ask-citation.png"), full_page=True)

        page.click("button[data-format=markdown]")
        page.wait_for_selector("#copied:has-text('copied as markdown')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(f"## Answer: {QUESTION}")

        # compare: a table cell links to the abstract sentence it is drawn from
        compared = corpus_assistant.compare(COMPARE_TOPIC)
        assert compared.table is not None
        page.select_option("#task", "compare")
        page.fill("#q", COMPARE_TOPIC)
        page.click("#go")
        page.wait_for_selector("body[data-state=done]", timeout=120_000)
        cell_link = page.locator("a.cell-link").first
        paper_id = cell_link.get_attribute("data-paper")
        index = int(cell_link.get_attribute("data-support-index") or "-1")
        cell_link.click()
        page.wait_for_selector(f"#paper[data-paper='{paper_id}'] .abs-sentence.support")
        paper = next(item.paper for item in compared.evidence if item.paper.id == paper_id)
        row = compared.table.rows[paper_id]
        cell = next(cell for cell in row if cell.sentence_index is not None)
        assert index == cell.sentence_index
        shown = page.locator("#paper .abs-sentence.support").inner_text().strip()
        assert shown == abstract_sentences(paper)[index] == cell.source_sentence
        # ... and what the table cannot show is said under it, as the Markdown says it
        notes = page.locator("p.table-note")
        if compared.table.note:
            assert notes.inner_text().strip() == compared.table.note
        else:
            assert notes.count() == 0
        page.screenshot(path=str(screenshots / "web-compare-cell.png"), full_page=True)
        browser.close()
    assert outside == []  # nothing but the local server was contacted
    if screenshots != tmp_path:
        assert (screenshots / "web-ask-citation.png").stat().st_size > 10_000
