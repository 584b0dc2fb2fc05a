"""Search latency: default search (exact hits, then OCR-close words) against exact-only search
on the same catalog, side by side.

The catalog is synthetic but shaped like an OCR'd fax archive: pages of words drawn from a
Zipf-like vocabulary, with a share of words garbled the way OCR garbles them (a letter
swapped, dropped or doubled, O/0 and I/1 confusions), so the index's vocabulary grows with
the archive as a real one does. Prints median and p95 milliseconds per query for both modes,
the ratio, and the vocabulary size.

    python benchmarks/search_latency.py [--pages 20000] [--queries 60]
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage.catalog import open_catalog
from storage.search import SearchFilters, search_pages

WORDS_PER_PAGE = 250
GARBLED_SHARE = 0.05


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        length = max(2, min(14, round(rng.gauss(7, 2.5))))
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(length))
        if rng.random() < 0.15:  # codes and numbers
            word = word[:2] + str(rng.randrange(10, 99999))
        words.add(word)
    return sorted(words)


def garble(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1:]
    if kind == 1 and len(word) > 3:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word.replace("o", "0").replace("i", "1")


def build(path: Path, pages: int, rng: random.Random) -> list[str]:
    vocabulary = make_vocabulary(rng, 50_000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    catalog = open_catalog(path)
    with catalog.transaction() as conn:
        for n in range(pages):
            fax_id = f"F{n:07d}"
            conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, "
                         "created_at, updated_at) VALUES (?, 'local', ?, 'now', 'now', 'now')",
                         (fax_id, fax_id))
            words = rng.choices(vocabulary, weights, k=WORDS_PER_PAGE)
            text = " ".join(garble(w, rng) if rng.random() < GARBLED_SHARE else w
                            for w in words)
            catalog.replace_page(fax_id, {"page_no": 1, "width_px": 1728, "height_px": 1078,
                                          "xdpi": 204, "ydpi": 98, "text": text,
                                          "confidence": 90})
    catalog.close()
    # Queries: rare words (a name, a code): fewer exact hits than the limit, so the default
    # search goes on to look for close words, the path this measures.
    return rng.sample(vocabulary[10_000:], 200)


def timed(catalog, queries: list[str], filters: SearchFilters) -> list[float]:
    out = []
    for query in queries:
        start = time.perf_counter()
        search_pages(catalog, query, filters, limit=20)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.sqlite3"
        started = time.perf_counter()
        queries = build(path, args.pages, rng)[:args.queries]
        print(f"built {args.pages} pages in {time.perf_counter() - started:.1f} s")
        catalog = open_catalog(path)
        vocabulary = catalog.conn.execute("SELECT count(*) FROM search_terms").fetchone()[0]
        hits = [len(search_pages(catalog, q, SearchFilters(fuzzy=False))) for q in queries]
        exact = timed(catalog, queries, SearchFilters(fuzzy=False))
        default = timed(catalog, queries, SearchFilters())
        # Second round, interleaved order reversed, to even out cache warm-up.
        default += timed(catalog, queries, SearchFilters())
        exact += timed(catalog, queries, SearchFilters(fuzzy=False))
        catalog.close()
    print(f"{args.pages} pages, {vocabulary} distinct terms, {len(queries)} queries x 2, "
          f"median {statistics.median(hits)} exact hits")
    for name, values in (("exact", exact), ("default", default)):
        p95 = statistics.quantiles(values, n=20)[18]
        print(f"  {name:<8} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms")
    print(f"ratio default/exact (median) = "
          f"{statistics.median(default) / statistics.median(exact):.1f}x")


if __name__ == "__main__":
    main()
