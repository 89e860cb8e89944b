"""The MCP server through the SDK's own client: a real ``assistant mcp`` subprocess over stdio."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest

from assistant.text.sentences import split_sentences

QUAMBA2 = "quamba2-robust-scalable-7827"
Q_VLM = "q-vlm-post-2a2f"


async def _session_calls(home: Path) -> dict[str, Any]:
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    env = {name: value for name, value in os.environ.items() if not name.startswith("ASSISTANT_")}
    env |= {"ASSISTANT_HOME": str(home), "ASSISTANT_MODEL_DIR": os.environ["ASSISTANT_MODEL_DIR"]}
    env["ASSISTANT_CORPUS_DIR"] = os.environ["ASSISTANT_CORPUS_DIR"]
    server = StdioServerParameters(
        command=sys.executable,
        args=["-c", "from assistant.cli import main; main()", "mcp"],
        env=env,
    )
    results: dict[str, Any] = {}
    async with stdio_client(server) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        results["tools"] = sorted(tool.name for tool in (await session.list_tools()).tools)
        calls = {
            "search": ("search", {"query": "quantizing state space models", "k": 5}),
            "ask": (
                "ask",
                {
                    "question": "which work quantizes selective SSMs to 4-bit weights, and what "
                    "speed-up does it report?"
                },
            ),
            "compare": ("compare", {"paper_ids": [QUAMBA2, Q_VLM]}),
            "related_work": ("related_work", {"topic": "state space models"}),
            "paper": ("paper", {"paper_id": QUAMBA2}),
            "bad_type": ("search", {"query": "ssm", "k": "many"}),
            "bad_id": ("paper", {"paper_id": "no-such-paper-0000"}),
            "bad_mode": ("ask", {"question": "what is TTA?", "mode": "telepathy"}),
            "empty": ("ask", {"question": "  "}),
            "one_paper": ("compare", {"paper_ids": [QUAMBA2]}),
            "after_errors": ("paper", {"paper_id": Q_VLM}),
        }
        for label, (name, arguments) in calls.items():
            results[label] = await session.call_tool(name, arguments)
    return results


def _text(result: Any) -> str:
    return " ".join(getattr(block, "text", "") for block in result.content)


@pytest.mark.slow
def test_every_tool_through_the_real_client(
    corpus_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = anyio.run(_session_calls, corpus_index)
    assert results["tools"] == ["ask", "compare", "paper", "related_work", "search"]
    search = results["search"].structured_content
    assert not results["search"].is_error and len(search["results"]) == 5
    assert QUAMBA2 in {hit["id"] for hit in search["results"]}

    for label in ("ask", "compare", "related_work"):
        result = results[label]
        assert not result.is_error, _text(result)
        data = result.structured_content
        references = {reference["id"]: reference for reference in data["references"]}
        cited = [sentence for sentence in data["sentences"] if sentence["citations"]]
        assert cited and all(sentence["supported"] for sentence in cited)
        for sentence in cited:
            # one supporting abstract sentence per citation, taken from that paper's abstract
            assert [item["paper_id"] for item in sentence["support"]] == sentence["citations"]
            for item in sentence["support"]:
                abstract = split_sentences(references[item["paper_id"]]["abstract"])
                assert abstract[item["sentence_index"]] == item["sentence"]
    ask = results["ask"].structured_content
    assert QUAMBA2 in {reference["id"] for reference in ask["references"]}
    # the extractive writer lifts sentences: the 3x speed-up sentence is matched word for word
    speed = next(s for s in ask["sentences"] if "speed-up" in s["text"])
    assert speed["support"][0]["score"] > 0.8 and "speed-up" in speed["support"][0]["sentence"]
    assert results["compare"].structured_content["table"]["rows"]
    assert "\\cite{" in results["related_work"].structured_content["latex"]

    paper = results["paper"].structured_content
    assert paper["id"] == QUAMBA2 and paper["abstract_sentences"] and paper["citation_key"]

    for label, expected in {
        "bad_type": "valid integer",
        "bad_id": "no paper with id 'no-such-paper-0000'",
        "bad_mode": "unknown mode 'telepathy'",
        "empty": "the question is empty",
        "one_paper": "at least two different papers",
    }.items():
        assert results[label].is_error, label
        assert expected in _text(results[label]), _text(results[label])
    # the server survived every error
    assert results["after_errors"].structured_content["id"] == Q_VLM
