"""The steps of one fax, as job handlers.

``process`` splits the original into pages, OCRs them in the pool, indexes the text and
assembles fax.pdf / fax.tif in the spool; ``archive`` uploads original, derived files and the
``fax.json`` sidecar, verified, then frees the spool. Each handler commits its catalog effects
together with the job's completion, so a crash at any point leaves either nothing or
everything of a step, and re-running a step yields the same rows and objects.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import ocr_cache, routing, spam
from ingest.assemble import assemble_outputs
from ingest.config import ArchiveConfig, Config
from ingest.jobs import JobKind
from ingest.journal import message_event_key
from ingest.metrics import Metrics
from ingest.pages import FaxRejected, PageImage, PdfRendering, split_document, turn_page
from ocr import OcrPool, PageText
from ocr.pool import PoolTaskTimedOut, recognize_page_file
from storage import audit, queue
from storage.archive import Archive, LocalArchive, archive_key, sha256_stream
from storage.backend import Catalog, open_catalog
from storage.shared_spool import SharedSpool
from storage.spool import Spool

SIDECAR_VERSION = 1
log = logging.getLogger("faxvault.pipeline")
# What ``process`` derives in a fax's work directory and ``archive`` uploads.
DERIVED_FILES = ("fax.pdf", "fax.tif", "text.json")


class LeaseLost(RuntimeError):
    """Another worker took the job over; this one's effects are rolled back."""


@dataclass
class Services:
    """Everything a job handler needs, opened once per process."""

    config: Config
    catalog: Catalog
    spool: Spool
    archive: Archive
    pool: OcrPool | None = None
    owns_pool: bool = True
    backoff: queue.Backoff = field(default_factory=queue.Backoff)
    metrics: Metrics = field(default_factory=Metrics)
    # Provider API clients by provider name; set where an aiohttp session exists.
    clients: dict[str, Any] = field(default_factory=dict)
    # The learned junk signal over operator verdicts, trained when they change.
    verdict_model: spam.VerdictModel = field(default_factory=spam.VerdictModel)

    def close(self) -> None:
        if self.pool is not None and self.owns_pool:
            self.pool.shutdown()
        self.catalog.close()


def s3_settings(config: Config, section: ArchiveConfig | None = None) -> Any:
    """boto3 loads slowly: it is imported only when the S3 backend is configured.
    ``section`` is another store's settings (the second audit anchor); default [archive]."""
    from storage.s3 import S3Settings

    a = section or config.archive
    return S3Settings(
        bucket=a.bucket, endpoint_url=a.endpoint_url, region=a.region, prefix=a.prefix,
        access_key_id=a.access_key_id.get_secret_value() if a.access_key_id else None,
        secret_access_key=a.secret_access_key.get_secret_value()
        if a.secret_access_key else None,
        path_style=a.path_style, lock_mode=a.object_lock_mode,
        multipart_threshold_bytes=a.multipart_threshold_mb * 1024 * 1024,
        connect_timeout_seconds=min(10.0, a.timeout_seconds),
        read_timeout_seconds=a.timeout_seconds, max_attempts=a.max_attempts,
        create_bucket=a.create_bucket, sse=a.sse, sse_kms_key_id=a.sse_kms_key_id,
    )


def open_archive(config: Config, section: ArchiveConfig | None = None) -> Archive:
    """The configured backend (or ``section``'s). Opening makes no network call (read
    commands stay local); the S3 bucket is checked before the first write."""
    section = section or config.archive
    if section.backend == "s3":
        from storage.s3 import S3Archive

        return S3Archive(s3_settings(config, section))
    return LocalArchive(section.path or config.archive_dir)


def open_services(config: Config, *, with_pool: bool = True,
                  pool: OcrPool | None = None) -> Services:
    """Open catalog, spool and archive; start an OCR pool if ``with_pool`` and none is given
    (a given pool stays the caller's to shut down)."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    owns_pool = pool is None and with_pool
    if owns_pool:
        fax_models = config.data_dir / "ocr-models" if config.ocr.fax_model else None
        pool = OcrPool(workers=config.ocr_processes, engine=config.ocr.engine,
                       languages=list(config.ocr.languages), tessdata=config.ocr.tessdata_dir,
                       correct_words=config.ocr.correct_words,
                       other_languages=tuple(config.ocr.other_languages),
                       fax_model_cache=fax_models,
                       task_timeout=config.limits.task_timeout_seconds,
                       address_space_bytes=config.limits.pool_address_space_mb * 1024**2)
    archive = open_archive(config)
    shared = (SharedSpool(archive, config.archive.shared_spool_prefix)
              if config.shares_spool else None)
    return Services(
        owns_pool=owns_pool,
        config=config,
        catalog=open_catalog(config.catalog_location),
        spool=Spool(config.spool_dir, config.limits.spool_max_bytes, shared),
        archive=archive,
        pool=pool,
        backoff=queue.Backoff(config.worker.backoff_base_seconds,
                              config.worker.backoff_max_seconds),
    )


def lifecycle_rules(config: Config) -> list[dict[str, Any]]:
    """The configured lifecycle rules as S3 rules (the archive prefix applied)."""
    from storage.lifecycle import s3_rule

    prefix = config.archive.prefix.strip("/") + "/" if config.archive.prefix.strip("/") else ""
    return [s3_rule(r.id, prefix + r.prefix, expiration_days=r.expiration_days,
                    noncurrent_expiration_days=r.noncurrent_expiration_days,
                    abort_incomplete_days=r.abort_incomplete_days,
                    transitions=[(t.days, t.storage_class) for t in r.transitions])
            for r in config.archive.lifecycle]


def _sha256_file(path: Path) -> tuple[str, int]:
    with open(path, "rb") as stream:
        return sha256_stream(stream)


def _complete_or_rollback(catalog: Catalog, job: queue.Job) -> None:
    if not catalog.jobs.complete(job):
        raise LeaseLost(f"job {job.id}: lease lost before completion; effects rolled back")


async def process_fax(services: Services, job: queue.Job) -> queue.Job | None:
    """Pages → OCR → index → assemble; then enqueue the archive step. Several nodes: the
    archive step is returned, leased to this worker, to run next where the derived files are
    (see :func:`archive_fax` for a node that dies first)."""
    catalog, spool = services.catalog, services.spool
    assert services.pool is not None, "process_fax needs the OCR pool"
    fax = catalog.get_fax(job.fax_id)
    original = await asyncio.to_thread(spool.local_blob, fax["original_sha256"] or "-")
    if not fax["original_sha256"] or not original.is_file():
        raise FaxRejected(f"original {fax['original_sha256']} is not in the spool")
    catalog.update_fax(fax["id"], state="processing")
    work = spool.work_dir(fax["id"])
    pages = await split_pages(services, original, work / "pages")
    pages, texts = await ocr_pages(services, work, pages)
    # The pool process that assembles reads each page's words from its cache file.
    await services.pool.run(assemble_outputs, pages,
                            [str(_ocr_cache_path(work, p)) for p in pages], str(work))
    text_doc = [{"page_no": p.page_no, "text": t.text, "confidence": t.confidence,
                 "rotation": t.rotation, "added_forms": t.added_forms}
                for p, t in zip(pages, texts, strict=True)]
    (work / "text.json").write_text(json.dumps(text_doc, ensure_ascii=False, indent=1))
    confidences = [t.confidence for t in texts if t.confidence is not None]
    follow: queue.Job | None = None
    verdict_model = services.verdict_model.current(catalog)  # before the write lock
    with catalog.transaction():
        # Pages past the new count go first: forgetting search terms waits for every
        # transaction adding terms, so one that added some itself would wait for its peers
        # while they wait for it (PostgreSQL; see storage.pg.catalog.TERMS_LOCK).
        catalog.delete_pages_after(fax["id"], len(pages))
        for page, text in zip(pages, texts, strict=True):
            catalog.replace_page(fax["id"], {**page.as_row(), **page_text_row(text)})
        catalog.update_fax(fax["id"], state="processed", pages=len(pages), error=None)
        verdict = spam.score_fax(catalog, services.config, fax["id"], model=verdict_model)
        spam.record_verdict(catalog, fax["id"], verdict)
        routing.route_fax(catalog, services.config, fax["id"])
        services.metrics.spam_verdicts.labels(verdict.verdict).inc()
        audit.append(catalog, "system", "fax.ocr", fax["id"], {
            "pages": len(pages),
            "mean_confidence": round(sum(confidences) / len(confidences), 2)
            if confidences else None,
            "spam": {"verdict": verdict.verdict, "score": verdict.score},
        })
        if spool.shared is not None:
            follow = catalog.jobs.enqueue_leased(
                JobKind.ARCHIVE, fax_id=fax["id"],
                max_attempts=services.config.worker.max_attempts,
                lease_seconds=services.config.worker.lease_seconds)
        else:
            catalog.jobs.enqueue(JobKind.ARCHIVE, fax_id=fax["id"],
                                 max_attempts=services.config.worker.max_attempts)
        _complete_or_rollback(catalog, job)
    return follow


def _ocr_cache_path(work: Path, page: PageImage) -> Path:
    return ocr_cache.cache_path(work, page.image_sha256, page.page_no)


def read_page_to_cache(path: str, xdpi: float, ydpi: float, cache: str) -> PageText:
    """Pool task: OCR one page, keep the whole reading in the fax's OCR cache file
    ``cache`` (assembly takes the page's words from there), and return it without its
    words, which then never cross to the service nor gather there (ingest/ocr_cache.py)."""
    text = recognize_page_file(path, xdpi, ydpi)
    ocr_cache.write_page_text(Path(cache), text)
    text.words = []
    return text


async def ocr_pages(services: Services, work: Path,
                    pages: list[PageImage]) -> tuple[list[PageImage], list[PageText]]:
    """OCR pages in the pool, in parallel; a page already read (same pixels: a streamed page,
    or an earlier attempt of this job) comes from the fax's OCR cache instead. Pages that
    read upright only once turned are turned in their page files too; returns the pages as
    they now are, and their text. The texts come without word boxes: those stay in each
    page's cache file (``_ocr_cache_path``), where assembly reads them."""
    assert services.pool is not None, "OCR needs the pool"
    timeout = services.config.ocr.page_timeout_seconds

    async def one(page: PageImage) -> PageText:
        cached = _ocr_cache_path(work, page)
        if page.image_sha256:
            text = ocr_cache.cached_page_text(cached)
            if text is not None:
                return text
        started = time.perf_counter()
        # Past the timeout the pool replaces its processes (a hung tesseract cannot be
        # stopped inside one), and the job retries.
        text = await services.pool.run(read_page_to_cache, page.path, page.xdpi, page.ydpi,
                                       str(cached), timeout=timeout)
        services.metrics.ocr_pages.inc()
        services.metrics.ocr_seconds.observe(time.perf_counter() - started)
        return text

    texts = list(await asyncio.gather(*(one(p) for p in pages)))
    pages = list(await asyncio.gather(*(
        services.pool.run(turn_page, page, text.rotation) if text.rotation else _same(page)
        for page, text in zip(pages, texts, strict=True))))
    return pages, texts


async def _same(page: PageImage) -> PageImage:
    return page


def page_text_row(text: PageText) -> dict[str, Any]:
    """A page's text columns: ``text`` is what the engine read (shown, and laid over the
    PDF); ``added_forms`` are further searchable forms of its words (corrections, readings
    of the unprepared page), indexed beside it and never put in its place."""
    return {"text": text.text, "confidence": text.confidence,
            "added_forms": " ".join(dict.fromkeys(text.added_forms))}


async def split_pages(services: Services, original: Path, out_dir: Path) -> list[PageImage]:
    """Split in the pool (it decodes untrusted input; a crash there cannot take us down),
    within a time limit: a file that keeps a process busy longer is refused."""
    assert services.pool is not None, "splitting needs the pool"
    limits, ocr = services.config.limits, services.config.ocr
    rendering = PdfRendering(ocr.pdf_min_render_dpi, ocr.pdf_max_render_dpi)
    try:
        return await services.pool.run(_split, str(original), str(out_dir), limits.max_pages,
                                       limits.max_pixels_per_page, rendering,
                                       timeout=limits.split_timeout_seconds)
    except PoolTaskTimedOut:
        raise FaxRejected(f"splitting the original into pages took longer than "
                          f"{limits.split_timeout_seconds:g} s "
                          "(limits.split_timeout_seconds)") from None


def _split(original: str, out_dir: str, max_pages: int, max_pixels: int,
           rendering: PdfRendering) -> list[PageImage]:
    return split_document(original, out_dir, max_pages=max_pages, max_pixels=max_pixels,
                          pdf_rendering=rendering)


def retain_until(received_at: str, retention_days: int,
                 journaled_at: str | None = None) -> str | None:
    """When the retention of a fax received at ``received_at`` (and journaled by faxvault at
    ``journaled_at``) ends. It runs from the later of the two: a date a sender, fax server or
    file claims can lengthen retention, never end it before faxvault has held the fax for the
    full period. Raises ValueError for a time that is not ISO 8601."""
    if retention_days <= 0:
        return None
    start = _utc_time(received_at, "received_at")
    if journaled_at:
        start = max(start, _utc_time(journaled_at, "journaled_at"))
    return (start + dt.timedelta(days=retention_days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _utc_time(value: str, what: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise ValueError(f"{what} {value!r} is not an ISO 8601 time") from None
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed


def build_sidecar(fax: dict[str, Any], pages: list[dict[str, Any]],
                  objects: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The self-describing ``fax.json``: enough to rebuild the catalog from the archive."""
    return {
        "faxvault_sidecar": SIDECAR_VERSION,
        "fax": {k: v for k, v in fax.items() if k not in ("state", "error")},
        "pages": [{k: v for k, v in p.items() if k not in ("id", "fax_id")} for p in pages],
        "objects": objects,
    }


class EmailMissing(RuntimeError):
    """The e-mail a fax came in is not in the journal as its metadata says (or differs)."""


def _email_sha256(fax: dict[str, Any]) -> str | None:
    """The SHA-256 of the raw e-mail the fax arrived in (the fax-to-email door), if any."""
    email = (fax.get("metadata") or {}).get("email")
    sha = email.get("message_sha256") if isinstance(email, dict) else None
    return sha if isinstance(sha, str) and len(sha) == 64 else None


def _journaled_email(catalog: Catalog, fax: dict[str, Any], sha256: str) -> bytes:
    """The raw message, read from where the door journaled it. A message missing or altered
    in the journal fails the step (retried, then the fax fails visibly) rather than archiving
    the fax without it."""
    body = catalog.event_body(message_event_key(fax["provider"], sha256))
    if body is None:
        raise EmailMissing(f"the e-mail {sha256} this fax came in is not in the journal")
    if hashlib.sha256(body).hexdigest() != sha256:
        raise EmailMissing(f"the journaled e-mail {sha256} does not hash to its name")
    return body


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


async def archive_fax(services: Services, job: queue.Job) -> None:
    """Upload original + derived files + sidecar, verified; record them; free the spool.

    Several nodes: the derived files are on the node that ran ``process``, which runs this
    step next. If that node died first, another one takes this job once its lease runs out,
    finds no derived files, and queues ``process`` again (which queues this step again):
    OCR'ing a fax twice costs less than copying every fax's derived files through the
    store."""
    catalog, spool, archive, config = (services.catalog, services.spool, services.archive,
                                       services.config)
    fax = catalog.get_fax(job.fax_id)
    work = spool.work_dir(fax["id"])
    if spool.shared is not None and not all((work / n).is_file() for n in DERIVED_FILES):
        with catalog.transaction():
            catalog.jobs.enqueue(JobKind.PROCESS, fax_id=fax["id"],
                                 max_attempts=config.worker.max_attempts)
            _complete_or_rollback(catalog, job)
        log.warning("fax %s: derived files not on this node (the node that made them "
                    "stopped before archiving); processing it again", fax["id"])
        return
    # Another node may have taken the file: fetch the original if this one lacks it.
    await asyncio.to_thread(spool.local_blob, fax["original_sha256"])
    keep_until = retain_until(fax["received_at"], config.archive.retention_days,
                              journaled_at=fax["created_at"])
    sources: dict[str, tuple[Path, str]] = {
        "original": (spool.blob_path(fax["original_sha256"]),
                     archive_key("original", fax["received_at"], fax["id"],
                                 fax["original_ext"] or "bin")),
    }
    for purpose, name in (("pdf", "fax.pdf"), ("tiff", "fax.tif"), ("text", "text.json")):
        sources[purpose] = (work / name, archive_key(purpose, fax["received_at"], fax["id"]))
    email_sha = _email_sha256(fax)
    if email_sha:
        body = _journaled_email(catalog, fax, email_sha)  # the catalog: on this thread
        sources["email"] = (await asyncio.to_thread(_write_bytes, work / "message.eml", body),
                            archive_key("email", fax["received_at"], fax["id"]))
    stored: dict[str, dict[str, Any]] = {}
    for purpose, (path, key) in sources.items():
        if purpose == "original":
            sha = fax["original_sha256"]
        elif purpose == "email":
            sha = email_sha  # put_file checks the bytes against it
        else:
            sha, _ = await asyncio.to_thread(_sha256_file, path)
        obj = await asyncio.to_thread(archive.put_file, key, path, sha, retain_until=keep_until)
        services.metrics.archive_bytes.inc(obj.size)
        stored[purpose] = {"key": obj.key, "sha256": obj.sha256, "size": obj.size,
                           "version_id": obj.version_id, "retain_until": obj.retain_until}
    sidecar = build_sidecar(fax, catalog.pages(fax["id"]), stored)
    sidecar_path = work / "fax.json"
    sidecar_bytes = json.dumps(sidecar, ensure_ascii=False, indent=1, sort_keys=True).encode()
    sidecar_path.write_bytes(sidecar_bytes)
    meta = await asyncio.to_thread(
        archive.put_file, archive_key("meta", fax["received_at"], fax["id"]), sidecar_path,
        hashlib.sha256(sidecar_bytes).hexdigest(), retain_until=keep_until)
    stored["meta"] = {"key": meta.key, "sha256": meta.sha256, "size": meta.size,
                      "version_id": meta.version_id, "retain_until": meta.retain_until}
    with catalog.transaction():
        for purpose, obj in stored.items():
            catalog.record_archive_object(fax["id"], {"purpose": purpose, **obj})
        catalog.update_fax(fax["id"], state="archived", error=None)
        audit.append(catalog, "system", "fax.archived", fax["id"], {
            "backend": archive.name,
            "objects": {p: {"key": o["key"], "sha256": o["sha256"]} for p, o in stored.items()},
        })
        _complete_or_rollback(catalog, job)
    release_spool(services, fax)


def release_unneeded_spool(services: Services) -> int:
    """Free the spool copies no fax needs any more, here and in the shared spool: a node
    killed between archiving a fax and :func:`release_spool` leaves its copy behind. Run at
    start-up, before the workers. Each blob is counted and removed under its lock, as
    release_spool does; a door journaling the same bytes meanwhile puts them back from its
    hold (storage.spool). How many blobs went."""
    if services.config.archive.keep_spool:
        return 0
    catalog, spool, freed = services.catalog, services.spool, 0
    for sha256 in sorted(spool.blob_names()):
        with catalog.transaction():
            catalog.lock_original(sha256)
            if catalog.count_faxes_needing_original(sha256) == 0:
                spool.remove_blob(sha256)
                freed += 1
    return freed


def release_spool(services: Services, fax: dict[str, Any]) -> None:
    """Drop the spool copies once archived, unless configured to keep them. A blob shared
    with another fax (same bytes received twice) stays until that fax is archived too. The
    references are counted and the blob removed inside one write transaction, holding the
    bytes' lock (``lock_original``): a fax that takes these bytes as its original commits
    either before (and is counted) or after (and finds the blob gone, so it puts it back from
    its writer's hold; see storage.spool)."""
    if services.config.archive.keep_spool:
        return
    services.spool.remove_work(fax["id"])
    sha256 = fax["original_sha256"]
    if not sha256:
        return
    catalog = services.catalog
    with catalog.transaction():
        catalog.lock_original(sha256)
        if catalog.count_faxes_needing_original(sha256, excluding=fax["id"]) == 0:
            services.spool.remove_blob(sha256)
