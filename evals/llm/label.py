"""Print the benchmark's reply sentences for labelling, or add unlabelled ones to labels.json.

    python evals/llm/label.py show 005          # each sentence with its index and citations
    python evals/llm/label.py init              # every unlabelled sentence as "supported"
    python evals/llm/label.py set 005 3 unsupported "the abstract says X, not Y"

Labels are a person's judgement of each reply sentence against the evidence in its prompt;
``init`` only writes the default so that the judgement is recorded as a change to it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.llm_eval import load_cases  # noqa: E402
from assistant.writers.llm import parse_reply  # noqa: E402

FOLDER = Path(__file__).resolve().parent
LABELS = FOLDER / "labels.json"


def _sentences(case):  # type: ignore[no-untyped-def]
    import re

    ids = re.findall(r'<paper id="([^"]+)">', case.prompt)
    return parse_reply(case.reply, known_ids=ids).sentences


def main(argv: list[str]) -> int:
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    cases = {case.number: case for case in load_cases(FOLDER)}
    if argv[:1] == ["show"]:
        case = cases[argv[1]]
        entries = {entry["sentence"]: entry for entry in labels.get(case.number, [])}
        for index, sentence in enumerate(_sentences(case)):
            label = entries.get(index, {}).get("label", "?")
            print(f"[{index}] ({label}) {sentence.text}  {sentence.citations}")
        return 0
    if argv[:1] == ["init"]:
        for number, case in cases.items():
            existing = {entry["sentence"]: entry for entry in labels.get(number, [])}
            labels[number] = [
                existing.get(index)
                if existing.get(index, {}).get("text") == sentence.text
                else {"sentence": index, "text": sentence.text, "label": "supported", "why": ""}
                for index, sentence in enumerate(_sentences(case))
            ]
    elif argv[:1] == ["set"]:
        number, index, label = argv[1], int(argv[2]), argv[3]
        entry = labels[number][index]
        entry["label"], entry["why"] = label, argv[4] if len(argv) > 4 else ""
    else:
        print(__doc__)
        return 2
    LABELS.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
