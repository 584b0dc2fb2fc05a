"""``faxvault catalog``: moving the catalog between backends."""

from __future__ import annotations

import dataclasses

import click

from ingest.cli_options import (
    EXIT_USAGE,
    OperationFailed,
    cli_actor,
    emit_json,
    exit_with,
    json_option,
    with_config,
)
from ingest.config import Config
from storage.backend import CatalogUnavailable


@click.group("catalog")
def catalog_group() -> None:
    """The catalog's backend (SQLite on one machine, PostgreSQL for several)."""


@catalog_group.command("copy")
@click.option("--to", "url", default=None, metavar="URL",
              help="postgresql:// URL of an empty catalog (default: [catalog] url or "
                   "FAXVAULT_CATALOG_URL; prefer those, a URL here shows in the process list).")
@json_option
@with_config
def catalog_copy(config: Config, url: str | None, as_json: bool) -> None:
    """Copy this data dir's SQLite catalog (faxes, pages, events, jobs, archive objects, the
    audit chain) into an empty PostgreSQL catalog, and check the copy. Stop the service
    first: what it writes during the copy is not copied."""
    from storage.pg.copy import CopyRefused, copy_catalog

    target = url or (config.catalog.url.get_secret_value() if config.catalog.url else None)
    if not target or not target.startswith(("postgresql://", "postgres://")):
        exit_with("usage", "catalog copy needs a postgresql:// URL: --to, [catalog] url or "
                  "FAXVAULT_CATALOG_URL", EXIT_USAGE)
    try:
        report = copy_catalog(config.catalog_path, target, config.catalog_location.postgres,
                              cli_actor())
    except (CopyRefused, CatalogUnavailable) as exc:
        raise OperationFailed(str(exc)) from None
    if as_json:
        emit_json(dataclasses.asdict(report))
    else:
        copied = ", ".join(f"{n} {table}" for table, n in report.rows.items())
        click.echo(f"copied {copied}; audit chain verified on the target "
                   f"({report.audit_entries} entries, head {report.audit_head_seq})", err=True)
