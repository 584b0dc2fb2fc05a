"""``faxvault``: a thin click layer over the library (each command maps onto one API call).

Exit codes: 0 success, 1 an operation failed, 2 usage or config error, 3 not found.
Every read command takes ``--json`` (one JSON document on stdout).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import getpass
import json
import logging
import re
import shutil
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from ingest.config import Config, ConfigError, load_config
from ingest.pipeline import Services, open_services
from ocr import OcrSetupError
from storage import audit, queue
from storage.archive import ArchiveError
from storage.catalog import NotFound, utcnow_iso
from storage.search import HIT_CLOSE, HIT_OPEN, SearchFilters, search_pages

EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 1, 2, 3

stdout = Console()
stderr = Console(stderr=True)


class OperationFailed(click.ClickException):
    exit_code = EXIT_FAILED


def exit_with(label: str, message: str, code: int) -> None:
    """One unwrapped line on stderr, then exit with ``code``."""
    click.echo(f"{label}: {message}", err=True)
    sys.exit(code)


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


# -- shared options -------------------------------------------------------------------------
def config_option(fn: Callable) -> Callable:
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), default=None,
        help="Config file (default: $FAXVAULT_CONFIG, else ./faxvault.toml, else built-in "
             "defaults with data under ./var).",
    )(fn)


def json_option(fn: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True,
                        help="Print one JSON document on stdout.")(fn)


def date_filter_options(fn: Callable) -> Callable:
    fn = click.option("--until", default=None, metavar="DATE",
                      help="Received before this date (ISO 8601), exclusive.")(fn)
    fn = click.option("--since", default=None, metavar="DATE",
                      help="Received on or after this date (ISO 8601).")(fn)
    return click.option("--from", "from_number", default=None, metavar="NUM",
                        help="Sender number (E.164, or as received).")(fn)


def with_config(fn: Callable) -> Callable:
    """Load the config (exit 2 naming the key on error) and pass it as ``config``."""

    @config_option
    @functools.wraps(fn)
    def wrapper(config_path: str | None, **kwargs: Any) -> Any:
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            exit_with("config error", str(exc), EXIT_USAGE)
        return fn(config=config, **kwargs)

    return wrapper


def with_services(pool: bool = False) -> Callable:
    """Open catalog, spool and archive (and the OCR pool if asked) for the command."""

    def decorate(fn: Callable) -> Callable:
        @with_config
        @functools.wraps(fn)
        def wrapper(config: Config, **kwargs: Any) -> Any:
            try:
                services = open_services(config, with_pool=pool)
            except OcrSetupError as exc:
                exit_with("setup error", str(exc), EXIT_USAGE)
            try:
                return fn(services=services, **kwargs)
            except NotFound as exc:
                exit_with("not found", str(exc), EXIT_NOT_FOUND)
            except ArchiveError as exc:
                raise OperationFailed(str(exc)) from None
            finally:
                services.close()

        return wrapper

    return decorate


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def normalized_date(value: str | None) -> str | None:
    """Dates compare as text against the catalog's ``YYYY-MM-DDTHH:MM:SSZ``."""
    return value.replace(" ", "T") if value else None


# -- commands -------------------------------------------------------------------------------
@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="faxvault")
def cli() -> None:
    """faxvault: inbound fax ingestion, OCR search and archival."""


@cli.command()
@with_config
def serve(config: Config) -> None:
    """Run the service: HTTP routes, job workers; Ctrl-C drains and stops."""
    from aiohttp import web

    from ingest.app import init_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        app = init_app(config)
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
            results.append(ingest_file(services, path, from_raw=from_raw, to_raw=to_raw,
                                       actor=cli_actor()))
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
            click.echo(f"{row['fax_id']}  {row['path']}{note}{extra if wait else ''}")
    if wait and any(row["state"] == "failed" for row in rows):
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
                   for _ in range(services.config.worker.concurrency)]
        await asyncio.gather(*workers)
        stop.set()
        await watcher


def _unfinished(services: Services, fax_ids: list[str]) -> int:
    marks = ",".join("?" * len(fax_ids))
    return services.catalog.conn.execute(
        f"SELECT count(*) FROM faxes WHERE id IN ({marks})"
        " AND state NOT IN ('archived', 'failed')", fax_ids).fetchone()[0]


@cli.command()
@click.option("--provider", type=click.Choice(["faxplus", "dropbox"]), required=True)
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
        click.echo(f"{item['fax_id']}  {provider} {item['provider_fax_id']}")


@cli.command()
@click.argument("query")
@date_filter_options
@click.option("--status", default=None, help="Provider status, verbatim (e.g. success).")
@click.option("--include-spam", is_flag=True, help="Include faxes flagged as spam.")
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (AND, OR, NEAR, prefix*).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@json_option
@with_services()
def search(services: Services, query: str, from_number: str | None, since: str | None,
           until: str | None, status: str | None, include_spam: bool, raw: bool, limit: int,
           as_json: bool) -> None:
    """Full-text search over every page; best hits first."""
    from ingest.numbers import normalize_number

    filters = SearchFilters(since=normalized_date(since), until=normalized_date(until),
                            from_number=normalize_number(
                                from_number, services.config.numbers.default_region
                            ) or from_number,
                            status=status, include_spam=include_spam, raw=raw)
    try:
        hits = search_pages(services.catalog, query, filters, limit)
    except Exception as exc:  # only reachable with --raw: FTS5 syntax errors
        raise click.UsageError(f"bad FTS5 query: {exc}") from None
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
        stdout.print(f"[bold]{hit['fax_id']}[/bold]  page {hit['page_no']}/{hit['pages']}  "
                     f"{hit['received_at']}  from {sender}", highlight=False)
        stdout.print(Text("    ").append(_highlight(hit["snippet"])))


def _highlight(snippet: str) -> Text:
    text = Text()
    for i, part in enumerate(snippet.replace(HIT_CLOSE, HIT_OPEN).split(HIT_OPEN)):
        text.append(re.sub(r"\s+", " ", part), style="bold yellow" if i % 2 else None)
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
            table.add_row(f"[bold]{key}[/bold]", str(fax[key]))
    stdout.print(table)
    if fax["spam_verdict"]:
        stdout.print(f"[bold]spam[/bold] {fax['spam_verdict']} (score {fax['spam_score']}, "
                     f"threshold {services.config.spam.threshold})", highlight=False)
        for signal in signals:
            stdout.print(f"  {signal['weight']:+6.2f}  {signal['signal']}: {signal['detail']}",
                         highlight=False, markup=False)
    for obj in doc["archive"]:
        stdout.print(f"  {obj['purpose']:<9} {obj['key']}  sha256:{obj['sha256'][:16]}…",
                     highlight=False)
    for page in pages:
        conf = f"{page['confidence']:.0f}" if page["confidence"] is not None else "-"
        stdout.print(f"[bold]page {page['page_no']}[/bold] {page['width_px']}x"
                     f"{page['height_px']} px at {page['xdpi']:g}x{page['ydpi']:g} dpi, "
                     f"confidence {conf}")
        if with_text:
            stdout.print(page["text"], highlight=False, markup=False)


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
        with services.archive.open(objects[fmt]["key"]) as src, open(output, "wb") as dst:
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
    faxes = {r["state"]: r["n"] for r in catalog.conn.execute(
        "SELECT state, count(*) AS n FROM faxes GROUP BY state")}
    last = [dict(r) for r in catalog.conn.execute(
        "SELECT provider, max(received_at) AS last_delivery, count(*) AS deliveries"
        " FROM events GROUP BY provider ORDER BY provider")]
    statuses = [dict(r) for r in catalog.conn.execute(
        "SELECT provider, provider_status, count(*) AS faxes FROM faxes"
        " WHERE provider_status IS NOT NULL GROUP BY provider, provider_status"
        " ORDER BY provider, faxes DESC")]
    spam_counts = {r["v"]: r["n"] for r in catalog.conn.execute(
        "SELECT coalesce(spam_verdict, 'unscored') AS v, count(*) AS n FROM faxes GROUP BY v")}
    backlog = {r["kind"]: r["n"] for r in catalog.conn.execute(
        "SELECT kind, count(*) AS n FROM jobs WHERE state IN ('queued', 'running')"
        " GROUP BY kind")}
    doc = {"jobs": queue.counts_by_state(catalog), "backlog": backlog, "faxes": faxes,
           "spam": spam_counts,
           "failed_jobs": queue.failed_jobs(catalog), "deliveries": last,
           "provider_statuses": statuses}
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
        stdout.print(f"last {row['provider']} delivery: {row['last_delivery']} "
                     f"({row['deliveries']} in all)")
    for row in statuses:  # provider status codes verbatim: failures grouped by their code
        stdout.print(f"{row['provider']} {row['provider_status']}: {row['faxes']} fax(es)",
                     highlight=False)
    if doc["failed_jobs"]:
        table = Table("job", "kind", "fax", "attempts", "error", title="failed jobs")
        for job in doc["failed_jobs"]:
            table.add_row(str(job["id"]), job["kind"], job["fax_id"] or "",
                          str(job["attempts"]), job["last_error"] or "")
        stdout.print(table)


@cli.command()
@click.argument("job_id", required=False, type=int)
@click.option("--all-failed", is_flag=True, help="Requeue every failed job.")
@with_services()
def retry(services: Services, job_id: int | None, all_failed: bool) -> None:
    """Requeue a failed job (or all of them) with a fresh attempt budget."""
    if (job_id is None) == (not all_failed):
        raise click.UsageError("give a JOB_ID or --all-failed (not both)")
    n = queue.retry_failed(services.catalog, job_id)
    click.echo(f"requeued {n} job(s)", err=True)


@cli.command("verify")
@click.option("--since", default=None, metavar="DATE",
              help="Only faxes received on or after this date (ISO 8601).")
@json_option
@with_services()
def verify_archive(services: Services, since: str | None, as_json: bool) -> None:
    """Re-hash every archived object against the catalog; exit 1 on any mismatch."""
    from storage.integrity import archived_objects, verify_objects

    objects = archived_objects(services.catalog, normalized_date(since))
    total = sum(o["size"] for o in objects)
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("verifying", total=total)
        problems = verify_objects(services.archive, objects,
                                  lambda n: progress.advance(task, n))
    faxes = len({o["fax_id"] for o in objects})
    audit.record(services.catalog, cli_actor(), "archive.verified", None,
                 {"objects": len(objects), "faxes": faxes, "problems": len(problems),
                  "since": since})
    if as_json:
        emit_json({"ok": not problems, "faxes": faxes, "objects": len(objects),
                   "bytes": total, "problems": [p.__dict__ for p in problems]})
    else:
        for p in problems:
            click.echo(f"{p.problem}: fax {p.fax_id} {p.purpose} {p.key}: {p.detail}", err=True)
        click.echo(f"verified {len(objects)} objects of {faxes} faxes ({total} bytes): "
                   + ("OK" if not problems else f"{len(problems)} problem(s)"))
    if problems:
        sys.exit(EXIT_FAILED)


@cli.command("rebuild-catalog")
@json_option
@with_services()
def rebuild_catalog(services: Services, as_json: bool) -> None:
    """Rebuild the catalog (faxes, page text, search index) from the archive's sidecars."""
    from storage.integrity import rebuild_catalog as rebuild

    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("rebuilding", total=None)
        counts = rebuild(services.archive, services.catalog, lambda n: progress.advance(task, n))
    audit.record(services.catalog, cli_actor(), "catalog.rebuilt", None, counts)
    if as_json:
        emit_json(counts)
    else:
        click.echo(f"{counts['sidecars']} sidecars: {counts['restored']} faxes restored, "
                   f"{counts['present']} already in the catalog")


@cli.group()
def hold() -> None:
    """Legal hold on a fax's archived objects."""


def _set_hold(services: Services, fax_id: str, on: bool, reason: str | None) -> None:
    catalog = services.catalog
    fax = catalog.get_fax(fax_id)
    objects = catalog.archive_objects(fax["id"])
    if not objects:
        raise OperationFailed(f"fax {fax['id']} is not archived yet (state {fax['state']})")
    for obj in objects:
        services.archive.set_legal_hold(obj["key"], obj["version_id"], on)
    with catalog.transaction():
        catalog.conn.execute("UPDATE archive_objects SET legal_hold = ? WHERE fax_id = ?",
                             (int(on), fax["id"]))
        audit.append(catalog, cli_actor(), "hold.set" if on else "hold.released", fax["id"],
                     {"objects": len(objects), "reason": reason})
    click.echo(f"legal hold {'set on' if on else 'released from'} {len(objects)} objects of "
               f"fax {fax['id']}", err=True)


@hold.command("set")
@click.argument("fax_id")
@click.option("--reason", default=None, help="Recorded in the audit log (e.g. a case number).")
@with_services()
def hold_set(services: Services, fax_id: str, reason: str | None) -> None:
    """Place a legal hold: no version can be deleted until it is released."""
    _set_hold(services, fax_id, True, reason)


@hold.command("release")
@click.argument("fax_id")
@click.option("--reason", default=None, help="Recorded in the audit log.")
@with_services()
def hold_release(services: Services, fax_id: str, reason: str | None) -> None:
    """Release a legal hold (retention, if any, still applies)."""
    _set_hold(services, fax_id, False, reason)


@cli.group("archive")
def archive_group() -> None:
    """The archive store's own settings."""


@archive_group.command("lifecycle")
@click.option("--apply", "apply_rules", is_flag=True,
              help="Make the bucket's lifecycle rules the configured ones.")
@json_option
@with_services()
def archive_lifecycle(services: Services, apply_rules: bool, as_json: bool) -> None:
    """Show the configured lifecycle and lock settings against the bucket's; --apply them."""
    from ingest.pipeline import lifecycle_rules
    from storage.lifecycle import diff_rules

    config, archive = services.config, services.archive
    if config.archive.backend != "s3":
        raise OperationFailed("lifecycle rules need the s3 archive backend "
                              "(archive.backend = \"s3\")")
    wanted = lifecycle_rules(config)
    diff = diff_rules(wanted, archive.lifecycle_rules())
    applied = False
    if apply_rules and not diff.in_sync:
        archive.put_lifecycle_rules(wanted)
        applied = True
        audit.record(services.catalog, cli_actor(), "config.lifecycle_applied", None,
                     {"add": diff.add, "change": diff.change, "remove": diff.remove})
    doc = {"bucket": config.archive.bucket, "object_lock_mode": config.archive.object_lock_mode,
           "bucket_object_lock": archive.object_lock_enabled(),
           "retention_days": config.archive.retention_days, "rules": wanted,
           "in_sync": diff.in_sync or applied, "add": diff.add, "change": diff.change,
           "remove": diff.remove, "applied": applied}
    if as_json:
        emit_json(doc)
        return
    click.echo(f"bucket {doc['bucket']}: object lock "
               f"{'enabled' if doc['bucket_object_lock'] else 'not enabled'}; configured mode "
               f"{doc['object_lock_mode']}, retention {doc['retention_days']} days")
    for rule in wanted:
        click.echo(f"  rule {rule['ID']}: {json.dumps(rule, sort_keys=True)}")
    if diff.in_sync:
        click.echo("bucket lifecycle matches the configuration")
    else:
        click.echo(f"differences: add {diff.add or '-'}, change {diff.change or '-'}, "
                   f"remove {diff.remove or '-'}" + ("; applied" if applied else
                                                     " (run with --apply)"))


@cli.group("spam")
def spam_group() -> None:
    """Spam verdicts: operator corrections and re-scoring."""


def _operator_verdict(services: Services, fax_id: str, verdict: str) -> None:
    from ingest import spam

    catalog = services.catalog
    fax = catalog.get_fax(fax_id)
    with catalog.transaction():
        before = fax["spam_verdict"]
        catalog.conn.execute(
            "INSERT INTO spam_feedback (fax_id, verdict, actor, at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (fax_id) DO UPDATE SET verdict = excluded.verdict,"
            " actor = excluded.actor, at = excluded.at",
            (fax["id"], verdict, cli_actor(), utcnow_iso()))
        spam.record_verdict(catalog, fax["id"], spam.score_fax(catalog, services.config,
                                                              fax["id"]))
        audit.append(catalog, cli_actor(), "spam.verdict", fax["id"],
                     {"verdict": verdict, "before": before})
    click.echo(f"fax {fax['id']} marked {verdict}", err=True)


@spam_group.command("mark")
@click.argument("fax_id")
@with_services()
def spam_mark(services: Services, fax_id: str) -> None:
    """Operator verdict: this fax is spam (also trains the learned signal)."""
    _operator_verdict(services, fax_id, "spam")


@spam_group.command("unmark")
@click.argument("fax_id")
@with_services()
def spam_unmark(services: Services, fax_id: str) -> None:
    """Operator verdict: this fax is not spam (also trains the learned signal)."""
    _operator_verdict(services, fax_id, "ham")


@spam_group.command("rescore")
@click.option("--since", default=None, metavar="DATE",
              help="Only faxes received on or after this date (ISO 8601).")
@json_option
@with_services()
def spam_rescore(services: Services, since: str | None, as_json: bool) -> None:
    """Score faxes again (after a config change or new operator verdicts)."""
    from ingest import spam

    catalog = services.catalog
    model = spam.train(catalog)  # one model for the run (operator-judged faxes are fixed)
    rows = catalog.conn.execute(
        "SELECT id, spam_verdict FROM faxes WHERE pages IS NOT NULL"
        + (" AND received_at >= ?" if since else "") + " ORDER BY received_at",
        (normalized_date(since),) if since else ()).fetchall()
    changed = []
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("rescoring", total=len(rows))
        for row in rows:
            verdict = spam.score_fax(catalog, services.config, row["id"], model=model)
            with catalog.transaction():
                spam.record_verdict(catalog, row["id"], verdict)
                if verdict.verdict != row["spam_verdict"]:
                    changed.append({"fax_id": row["id"], "from": row["spam_verdict"],
                                    "to": verdict.verdict, "score": verdict.score})
                    audit.append(catalog, cli_actor(), "spam.rescored", row["id"],
                                 changed[-1])
            progress.advance(task)
    if as_json:
        emit_json({"rescored": len(rows), "changed": changed})
        return
    click.echo(f"rescored {len(rows)} faxes, {len(changed)} verdict(s) changed")
    for c in changed:
        click.echo(f"  {c['fax_id']}: {c['from']} -> {c['to']} (score {c['score']})")


@cli.group("audit")
def audit_group() -> None:
    """The hash-chained audit log."""


@audit_group.command("verify")
@json_option
@with_services()
def audit_verify(services: Services, as_json: bool) -> None:
    """Check the whole chain (name the first broken entry) and its anchors in the archive."""
    from ingest.compliance import read_anchors

    report = audit.verify_chain(services.catalog)
    anchors = read_anchors(services)
    anchor_problems = audit.check_anchors(services.catalog, anchors)
    ok = report.ok and not anchor_problems
    if as_json:
        emit_json({"ok": ok, "entries": report.entries,
                   "first_broken_seq": report.first_broken_seq, "problem": report.problem,
                   "anchors": len(anchors), "anchor_problems": anchor_problems})
    else:
        if report.ok:
            stdout.print(f"audit chain OK ({report.entries} entries)")
        else:
            click.echo(f"audit chain broken at entry {report.first_broken_seq}: "
                       f"{report.problem}", err=True)
        for problem in anchor_problems:
            click.echo(f"anchor: {problem}", err=True)
        if not anchor_problems:
            stdout.print(f"{len(anchors)} anchored head(s) match the log")
    if not ok:
        sys.exit(EXIT_FAILED)


@audit_group.command("anchor")
@with_services()
def audit_anchor(services: Services) -> None:
    """Write the chain head into the archive now (serve does it every audit.anchor_seconds)."""
    from ingest.compliance import anchor_audit_head

    key = anchor_audit_head(services)
    click.echo(f"anchored at {key}" if key else "the audit log is empty", err=True)


@cli.command()
@date_filter_options
@click.option("--query", default=None, help="Only faxes whose text matches (words, literal).")
@click.option("--include-spam", is_flag=True, help="Include faxes flagged as spam.")
@click.option("--with-tiff", is_flag=True, help="Also include each fax.tif.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="BUNDLE: a .zip file, or a new (or empty) directory.")
@json_option
@with_services()
def export(services: Services, from_number: str | None, since: str | None, until: str | None,
           query: str | None, include_spam: bool, with_tiff: bool, output: Path,
           as_json: bool) -> None:
    """Write a compliance bundle an auditor can verify on their own."""
    from ingest.compliance import anchor_audit_head
    from ingest.numbers import normalize_number
    from storage.export import select_faxes, write_bundle

    region = services.config.numbers.default_region
    filters = {"since": normalized_date(since), "until": normalized_date(until),
               "from": normalize_number(from_number, region) or from_number,
               "query": query, "include_spam": include_spam}
    faxes = select_faxes(services.catalog, since=filters["since"], until=filters["until"],
                         from_number=filters["from"], query=query, include_spam=include_spam)
    total = sum(o["size"] for f in faxes for o in services.catalog.archive_objects(f["id"])
                if o["purpose"] != "meta" and (with_tiff or o["purpose"] != "tiff"))
    try:
        with Progress(console=stderr, transient=True,
                      disable=not stderr.is_terminal) as progress:
            task = progress.add_task("exporting", total=total)
            summary = write_bundle(services.catalog, services.archive, faxes, output,
                                   include_tiff=with_tiff, created_by=cli_actor(),
                                   filters=filters,
                                   progress=lambda n: progress.advance(task, n))
    except FileExistsError as exc:
        raise click.UsageError(str(exc)) from None
    anchor = anchor_audit_head(services, summary.head_seq, summary.head_hash)
    audit.record(services.catalog, cli_actor(), "export", None,
                 {"bundle": str(output), "faxes": [f["id"] for f in faxes],
                  "filters": filters, "head_seq": summary.head_seq, "anchor": anchor})
    for fax in faxes:  # each exported fax shows the read in its own trail
        audit.record(services.catalog, cli_actor(), "fax.exported", fax["id"],
                     {"bundle": str(output)})
    doc = {"bundle": str(output), "faxes": summary.faxes, "files": summary.files,
           "bytes": summary.bytes, "audit_head_seq": summary.head_seq, "anchor": anchor}
    if as_json:
        emit_json(doc)
    else:
        click.echo(f"exported {summary.faxes} faxes ({summary.files} files, {summary.bytes} "
                   f"bytes) to {output}")


@cli.command("verify-export")
@click.argument("bundle", type=click.Path(exists=True, path_type=Path))
@json_option
def verify_export(bundle: Path, as_json: bool) -> None:
    """Check a bundle: hashes, nothing missing or extra, manifest, audit chain."""
    from storage.export import verify_bundle

    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("verifying", total=None)
        problems = verify_bundle(bundle, lambda n: progress.advance(task, n))
    if as_json:
        emit_json({"ok": not problems, "problems": problems})
    else:
        for problem in problems:
            click.echo(problem, err=True)
        click.echo(f"{bundle}: " + ("OK" if not problems else f"{len(problems)} problem(s)"))
    if problems:
        sys.exit(EXIT_FAILED)


@cli.group()
def retention() -> None:
    """Retention of archived faxes."""


@retention.command("report")
@json_option
@with_services()
def retention_report(services: Services, as_json: bool) -> None:
    """Faxes by the date their archived objects may be deleted."""
    from ingest.compliance import retention_rows

    rows = retention_rows(services)
    if as_json:
        emit_json(rows)
        return
    table = Table("fax", "received", "from", "retain until", "hold", "objects")
    for row in rows:
        table.add_row(row["id"], row["received_at"], row["from_number"] or row["from_raw"] or "",
                      row["retain_until"] or "-", "yes" if row["legal_hold"] else "",
                      str(row["objects"]))
    stdout.print(table)


@cli.command()
@click.argument("fax_id")
@click.option("--reason", required=True, help="Why (recorded in the audit log).")
@with_services()
def delete(services: Services, fax_id: str, reason: str) -> None:
    """Delete a fax's archived files once its retention has ended (refused before)."""
    from ingest.compliance import RetentionRefused, delete_fax

    try:
        n = delete_fax(services, fax_id, cli_actor(), reason)
    except RetentionRefused as exc:
        raise OperationFailed(str(exc)) from None
    click.echo(f"deleted {n} archived objects of fax {fax_id}", err=True)


def main() -> None:
    cli()
