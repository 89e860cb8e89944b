"""Ask about every paper of the collection and count what the output lint finds.

    python evals/lint_sweep.py                  # lookup, related work and compare for every paper
    python evals/lint_sweep.py --tasks compare  # one task only

The canned questions reach a few hundred sentences; this reaches every abstract. For each paper it
makes requests from its title alone (so nothing here is tuned on any question set): a lookup ("What
does the paper '<title>' find?"), a figure question ("How much does <title> improve over prior
work, and on which data?"), a related-work and a compare request on the title's subject (the part
after a colon, lowercased). It prints the findings per rule and up to 15 examples of each; a clean
collection prints ``Counter()`` for every task. Wall time: about ten seconds per task on 2 cores.
"""

from __future__ import annotations

import argparse
import collections
import re

from assistant.assistant import Assistant
from assistant.lint import lint_answer
from assistant.render import to_latex, to_markdown

TASKS = ("lookup", "figure", "related-work", "compare")


def requests(title: str, task: str) -> str:
    subject = re.split(r":", title)[-1].strip()
    if task == "lookup":
        return f"What does the paper '{title}' find?"
    if task == "figure":
        return f"How much does {subject} improve over prior work, and on which data?"
    return subject.lower()[:60]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tasks", default=",".join(TASKS), help="comma-separated: " + ", ".join(TASKS)
    )
    args = parser.parse_args()
    assistant = Assistant()
    titles = [title for _, title in assistant.retriever.paper_store.titles()]
    for task in args.tasks.split(","):
        run = {
            "related-work": assistant.related_work,
            "compare": assistant.compare,
        }.get(task, assistant.ask)
        counts: collections.Counter[str] = collections.Counter()
        examples: dict[str, list[str]] = collections.defaultdict(list)
        for title in titles:
            answer = run(requests(title, task))
            for finding in lint_answer(
                answer, markdown=to_markdown(answer), latex=to_latex(answer)[0]
            ):
                counts[finding.rule] += 1
                examples[finding.rule].append(f"{title[:50]} | {finding.text}")
        print(f"{task} ({len(titles)} requests): {counts}")
        for rule, lines in examples.items():
            for line in lines[:15]:
                print(f"  {rule} | {line[:170]}")


if __name__ == "__main__":
    main()
