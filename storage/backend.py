"""The catalog as a backend-neutral interface, and the choice of backend.

``Catalog`` is what the rest of faxvault may call on a catalog, whatever database holds it:
``storage.catalog.Catalog`` (SQLite, one machine) and ``storage.pg.catalog.PostgresCatalog``
(PostgreSQL, any number of nodes) each implement it with their own SQL. ``transaction()`` is
the only way to group work: inside it every method of that catalog, and of its ``jobs``,
runs in the one transaction; a nested ``transaction()`` is a savepoint.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from storage.catalog import Catalog as SqliteCatalog
from storage.catalog import DeliverySummary, NewEvent, ProviderStatusCount
from storage.catalog import open_catalog as open_sqlite_catalog
from storage.people import People
from storage.queue import JobQueue


class CatalogUnavailable(RuntimeError):
    """The configured catalog cannot be reached (the message never holds its password)."""


class FeatureUnavailable(RuntimeError):
    """What was asked is not available on this catalog's backend (yet)."""


class Catalog(Protocol):
    """Faxes, pages, the journal, archive objects, spam feedback, the audit log's rows, the
    status read models, the job queue (``jobs``), and the web inbox's people (``people``)."""

    @property
    def jobs(self) -> JobQueue: ...

    @property
    def people(self) -> People: ...

    def transaction(self) -> contextlib.AbstractContextManager[Any]: ...

    def batch_transaction(self) -> contextlib.AbstractContextManager[Any]: ...

    def close(self) -> None: ...

    # status read models
    def fax_counts_by_state(self) -> dict[str, int]: ...

    def unfinished_count(self, fax_ids: Iterable[str]) -> int: ...

    def delivery_summaries(self) -> list[DeliverySummary]: ...

    def provider_status_counts(self) -> list[ProviderStatusCount]: ...

    def spam_verdict_counts(self) -> dict[str, int]: ...

    def is_original(self, sha256: str) -> bool: ...

    def retention_rows(self) -> list[dict[str, Any]]: ...

    def archived_fax_ids(self, *, since: str | None = None, until: str | None = None,
                         from_number: str | None = None, words: str | None = None,
                         include_spam: bool = False) -> list[str]: ...

    # faxes and the journal
    def get_fax(self, fax_id: str) -> dict[str, Any]: ...

    def ensure_fax(self, fax_id: str, fields: dict[str, Any]) -> str: ...

    def find_fax(self, provider: str, provider_fax_id: str) -> dict[str, Any] | None: ...

    def count_faxes_needing_original(self, sha256: str, *,
                                     excluding: str | None = None) -> int: ...

    def lock_fax(self, fax_id: str) -> None:
        """Inside a write transaction: the fax's row is this transaction's until it ends (a
        legal hold and a deletion of one fax never decide side by side)."""

    def lock_original(self, sha256: str) -> None:
        """Inside a write transaction: until it ends, no other transaction that takes these
        bytes as an original, or counts who needs them before freeing the spool copy, runs
        beside it."""

    def update_fax(self, fax_id: str, **fields: Any) -> None: ...

    def record_event(self, provider: str, idem_key: str, event_type: str,
                     headers: dict[str, str], body: bytes, fax_id: str | None) -> bool: ...

    def event_body(self, idem_key: str) -> bytes | None: ...

    def record_events(self, events: list[NewEvent]) -> list[bool]: ...

    def has_fax(self, fax_id: str) -> bool: ...

    def insert_fax_row(self, row: dict[str, Any]) -> None: ...

    # pages
    def pages(self, fax_id: str) -> list[dict[str, Any]]: ...

    def replace_page(self, fax_id: str, page: dict[str, Any]) -> None: ...

    def delete_pages(self, fax_id: str) -> None: ...

    def delete_pages_after(self, fax_id: str, last_page_no: int) -> None: ...

    # spam
    def spam_feedback(self, fax_id: str) -> dict[str, Any] | None: ...

    def spam_feedback_texts(self, exclude: str | None = None) -> list[tuple[str, str]]: ...

    def spam_training_revision(self) -> int: ...

    def record_spam_feedback(self, fax_id: str, verdict: str, actor: str) -> None: ...

    def faxes_to_rescore(self, since: str | None = None) -> list[dict[str, Any]]: ...

    # archive objects and holds
    def archive_objects(self, fax_id: str) -> list[dict[str, Any]]: ...

    def archived_objects(self, since: str | None = None) -> list[dict[str, Any]]: ...

    def record_archive_object(self, fax_id: str, obj: dict[str, Any]) -> None: ...

    def set_legal_hold(self, fax_id: str, on: bool) -> None: ...

    def delete_archive_objects(self, fax_id: str) -> None: ...

    # the audit log's rows (storage.audit computes and checks the chain)
    def audit_head(self, *, for_append: bool = False) -> tuple[int, str] | None: ...

    def audit_head_later(self) -> Callable[[], tuple[int, str] | None]: ...

    def insert_audit_entry(self, entry: dict[str, Any]) -> None: ...

    def insert_audit_entries(self, entries: list[dict[str, Any]]) -> None: ...

    def audit_entries(self, from_seq: int = 1) -> Iterator[dict[str, Any]]: ...

    def audit_hash_at(self, seq: int) -> str | None: ...

    def first_audit_seq_of(self, fax_ids: Iterable[str]) -> int | None: ...

    def record_audit_anchor(self, anchor: dict[str, Any]) -> None: ...

    def last_anchored_seq(self, target: str) -> int: ...

    def audit_entries_not_by(self, seq: int, actors: Iterable[str],
                             actor_prefix: str) -> int: ...

    def audit_anchors_between(self, first_seq: int, last_seq: int) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class PostgresSettings:
    """Connection settings of a PostgreSQL catalog (``[catalog]`` in the config)."""

    pool_min_size: int = 1
    pool_max_size: int = 8
    statement_timeout_ms: int = 30_000
    connect_timeout_seconds: float = 10.0
    # A search ranks at most this many of the pages it matches, the newest (storage/pg/search.py).
    search_ranked_pages: int = 200
    # The pool checks a connection with a round trip before lending it, so a database
    # restart fails no caller. A writer that answers a failed transaction itself (the group
    # journal: 503, nothing acknowledged) skips that wait per commit: a connection the
    # server dropped fails that one transaction and is replaced for the next.
    check_before_lending: bool = True


@dataclass(frozen=True)
class CatalogLocation:
    """Where a catalog lives: a PostgreSQL URL when one is set, else the SQLite file.

    The URL may carry a password: it is kept out of ``repr`` (and so out of logs)."""

    sqlite_path: Path
    url: str | None = field(default=None, repr=False)
    postgres: PostgresSettings = PostgresSettings()

    @property
    def backend(self) -> str:
        return "postgresql" if self.url else "sqlite"

    def for_group_commits(self) -> CatalogLocation:
        """The same catalog for the group journal's writer (see ``check_before_lending``)."""
        return replace(self, postgres=replace(self.postgres, check_before_lending=False))


def open_catalog(location: CatalogLocation) -> Catalog:
    """Open (creating and migrating as needed) the catalog at ``location``."""
    if location.url is None:
        return open_sqlite_catalog(location.sqlite_path)
    from storage.pg.catalog import open_postgres_catalog  # psycopg only when configured

    return open_postgres_catalog(location.url, location.postgres)


__all__ = ["Catalog", "CatalogLocation", "CatalogUnavailable", "FeatureUnavailable",
           "PostgresSettings",
           "SqliteCatalog", "open_catalog"]
