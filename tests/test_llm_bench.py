"""The LLM verifier benchmark: the replay server through the real openai client, planted errors,
and a tiny benchmark run end to end (replay server -> LLM writer -> verifier)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from assistant import llm_eval
from assistant.corpus import citation_key
from assistant.llm_client import LLMClient, Message
from assistant.models import Draft, DraftSentence, Evidence, EvidenceSentence, Paper
from assistant.replay import ReplayServer
from assistant.settings import Settings
from assistant.text.sentences import abstract_sentences
from assistant.writers.llm import LLMWriter, pack_evidence, parse_reply

TENT = "tent-dddd"
TENT_ABSTRACT = (
    "We propose test entropy minimization, which adapts a model at test time by minimizing the "
    "entropy of its predictions on unlabeled test batches. "
    "Adaptation improves robustness to image corruptions and reaches 44.0% error on ImageNet-C. "
    "The method can adapt online and is 3× faster than test-time training."
)
CCE = "cce-aaaa"
CCE_ABSTRACT = (
    "We propose Cut Cross-Entropy (CCE), which computes the loss without materializing the "
    "logits. "
    "CCE reduces the memory footprint of the loss computation from 24 GB to 1 MB."
)


def paper(paper_id: str, title: str, abstract: str) -> Paper:
    return Paper(id=paper_id, title=title, abstract=abstract, citation_key=citation_key(title))


PAPERS = {
    TENT: paper(TENT, "Tent: Fully Test-Time Adaptation by Entropy Minimization", TENT_ABSTRACT),
    CCE: paper(CCE, "Cut Your Losses in Large-Vocabulary Language Models", CCE_ABSTRACT),
}


def evidence() -> list[Evidence]:
    items = []
    for rank, item in enumerate(PAPERS.values(), start=1):
        sentences = tuple(
            EvidenceSentence(item.id, index, text, 1.0)
            for index, text in enumerate(abstract_sentences(item.abstract))
        )
        items.append(Evidence(item, 1.0 / rank, rank, sentences))
    return items


REPLY = (
    f"Tent adapts a model at test time by minimizing the entropy of its predictions [{TENT}].\n"
    f"Adaptation improves robustness to image corruptions and reaches 44.0% error on ImageNet-C "
    f"[{TENT}].\n"
    f"The method can adapt online and is 3× faster than test-time training [{TENT}].\n"
    f"CCE reduces the memory footprint of the loss computation from 24 GB to 1 MB [{CCE}].\n"
)


def test_replay_server_answers_the_real_openai_client_whole_and_streamed() -> None:
    with ReplayServer(lambda messages: f"echo: {messages[-1]['content']}") as server:
        client = LLMClient(base_url=server.base_url, model="replay", retry_delay=0.0)
        whole = client.complete([Message("system", "rules"), Message("user", "hello there")])
        pieces: list[str] = []
        streamed = client.complete([Message("user", "streamed words")], on_text=pieces.append)
    assert whole.text == "echo: hello there" and whole.finish_reason == "stop"
    assert whole.usage == {"prompt_tokens": 3, "completion_tokens": 3, "total_tokens": 6}
    assert streamed.text == "echo: streamed words" and "".join(pieces) == streamed.text
    assert server.requests[0] == [
        {"role": "system", "content": "rules"},
        {"role": "user", "content": "hello there"},
    ]


def _case_folder(tmp_path: Path, settings: Settings) -> Path:
    writer = LLMWriter(settings)
    packed = pack_evidence(evidence(), settings.evidence_token_budget)
    messages = writer.messages("ask", "how does test-time entropy minimization work", packed)
    folder = tmp_path / "llm"
    (folder / "cases").mkdir(parents=True)
    record = {
        "task": "ask",
        "question": "how does test-time entropy minimization work",
        "messages": [{"role": m.role, "content": m.content} for m in messages],
        "reply": REPLY,
    }
    (folder / "cases" / "001.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def test_evidence_is_rebuilt_from_the_recorded_prompt(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    case = llm_eval.load_cases(_case_folder(tmp_path, settings))[0]
    rebuilt = llm_eval.evidence_from_prompt(case, PAPERS)
    assert [item.paper.id for item in rebuilt] == [TENT, CCE]
    assert [s.text for s in rebuilt[0].sentences] == list(abstract_sentences(TENT_ABSTRACT))


@pytest.mark.parametrize("kind", llm_eval.ERROR_KINDS)
def test_every_error_kind_is_planted_and_changes_the_sentence(kind: str) -> None:
    draft = Draft(
        sentences=[
            DraftSentence(
                "Adaptation improves robustness to image corruptions and reaches 44.0% error "
                "and a 3× speedup on ImageNet-C.",
                [TENT],
            ),
            DraftSentence(
                "The method can adapt online and proposes a test-time objective.", [TENT]
            ),
            DraftSentence("CCE reduces the memory footprint of the loss computation.", [CCE]),
        ],
        engine="llm",
    )
    case = llm_eval.Case("001", "ask", "q", [], "")
    planted = llm_eval.plant_errors(
        case, draft, [0, 1, 2], evidence(), ["Graph networks predict molecules."], random.Random(1)
    )
    by_kind = {plant.kind: plant for plant in planted}
    assert kind in by_kind
    plant = by_kind[kind]
    assert (plant.text, plant.citations) != (
        plant.original,
        draft.sentences[plant.sentence].citations,
    )


def test_the_benchmark_keeps_faithful_sentences_and_catches_planted_errors(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    folder = _case_folder(tmp_path, settings)
    result = llm_eval.run_llm_benchmark(settings, folder, PAPERS, embedder=None)
    assert result.supported_total == 4
    assert result.supported_kept == 4, [vars(o) for o in result.outcomes if not o.kept]
    planted = {kind: total for kind, (_, total) in result.caught.items() if total}
    assert {"misattribution", "altered_figure", "flipped_direction", "unit_swap"} <= set(planted)
    for kind in ("misattribution", "altered_figure", "flipped_direction", "unit_swap"):
        assert result.caught[kind][0] == result.caught[kind][1], kind
    # Every reply went through the replay server and the real client, which reported usage.
    assert result.prompt_tokens > 0 and result.completion_tokens > 0
    table = llm_eval.format_llm_table(result, None)
    assert "supported sentences kept | 4/4" in table


def test_a_rate_below_its_baseline_is_a_regression(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    result = llm_eval.run_llm_benchmark(settings, _case_folder(tmp_path, settings), PAPERS)
    path = tmp_path / "baseline.json"
    llm_eval.save_llm_baseline(result, path)
    saved = llm_eval.load_llm_baseline(path)
    assert llm_eval.llm_regressions(result, saved) == []
    assert llm_eval.llm_regressions(result, saved | {"kept": 1.5}) == [
        "kept: 100.0% (baseline 150.0%)"
    ]


def test_unlabelled_sentences_count_in_no_rate_but_carry_planted_errors(tmp_path: Path) -> None:
    """A held-out set before its annotator has judged it: kept is "unlabelled", errors are still
    planted and caught."""
    settings = Settings(home=tmp_path)
    folder = _case_folder(tmp_path, settings)
    case = llm_eval.load_cases(folder)[0]
    sentences = parse_reply(case.reply, known_ids=[TENT, CCE]).sentences
    labels = {
        "001": [
            {"sentence": index, "text": sentence.text, "label": "unlabelled", "why": ""}
            for index, sentence in enumerate(sentences)
        ]
    }
    (folder / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    result = llm_eval.run_llm_benchmark(settings, folder, PAPERS, embedder=None, name="held-out")
    assert result.supported_total == 0 and result.unlabelled_total == len(sentences)
    assert result.rates()["kept"] is None
    assert sum(total for _, total in result.caught.values()) > 0
    table = llm_eval.format_llm_table(result, None)
    assert "held-out" in table and "| supported sentences kept | unlabelled |" in table
    assert result.to_json()["failures"] == []


def test_a_held_out_folder_is_a_second_set_with_its_own_baseline(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    folder = _case_folder(tmp_path, settings)
    assert [bench.name for bench in llm_eval.benchmark_sets(folder)] == ["tune"]
    (folder / "held-out" / "cases").mkdir(parents=True)
    sets = llm_eval.benchmark_sets(folder)
    assert [bench.name for bench in sets] == ["tune", "held-out"]
    assert sets[1].baseline == folder / "held-out" / "baseline.json"
