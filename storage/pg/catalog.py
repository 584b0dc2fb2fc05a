"""The catalog on PostgreSQL: the queries of ``storage.catalog`` for any number of nodes sharing
one database (see ``storage.backend.Catalog`` for the interface).

Rows read the same as from SQLite (the same columns, times as ISO 8601 UTC text), so the
rest of faxvault, and the sidecars and exports it writes, cannot tell the backends apart.
The catalog and its job queue share one binding: inside ``transaction()`` every call of
this thread or task, on the catalog or on ``jobs``, runs on that transaction's connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row, tuple_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from storage.backend import CatalogUnavailable, FeatureUnavailable, PostgresSettings
from storage.catalog import (
    HEADERS_JSON,
    DeliverySummary,
    DoorAck,
    DoorState,
    NewEvent,
    NotFound,
    ProviderStatusCount,
    like_prefix,
    utcnow_iso,
)
from storage.pg import PoolSettings, open_pool
from storage.pg.people import PostgresPeople
from storage.pg.queue import JobListener, PostgresQueue
from storage.pg.schema import add_search_terms
from storage.pg.search import literal_words
from storage.pg.tsvector import page_tsvector
from storage.terms import index_terms

# Every node appends to one audit chain: appends take this transaction-scoped lock first, so
# reading the head and inserting the next entry is one step cluster-wide.
AUDIT_LOCK = int.from_bytes(hashlib.sha256(b"faxvault:audit").digest()[:8], "big", signed=True)
# The search vocabulary: a transaction adding page terms takes it shared, one forgetting
# terms no page holds any more takes it alone first, so its "no page holds it" sees every
# page added before (read committed would miss one not yet committed, and forget a term a
# new page uses). A transaction that does both forgets first (see ingest.pipeline).
TERMS_LOCK = int.from_bytes(hashlib.sha256(b"faxvault:search-terms").digest()[:8], "big",
                            signed=True)


def original_lock_key(sha256: str) -> int:
    """The advisory lock key of one original's bytes (64 bits of a hash of its SHA-256, in
    a namespace of their own: never the audit lock's key)."""
    return int.from_bytes(hashlib.sha256(b"faxvault:original:" + sha256.encode()).digest()[:8],
                          "big", signed=True)


NO_RAW_CONNECTION = ("the PostgreSQL catalog has no SQLite connection: this needs the "
                     "SQLite catalog")

PAGE_COLUMNS = ("id, fax_id, page_no, width_px, height_px, xdpi, ydpi, text, confidence,"
                " added_forms")

_cursor_names = itertools.count(1)


def _jsonb(value: Any) -> Jsonb:
    """A metadata value (a dict, or its JSON text as SQLite keeps it) as jsonb."""
    return Jsonb(json.loads(value) if isinstance(value, str) else (value or {}))


COMMON_TERMS_SECONDS = 600.0
# The most common terms of the pages' tsvectors and the share of pages each is on, as ANALYZE
# sampled them (its shares array ends with the lowest, the highest and the empty share: zip
# stops at the last term).
COMMON_TERMS_SQL = """
    SELECT s.most_common_elems::text::text[] AS terms, s.most_common_elem_freqs AS shares,
           c.reltuples AS pages
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname
                        AND s.attname = 'search'
    WHERE c.oid = 'pages'::regclass
"""


class PostgresCatalog:
    """A catalog over a connection pool (``open_postgres_catalog`` opens one)."""

    backend = "postgresql"

    def __init__(self, pool: ConnectionPool,
                 search_ranked_pages: int = PostgresSettings.search_ranked_pages) -> None:
        self.pool = pool
        self.search_ranked_pages = search_ranked_pages
        self._common_terms: tuple[float, int, frozenset[str]] | None = None
        self.jobs = PostgresQueue(pool)
        self.people = PostgresPeople(self)

    # -- transactions ----------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """One transaction on a pool connection, bound for this thread or task (shared with
        ``jobs``); nested, a savepoint."""
        with self.jobs.transaction() as conn:
            yield conn

    @contextlib.contextmanager
    def batch_transaction(self) -> Iterator[psycopg.Connection]:
        """:meth:`transaction` in pipeline mode: statements whose results nobody reads yet
        (BEGIN, locks, savepoints, inserts, the COMMIT) go out with the next one that is
        read, so a group commit waits for the server once per result it needs instead of
        once per statement. Nested, a savepoint as usual."""
        with self.jobs.transaction(pipeline=True) as conn:
            yield conn

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[psycopg.Cursor[dict[str, Any]]]:
        """A cursor on the bound transaction's connection, or on one of its own (committed
        when the call returns) outside any."""
        bound = self.jobs.bound_connection()
        if bound is not None:
            with bound.cursor(row_factory=dict_row) as cur:
                yield cur
            return
        with self.transaction() as conn, conn.cursor(row_factory=dict_row) as cur:
            yield cur

    def _rows(self, query: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def _one(self, query: str, params: Any = ()) -> dict[str, Any] | None:
        with self._cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()

    def common_search_terms(self, more_than_pages: int) -> frozenset[str]:
        """Index terms on more than ``more_than_pages`` pages by PostgreSQL's own statistics
        of the pages' terms (the most common ones ANALYZE counts, refreshed by autovacuum),
        read at most every COMMON_TERMS_SECONDS. Empty before the first ANALYZE."""
        cached = self._common_terms
        now = time.monotonic()
        if cached is not None and cached[1] == more_than_pages and \
                now - cached[0] < COMMON_TERMS_SECONDS:
            return cached[2]
        row = self._one(COMMON_TERMS_SQL)
        common = frozenset() if row is None or row["terms"] is None or row["pages"] <= 0 else \
            frozenset(term for term, share in zip(row["terms"], row["shares"], strict=False)
                      if share * row["pages"] > more_than_pages)
        self._common_terms = (now, more_than_pages, common)
        return common

    def job_listener(self) -> JobListener:
        """A connection of its own LISTENing for jobs queued by any node."""
        return JobListener(self.pool.conninfo,
                           connect_timeout_seconds=self.pool.kwargs.get("connect_timeout", 10))

    def close(self) -> None:
        self.pool.close()

    # -- status read models ----------------------------------------------------------------
    def fax_counts_by_state(self) -> dict[str, int]:
        return {r["state"]: r["n"] for r in self._rows(
            "SELECT state, count(*) AS n FROM faxes GROUP BY state")}

    def unfinished_count(self, fax_ids: Iterable[str]) -> int:
        ids = list(fax_ids)
        if not ids:
            return 0
        return int(self._one("SELECT count(*) AS n FROM faxes WHERE id = ANY(%s)"
                             " AND state NOT IN ('archived', 'failed')", (ids,))["n"])

    def delivery_summaries(self) -> list[DeliverySummary]:
        return [DeliverySummary(**r) for r in self._rows(
            "SELECT provider, max(received_at) AS last_delivery, count(*) AS deliveries"
            " FROM events GROUP BY provider ORDER BY provider")]

    def provider_status_counts(self) -> list[ProviderStatusCount]:
        return [ProviderStatusCount(**r) for r in self._rows(
            "SELECT provider, provider_status, count(*) AS faxes FROM faxes"
            " WHERE provider_status IS NOT NULL GROUP BY provider, provider_status"
            " ORDER BY provider, faxes DESC")]

    def spam_verdict_counts(self) -> dict[str, int]:
        return {r["v"]: r["n"] for r in self._rows(
            "SELECT coalesce(spam_verdict, 'unscored') AS v, count(*) AS n FROM faxes"
            " GROUP BY v")}

    def is_original(self, sha256: str) -> bool:
        return self._one("SELECT 1 AS one FROM faxes WHERE original_sha256 = %s LIMIT 1",
                         (sha256,)) is not None

    def retention_rows(self) -> list[dict[str, Any]]:
        return self._rows(
            """SELECT f.id, f.received_at, f.from_number, f.from_raw, f.state,
                      max(o.retain_until) AS retain_until, max(o.legal_hold) AS legal_hold,
                      count(o.key) AS objects
               FROM faxes f JOIN archive_objects o ON o.fax_id = f.id
               GROUP BY f.id
               ORDER BY max(o.retain_until) IS NULL, max(o.retain_until), f.received_at""")

    def archived_fax_ids(self, *, since: str | None = None, until: str | None = None,
                         from_number: str | None = None, words: str | None = None,
                         include_spam: bool = False,
                         mailboxes: tuple[str, ...] | None = None) -> list[str]:
        match = literal_words(words) if words else None
        if (words and match is None) or (mailboxes is not None and not mailboxes):
            return []
        rows = self._rows(
            """SELECT id FROM faxes WHERE state = 'archived'
                 AND (%(since)s::text IS NULL OR received_at >= %(since)s)
                 AND (%(until)s::text IS NULL OR received_at < %(until)s)
                 AND (%(from)s::text IS NULL OR from_number = %(from)s OR from_raw = %(from)s)
                 AND (%(spam)s OR coalesce(spam_verdict, '') != 'spam')
                 AND (%(words)s::text IS NULL OR id IN (SELECT fax_id FROM pages
                                                        WHERE search @@ %(words)s::tsquery))
                 AND (%(all_boxes)s OR mailbox = ANY(%(boxes)s))
               ORDER BY received_at, id""",
            {"since": since or None, "until": until or None, "from": from_number or None,
             "spam": include_spam, "words": match, "all_boxes": mailboxes is None,
             "boxes": list(mailboxes or ())})
        return [r["id"] for r in rows]

    @property
    def conn(self) -> Any:
        """No raw connection here: code that still reaches for SQLite's gets a clear refusal
        instead of wrong SQL."""
        raise FeatureUnavailable(NO_RAW_CONNECTION)

    db = conn

    # -- faxes -----------------------------------------------------------------------------
    def get_fax(self, fax_id: str) -> dict[str, Any]:
        row = self._one("SELECT * FROM faxes WHERE id = %s", (fax_id,))
        if row is None:
            # An unambiguous prefix of the id, like git does for commits.
            rows = self._rows("SELECT * FROM faxes WHERE id LIKE %s LIMIT 2",
                              (like_prefix(fax_id.upper()),)) if len(fax_id) >= 6 else []
            if len(rows) != 1:
                raise NotFound(f"no fax {fax_id!r}")
            row = rows[0]
        return row

    def ensure_fax(self, fax_id: str, fields: dict[str, Any]) -> str:
        now = utcnow_iso()
        row = {**fields, "metadata": _jsonb(fields.get("metadata")),
               "received_at": fields.get("received_at") or now}
        columns = ["id", "created_at", "updated_at", *row]
        inserted = self._one(
            sql.SQL("INSERT INTO faxes ({}) VALUES ({})"
                    " ON CONFLICT (provider, provider_fax_id) DO NOTHING RETURNING id").format(
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(sql.Placeholder() * len(columns))),
            (fax_id, now, now, *row.values()))
        if inserted is not None:
            return inserted["id"]
        return self._one("SELECT id FROM faxes WHERE provider = %s AND provider_fax_id = %s",
                         (row["provider"], row["provider_fax_id"]))["id"]

    def find_fax(self, provider: str, provider_fax_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT id FROM faxes WHERE provider = %s AND provider_fax_id = %s",
                        (provider, provider_fax_id))
        return self.get_fax(row["id"]) if row else None

    def lock_fax(self, fax_id: str) -> None:
        assert self.jobs.bound_connection() is not None, "lock_fax needs a transaction"
        self._one("SELECT 1 AS one FROM faxes WHERE id = %s FOR UPDATE", (fax_id,))

    def lock_original(self, sha256: str) -> None:
        """A transaction-scoped advisory lock on these bytes: PostgreSQL transactions run
        side by side (read committed), so without it a release could count the references
        before a fax taking the bytes commits, and remove the copy after."""
        assert self.jobs.bound_connection() is not None, "lock_original needs a transaction"
        self._one("SELECT pg_advisory_xact_lock(%s) AS locked", (original_lock_key(sha256),))

    def count_faxes_needing_original(self, sha256: str, *, excluding: str | None = None) -> int:
        return int(self._one(
            "SELECT count(*) AS n FROM faxes WHERE original_sha256 = %s"
            " AND state NOT IN ('archived', 'deleting', 'deleted') AND id IS DISTINCT FROM %s",
            (sha256, excluding))["n"])

    def update_fax(self, fax_id: str, **fields: Any) -> None:
        if "metadata" in fields:
            fields["metadata"] = _jsonb(fields["metadata"])
        fields["updated_at"] = utcnow_iso()
        assignments = sql.SQL(", ").join(
            sql.SQL("{} = %s").format(sql.Identifier(name)) for name in fields)
        with self._cursor() as cur:
            cur.execute(sql.SQL("UPDATE faxes SET {} WHERE id = %s").format(assignments),
                        (*fields.values(), fax_id))

    def has_fax(self, fax_id: str) -> bool:
        return self._one("SELECT 1 AS one FROM faxes WHERE id = %s", (fax_id,)) is not None

    def insert_fax_row(self, row: dict[str, Any]) -> None:
        values = {**row, **({"metadata": _jsonb(row["metadata"])} if "metadata" in row else {})}
        with self._cursor() as cur:
            cur.execute(sql.SQL("INSERT INTO faxes ({}) VALUES ({})").format(
                sql.SQL(", ").join(map(sql.Identifier, values)),
                sql.SQL(", ").join(sql.Placeholder() * len(values))), tuple(values.values()))

    # -- the journal -----------------------------------------------------------------------
    def record_event(self, provider: str, idem_key: str, event_type: str,
                     headers: dict[str, str], body: bytes, fax_id: str | None) -> bool:
        return self._one(
            """INSERT INTO events (provider, idem_key, event_type, received_at, headers, body,
                                   fax_id)
               VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (idem_key) DO NOTHING
               RETURNING id""",
            (provider, idem_key, event_type, utcnow_iso(), json.dumps(headers, sort_keys=True),
             body, fax_id)) is not None

    def event_body(self, idem_key: str) -> bytes | None:
        row = self._one("SELECT body FROM events WHERE idem_key = %s", (idem_key,))
        return bytes(row["body"]) if row and row["body"] is not None else None

    # -- pages -----------------------------------------------------------------------------
    def pages(self, fax_id: str) -> list[dict[str, Any]]:
        return self._rows(f"SELECT {PAGE_COLUMNS} FROM pages WHERE fax_id = %s"
                          " ORDER BY page_no", (fax_id,))

    @staticmethod
    def _hold_fax_row(cur: psycopg.Cursor, fax_id: str) -> None:
        """Take the fax's row for the transaction, before writing its pages or its operator
        verdict (FOR NO KEY UPDATE: the two wait for each other, not for rows that only
        refer to the fax). The pages' trigger of migration 10 decides whether the fax is
        judged from the verdicts it sees: without the row, a verdict committed while the
        fax's pages were being written was seen by neither trigger (the training revision
        stood while a judged text changed), and a fax judged halfway through its page
        writes took the revision's lock after the search-terms lock, a cycle with a
        transaction dropping a judged fax's pages."""
        cur.execute("SELECT 1 FROM faxes WHERE id = %s FOR NO KEY UPDATE", (fax_id,))

    def replace_page(self, fax_id: str, page: dict[str, Any]) -> None:
        """Insert or replace one page's geometry and text, with its index terms (the SQLite
        index's tokenizer, so both backends index the same words), their tsvector, and the
        search terms and close-word keys of terms new to the catalog."""
        added_forms = page.get("added_forms") or ""
        text_terms, added_terms = index_terms(page.get("text") or ""), index_terms(added_forms)
        terms = text_terms + added_terms
        with self._cursor() as cur:
            self._hold_fax_row(cur, fax_id)
            cur.execute(
                """INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, text,
                                      confidence, added_forms, terms, search)
                   VALUES (%(fax_id)s, %(page_no)s, %(width_px)s, %(height_px)s, %(xdpi)s,
                           %(ydpi)s, %(text)s, %(confidence)s, %(added_forms)s, %(terms)s,
                           %(search)s::tsvector)
                   ON CONFLICT (fax_id, page_no) DO UPDATE SET
                     width_px = excluded.width_px, height_px = excluded.height_px,
                     xdpi = excluded.xdpi, ydpi = excluded.ydpi, text = excluded.text,
                     confidence = excluded.confidence, added_forms = excluded.added_forms,
                     terms = excluded.terms, search = excluded.search""",
                {"fax_id": fax_id, "width_px": page["width_px"],
                 "height_px": page["height_px"], "xdpi": page["xdpi"], "ydpi": page["ydpi"],
                 "page_no": page["page_no"], "text": page.get("text") or "",
                 "confidence": page.get("confidence"), "added_forms": added_forms,
                 "terms": terms, "search": page_tsvector(text_terms, added_terms)})
            cur.execute("SELECT pg_advisory_xact_lock_shared(%s)", (TERMS_LOCK,))
            add_search_terms(cur, sorted(set(terms)))

    def _forget_terms_of(self, cur: psycopg.Cursor, where: sql.Composable,
                         params: tuple[Any, ...]) -> None:
        """Delete the pages ``where`` selects, and the search terms no other page holds."""
        cur.execute(sql.SQL("DELETE FROM pages WHERE {} RETURNING terms").format(where), params)
        gone = sorted({term for row in cur.fetchall() for term in row["terms"]})
        if gone:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (TERMS_LOCK,))
            cur.execute("DELETE FROM search_terms s WHERE s.term = ANY(%s) AND NOT EXISTS"
                        " (SELECT 1 FROM pages p WHERE p.terms @> ARRAY[s.term]) RETURNING term",
                        (gone,))
            forgotten = [row["term"] for row in cur.fetchall()]
            if forgotten:
                cur.execute("DELETE FROM search_term_keys WHERE term = ANY(%s)", (forgotten,))

    def record_events(self, events: list[NewEvent]) -> list[bool]:
        """:meth:`record_event` for each of ``events`` in one statement (one round trip for a
        whole group commit); a key repeated among them is journaled once, by the first.
        The arrays go in binary (``%b``): psycopg writes a text array element by element
        through a regular expression, about 50 us a row, most of a group commit's CPU."""
        if not events:
            return []
        now = utcnow_iso()
        with self._cursor() as cur:
            cur.row_factory = tuple_row  # a dict per returned key costs more than the insert
            cur.execute(
                """INSERT INTO events (provider, idem_key, event_type, received_at, headers, body,
                                       fax_id)
                   SELECT provider, idem_key, event_type, %s, headers, body, fax_id
                   FROM unnest(%b::text[], %b::text[], %b::text[], %b::text[], %b::bytea[],
                               %b::text[]) WITH ORDINALITY
                        AS e (provider, idem_key, event_type, headers, body, fax_id, n)
                   ORDER BY n
                   ON CONFLICT (idem_key) DO NOTHING RETURNING idem_key""",
                (now, [e.provider for e in events], [e.idem_key for e in events],
                 [e.event_type for e in events],
                 [HEADERS_JSON.encode(e.headers) for e in events],
                 [e.body for e in events], [e.fax_id for e in events]))
            inserted = {key for (key,) in cur.fetchall()}
        new = []
        for e in events:
            new.append(e.idem_key in inserted)
            inserted.discard(e.idem_key)  # a repeat further on is a duplicate
        return new

    def delete_pages(self, fax_id: str) -> None:
        with self._cursor() as cur:
            self._hold_fax_row(cur, fax_id)
            self._forget_terms_of(cur, sql.SQL("fax_id = %s"), (fax_id,))

    def delete_pages_after(self, fax_id: str, last_page_no: int) -> None:
        with self._cursor() as cur:
            self._hold_fax_row(cur, fax_id)
            self._forget_terms_of(cur, sql.SQL("fax_id = %s AND page_no > %s"),
                                  (fax_id, last_page_no))

    # -- polling and e-mail doors ------------------------------------------------------------
    def door_state(self, door: str) -> DoorState:
        row = self._one("SELECT * FROM door_state WHERE door = %s", (door,))
        return DoorState(**row) if row else DoorState(door=door)

    def door_states(self) -> list[DoorState]:
        rows = self._rows(
            "SELECT s.*, (SELECT count(*) FROM door_acks a WHERE a.door = s.door"
            " AND a.acked_at IS NULL) AS acks_waiting FROM door_state s ORDER BY s.door")
        return [DoorState(**row) for row in rows]

    def save_door_poll(self, door: str, *, cursor: str | None, error: str | None) -> None:
        with self._cursor() as cur:
            cur.execute(
                """INSERT INTO door_state (door, cursor, last_poll_at, last_error)
                   VALUES (%s, %s, %s, %s)
                   ON CONFLICT (door) DO UPDATE SET
                     cursor = coalesce(excluded.cursor, door_state.cursor),
                     last_poll_at = excluded.last_poll_at, last_error = excluded.last_error""",
                (door, cursor, utcnow_iso(), error))

    def add_door_ack(self, door: str, item_id: str, fax_id: str) -> None:
        with self._cursor() as cur:
            cur.execute("INSERT INTO door_acks (door, item_id, fax_id, created_at)"
                        " VALUES (%s, %s, %s, %s) ON CONFLICT (door, item_id) DO NOTHING",
                        (door, item_id, fax_id, utcnow_iso()))

    def door_acks_due(self, door: str, limit: int = 100) -> list[DoorAck]:
        rows = self._rows(
            "SELECT a.item_id, a.fax_id FROM door_acks a JOIN faxes f ON f.id = a.fax_id"
            " WHERE a.door = %s AND a.acked_at IS NULL AND f.state = 'archived'"
            " ORDER BY a.created_at, a.item_id LIMIT %s", (door, limit))
        return [DoorAck(door=door, item_id=r["item_id"], fax_id=r["fax_id"]) for r in rows]

    def door_ack_done(self, door: str, item_id: str) -> None:
        with self._cursor() as cur:
            cur.execute("UPDATE door_acks SET acked_at = %s WHERE door = %s AND item_id = %s",
                        (utcnow_iso(), door, item_id))

    def door_ack(self, door: str, item_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM door_acks WHERE door = %s AND item_id = %s",
                         (door, item_id))

    # -- spam ------------------------------------------------------------------------------
    def spam_feedback(self, fax_id: str) -> dict[str, Any] | None:
        return self._one("SELECT verdict, actor, at FROM spam_feedback WHERE fax_id = %s",
                         (fax_id,))

    def spam_feedback_texts(self, exclude: str | None = None) -> list[tuple[str, str]]:
        rows = self._rows(
            """SELECT f.verdict, string_agg(p.text, ' ' ORDER BY p.page_no) AS text
               FROM spam_feedback f JOIN pages p ON p.fax_id = f.fax_id
               WHERE f.fax_id IS DISTINCT FROM %s GROUP BY f.fax_id, f.verdict""", (exclude,))
        return [(r["verdict"], r["text"] or "") for r in rows]

    def spam_training_revision(self) -> int:
        row = self._one("SELECT revision FROM spam_training")
        return int(row["revision"]) if row else 0

    def record_spam_feedback(self, fax_id: str, verdict: str, actor: str) -> None:
        with self._cursor() as cur:
            self._hold_fax_row(cur, fax_id)
            cur.execute(
                "INSERT INTO spam_feedback (fax_id, verdict, actor, at) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (fax_id) DO UPDATE SET verdict = excluded.verdict,"
                " actor = excluded.actor, at = excluded.at",
                (fax_id, verdict, actor, utcnow_iso()))

    def faxes_to_rescore(self, since: str | None = None) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, spam_verdict FROM faxes WHERE pages IS NOT NULL"
            " AND (%(since)s::text IS NULL OR received_at >= %(since)s) ORDER BY received_at",
            {"since": since})

    # -- archive objects and holds ---------------------------------------------------------
    def archive_objects(self, fax_id: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM archive_objects WHERE fax_id = %s ORDER BY purpose",
                          (fax_id,))

    def archived_objects(self, since: str | None = None) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT o.* FROM archive_objects o JOIN faxes f ON f.id = o.fax_id"
            " WHERE (%(since)s::text IS NULL OR f.received_at >= %(since)s)"
            " ORDER BY o.fax_id, o.purpose", {"since": since})

    def record_archive_object(self, fax_id: str, obj: dict[str, Any]) -> None:
        row = {"fax_id": fax_id, "archived_at": utcnow_iso(), "version_id": None,
               "retain_until": None, **obj}
        with self._cursor() as cur:
            cur.execute(
                """INSERT INTO archive_objects (fax_id, purpose, key, sha256, size, version_id,
                                                retain_until, archived_at)
                   VALUES (%(fax_id)s, %(purpose)s, %(key)s, %(sha256)s, %(size)s,
                           %(version_id)s, %(retain_until)s, %(archived_at)s)
                   ON CONFLICT (fax_id, purpose) DO UPDATE SET
                     key = excluded.key, sha256 = excluded.sha256, size = excluded.size,
                     version_id = excluded.version_id, retain_until = excluded.retain_until,
                     archived_at = excluded.archived_at""", row)

    def set_legal_hold(self, fax_id: str, on: bool) -> None:
        with self._cursor() as cur:
            cur.execute("UPDATE archive_objects SET legal_hold = %s WHERE fax_id = %s",
                        (int(on), fax_id))

    def delete_archive_objects(self, fax_id: str) -> None:
        with self._cursor() as cur:
            cur.execute("DELETE FROM archive_objects WHERE fax_id = %s", (fax_id,))

    # -- the audit log's rows --------------------------------------------------------------
    def audit_head(self, *, for_append: bool = False) -> tuple[int, str] | None:
        """(seq, hash) of the newest entry. ``for_append`` (inside the appending transaction):
        first take the cluster-wide audit lock, held until that transaction ends, so no other
        node appends after this read."""
        with self._cursor() as cur:
            if for_append:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
            cur.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            row = cur.fetchone()
        return (int(row["seq"]), row["hash"]) if row else None

    def audit_head_later(self) -> Callable[[], tuple[int, str] | None]:
        """:meth:`audit_head` for an append, in two steps: the audit lock and the head read
        are sent now, inside the open transaction, and the returned function reads the
        head. In a batch transaction (pipeline mode) they go out with the next statement
        whose result is read (a group commit's events), so the head costs no wait of its
        own. The lock is held until the transaction ends; the head is read by a statement
        after the lock's, so it is the head no other node can append after."""
        conn = self.jobs.bound_connection()
        if conn is None:
            raise RuntimeError("audit_head_later() appends inside an open transaction")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
        cur = conn.cursor(row_factory=dict_row)
        cur.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")

        def read() -> tuple[int, str] | None:
            with cur:
                row = cur.fetchone()
            return (int(row["seq"]), row["hash"]) if row else None

        return read

    def insert_audit_entry(self, entry: dict[str, Any]) -> None:
        with self._cursor() as cur:
            cur.execute(
                "INSERT INTO audit_log (seq, at, actor, action, fax_id, details, prev_hash,"
                " hash) VALUES (%(seq)s, %(at)s, %(actor)s, %(action)s, %(fax_id)s,"
                " %(details)s, %(prev_hash)s, %(hash)s)", entry)

    def insert_audit_entries(self, entries: list[dict[str, Any]]) -> None:
        if not entries:
            return
        columns = ("seq", "at", "actor", "action", "fax_id", "details", "prev_hash", "hash")
        with self._cursor() as cur:
            cur.execute(
                "INSERT INTO audit_log (seq, at, actor, action, fax_id, details, prev_hash,"
                " hash) SELECT * FROM unnest(%b::bigint[], %b::text[], %b::text[], %b::text[],"
                " %b::text[], %b::text[], %b::text[], %b::text[])",  # binary: see record_events
                [[entry[c] for entry in entries] for c in columns])

    def audit_entries(self, from_seq: int = 1) -> Iterator[dict[str, Any]]:
        """Entries from ``from_seq`` on, in order, fetched a batch at a time (a server-side
        cursor: a long log is never held in memory whole)."""
        with self.transaction() as conn, conn.cursor(
                name=f"audit_entries_{next(_cursor_names)}", row_factory=dict_row) as cur:
            cur.itersize = 1000
            cur.execute("SELECT * FROM audit_log WHERE seq >= %s ORDER BY seq", (from_seq,))
            yield from cur

    def audit_hash_at(self, seq: int) -> str | None:
        row = self._one("SELECT hash FROM audit_log WHERE seq = %s", (seq,))
        return row["hash"] if row else None

    def first_audit_seq_of(self, fax_ids: Iterable[str]) -> int | None:
        ids = sorted(fax_ids)
        if not ids:
            return None
        return self._one("SELECT min(seq) AS first FROM audit_log WHERE fax_id = ANY(%s)",
                         (ids,))["first"]

    def record_audit_anchor(self, anchor: dict[str, Any]) -> None:
        with self._cursor() as cur:
            cur.execute(
                """INSERT INTO audit_anchors (target, key, seq, hash, at, version_id,
                                              retain_until)
                   VALUES (%(target)s, %(key)s, %(seq)s, %(hash)s, %(at)s, %(version_id)s,
                           %(retain_until)s)
                   ON CONFLICT (target, key) DO UPDATE SET seq = excluded.seq,
                     hash = excluded.hash, at = excluded.at, version_id = excluded.version_id,
                     retain_until = excluded.retain_until""", anchor)

    def last_anchored_seq(self, target: str) -> int:
        row = self._one("SELECT max(seq) AS seq FROM audit_anchors WHERE target = %s",
                        (target,))
        return int(row["seq"] or 0)

    def audit_entries_not_by(self, seq: int, actors: Iterable[str], actor_prefix: str) -> int:
        return int(self._one(
            "SELECT count(*) AS n FROM audit_log WHERE seq > %s AND actor <> ALL(%s)"
            " AND actor NOT LIKE %s", (seq, list(actors), like_prefix(actor_prefix)))["n"])

    def audit_anchors_between(self, first_seq: int, last_seq: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT target, key, seq, hash, at, version_id, retain_until FROM audit_anchors"
            " WHERE seq BETWEEN %s AND %s ORDER BY seq, target", (first_seq, last_seq))


def _server_of(url: str) -> str:
    """host:port/database of a URL, for messages (never its user or password)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path or '/'}"


def _without_password(text: str, url: str) -> str:
    from urllib.parse import unquote, urlsplit

    password = urlsplit(url).password
    for form in {password, unquote(password)} if password else ():
        text = text.replace(form, "***")
    return text


def open_postgres_catalog(url: str, settings: PostgresSettings | None = None) -> PostgresCatalog:
    """A catalog on the database at ``url`` (migrated to the newest schema). Raises
    :class:`CatalogUnavailable`, naming the server and the reason, when it cannot connect."""
    settings = settings or PostgresSettings()
    where = _server_of(url)
    try:
        # One connection first: it fails with the server's reason (refused, bad password,
        # no such database), where a pool would only time out.
        psycopg.connect(url, connect_timeout=max(1, round(settings.connect_timeout_seconds)),
                        ).close()
    except psycopg.Error as exc:
        raise CatalogUnavailable(f"cannot connect to the PostgreSQL catalog at {where}: "
                                 f"{_without_password(str(exc).strip(), url)}") from None
    pool = open_pool(url, PoolSettings(
        min_size=settings.pool_min_size, max_size=settings.pool_max_size,
        connect_timeout_seconds=settings.connect_timeout_seconds,
        statement_timeout_ms=settings.statement_timeout_ms,
        check_before_lending=settings.check_before_lending))
    return PostgresCatalog(pool, search_ranked_pages=settings.search_ranked_pages)
