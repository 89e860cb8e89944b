"""Pair recorded prompts with the replies written for them, as benchmark cases.

    python evals/llm/import_replies.py --prompts DIR --replies DIR [--out evals/llm]

For each PROMPTS/NNN.json with a REPLIES/NNN.txt, writes OUT/cases/NNN.json: the task, the
question, the messages exactly as recorded and the reply exactly as written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=Path, required=True)
    parser.add_argument("--replies", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    cases = args.out / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    written = 0
    for prompt_path in sorted(args.prompts.glob("*.json")):
        reply_path = args.replies / f"{prompt_path.stem}.txt"
        if not reply_path.exists():
            continue
        record = json.loads(prompt_path.read_text(encoding="utf-8"))
        record["reply"] = reply_path.read_text(encoding="utf-8")
        (cases / prompt_path.name).write_text(
            json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written += 1
    print(f"{written} case(s) written to {cases}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
