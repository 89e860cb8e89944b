"""Label the benchmark's reply sentences: show them with their evidence, initialise, set labels.

    python evals/llm/label.py show 005                 # each sentence, its citations, its label
    python evals/llm/label.py show 005 --evidence      # ... and the evidence the prompt quoted
    python evals/llm/label.py init                     # every unlabelled sentence as "supported"
    python evals/llm/label.py init --unlabelled        # ... as "unlabelled" (for an annotator)
    python evals/llm/label.py set 005 3 unsupported "the abstract says X, not Y"
    python evals/llm/label.py todo                     # the sentences still "unlabelled"

``--set held-out`` works on ``evals/llm/held-out/`` (its own cases and labels.json) instead of the
tuning set. Labels are a person's judgement of each reply sentence against the evidence in its
prompt, never the verifier's; ``init`` only writes a starting value, so that each judgement is
recorded as a change to it. A sentence whose text no longer matches its label is re-initialised.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.llm_eval import Case, load_cases  # noqa: E402
from assistant.models import DraftSentence  # noqa: E402
from assistant.writers.llm import parse_reply  # noqa: E402

FOLDER = Path(__file__).resolve().parent
SETS = {"tune": FOLDER, "held-out": FOLDER / "held-out"}
LABELS = ("supported", "unsupported", "unlabelled")
_PAPER = re.compile(r'<paper id="([^"]+)">\n(.*?)</paper>', re.DOTALL)


def _sentences(case: Case) -> list[DraftSentence]:
    ids = re.findall(r'<paper id="([^"]+)">', case.prompt)
    return parse_reply(case.reply, known_ids=ids).sentences


def _evidence(case: Case) -> dict[str, str]:
    """Each paper id of the prompt with the text the model was shown for it."""
    return {match.group(1): match.group(2).strip() for match in _PAPER.finditer(case.prompt)}


def _initial(case: Case, existing: list[dict[str, Any]], default: str) -> list[dict[str, Any]]:
    by_index = {entry["sentence"]: entry for entry in existing}
    entries = []
    for index, sentence in enumerate(_sentences(case)):
        entry = by_index.get(index)
        if entry is None or entry.get("text") != sentence.text:
            entry = {
                "sentence": index,
                "text": sentence.text,
                "citations": list(sentence.citations),
                "label": default,
                "why": "",
            }
        entries.append(entry)
    return entries


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="tune", dest="which")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show")
    show.add_argument("case")
    show.add_argument("--evidence", action="store_true")
    init = commands.add_parser("init")
    init.add_argument("--unlabelled", action="store_true")
    put = commands.add_parser("set")
    put.add_argument("case")
    put.add_argument("sentence", type=int)
    put.add_argument("label", choices=LABELS)
    put.add_argument("why", nargs="?", default="")
    commands.add_parser("todo")
    args = parser.parse_args(argv)

    folder = SETS[args.which]
    path = folder / "labels.json"
    labels: dict[str, list[dict[str, Any]]] = (
        json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    )
    cases = {case.number: case for case in load_cases(folder)}
    if args.command == "show":
        case = cases[args.case]
        print(f"case {case.number} ({case.task}): {case.question}\n")
        if args.evidence:
            for paper_id, text in _evidence(case).items():
                print(f"<{paper_id}>\n{text}\n")
        entries = {entry["sentence"]: entry for entry in labels.get(case.number, [])}
        for index, sentence in enumerate(_sentences(case)):
            label = entries.get(index, {}).get("label", "?")
            print(f"[{index}] ({label}) {sentence.text}  {sentence.citations}")
        return 0
    if args.command == "todo":
        for number, entries in sorted(labels.items()):
            for entry in entries:
                if entry["label"] == "unlabelled":
                    print(f"{number} [{entry['sentence']}] {entry['text'][:100]}")
        return 0
    if args.command == "init":
        default = "unlabelled" if args.unlabelled else "supported"
        for number, case in cases.items():
            labels[number] = _initial(case, labels.get(number, []), default)
    else:
        entry = labels[args.case][args.sentence]
        entry["label"], entry["why"] = args.label, args.why
    path.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
