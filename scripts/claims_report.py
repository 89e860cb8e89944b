"""Print field coverage of assistant.text.claims over the bundled corpus and a sample of records.

python scripts/claims_report.py [--sample 30] [--seed 1] [--title WORD]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from assistant.corpus import load_listing_directory
from assistant.text.claims import analyse
from assistant.text.claims.spans import _FIGURE


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--title", default=None, help="show only papers whose title has this word")
    arguments = parser.parse_args()
    papers = load_listing_directory(Path(__file__).resolve().parent.parent / "corpus")
    started, started_cpu = time.perf_counter(), time.process_time()
    records = [(paper, analyse(paper.title, paper.abstract)) for paper in papers]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    total = len(records)
    print(
        f"{total} papers analysed in {elapsed:.2f} s wall, {cpu:.2f} s CPU (sentence split included)"
    )
    for field in ("name", "kind", "problem", "proposal", "mechanism", "setting", "finding"):
        share = sum(getattr(claims, field) is not None for _, claims in records) / total
        print(f"  {field:<10} {share:6.1%}")
    with_figure = [claims for paper, claims in records if _FIGURE.search(paper.abstract)]
    print(
        f"  results    {sum(bool(c.results) for _, c in records) / total:6.1%}  "
        f"(abstracts stating a figure: {len(with_figure)}, with a result: "
        f"{sum(bool(c.results) for c in with_figure)})"
    )
    if arguments.title:
        chosen = [r for r in records if re.search(arguments.title, r[0].title, re.I)]
    else:
        chosen = random.Random(arguments.seed).sample(records, min(arguments.sample, total))
    for paper, claims in chosen:
        print("\n#", paper.title)
        print(f"  name={claims.name!r} kind={claims.kind!r}")
        for field in ("problem", "proposal", "mechanism", "setting", "finding"):
            span = getattr(claims, field)
            if span is not None:
                print(f"  {field:<9}: {span.text}")
        for result in claims.results:
            print(
                f"  result   : [{result.figure} | {result.metric} | vs {result.compared_with}] "
                f"{result.text}"
            )


if __name__ == "__main__":
    main()
