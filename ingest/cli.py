"""``faxvault``: a thin click layer over the library (each command maps onto one API call).

Exit codes: 0 success, 1 an operation failed, 2 usage or config error, 3 not found.
Every read command takes ``--json`` (one JSON document on stdout).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import re
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import click
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from ingest import cli_catalog, cli_people, cli_records
from ingest.cli_options import (
    EXIT_FAILED,
    EXIT_USAGE,
    OperationFailed,
    cli_actor,
    date_filter_options,
    emit_json,
    exit_with,
    json_option,
    keep_files_private,
    normalized_date,
    shown,
    stderr,
    stdout,
    with_config,
    with_services,
)
from ingest.config import Config
from ingest.pipeline import Services
from ingest.providers import registry as provider_registry
from ocr import OcrSetupError
from storage import audit
from storage.archive import ArchiveError
from storage.backend import FeatureUnavailable
from storage.search import HIT_CLOSE, HIT_OPEN, SearchFilters, search_pages
from storage.spool import NotRegularFile, TooLarge


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="faxvault")
def cli() -> None:
    """faxvault: inbound fax ingestion, OCR search and archival."""
    keep_files_private()


@cli.command()
@click.option("--role", type=click.Choice(["all", "api", "worker"]), default=None,
              help="What this node runs (default: server.role, else all): api = webhooks, "
                   "web inbox and doors; worker = the jobs, with /healthz and /metrics only.")
@with_config
def serve(config: Config, role: str | None) -> None:
    """Run the service: HTTP routes, job workers, configured doors; Ctrl-C drains and stops."""
    from aiohttp import web

    from ingest.app import init_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        app = init_app(config, role=role, serving=True)
        web.run_app(app, host=config.server.host, port=config.server.port,
                    print=lambda msg: stderr.print(msg, highlight=False),
                    shutdown_timeout=config.server.drain_seconds)
    except OcrSetupError as exc:
        exit_with("setup error", str(exc), EXIT_USAGE)


@cli.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--from", "from_raw", default=None, metavar="NUM", help="Sender number.")
@click.option("--to", "to_raw", default=None, metavar="NUM", help="Recipient number.")
@click.option("--wait", is_flag=True, help="Process the faxes now and return when done.")
@json_option
@with_services(pool=True)
def ingest(services: Services, paths: tuple[Path, ...], from_raw: str | None,
           to_raw: str | None, wait: bool, as_json: bool) -> None:
    """Ingest local TIFF/PDF files; prints each fax id.

    The same bytes ingested twice are one fax: the second time is reported as a duplicate.
    """
    from ingest.local import ingest_file

    results = []
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("journaling", total=len(paths))
        for path in paths:
            try:
                results.append(ingest_file(services, path, from_raw=from_raw, to_raw=to_raw,
                                           actor=cli_actor()))
            except (OSError, TooLarge, NotRegularFile, ArchiveError) as exc:  # SpoolFull: OSError
                reason = exc.strerror if isinstance(exc, OSError) else str(exc)
                raise OperationFailed(f"{path}: {reason}") from None
            progress.advance(task)
    fax_ids = list(dict.fromkeys(r.fax_id for r in results))
    if wait:
        asyncio.run(_process_until_done(services, fax_ids))
    rows = []
    for r in results:
        fax = services.catalog.get_fax(r.fax_id)
        rows.append({"path": r.path, "fax_id": r.fax_id, "sha256": r.sha256,
                     "duplicate": r.duplicate, "state": fax["state"], "pages": fax["pages"],
                     "error": fax["error"]})
    if as_json:
        emit_json(rows)
    else:
        for row in rows:
            note = " (already ingested)" if row["duplicate"] else ""
            extra = f" {row['state']}" + (f": {row['error']}" if row["error"] else "")
            click.echo(shown(f"{row['fax_id']}  {row['path']}{note}{extra if wait else ''}"))
    failed = [row for row in rows if row["state"] == "failed"]
    for row in failed:  # every failure says why on stderr, a repeat of a failed fax too
        earlier = " (the same bytes, ingested before)" if row["duplicate"] else ""
        click.echo(shown(f"{row['path']}: fax {row['fax_id']}{earlier} failed: "
                         f"{row['error'] or 'see faxvault status'}"), err=True)
    if wait and failed:
        sys.exit(EXIT_FAILED)


@contextlib.asynccontextmanager
async def provider_clients(services: Services) -> AsyncIterator[None]:
    """Provider API clients on one session, for commands that fetch from providers."""
    import aiohttp

    from ingest.fetch import build_clients

    async with aiohttp.ClientSession() as session:
        services.clients = build_clients(services.config, session)
        try:
            yield
        finally:
            services.clients = {}


async def _process_until_done(services: Services, fax_ids: list[str]) -> None:
    """Run an in-process worker on these faxes' jobs until none is pending. Safe beside a
    running ``serve``: both lease jobs, so each job runs once."""
    async with provider_clients(services):
        await _drain(services, fax_ids)


async def _drain(services: Services, fax_ids: list[str]) -> None:
    from ingest.worker import worker_loop

    stop = asyncio.Event()
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("processing", total=len(fax_ids))

        async def watch() -> None:
            while not stop.is_set():
                done = len(fax_ids) - _unfinished(services, fax_ids)
                progress.update(task, completed=done)
                await asyncio.sleep(0.5)

        watcher = asyncio.create_task(watch())
        workers = [asyncio.create_task(worker_loop(services, stop, fax_ids=fax_ids,
                                                   until_idle=True))
                   for _ in range(services.config.job_workers)]
        await asyncio.gather(*workers)
        stop.set()
        await watcher


def _unfinished(services: Services, fax_ids: list[str]) -> int:
    return services.catalog.unfinished_count(fax_ids)


@cli.command()
@click.option("--provider", type=click.Choice(provider_registry.reconcilable()), required=True)
@click.option("--since", default=None, metavar="DATE",
              help="Only faxes received on or after this date (ISO 8601).")
@click.option("--wait", is_flag=True, help="Fetch and process the missing faxes now.")
@json_option
@with_services(pool=True)
def reconcile(services: Services, provider: str, since: str | None, wait: bool,
              as_json: bool) -> None:
    """List faxes at a provider; fetch every one the catalog lacks."""
    from ingest.providers.base import ProviderError
    from ingest.reconcile import reconcile as run_reconcile

    async def run():
        async with provider_clients(services):
            report = await run_reconcile(services, provider, normalized_date(since),
                                         actor=cli_actor())
            if wait and report.journaled:
                await _drain(services, [j["fax_id"] for j in report.journaled])
            return report

    try:
        report = asyncio.run(run())
    except ProviderError as exc:
        raise OperationFailed(str(exc)) from None
    doc = {"provider": report.provider, "listed": report.listed, "known": report.known,
           "journaled": report.journaled, "skipped": report.skipped}
    if as_json:
        emit_json(doc)
        return
    click.echo(f"{provider}: {report.listed} listed, {report.known} already in the catalog, "
               f"{len(report.journaled)} fetched" + (" and processed" if wait else " (queued)"))
    for item in report.journaled:
        click.echo(shown(f"{item['fax_id']}  {provider} {item['provider_fax_id']}"))


@cli.command()
@click.argument("query")
@date_filter_options
@click.option("--status", default=None, help="Provider status, verbatim (e.g. success).")
@click.option("--include-spam", is_flag=True, help="Include faxes flagged as spam.")
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (AND, OR, NEAR, prefix*).")
@click.option("--exact", is_flag=True,
              help="Only pages with the words as typed (no pages found through OCR-close "
                   "words).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@json_option
@with_services()
def search(services: Services, query: str, from_number: str | None, since: str | None,
           until: str | None, status: str | None, include_spam: bool, raw: bool, exact: bool,
           limit: int, as_json: bool) -> None:
    """Full-text search over every page; best hits first, then pages that match only with
    OCR-close words (O/0, I/1, a letter or two off), marked as such."""
    from ingest.numbers import normalize_number

    filters = SearchFilters(since=normalized_date(since), until=normalized_date(until),
                            from_number=normalize_number(
                                from_number, services.config.numbers.default_region
                            ) or from_number,
                            status=status, include_spam=include_spam, raw=raw,
                            fuzzy=not exact,
                            phone_region=services.config.numbers.default_region)
    try:
        hits = search_pages(services.catalog, query, filters, limit)
    except FeatureUnavailable as exc:  # --raw (FTS5 syntax) on PostgreSQL
        raise OperationFailed(str(exc)) from None
    except Exception as exc:  # only reachable with --raw: FTS5 syntax errors
        raise click.UsageError(f"bad FTS5 query: {exc}") from None
    # Snippets and senders are PHI: the read is in the audit log before anything is shown.
    audit.record_search(services.catalog, cli_actor(), query,
                        {**dataclasses.asdict(filters), "limit": limit}, hits)
    if as_json:
        emit_json([{**h, "snippet": h["snippet"].replace(HIT_OPEN, "[").replace(HIT_CLOSE, "]")}
                   for h in hits])
        return
    if not hits:
        stderr.print("no matches")
        return
    # Two lines a hit, like grep with context: ids never truncated, snippets wrap freely.
    for hit in hits:
        sender = hit["from_number"] or hit["from_raw"] or "unknown sender"
        close = "  (close match)" if hit["match"] == "fuzzy" else ""
        stdout.print(Text.assemble((hit["fax_id"], "bold"), shown(
            f"  page {hit['page_no']}/{hit['pages']}  {hit['received_at']}  from {sender}{close}")))
        stdout.print(Text("    ").append(_highlight(hit["snippet"])))


def _highlight(snippet: str) -> Text:
    text = Text()
    for i, part in enumerate(snippet.replace(HIT_CLOSE, HIT_OPEN).split(HIT_OPEN)):
        text.append(shown(re.sub(r"\s+", " ", part)), style="bold yellow" if i % 2 else None)
    return text


@cli.command()
@click.argument("fax_id")
@click.option("--text", "with_text", is_flag=True, help="Include the OCR text of every page.")
@json_option
@with_services()
def show(services: Services, fax_id: str, with_text: bool, as_json: bool) -> None:
    """A fax's metadata, status, archive keys (and text)."""
    catalog = services.catalog
    fax = catalog.get_fax(fax_id)
    pages = catalog.pages(fax["id"])
    if not with_text:
        for page in pages:
            page.pop("text")
            page.pop("added_forms", None)
    signals = json.loads(fax.pop("spam_signals") or "[]")
    doc = {**fax, "spam_signals": signals, "pages_detail": pages,
           "archive": catalog.archive_objects(fax["id"])}
    audit.record(catalog, cli_actor(), "fax.viewed", fax["id"], {"text": with_text})
    if as_json:
        emit_json(doc)
        return
    table = Table(show_header=False, box=None)
    for key in ("id", "state", "error", "provider", "provider_fax_id", "provider_status",
                "received_at", "from_raw", "from_number", "to_raw", "to_number", "pages",
                "original_name", "original_sha256", "original_size"):
        if fax.get(key) not in (None, ""):
            table.add_row(Text(key, style="bold"), shown(fax[key]))
    stdout.print(table)
    if fax["spam_verdict"]:
        stdout.print(Text.assemble(("spam", "bold"), shown(
            f" {fax['spam_verdict']} (score {fax['spam_score']}, "
            f"threshold {services.config.spam.threshold})")))
        for signal in signals:
            stdout.print(shown(f"  {signal['weight']:+6.2f}  {signal['signal']}: "
                               f"{signal['detail']}"))
    for obj in doc["archive"]:
        stdout.print(shown(f"  {obj['purpose']:<9} {obj['key']}  sha256:{obj['sha256'][:16]}…"))
    for page in pages:
        conf = f"{page['confidence']:.0f}" if page["confidence"] is not None else "-"
        stdout.print(Text.assemble((f"page {page['page_no']}", "bold"),
                                   f" {page['width_px']}x{page['height_px']} px at "
                                   f"{page['xdpi']:g}x{page['ydpi']:g} dpi, confidence {conf}"))
        if with_text:
            stdout.print(shown(page["text"]))
            if page.get("added_forms"):  # searchable too, not part of what was read
                stdout.print(Text("also searchable as: ", style="dim")
                             + Text(shown(page["added_forms"])))


@cli.command()
@click.argument("fax_id")
@click.option("--format", "fmt", type=click.Choice(["pdf", "tiff", "original"]), default="pdf",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_services()
def get(services: Services, fax_id: str, fmt: str, output: Path) -> None:
    """Write a fax's PDF, TIFF or original file to OUTPUT."""
    catalog = services.catalog
    fax = catalog.get_fax(fax_id)
    objects = {o["purpose"]: o for o in catalog.archive_objects(fax["id"])}
    if fmt in objects:
        # The version recorded when it was archived (a later version on the key is not it).
        stored = objects[fmt]
        with services.archive.open(stored["key"], stored["version_id"]) as src, \
                open(output, "wb") as dst:
            shutil.copyfileobj(src, dst)
    else:  # not archived yet: serve from the spool
        work = services.spool.work / fax["id"]
        source = {"original": services.spool.blob_path(fax["original_sha256"] or "-"),
                  "pdf": work / "fax.pdf", "tiff": work / "fax.tif"}[fmt]
        if not source.is_file():
            raise OperationFailed(f"fax {fax['id']} has no {fmt} yet (state {fax['state']})")
        shutil.copyfile(source, output)
    audit.record(catalog, cli_actor(), "fax.retrieved", fax["id"],
                 {"format": fmt, "output": str(output)})
    click.echo(f"wrote {output}", err=True)


@cli.command()
@json_option
@with_services()
def status(services: Services, as_json: bool) -> None:
    """Queue depth, failed jobs with their errors, faxes by state, last deliveries."""
    catalog = services.catalog
    faxes = catalog.fax_counts_by_state()
    spam_counts = catalog.spam_verdict_counts()
    backlog = catalog.jobs.backlog_by_kind()
    doc = {"jobs": catalog.jobs.counts_by_state(), "backlog": backlog, "faxes": faxes,
           "spam": spam_counts,
           "failed_jobs": [dataclasses.asdict(job) for job in catalog.jobs.failed_jobs()],
           "deliveries": [dataclasses.asdict(row) for row in catalog.delivery_summaries()],
           "provider_statuses": [dataclasses.asdict(row)
                                 for row in catalog.provider_status_counts()],
           "doors": [dataclasses.asdict(row) for row in catalog.door_states()]}
    last, statuses = doc["deliveries"], doc["provider_statuses"]
    if as_json:
        emit_json(doc)
        return
    jobs = doc["jobs"]
    stdout.print(f"jobs: {jobs['queued']} queued, {jobs['running']} running, "
                 f"{jobs['done']} done, {jobs['failed']} failed")
    stdout.print("spam verdicts: " + (", ".join(f"{n} {v}" for v, n in sorted(
        spam_counts.items())) or "none"))
    if backlog:
        stdout.print("backlog: " + ", ".join(f"{n} {k}" for k, n in sorted(backlog.items())))
    stdout.print("faxes: " + (", ".join(f"{n} {s}" for s, n in sorted(faxes.items())) or "none"))
    for row in last:
        stdout.print(shown(f"last {row['provider']} delivery: {row['last_delivery']} "
                           f"({row['deliveries']} in all)"))
    for row in statuses:  # provider status codes verbatim: failures grouped by their code
        stdout.print(shown(f"{row['provider']} {row['provider_status']}: {row['faxes']} fax(es)"))
    for door in doc["doors"]:  # the polling and e-mail doors: their last look, and why not
        acks = f", {door['acks_waiting']} to mark read" if door["acks_waiting"] else ""
        stdout.print(shown(f"door {door['door']}: last look {door['last_poll_at']}{acks}"
                           + (f", error: {door['last_error']}" if door["last_error"] else "")))
    if doc["failed_jobs"]:
        table = Table("job", "kind", "fax", "attempts", "error", title="failed jobs")
        for job in doc["failed_jobs"]:
            table.add_row(str(job["id"]), job["kind"], job["fax_id"] or "",
                          str(job["attempts"]), shown(job["last_error"] or ""))
        stdout.print(table)


@cli.command()
@click.argument("job_id", required=False, type=int)
@click.option("--all-failed", is_flag=True, help="Requeue every failed job.")
@with_services()
def retry(services: Services, job_id: int | None, all_failed: bool) -> None:
    """Requeue a failed job (or all of them) with a fresh attempt budget."""
    if (job_id is None) == (not all_failed):
        raise click.UsageError("give a JOB_ID or --all-failed (not both)")
    n = services.catalog.jobs.retry_failed(job_id)
    click.echo(f"requeued {n} job(s)", err=True)


for command in [*cli_records.COMMANDS, *cli_people.COMMANDS]:
    cli.add_command(command)
cli.add_command(cli_catalog.catalog_group)


def main() -> None:
    cli()
