"""Where a long fax's page words cost memory, without OCRing every page: the pages are one
OCR'd page (204x196, 40 lines) repeated, so it runs in a minute on a busy machine.

  service  - Python memory (tracemalloc) of the page texts the service holds once every page
             is read: before, each page's words as Word objects (``keep_words``); now, the
             text alone (the words stay in the OCR cache files)
  pool     - peak RSS (VmHWM) of a fresh pool process (engine loaded, one page read) that then
             assembles fax.pdf and fax.tif: handed every page's words (the old way), or each
             page's OCR cache file (the new way)

    python benchmarks/assembly_memory.py [--pages 500]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import tracemalloc
from dataclasses import replace
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.long_fax import page_text, peak_rss_kb
from ingest import ocr_cache
from ingest.assemble import assemble_outputs
from ingest.pages import PageImage, split_document
from ocr import OcrPool, PageText
from ocr.pool import recognize_page_file
from tests.faxgen import render_fax


def own_peak_rss_kb() -> int:
    return peak_rss_kb(os.getpid())


def texts_held(cache_files: list[Path], keep_words: bool) -> int:
    """Bytes of Python memory the service holds for the pages' texts."""
    tracemalloc.start()
    texts: list[PageText] = [ocr_cache.read_page_text(path, with_words=keep_words)
                             for path in cache_files]
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del texts
    return size


async def pool_peak(pages: list[PageImage], texts: list, out: Path) -> tuple[int, int]:
    """(VmHWM after reading one page, VmHWM after assembling) of a fresh pool process."""
    pool = OcrPool(workers=1)
    try:
        await pool.run(recognize_page_file, pages[0].path, pages[0].xdpi, pages[0].ydpi)
        before = await pool.run(own_peak_rss_kb)
        await pool.run(assemble_outputs, pages, texts, str(out))
        return before, await pool.run(own_peak_rss_kb)
    finally:
        pool.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one = render_fax(root / "one.tif", [page_text(0, 1)], resolution="204x196")
        [page] = split_document(one, root / "pages")
        reading = recognize_page_file(page.path, page.xdpi, page.ydpi)
        pages, caches = [], []
        for n in range(1, args.pages + 1):
            pages.append(replace(page, page_no=n))
            caches.append(ocr_cache.cache_path(root / "work", f"{n:064x}", n))
            ocr_cache.write_page_text(caches[-1], reading)
        words = sum(len(ocr_cache.read_page_text(c).words) for c in caches)
        held_old = texts_held(caches, keep_words=True)
        held_new = texts_held(caches, keep_words=False)
        (root / "old").mkdir()
        (root / "new").mkdir()
        old = asyncio.run(pool_peak(pages, [ocr_cache.read_page_text(c) for c in caches],
                                    root / "old"))
        new = asyncio.run(pool_peak(pages, [str(c) for c in caches], root / "new"))
    print(f"{args.pages} pages of one 204x196 page read by OCR ({words} words in all)")
    print(f"service: page texts held {held_old / 2**20:6.1f} MB with words (before), "
          f"{held_new / 2**20:6.1f} MB without (now)")
    print(f"pool process peak RSS: after one page read {old[0] / 1024:.0f} MB; after "
          f"assembling with every page's words sent {old[1] / 1024:.0f} MB (before), "
          f"with cache files {new[0] / 1024:.0f} -> {new[1] / 1024:.0f} MB (now)")


if __name__ == "__main__":
    main()
