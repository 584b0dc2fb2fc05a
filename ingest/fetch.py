"""Provider jobs: fetch what a webhook announced, through the provider API.

Each registered provider's fetch job (``faxplus_fax``, ``dropbox_fax``, ...) fetches the fax
record and its document, adopts it as the fax's original and enqueues ``process``. A page job
(``faxplus_page``) fetches one streamed page, OCRs it and indexes it at once, so a fax is
searchable while it is still arriving; the final ``process`` run finds those pages in the
OCR cache instead of reading them again.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from ingest.config import Config
from ingest.jobs import JobKind
from ingest.journal import NewFax, ensure_fax
from ingest.numbers import normalize_number
from ingest.pages import FaxRejected, extension_for
from ingest.pipeline import LeaseLost, Services, ocr_pages, page_text_row, split_pages
from ingest.providers import registry
from ingest.providers.base import ApiClient, HttpPolicy, PermanentProviderError
from storage import audit, queue
from storage.spool import Blob

# Faxes past these states have their whole document: a late page event changes nothing.
DOCUMENT_STATES = ("fetched", "processing", "processed", "archived")


def http_policy(config: Config) -> HttpPolicy:
    return HttpPolicy(timeout_seconds=config.http.timeout_seconds,
                      retries=config.http.retries,
                      backoff_base_seconds=config.http.backoff_base_seconds,
                      backoff_max_seconds=config.http.backoff_max_seconds,
                      max_redirects=config.http.max_redirects)


def build_clients(config: Config, session: aiohttp.ClientSession) -> dict[str, ApiClient]:
    """API clients for the registered providers that have credentials, sharing one session."""
    policy = http_policy(config)
    clients: dict[str, ApiClient] = {}
    for name, provider in registry.PROVIDERS.items():
        client = provider.make_client(provider.settings(config), session, policy)
        if client is not None:
            clients[name] = client
    return clients


def client_for(services: Services, provider: str) -> Any:
    try:
        return services.clients[provider]
    except KeyError:
        raise PermanentProviderError(
            f"{provider} API credentials are not configured ([{provider}] in the config)"
        ) from None


class OriginalReleased(RuntimeError):
    """The fetched copy went with another fax's spool release: a retry downloads it again."""


async def adopt_original(services: Services, job: queue.Job, fax: dict[str, Any], blob: Blob,
                         fields: dict[str, Any]) -> None:
    """Make a fetched document the fax's original; record what the API said; enqueue
    ``process``; complete the job. One transaction."""
    catalog, region = services.catalog, services.config.numbers.default_region
    with open(blob.copy, "rb") as stream:
        ext = extension_for(stream.read(1024))
    metadata = {**fax["metadata"], **fields["metadata"]}
    # Several nodes: whichever OCRs the fax reads the original from the shared spool.
    await asyncio.to_thread(services.spool.share_blob, blob)
    with catalog.transaction():
        catalog.lock_original(blob.sha256)
        # Another fax's archive step frees a shared blob after counting its references in a
        # write transaction; under this one that count now includes us, so the blob is either
        # still here (and stays) or put back from the download's hold (see storage.spool).
        if not services.spool.ensure_blob(blob):
            raise OriginalReleased(f"spool copy {blob.sha256} was released before fax "
                                   f"{fax['id']} recorded it; fetching again")
        if services.spool.shared is not None and not await asyncio.to_thread(
                services.spool.blob_is_shared, blob.sha256):
            # Several nodes (a PostgreSQL catalog, whose transaction is this task's alone:
            # awaiting inside it lends no other task its connection): another node archived
            # a fax with these bytes and freed the shared copy since our upload; upload
            # again, before the process job can run anywhere (the hold is still here).
            await asyncio.to_thread(services.spool.share_blob, blob)
        catalog.update_fax(
            fax["id"], original_sha256=blob.sha256, original_size=blob.size, original_ext=ext,
            from_raw=fields["from_raw"] or fax["from_raw"],
            from_number=normalize_number(fields["from_raw"] or fax["from_raw"], region),
            to_raw=fields["to_raw"] or fax["to_raw"],
            to_number=normalize_number(fields["to_raw"] or fax["to_raw"], region),
            provider_status=fields["provider_status"] or fax["provider_status"],
            received_at=fields["received_at"] or fax["received_at"],
            partial=int(fields["partial"]), metadata=metadata, state="fetched", error=None,
        )
        audit.append(catalog, "system", "fax.fetched", fax["id"], {
            "provider": fax["provider"], "sha256": blob.sha256, "size": blob.size,
            "status": fields["provider_status"]})
        catalog.jobs.enqueue(JobKind.PROCESS, fax_id=fax["id"],
                      max_attempts=services.config.worker.max_attempts)
        _complete(catalog, job)


def fax_for_job(services: Services, job: queue.Job) -> dict[str, Any]:
    """The job's fax, created on the job's first run from the fax its delivery described
    (webhooks journal only the event and the job; see ingest.webhooks)."""
    catalog = services.catalog
    if job.fax_id is None:
        described = job.payload.get("fax")
        if not isinstance(described, dict):
            raise FaxRejected(f"job {job.id} names no fax")
        region = services.config.numbers.default_region
        fax = NewFax(**{**described,
                        "from_number": normalize_number(described.get("from_raw"), region),
                        "to_number": normalize_number(described.get("to_raw"), region)})
        with catalog.transaction():
            fax_id = ensure_fax(catalog, fax)
            catalog.jobs.assign_fax(job.id, fax_id)
        return catalog.get_fax(fax_id)
    return catalog.get_fax(job.fax_id)


async def fetch_fax(services: Services, job: queue.Job, provider: str) -> None:
    """The record and the document of a fax a webhook announced (or reconcile found)."""
    client = client_for(services, provider)
    fax = fax_for_job(services, job)
    record = await client.get_fax(fax["provider_fax_id"])
    blob = await client.download_fax(fax["provider_fax_id"], services.spool,
                                     services.config.limits.max_file_bytes)
    try:
        fields = registry.get(provider).record_fields(record)
        # A delivery that said the content is partial (Telnyx partial_content) keeps the fax
        # flagged even when the API record does not repeat it.
        if (fax.get("metadata") or {}).get("partial_content") is True:
            fields["partial"] = True
        await adopt_original(services, job, fax, blob, fields)
    finally:
        services.spool.release_hold(blob)


async def fetch_faxplus_fax(services: Services, job: queue.Job) -> None:
    await fetch_fax(services, job, "faxplus")


async def fetch_dropbox_fax(services: Services, job: queue.Job) -> None:
    await fetch_fax(services, job, "dropbox")


async def fetch_page(services: Services, job: queue.Job, provider: str) -> None:
    """One streamed page: fetch, OCR, index now. Duplicates and late pages are harmless."""
    catalog = services.catalog
    fax = fax_for_job(services, job)
    page_no = int(job.payload["page"])
    if fax["state"] in DOCUMENT_STATES:  # the whole document is in: nothing left to add
        with catalog.transaction():
            _complete(catalog, job)
        return
    client = client_for(services, provider)
    blob = await client.download_page(fax["provider_fax_id"], page_no, job.payload.get("file"),
                                      services.spool, services.config.limits.max_file_bytes)
    work = services.spool.work_dir(fax["id"])
    try:
        pages = await split_pages(services, blob.copy, work / "stream" / f"{page_no:04d}")
    finally:
        services.spool.release_hold(blob)
        _drop_page_blob(services, blob.sha256)
    if len(pages) != 1:
        raise FaxRejected(f"page {page_no}: expected a single-page TIFF, got {len(pages)}")
    pages, [text] = await ocr_pages(services, work, pages)
    with catalog.transaction():
        if catalog.get_fax(fax["id"])["state"] not in DOCUMENT_STATES:  # else: document won
            catalog.replace_page(fax["id"], {**pages[0].as_row(), "page_no": page_no,
                                             **page_text_row(text)})
            catalog.update_fax(fax["id"], state="receiving")
            audit.append(catalog, "system", "page.ocr", fax["id"], {"page": page_no})
        _complete(catalog, job)


async def fetch_faxplus_page(services: Services, job: queue.Job) -> None:
    await fetch_page(services, job, "faxplus")


def _complete(catalog: Any, job: queue.Job) -> None:
    if not catalog.jobs.complete(job):
        raise LeaseLost(f"job {job.id}: lease lost before completion; effects rolled back")


def _drop_page_blob(services: Services, sha256: str) -> None:
    """A streamed page's blob is scratch once split, unless it is some fax's original (a
    one-page fax's page file can be the very bytes of its document). Counted and removed in
    one write transaction, as in :func:`ingest.pipeline.release_spool`."""
    catalog = services.catalog
    with catalog.transaction():
        catalog.lock_original(sha256)
        if not catalog.is_original(sha256):
            services.spool.remove_blob(sha256)
