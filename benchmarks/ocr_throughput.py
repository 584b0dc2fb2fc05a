"""OCR throughput: the whole ingest pipeline against tesseract on the same pages and cores.

Three runs over the same generated fax pages, side by side in one process tree:
  cli       - the `tesseract` command, one process per page, `cores` at a time (the baseline)
  engine    - one reused tesseract API (tesserocr) per core, pages fed as received: the
              engine's own limit on this machine
  pipeline  - `faxvault ingest --wait` end to end: journal, split, square pixels, OCR, index,
              assemble PDF+TIFF, archive, verify
Prints pages/s for each and the ratios pipeline/cli and pipeline/engine, and the CPU seconds
each page cost the engine run (its processes) and the pipeline (the service process, all its
threads, plus its pool processes): on a machine busy with other work the pages/s ratio moves
with the load, the CPU ratio much less. With --corpus clean
or degraded the pages are the OCR corpus's 204x98 pages (tests/ocr_corpus.py, 6 documents x
4 noise seeds), one per fax: shorter pages than the default dense ones, so per-fax work
weighs more; on degraded pages the pipeline also removes specks and smooths before OCR.
With --verdicts N the catalog holds N faxes with an operator's junk verdict before the clock
starts (benchmarks/spam_feedback.py), as a site's does after a while: what scoring a fax
costs as verdicts accumulate shows up in the pipeline's figures.

    python benchmarks/ocr_throughput.py [--faxes 8] [--pages 3] [--corpus dense|clean|degraded]
                                        [--verdicts N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.config import config_from_mapping
from ingest.local import ingest_file
from ingest.pages import split_document
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from tests.faxgen import render_fax

LINES = [
    "PATIENT REFERRAL - CARDIOLOGY", "Patient: Jane Q. Doe   DOB 04/12/1961   MRN 00448812",
    "Referring physician: Dr. Alan Smith, Riverside Family Practice",
    "Reason: exertional chest pain, abnormal stress ECG on 11/02.",
    "ICD-10: I20.9, I10, E78.5   Current meds: atorvastatin 40 mg, lisinopril 10 mg",
    "Please schedule within two weeks. Call 555-201-4477 with questions.",
] * 4


def make_corpus(root: Path, faxes: int, pages: int) -> list[Path]:
    return [render_fax(root / f"fax{n:03d}.tif",
                       [[f"Fax {n} page {p}", *LINES] for p in range(1, pages + 1)])
            for n in range(faxes)]


def corpus_pages(root: Path, condition: str) -> list[Path]:
    """The OCR corpus's 204x98 pages, 4 of each document: 4 noise seeds when degraded; when
    clean, a numbered last line keeps the 4 copies distinct (identical files are one fax)."""
    from dataclasses import replace

    from tests.ocr_corpus import DOCS, make_page

    pages = []
    for copy, seed in enumerate((3, 5, 7, 11)):
        folder = root / f"copy{copy}"
        folder.mkdir()
        for doc in DOCS:
            if condition == "clean":
                doc = replace(doc, lines=[*doc.lines, f"Copy {copy + 1}"])
            pages.append(make_page(folder, doc, "204x98", condition, seed))
    return pages


def run_cli(page_paths: list[str], cores: int) -> float:
    def one(path: str) -> None:
        subprocess.run(["tesseract", path, "-", "--psm", "3"], check=True,
                       capture_output=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(cores) as pool:
        list(pool.map(one, page_paths))
    return time.perf_counter() - start


_api = None


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time a live process has used so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pool_pids(executor: ProcessPoolExecutor) -> list[int]:
    return list(getattr(executor, "_processes", None) or {})


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # every process of the run, from the clock's start to its stop
    service_cpu_seconds: float = 0.0  # of which the pipeline's service process


def _init_api() -> None:
    global _api
    import tesserocr

    from ocr.engine import find_tessdata

    _api = tesserocr.PyTessBaseAPI(path=find_tessdata() + "/", lang="eng")


def _read_with_api(path: str) -> int:
    from PIL import Image

    with Image.open(path) as image:
        _api.SetImage(image.convert("L"))
        return len(_api.GetUTF8Text())


def run_engine(page_paths: list[str], cores: int) -> Run:
    import multiprocessing

    with ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_init_api) as pool:
        list(pool.map(_read_with_api, page_paths[:cores]))  # warm: model loaded per process
        pids = pool_pids(pool)
        cpu = sum(map(process_cpu_seconds, pids))
        start = time.perf_counter()
        list(pool.map(_read_with_api, page_paths))
        return Run(time.perf_counter() - start,
                   sum(map(process_cpu_seconds, pids)) - cpu)


async def warm(pool, cores: int) -> None:
    """Return once every pool process has answered, so each has loaded its model (and its
    dictionary) before the clock starts, as the engine baseline's processes have."""
    answered: set[int] = set()
    for _ in range(10_000):
        answered.update(await asyncio.gather(*(pool.run(os.getpid) for _ in range(cores))))
        if len(answered) >= cores:
            return
    raise RuntimeError(f"only {len(answered)} of {cores} OCR processes started")


def run_pipeline(files: list[Path], data_dir: Path, cores: int, verdicts: int = 0) -> Run:
    # The job loops are the service's default (Config.job_workers: one more than the pool's
    # processes), so the run measures what a site gets.
    config = config_from_mapping({"paths": {"data_dir": str(data_dir)},
                                  "ocr": {"workers": cores},
                                  "worker": {"poll_seconds": 0.02}}, env={})
    services = open_services(config)
    try:
        if verdicts:
            from benchmarks.spam_feedback import fill

            fill(services.catalog, verdicts, unjudged=0)
        asyncio.run(warm(services.pool, cores))
        pids = [os.getpid(), *pool_pids(services.pool._executor)]
        service_cpu, cpu = process_cpu_seconds(pids[0]), sum(map(process_cpu_seconds, pids))
        start = time.perf_counter()
        ids = [ingest_file(services, path).fax_id for path in files]

        async def drain() -> None:
            stop = asyncio.Event()
            await asyncio.gather(*(worker_loop(services, stop, fax_ids=ids, until_idle=True)
                                   for _ in range(config.job_workers)))

        asyncio.run(drain())
        elapsed = time.perf_counter() - start
        # A pool process replaced mid-run (none is, unless one crashed) would be missed.
        assert pool_pids(services.pool._executor) == pids[1:], "the pool was restarted"
        service_cpu = process_cpu_seconds(pids[0]) - service_cpu
        cpu = sum(map(process_cpu_seconds, pids)) - cpu
        states = {services.catalog.get_fax(i)["state"] for i in ids}
        assert states == {"archived"}, states
        return Run(elapsed, cpu, service_cpu)
    finally:
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faxes", type=int, default=8)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", choices=["dense", "clean", "degraded"], default="dense")
    parser.add_argument("--verdicts", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.corpus != "dense":
            files = corpus_pages(root, args.corpus)
            args.faxes, args.pages = len(files), 1
        else:
            files = make_corpus(root, args.faxes, args.pages)
        page_paths = [p.path for i, f in enumerate(files)
                      for p in split_document(f, root / f"pages{i}")]
        n = len(page_paths)
        results = {
            "cli": Run(run_cli(page_paths, args.cores), 0.0),
            "engine": run_engine(page_paths, args.cores),
            "pipeline": run_pipeline(files, root / "var", args.cores, args.verdicts),
        }
    kind = "dense text" if args.corpus == "dense" else f"{args.corpus} corpus pages"
    judged = f", {args.verdicts} operator verdicts in the catalog" if args.verdicts else ""
    print(f"{n} pages ({args.faxes} faxes x {args.pages}), 204x98 G4, {kind}, "
          f"{args.cores} cores{judged}")
    for name, run in results.items():
        cpu = f"  {run.cpu_seconds * 1000 / n:6.1f} ms CPU a page" if run.cpu_seconds else ""
        if run.service_cpu_seconds:
            cpu += f" (service {run.service_cpu_seconds * 1000 / n:.1f})"
        print(f"  {name:<9} {run.seconds:7.2f} s  {n / run.seconds:6.2f} pages/s{cpu}")
    engine, pipeline = results["engine"], results["pipeline"]
    print(f"ratio pipeline/cli    = {results['cli'].seconds / pipeline.seconds:.2f}x")
    print(f"ratio pipeline/engine = {engine.seconds / pipeline.seconds:.2f}x"
          f"  (CPU a page: {engine.cpu_seconds / pipeline.cpu_seconds:.2f}x)")


if __name__ == "__main__":
    main()
