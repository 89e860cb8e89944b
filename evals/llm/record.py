"""Record the prompts the LLM engine sends, for the verifier benchmark (evals/llm/).

Runs the product's own ``--engine llm`` path for a fixed list of tasks against a local
OpenAI-compatible server that records each chat request (the real ``openai`` client talks to it,
as in the product), and writes each request's messages verbatim:

    OUT/NNN.json   {"task", "question", "source", "messages": [{"role", "content"}, ...]}
    OUT/NNN.txt    the same messages as plain text, labelled, exactly as the model sees them

Tasks: the three mission jobs, then lookups, topics, related-work and compare requests drawn
from evals/questions.jsonl and evals/blind-tune.jsonl (never blind-test.jsonl), a fixed number
of each kind chosen with a fixed seed. A request whose answerability check abstains before the
LLM is asked records nothing and the next candidate of that kind is taken.

    ASSISTANT_HOME=DIR python evals/llm/record.py --out /work/llm-bench/prompts

``--held-out`` records a further, disjoint set for judging the verifier on replies it was not
tuned on: no mission job, and only questions no case already in ``evals/llm/cases`` or
``evals/llm/held-out/cases`` was recorded from (the next ones of the same seeded order),
numbered from ``--first`` (101 for the first held-out set, 201 for the second).

    ASSISTANT_HOME=DIR python evals/llm/record.py --held-out --first 201 --out /work/llm-bench/held-out-2

``--related-work TOPIC`` (repeatable) records related-work requests for topics written for the
set, after the drawn ones, when the question files have no related-work request left (301-318 were
drawn, 319-322 written: "knowledge distillation", "mixture of experts", "uncertainty quantification
for large language models", "watermarking and detecting machine-generated text").

``--requests FILE`` records requests written for a set (JSON lines with ``id``, ``kind`` and
``question``, kinds as in the question files) instead of drawing them; 401-424 were written blind
by a session that saw only the corpus's titles and abstracts, once the question files were used up:

    ASSISTANT_HOME=DIR python evals/llm/record.py --held-out --first 401 \
        --requests /work/llm-bench/held-out-4/requests.jsonl --out /work/llm-bench/held-out-4
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.citations import CANNOT_ANSWER  # noqa: E402
from assistant.replay import ReplayServer  # noqa: E402

MISSION = [
    ("ask", "how do entropy-based TTA methods differ", "mission"),
    ("related-work", "state space models", "mission"),
    ("compare", "entropy minimization for test-time adaptation", "mission"),
]
SOURCES = ("evals/questions.jsonl", "evals/blind-tune.jsonl")
PER_KIND = {"lookup": 11, "topic": 6, "related_work": 5, "compare": 5}
HELD_OUT_PER_KIND = {"lookup": 8, "topic": 5, "related_work": 5, "compare": 5}
HELD_OUT_FIRST = 101
TASK_OF = {"lookup": "ask", "topic": "ask", "related_work": "related-work", "compare": "compare"}
SEED = 20261130


def candidates() -> dict[str, list[tuple[str, str, str]]]:
    """Per kind, (task, question, source id) in a seeded order; mission questions left out."""
    mission_questions = {question.lower() for _, question, _ in MISSION}
    by_kind: dict[str, list[tuple[str, str, str]]] = {kind: [] for kind in PER_KIND}
    for source in SOURCES:
        for line in (ROOT / source).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            kind = record["kind"]
            if kind not in by_kind or record["question"].lower() in mission_questions:
                continue
            by_kind[kind].append((TASK_OF[kind], record["question"], record["id"]))
    rng = random.Random(SEED)
    for items in by_kind.values():
        rng.shuffle(items)
    return by_kind


def as_text(messages: list[dict[str, str]]) -> str:
    parts = [f"=== {message['role'].upper()} ===\n{message['content']}" for message in messages]
    return "\n\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--held-out", action="store_true", help="a disjoint further set")
    parser.add_argument("--first", type=int, default=HELD_OUT_FIRST, help="first held-out number")
    parser.add_argument(
        "--related-work", action="append", default=[], help="a related-work topic to add"
    )
    parser.add_argument(
        "--requests",
        type=Path,
        help="JSON lines of requests written for the set (id, kind, question)",
    )
    args = parser.parse_args()
    bench = ROOT / "evals" / "llm"
    used = {
        json.loads(path.read_text(encoding="utf-8"))["source"]
        for path in [
            *(bench / "cases").glob("*.json"),
            *(bench / "held-out" / "cases").glob("*.json"),
        ]
    }
    args.out.mkdir(parents=True, exist_ok=True)

    from assistant.assistant import Assistant
    from assistant.settings import Settings

    # The server answers every request with the abstention sentence: we want the request only.
    with ReplayServer(lambda messages: CANNOT_ANSWER) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="recorder", engine="llm")
        assistant = Assistant(settings)
        number = args.first - 1 if args.held_out else 0

        def run(task: str, question: str, source: str) -> bool:
            nonlocal number
            before = len(server.requests)
            if task == "ask":
                assistant.ask(question, engine="llm")
            elif task == "related-work":
                assistant.related_work(question, engine="llm")
            else:
                assistant.compare(question, engine="llm")
            if len(server.requests) == before:
                print(f"skipped (abstained before the LLM): {source} {question}", file=sys.stderr)
                return False
            messages = server.requests[-1]
            number += 1
            stem = args.out / f"{number:03d}"
            record = {"task": task, "question": question, "source": source, "messages": messages}
            stem.with_suffix(".json").write_text(
                json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            stem.with_suffix(".txt").write_text(as_text(messages), encoding="utf-8")
            print(f"{number:03d} {task:12} {source:8} {question}", file=sys.stderr)
            return True

        if args.requests:
            for line in args.requests.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    request = json.loads(line)
                    run(TASK_OF[request["kind"]], request["question"], request["id"])
            return 0
        per_kind = HELD_OUT_PER_KIND if args.held_out else PER_KIND
        if not args.held_out:
            for task, question, source in MISSION:
                run(task, question, source)
        for kind, items in candidates().items():
            taken = 0
            for task, question, source in items:
                if taken >= per_kind[kind]:
                    break
                if args.held_out and source in used:
                    continue
                taken += run(task, question, source)
        for topic in args.related_work:
            run("related-work", topic, "lead-rw")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
