"""A process pool whose workers each hold one loaded OCR engine.

Tesseract is CPU-bound and (with ``OMP_THREAD_LIMIT=1``) single-threaded, so pages run in
parallel processes, one per core by default. Each process loads the model once, in the pool
initializer, and reuses it for every page it is given. Processes are spawned, not forked: the
parent runs an event loop and threads, which do not survive a fork.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image

from ocr.engine import (
    CLEAN_PAGE_SEGMENTATION,
    Engine,
    PageText,
    Word,
    find_tessdata,
    make_engine,
)
from ocr.fax_model import FAX_LANGUAGE, fax_model_paths
from ocr.languages import keep_first_reading, reads_as_another_language
from ocr.lexicon import check_lexicon_programs, load_lexicon
from ocr.normalize import normalize_fax_geometry
from ocr.rereads import add_unprepared_readings

T = TypeVar("T")


class PoolWorkerDied(RuntimeError):
    """A pool process died mid-task (retryable: the pool has been replaced)."""


class PoolTaskTimedOut(RuntimeError):
    """A pool task ran past its time limit; its process was replaced."""


# A task longer than this (an assembly, a split) is stopped: a hostile file must not hold a
# process for ever. OCR pages have their own, shorter limit (ocr.page_timeout_seconds).
DEFAULT_TASK_TIMEOUT = 600.0
# Address space each pool process may map: a decoder fooled into a huge allocation fails
# with MemoryError in that process instead of driving the host into the OOM killer. A warm
# worker maps about 0.4 GB (tesseract's English model, numpy, a 300 dpi page being read).
DEFAULT_ADDRESS_SPACE_BYTES = 3 * 1024**3
MIN_ADDRESS_SPACE_HEADROOM = 1024**3

_engine: Engine | None = None
# The engine's settings, as make_engine takes them: name, languages, tessdata, correct_words,
# damaged_tessdata, other_languages.
_engine_args: tuple[str, list[str], str, bool, str, tuple[str, ...]] = (
    "tesserocr", ["eng"], "", True, "", ())


def _exit_with_parent() -> None:
    """End this process when the process that started it ends, however it ends (kill -9
    included): a pool process left behind holds its engine's memory for nothing. The parent
    holds the write end of a pipe ("sentinel") that closes when it dies."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _mapped_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _limit_address_space(limit: int) -> None:
    if limit <= 0:
        return
    # Never below what is already mapped plus room to work: thread stacks and library
    # arenas grow with the machine's core count, and a worker that cannot start helps nobody.
    limit = max(limit, _mapped_bytes() + MIN_ADDRESS_SPACE_HEADROOM)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _init_worker(engine: str, languages: list[str], tessdata: str,
                 correct_words: bool, damaged_tessdata: str = "", address_space: int = 0,
                 lexicon_words: str | None = None,
                 other_languages: tuple[str, ...] = ()) -> None:
    global _engine, _engine_args
    _exit_with_parent()
    _limit_address_space(address_space)
    # Ctrl-C in a terminal signals the whole process group. The parent drains (running pages
    # finish, then it shuts the pool down); a worker that took the signal itself would die
    # mid-page and break the pool under the jobs being drained.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held while starting
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _engine_args = (engine, languages, tessdata, correct_words, damaged_tessdata,
                    other_languages)
    # None: not read by the parent (the engine reads them); "": read, and there are none.
    lexicon = None if lexicon_words is None else frozenset(filter(None, lexicon_words.split("\n")))
    _engine = make_engine(engine, languages, tessdata, correct_words, lexicon=lexicon,
                          damaged_tessdata=damaged_tessdata, other_languages=other_languages)


def _get_engine() -> Engine:
    global _engine
    if _engine is None:  # called outside a pool (tests, benchmarks): load on first use
        name, languages, tessdata, correct_words, damaged_tessdata, other = _engine_args
        _engine = make_engine(name, languages, tessdata, correct_words,
                              damaged_tessdata=damaged_tessdata, other_languages=other)
    return _engine


# A page read with less mean confidence than this, or fewer words, gets an orientation check:
# upside-down or sideways text reads as low-confidence debris. Upright pages skip the check.
ORIENTATION_CHECK_BELOW = 60.0
ORIENTATION_MIN_WORDS = 8
ORIENTATION_MIN_CONFIDENCE = 1.5  # tesseract OSD's orient_conf


def _read(image: Image.Image, xdpi: float, ydpi: float,
          engine: Engine) -> tuple[PageText, Image.Image, int]:
    """The page's text (word boxes in page pixels), and the prepared image and DPI it was
    read from (for an orientation check without preparing the page twice)."""
    ocr_image, geometry = normalize_fax_geometry(image, xdpi, ydpi)
    # A fax page that came clean (see CLEAN_PAGE_SEGMENTATION; smoothed in grey when its
    # rows were repeated); a grey page (a scan) is read as a noisy one is.
    clean = image.mode == "1" and not geometry.cleaned
    psm = CLEAN_PAGE_SEGMENTATION if clean else None
    result = engine.recognize(ocr_image, geometry.dpi, psm, damaged=geometry.damaged)
    if engine.other_languages and reads_as_another_language(result, engine.dictionary):
        result = keep_first_reading(
            engine.recognize(ocr_image, geometry.dpi, psm, damaged=geometry.damaged,
                             other_languages=True), result)
    result.words = [Word(w.text, *geometry.box_to_page(w.x0, w.y0, w.x1, w.y1), w.confidence)
                    for w in result.words]
    if not geometry.cleaned:  # a noisy page as received reads worse, not differently
        add_unprepared_readings(result, image, xdpi, ydpi, engine)
    return result, ocr_image, geometry.dpi


def _looks_sideways(result: PageText, xdpi: float, ydpi: float) -> bool:
    """Tesseract can read a sideways page without saying so; its word boxes give it away:
    most longer words then stand taller than wide (in inches, whatever the DPI)."""
    long_words = [w for w in result.words if len(w.text) >= 4]
    if not long_words:
        return False
    tall = sum(1 for w in long_words
               if (w.y1 - w.y0) / ydpi > (w.x1 - w.x0) / xdpi)
    return tall > len(long_words) / 2


def turned(image: Image.Image, xdpi: float, ydpi: float,
           degrees: int) -> tuple[Image.Image, float, float]:
    """The page turned ``degrees`` counter-clockwise (lossless), with its DPI per axis."""
    if degrees % 360 == 0:
        return image, xdpi, ydpi
    transpose = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                 270: Image.Transpose.ROTATE_270}[degrees % 360]
    swap = degrees % 180 == 90
    return image.transpose(transpose), (ydpi if swap else xdpi), (xdpi if swap else ydpi)


def recognize_page_image(image: Image.Image, xdpi: float, ydpi: float,
                         engine: Engine | None = None) -> PageText:
    """OCR one page: square its pixels, read it, map word boxes back to page pixels. A page
    that reads badly is checked for orientation (tesseract OSD) and read again turned; the
    better reading wins and says how the page was turned."""
    engine = engine or _get_engine()
    result, ocr_image, ocr_dpi = _read(image, xdpi, ydpi, engine)
    if (result.confidence or 0) >= ORIENTATION_CHECK_BELOW and \
            len(result.words) >= ORIENTATION_MIN_WORDS and not _looks_sideways(result, xdpi,
                                                                                ydpi):
        return result
    degrees, confidence = engine.orientation(ocr_image, ocr_dpi)
    if degrees == 0 or confidence < ORIENTATION_MIN_CONFIDENCE:
        return result
    page, tx, ty = turned(image, xdpi, ydpi, degrees)
    candidate = _read(page, tx, ty, engine)[0]
    # OSD is sure the page is turned: keep the upright reading unless it is clearly worse
    # (tesseract sometimes reads sideways lines well, but the page should still be upright).
    if (candidate.confidence or 0) >= (result.confidence or 0) - 5:
        candidate.rotation = degrees
        return candidate
    return result


def recognize_page_file(path: str | Path, xdpi: float, ydpi: float) -> PageText:
    """Pool task: OCR the single-page image file at ``path``."""
    with Image.open(path) as image:
        image.load()
        return recognize_page_image(image, xdpi, ydpi)


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked in this thread for the block: one that arrives meanwhile waits and is
    delivered after, and processes started meanwhile begin with it blocked."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class OcrPool:
    """The shared executor for CPU-bound work: OCR, page splitting, assembly."""

    def __init__(self, workers: int = 0, engine: str = "tesserocr",
                 languages: list[str] | None = None, tessdata: str = "",
                 correct_words: bool = True, *,
                 other_languages: tuple[str, ...] = (),
                 fax_model_cache: Path | None = None,
                 task_timeout: float = DEFAULT_TASK_TIMEOUT,
                 address_space_bytes: int = DEFAULT_ADDRESS_SPACE_BYTES) -> None:
        """``fax_model_cache``: where to put together the tessdata directory whose English
        model is the fax model (ocr/fax_model.py), which reads the pages whose print came
        damaged (``OcrGeometry.damaged``); None reads every page with the installed models."""
        self.workers = workers or os.cpu_count() or 1
        languages = languages or ["eng"]
        damaged_tessdata = ""
        if fax_model_cache is not None and FAX_LANGUAGE in languages:
            tessdata, damaged_tessdata = fax_model_paths(tessdata, fax_model_cache)
        # Check in the parent too, so a missing language pack or dictionary program fails
        # start-up, not page one.
        make_engine(engine, languages, tessdata, damaged_tessdata=damaged_tessdata,
                    other_languages=other_languages, lexicon=frozenset())
        # The dictionaries are read out once, here, and handed to every pool process as one
        # string (about 1.3 MB for eng): a process started later (a pool replaced after a
        # crash or a stuck page) neither runs the dictionary programs again (~0.4 s) nor
        # leaves their scratch directory behind when it is killed while they run.
        lexicon_words = None
        if correct_words or other_languages:  # other languages are told by the dictionary
            check_lexicon_programs()
            lexicon_words = "\n".join(sorted(load_lexicon(languages, find_tessdata(tessdata))))
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        # One BLAS thread per process too: the pool is the parallelism, and each idle BLAS
        # thread reserves memory (address space, which the pool process limit counts).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        self._initargs = (engine, languages, tessdata, correct_words, damaged_tessdata,
                          address_space_bytes, lexicon_words, tuple(other_languages))
        self.task_timeout = task_timeout
        self._executor = self._new_executor()
        self.restarts = 0

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=self._initargs,
        )

    @staticmethod
    def _submit(executor: ProcessPoolExecutor, fn: Callable[..., T], *args: Any) -> Future[T]:
        # A submit may start a process (the pool starts them as work arrives). It starts with
        # SIGINT blocked (the mask is inherited across exec) until _init_worker ignores it,
        # so the terminal's Ctrl-C to the process group cannot kill it while it imports.
        with _sigint_held():
            return executor.submit(fn, *args)

    async def run(self, fn: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        """Run ``fn`` in a pool process, within ``timeout`` seconds (default: the pool's
        task timeout). If a process dies (a decoder or tesseract crash, the OOM killer), the
        standard pool is broken for good; replace it, so one bad page costs one failed attempt
        of one job instead of every job after it. A task past its time limit cannot be
        stopped inside its process, so that pool is replaced too, its processes killed."""
        executor = self._executor
        limit = self.task_timeout if timeout is None else timeout
        try:
            return await asyncio.wait_for(
                asyncio.wrap_future(self._submit(executor, fn, *args)), limit)
        except TimeoutError:
            self._replace(executor, kill=True)
            raise PoolTaskTimedOut(f"a pool task ({getattr(fn, '__name__', fn)}) ran longer "
                                   f"than {limit:g} s; its process was replaced") from None
        except BrokenProcessPool:
            self._replace(executor)
            raise PoolWorkerDied("an OCR pool process died (crash or kill) during this "
                                 "task; the pool was restarted") from None

    def _replace(self, executor: ProcessPoolExecutor, kill: bool = False) -> None:
        """Put a new executor in place of ``executor`` (once, however many tasks notice)."""
        if executor is not self._executor:
            return
        self._executor = self._new_executor()
        self.restarts += 1
        # The standard executor can only wait for its processes; one stuck in a task never
        # returns, so it is killed (the others' tasks fail and are retried by their jobs).
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        if kill:
            for process in processes:
                with contextlib.suppress(Exception):
                    process.kill()

    async def recognize(self, path: Path, xdpi: float, ydpi: float,
                        timeout: float | None = None) -> PageText:
        return await self.run(recognize_page_file, str(path), xdpi, ydpi, timeout=timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
