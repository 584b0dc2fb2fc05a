"""A long fax through the pipeline: peak memory of every process, and pages/s against the
dense benchmark's short faxes run side by side.

  long   - one fax of --pages pages (204x196 G4, 40 lines a page), `ingest` + the job loop
  dense  - the same page text as 8 faxes of 3 pages (benchmarks/ocr_throughput.py's corpus
           shape, at 204x196), through the same pipeline (the baseline)

Prints pages/s for each, the ratio long/dense, and the peak resident memory (VmHWM) of the
main process and of every pool process during the long fax.

    python benchmarks/long_fax.py [--pages 500] [--cores 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.ocr_throughput import LINES, warm
from ingest.config import config_from_mapping
from ingest.local import ingest_file
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from tests.faxgen import render_fax

PAGE_LINES = 40


def page_text(fax: int, page: int) -> list[str]:
    return [f"Fax {fax} page {page}", *(LINES * 2)[:PAGE_LINES - 1]]


def peak_rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class PoolWatch:
    """Samples the pool's processes' peak RSS while they live (a replaced process's peak
    would otherwise be lost)."""

    def __init__(self, pool) -> None:
        self.pool, self.peaks, self._stop = pool, {}, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.sample()

    def sample(self) -> None:
        for pid in list(getattr(self.pool._executor, "_processes", {}) or {}):
            self.peaks[pid] = max(self.peaks.get(pid, 0), peak_rss_kb(pid))

    def __enter__(self) -> PoolWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def run(files: list[Path], data_dir: Path, cores: int) -> tuple[float, dict[int, int], int]:
    config = config_from_mapping({"paths": {"data_dir": str(data_dir)},
                                  "ocr": {"workers": cores, "page_timeout_seconds": 3600},
                                  "worker": {"concurrency": cores, "poll_seconds": 0.02}},
                                 env={})
    services = open_services(config)
    try:
        asyncio.run(warm(services.pool, cores))
        with PoolWatch(services.pool) as watch:
            start = time.perf_counter()
            ids = [ingest_file(services, path).fax_id for path in files]

            async def drain() -> None:
                stop = asyncio.Event()
                await asyncio.gather(*(worker_loop(services, stop, fax_ids=ids,
                                                   until_idle=True) for _ in range(cores)))

            asyncio.run(drain())
            elapsed = time.perf_counter() - start
        states = {services.catalog.get_fax(i)["state"] for i in ids}
        assert states == {"archived"}, states
        return elapsed, watch.peaks, peak_rss_kb(os.getpid())
    finally:
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        long_fax = render_fax(root / "long.tif",
                              [page_text(0, p) for p in range(1, args.pages + 1)],
                              resolution="204x196")
        dense = [render_fax(root / f"dense{n}.tif",
                            [page_text(n + 1, p) for p in range(1, 4)], resolution="204x196")
                 for n in range(8)]
        dense_seconds, _, _ = run(dense, root / "var-dense", args.cores)
        long_seconds, pool_peaks, main_peak = run([long_fax], root / "var-long", args.cores)
    print(f"{args.pages}-page fax and 8 faxes x 3 pages, 204x196 G4, {PAGE_LINES} lines a page, "
          f"{args.cores} cores")
    print(f"  dense    {dense_seconds:7.2f} s  {24 / dense_seconds:6.2f} pages/s")
    print(f"  long     {long_seconds:7.2f} s  {args.pages / long_seconds:6.2f} pages/s")
    print(f"ratio long/dense = {(args.pages / long_seconds) / (24 / dense_seconds):.2f}x")
    print(f"peak RSS: main {main_peak / 1024:.0f} MB (whole run), pool processes "
          + ", ".join(f"{kb / 1024:.0f} MB" for kb in sorted(pool_peaks.values())))
    print(f"  (ru_maxrss self {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
