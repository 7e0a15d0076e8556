"""Build the query benchmark's graph once, to time query texts on it with ``bench.speed.query_ab``.

```
python -m bench.speed.graph_store FOLDER [--articles N]
```

The BBC + Reuters corpus that ``python -m bench.speed query`` reads (its first ``N`` articles,
1,000 by default as in bench/results/speed.md), built by ``kg build`` in a child process as that
benchmark builds it. The store is ``FOLDER/output/store``: a few minutes once, instead of a
whole benchmark run (its rdflib baselines take most of half an hour) for every query tried.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.speed.corpus import load, write_jsonl
from bench.speed.memory import GRAPH_CORPUS, measured_build


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.speed.graph_store", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the articles and the kg build output")
    parser.add_argument("--articles", type=int, default=1000, help="the corpus's first N articles")
    args = parser.parse_args(argv)
    corpus = load(GRAPH_CORPUS, limit=args.articles)
    articles = write_jsonl(corpus.articles, args.folder / "articles.jsonl")
    built = measured_build([articles], args.folder / "output")
    print(f"{len(corpus.articles)} articles, {built['report']['graph']['triples']:,} triples in "
          f"{built['wall_seconds']:.0f} s: store at {args.folder / 'output' / 'store'}")


if __name__ == "__main__":
    main()
