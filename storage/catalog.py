"""The SQLite catalog: its connection, migrations applied, and the queries over faxes and pages.

One file, WAL mode, foreign keys on, a busy timeout so the service and a CLI command can write
at the same time. The schema evolves through numbered migrations recorded in
``PRAGMA user_version`` (storage/schema.py); each runs in its own transaction.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.schema import MIGRATIONS
from storage.terms import PAIRS_FROM_LETTERS, fold_lookalikes, index_terms, pair_keys, term_keys

log = logging.getLogger("faxvault.catalog")

BUSY_TIMEOUT_MS = 10_000
_savepoints = itertools.count(1)


# Journaled headers as JSON with sorted keys, one encoder for every delivery (json.dumps
# with an option builds a new one per call).
HEADERS_JSON = json.JSONEncoder(sort_keys=True)


def utcnow_iso() -> str:
    """UTC now as ISO 8601 with seconds and a Z, the one time format of the catalog."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def like_prefix(text: str) -> str:
    """A LIKE pattern (escape character ``\\``) for values starting with ``text`` as typed:
    a ``%`` or ``_`` in it is not a wildcard."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class NotFound(LookupError):
    """No such fax (or job)."""


@dataclass(frozen=True)
class DeliverySummary:
    provider: str
    last_delivery: str  # ISO 8601 UTC, when it was journaled
    deliveries: int


@dataclass(frozen=True)
class ProviderStatusCount:
    provider: str
    provider_status: str
    faxes: int


@dataclass(frozen=True)
class DoorState:
    door: str
    cursor: str | None = None
    last_poll_at: str | None = None
    last_error: str | None = None
    acks_waiting: int = 0  # faxes to acknowledge at the provider once archived


@dataclass(frozen=True, slots=True)  # slots: built per delivery
class NewEvent:
    """One delivery's raw event, as the journal stores it."""

    provider: str
    idem_key: str
    event_type: str
    headers: dict[str, str]
    body: bytes
    fax_id: str | None = None


@dataclass(frozen=True)
class DoorAck:
    door: str
    item_id: str
    fax_id: str


@dataclass
class Catalog:
    """A connection to the catalog plus the queries the rest of faxvault needs.

    Use one Catalog per thread (sqlite3 connections are not shared across threads here).
    """

    backend = "sqlite"
    db: sqlite_utils.Database
    path: Path

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @property
    def jobs(self) -> Any:
        """The job queue in this catalog (a ``storage.queue.JobQueue``)."""
        from storage.queue import SqliteQueue  # storage.queue imports this module

        return SqliteQueue(self)

    @property
    def people(self) -> Any:
        """People of the web inbox and API (a ``storage.people.People``)."""
        from storage.people import SqlitePeople  # storage.people imports this module

        return SqlitePeople(self)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front (BEGIN IMMEDIATE), so it never deadlocks midway.
        Inside one already open, a savepoint: its work is undone alone if it raises."""
        if self.conn.in_transaction:
            name = f"sp{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def batch_transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """:meth:`transaction` (in-process, SQLite has no round trips to save)."""
        return self.transaction()

    def close(self) -> None:
        self.conn.close()

    # -- jobs and status (read models) ---------------------------------------------------
    def fax_counts_by_state(self) -> dict[str, int]:
        """Faxes by state; states with none are absent."""
        rows = self.conn.execute("SELECT state, count(*) AS n FROM faxes GROUP BY state")
        return {r["state"]: r["n"] for r in rows}

    def unfinished_count(self, fax_ids: Iterable[str]) -> int:
        """How many of these faxes are neither archived nor failed."""
        ids = list(fax_ids)
        if not ids:
            return 0
        row = self.conn.execute(
            f"SELECT count(*) FROM faxes WHERE id IN ({','.join('?' * len(ids))})"
            " AND state NOT IN ('archived', 'failed')", ids).fetchone()
        return int(row[0])

    def delivery_summaries(self) -> list[DeliverySummary]:
        """Per provider: the newest journaled delivery and how many there are."""
        rows = self.conn.execute(
            "SELECT provider, max(received_at) AS last_delivery, count(*) AS deliveries"
            " FROM events GROUP BY provider ORDER BY provider")
        return [DeliverySummary(**dict(r)) for r in rows]

    def provider_status_counts(self) -> list[ProviderStatusCount]:
        """Faxes by provider and the provider's own status code (verbatim), commonest first."""
        rows = self.conn.execute(
            "SELECT provider, provider_status, count(*) AS faxes FROM faxes"
            " WHERE provider_status IS NOT NULL GROUP BY provider, provider_status"
            " ORDER BY provider, faxes DESC")
        return [ProviderStatusCount(**dict(r)) for r in rows]

    def spam_verdict_counts(self) -> dict[str, int]:
        """Faxes by spam verdict, ``unscored`` for those without one."""
        rows = self.conn.execute(
            "SELECT coalesce(spam_verdict, 'unscored') AS v, count(*) AS n FROM faxes"
            " GROUP BY v")
        return {r["v"]: r["n"] for r in rows}

    def is_original(self, sha256: str) -> bool:
        """Whether some fax's original is the blob with this SHA-256."""
        return self.conn.execute("SELECT 1 FROM faxes WHERE original_sha256 = ? LIMIT 1",
                                 (sha256,)).fetchone() is not None

    def retention_rows(self) -> list[dict[str, Any]]:
        """Faxes by the date their last archived object may go (the latest retain-until)."""
        rows = self.conn.execute(
            """SELECT f.id, f.received_at, f.from_number, f.from_raw, f.state,
                      max(o.retain_until) AS retain_until, max(o.legal_hold) AS legal_hold,
                      count(o.key) AS objects
               FROM faxes f JOIN archive_objects o ON o.fax_id = f.id
               GROUP BY f.id ORDER BY retain_until IS NULL, retain_until, f.received_at""")
        return [dict(r) for r in rows]

    def archived_fax_ids(self, *, since: str | None = None, until: str | None = None,
                         from_number: str | None = None, words: str | None = None,
                         include_spam: bool = False,
                         mailboxes: tuple[str, ...] | None = None) -> list[str]:
        """Archived faxes received in [since, until), from a number, with pages holding
        ``words`` (taken literally), spam left out unless asked, in ``mailboxes`` when given
        (None: every mailbox); oldest first."""
        where, params = ["state = 'archived'"], []
        if mailboxes is not None:
            if not mailboxes:
                return []
            where.append(f"mailbox IN ({', '.join('?' * len(mailboxes))})")
            params += list(mailboxes)
        if since:
            where.append("received_at >= ?")
            params.append(since)
        if until:
            where.append("received_at < ?")
            params.append(until)
        if from_number:
            where.append("(from_number = ? OR from_raw = ?)")
            params += [from_number, from_number]
        if not include_spam:
            where.append("coalesce(spam_verdict, '') != 'spam'")
        if words:
            match = self.db.quote_fts(words)
            if not match.strip():
                return []
            where.append("id IN (SELECT p.fax_id FROM pages_fts JOIN pages p ON p.id = "
                         "pages_fts.rowid WHERE pages_fts MATCH ?)")
            params.append(match)
        rows = self.conn.execute(
            f"SELECT id FROM faxes WHERE {' AND '.join(where)} ORDER BY received_at, id",
            params)
        return [r["id"] for r in rows]

    # -- the journal (events), restores, holds: the backend-neutral writes ------------------
    def record_event(self, provider: str, idem_key: str, event_type: str,
                     headers: dict[str, str], body: bytes, fax_id: str | None) -> bool:
        """Journal one delivery's raw event; False if its idempotency key is already in."""
        return self.conn.execute(
            """INSERT INTO events (provider, idem_key, event_type, received_at, headers, body,
                                   fax_id)
               VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING""",
            (provider, idem_key, event_type, utcnow_iso(), HEADERS_JSON.encode(headers),
             body, fax_id)).rowcount == 1

    def event_body(self, idem_key: str) -> bytes | None:
        """The raw body journaled under ``idem_key`` (None: no such event, or no body)."""
        row = self.conn.execute("SELECT body FROM events WHERE idem_key = ?",
                                (idem_key,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def record_events(self, events: list[NewEvent]) -> list[bool]:
        """:meth:`record_event` for each of ``events``, in order (a key repeated among them is
        journaled once, by the first)."""
        return [self.record_event(e.provider, e.idem_key, e.event_type, e.headers, e.body,
                                  e.fax_id) for e in events]

    def delete_pages_after(self, fax_id: str, last_page_no: int) -> None:
        """Drop pages numbered past ``last_page_no`` (a fax read again came out shorter),
        forgetting the search terms only they held, as :meth:`delete_pages` does."""
        self.delete_pages(fax_id, after=last_page_no)

    def set_legal_hold(self, fax_id: str, on: bool) -> None:
        self.conn.execute("UPDATE archive_objects SET legal_hold = ? WHERE fax_id = ?",
                          (int(on), fax_id))

    def delete_archive_objects(self, fax_id: str) -> None:
        self.conn.execute("DELETE FROM archive_objects WHERE fax_id = ?", (fax_id,))

    def record_spam_feedback(self, fax_id: str, verdict: str, actor: str) -> None:
        self.conn.execute(
            "INSERT INTO spam_feedback (fax_id, verdict, actor, at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (fax_id) DO UPDATE SET verdict = excluded.verdict,"
            " actor = excluded.actor, at = excluded.at", (fax_id, verdict, actor, utcnow_iso()))

    def faxes_to_rescore(self, since: str | None = None) -> list[dict[str, Any]]:
        """(id, spam_verdict) of faxes with pages, received on or after ``since``, oldest first."""
        rows = self.conn.execute(
            "SELECT id, spam_verdict FROM faxes WHERE pages IS NOT NULL"
            + (" AND received_at >= ?" if since else "") + " ORDER BY received_at",
            (since,) if since else ())
        return [dict(r) for r in rows]

    def archived_objects(self, since: str | None = None) -> list[dict[str, Any]]:
        """Every archived object (of faxes received on or after ``since``), by fax."""
        sql = ("SELECT o.* FROM archive_objects o JOIN faxes f ON f.id = o.fax_id"
               + (" WHERE f.received_at >= ?" if since else "")
               + " ORDER BY o.fax_id, o.purpose")
        return [dict(r) for r in self.conn.execute(sql, (since,) if since else ())]

    def has_fax(self, fax_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM faxes WHERE id = ?",
                                 (fax_id,)).fetchone() is not None

    def insert_fax_row(self, row: dict[str, Any]) -> None:
        """Insert a fax row exactly as given (a restore or a copy: the columns by name,
        ``metadata`` as its JSON text)."""
        self.conn.execute(f"INSERT INTO faxes ({', '.join(row)}) VALUES "
                          f"({', '.join('?' * len(row))})", tuple(row.values()))

    # -- the audit log's rows (the chain itself is storage.audit's) ------------------------
    def audit_head(self, *, for_append: bool = False) -> tuple[int, str] | None:
        """(seq, hash) of the newest entry, or None. ``for_append``: the caller appends next,
        inside this transaction (BEGIN IMMEDIATE already keeps other writers out)."""
        row = self.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                                ).fetchone()
        return (row["seq"], row["hash"]) if row else None

    def audit_head_later(self) -> Callable[[], tuple[int, str] | None]:
        """:meth:`audit_head` for an append, read now (in-process: nothing to save by
        reading it later, as the PostgreSQL catalog does)."""
        head = self.audit_head(for_append=True)
        return lambda: head

    def insert_audit_entry(self, entry: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, fax_id, details, prev_hash, hash)"
            " VALUES (:seq, :at, :actor, :action, :fax_id, :details, :prev_hash, :hash)", entry)

    def insert_audit_entries(self, entries: list[dict[str, Any]]) -> None:
        self.conn.executemany(
            "INSERT INTO audit_log (seq, at, actor, action, fax_id, details, prev_hash, hash)"
            " VALUES (:seq, :at, :actor, :action, :fax_id, :details, :prev_hash, :hash)",
            entries)

    def audit_entries(self, from_seq: int = 1) -> Iterator[dict[str, Any]]:
        """Entries from ``from_seq`` on, in order."""
        for row in self.conn.execute("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq",
                                     (from_seq,)):
            yield dict(row)

    def audit_hash_at(self, seq: int) -> str | None:
        row = self.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        return row["hash"] if row else None

    def first_audit_seq_of(self, fax_ids: Iterable[str]) -> int | None:
        """The first entry about any of these faxes."""
        ids, first = sorted(fax_ids), None
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            row = self.conn.execute(
                f"SELECT min(seq) FROM audit_log WHERE fax_id IN ({','.join('?' * len(chunk))})",
                chunk).fetchone()
            if row[0] is not None:
                first = row[0] if first is None else min(first, row[0])
        return first

    def record_audit_anchor(self, anchor: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO audit_anchors (target, key, seq, hash, at, version_id,"
            " retain_until) VALUES (:target, :key, :seq, :hash, :at, :version_id,"
            " :retain_until)", anchor)

    def last_anchored_seq(self, target: str) -> int:
        row = self.conn.execute("SELECT max(seq) FROM audit_anchors WHERE target = ?",
                                (target,)).fetchone()
        return row[0] or 0

    def audit_entries_not_by(self, seq: int, actors: Iterable[str], actor_prefix: str) -> int:
        """Entries after ``seq`` whose actor is none of ``actors`` and lacks the prefix."""
        names = list(actors)
        return self.conn.execute(
            f"SELECT count(*) FROM audit_log WHERE seq > ? AND actor NOT IN "
            f"({','.join('?' * len(names))}) AND actor NOT LIKE ?",
            (seq, *names, actor_prefix + "%")).fetchone()[0]

    def audit_anchors_between(self, first_seq: int, last_seq: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT target, key, seq, hash, at, version_id, retain_until FROM audit_anchors"
            " WHERE seq BETWEEN ? AND ? ORDER BY seq, target", (first_seq, last_seq))
        return [dict(r) for r in rows]

    # -- faxes ---------------------------------------------------------------------------
    def get_fax(self, fax_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM faxes WHERE id = ?", (fax_id,)).fetchone()
        if row is None:
            # Allow an unambiguous prefix of the id, like git does for commits.
            rows = self.conn.execute(
                "SELECT * FROM faxes WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (like_prefix(fax_id.upper()),)
            ).fetchall() if len(fax_id) >= 6 else []
            if len(rows) != 1:
                raise NotFound(f"no fax {fax_id!r}")
            row = rows[0]
        fax = dict(row)
        fax["metadata"] = json.loads(fax["metadata"] or "{}")
        return fax

    def ensure_fax(self, fax_id: str, fields: dict[str, Any]) -> str:
        """Insert a fax row as ``fax_id`` (``fields`` by column name, ``metadata`` a dict)
        unless one exists for its (provider, provider_fax_id); the fax's id either way. A
        ``received_at`` of None means now: the same clock reading as ``created_at``."""
        now = utcnow_iso()
        row = {**fields, "metadata": json.dumps(fields.get("metadata") or {}, sort_keys=True),
               "received_at": fields.get("received_at") or now}
        columns = ["id", "created_at", "updated_at", *row]
        inserted = self.conn.execute(
            f"INSERT INTO faxes ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            " ON CONFLICT (provider, provider_fax_id) DO NOTHING",
            (fax_id, now, now, *row.values())).rowcount
        if inserted == 1:
            return fax_id
        return self.conn.execute(
            "SELECT id FROM faxes WHERE provider = ? AND provider_fax_id = ?",
            (row["provider"], row["provider_fax_id"])).fetchone()["id"]

    def find_fax(self, provider: str, provider_fax_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT id FROM faxes WHERE provider = ? AND provider_fax_id = ?",
            (provider, provider_fax_id),
        ).fetchone()
        return self.get_fax(row["id"]) if row else None

    def lock_fax(self, fax_id: str) -> None:
        """Nothing to take: a SQLite write transaction (BEGIN IMMEDIATE) already runs alone."""

    def lock_original(self, sha256: str) -> None:
        """Nothing to take: a SQLite write transaction (BEGIN IMMEDIATE) already runs alone."""

    def count_faxes_needing_original(self, sha256: str, *, excluding: str | None = None) -> int:
        """Faxes (other than ``excluding``) not yet archived whose original has these bytes:
        while any exists, the spool blob must stay. Call inside the write transaction that
        removes the blob, so no fax can take it as its original in between. A fax whose
        archived objects were deleted (or are being deleted) needs its original no more."""
        return self.conn.execute(
            "SELECT count(*) FROM faxes WHERE original_sha256 = ?"
            " AND state NOT IN ('archived', 'deleting', 'deleted') AND id IS NOT ?",
            (sha256, excluding)).fetchone()[0]

    def update_fax(self, fax_id: str, **fields: Any) -> None:
        if "metadata" in fields and not isinstance(fields["metadata"], str):
            fields["metadata"] = json.dumps(fields["metadata"], sort_keys=True)
        fields["updated_at"] = utcnow_iso()
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(
            f"UPDATE faxes SET {assignments} WHERE id = ?", (*fields.values(), fax_id)
        )

    def pages(self, fax_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT * FROM pages WHERE fax_id = ? ORDER BY page_no", (fax_id,)
        ).fetchall()
        return [dict(r) for r in rows]

    def replace_page(self, fax_id: str, page: dict[str, Any]) -> None:
        """Insert or replace one page's geometry, text (what OCR read) and added searchable
        forms (``added_forms``, words separated by spaces; the FTS index follows by trigger)."""
        row = {"fax_id": fax_id, **page, "added_forms": page.get("added_forms") or ""}
        self.conn.execute(
            """INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, text,
                                  confidence, added_forms)
               VALUES (:fax_id, :page_no, :width_px, :height_px, :xdpi, :ydpi, :text,
                       :confidence, :added_forms)
               ON CONFLICT (fax_id, page_no) DO UPDATE SET
                 width_px = excluded.width_px, height_px = excluded.height_px,
                 xdpi = excluded.xdpi, ydpi = excluded.ydpi, text = excluded.text,
                 confidence = excluded.confidence, added_forms = excluded.added_forms""",
            row,
        )
        terms = set(index_terms(page.get("text") or "")) | set(index_terms(row["added_forms"]))
        known = {found[0] for found in self.conn.execute(
            "SELECT term FROM search_terms WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(terms)),))}
        new = terms - known
        self.conn.executemany("INSERT OR IGNORE INTO search_terms (term, folded) VALUES (?, ?)",
                              [(term, fold_lookalikes(term)) for term in new])
        self.conn.executemany("INSERT OR IGNORE INTO search_term_keys (key, term) VALUES (?, ?)",
                              [(key, term) for term in new for key in term_keys(term)])

    def delete_pages(self, fax_id: str, *, after: int = 0) -> None:
        """Delete a fax's pages (those numbered past ``after``) and their text (the index
        follows by trigger), and forget the search terms only those pages held: a deleted
        page leaves no words behind."""
        texts = [text for row in self.conn.execute(
            "SELECT text, added_forms FROM pages WHERE fax_id = ? AND page_no > ?",
            (fax_id, after)) for text in row]
        self.conn.execute("DELETE FROM pages WHERE fax_id = ? AND page_no > ?", (fax_id, after))
        terms = {term for text in texts for term in index_terms(text)}
        if not terms:
            return
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.pages_vocab "
                          "USING fts5vocab(main, pages_fts, row)")
        gone = [(term,) for term in terms if self.conn.execute(
            "SELECT 1 FROM temp.pages_vocab WHERE term = ?", (term,)).fetchone() is None]
        self.conn.executemany("DELETE FROM search_terms WHERE term = ?", gone)
        self.conn.executemany("DELETE FROM search_term_keys WHERE key = ? AND term = ?",
                              [(key, term) for (term,) in gone for key in term_keys(term)])

    # -- spam ----------------------------------------------------------------------------
    def spam_feedback(self, fax_id: str) -> dict[str, Any] | None:
        """The operator's verdict on a fax (verdict, actor, at), if one was given."""
        row = self.conn.execute("SELECT verdict, actor, at FROM spam_feedback WHERE fax_id = ?",
                                (fax_id,)).fetchone()
        return dict(row) if row else None

    def spam_feedback_texts(self, exclude: str | None = None) -> list[tuple[str, str]]:
        """(verdict, text of all pages) for every fax an operator judged, but ``exclude``."""
        rows = self.conn.execute(
            """SELECT f.verdict, group_concat(p.text, ' ') AS text FROM spam_feedback f
               JOIN pages p ON p.fax_id = f.fax_id WHERE f.fax_id IS NOT ?
               GROUP BY f.fax_id""", (exclude,))
        return [(r["verdict"], r["text"] or "") for r in rows]

    def spam_training_revision(self) -> int:
        """A number that moves whenever an operator verdict or a judged fax's text changes
        (kept by trigger, migration 13): the verdicts' model is current while it stands."""
        return self.conn.execute("SELECT revision FROM spam_training").fetchone()[0]

    # -- polling and email doors ----------------------------------------------------------
    def door_state(self, door: str) -> DoorState:
        """Where ``door`` resumes, and how its last poll went (empty for a new door)."""
        row = self.conn.execute("SELECT * FROM door_state WHERE door = ?", (door,)).fetchone()
        return DoorState(**dict(row)) if row else DoorState(door=door)

    def door_states(self) -> list[DoorState]:
        """Every door that has polled, with its acknowledgements still waiting."""
        rows = self.conn.execute(
            "SELECT s.*, (SELECT count(*) FROM door_acks a WHERE a.door = s.door"
            " AND a.acked_at IS NULL) AS acks_waiting FROM door_state s ORDER BY s.door")
        return [DoorState(**dict(r)) for r in rows]

    def save_door_poll(self, door: str, *, cursor: str | None, error: str | None) -> None:
        """Record one poll: the cursor reached (None keeps the stored one) and its error."""
        self.conn.execute(
            """INSERT INTO door_state (door, cursor, last_poll_at, last_error)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (door) DO UPDATE SET
                 cursor = coalesce(excluded.cursor, door_state.cursor),
                 last_poll_at = excluded.last_poll_at, last_error = excluded.last_error""",
            (door, cursor, utcnow_iso(), error))

    def add_door_ack(self, door: str, item_id: str, fax_id: str) -> None:
        """Remember that ``item_id`` is to be acknowledged at the provider once ``fax_id`` is
        archived (a second call for the same item changes nothing)."""
        self.conn.execute(
            "INSERT INTO door_acks (door, item_id, fax_id, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (door, item_id) DO NOTHING", (door, item_id, fax_id, utcnow_iso()))

    def door_acks_due(self, door: str, limit: int = 100) -> list[DoorAck]:
        """Acknowledgements not yet made whose fax is archived, oldest first."""
        rows = self.conn.execute(
            "SELECT a.item_id, a.fax_id FROM door_acks a JOIN faxes f ON f.id = a.fax_id"
            " WHERE a.door = ? AND a.acked_at IS NULL AND f.state = 'archived'"
            " ORDER BY a.created_at, a.item_id LIMIT ?", (door, limit))
        return [DoorAck(door=door, item_id=r["item_id"], fax_id=r["fax_id"]) for r in rows]

    def door_ack_done(self, door: str, item_id: str) -> None:
        self.conn.execute("UPDATE door_acks SET acked_at = ? WHERE door = ? AND item_id = ?",
                          (utcnow_iso(), door, item_id))

    def door_ack(self, door: str, item_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM door_acks WHERE door = ? AND item_id = ?",
                                (door, item_id)).fetchone()
        return dict(row) if row else None

    def archive_objects(self, fax_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT * FROM archive_objects WHERE fax_id = ? ORDER BY purpose", (fax_id,)
        ).fetchall()
        return [dict(r) for r in rows]

    def record_archive_object(self, fax_id: str, obj: dict[str, Any]) -> None:
        self.conn.execute(
            """INSERT INTO archive_objects (fax_id, purpose, key, sha256, size, version_id,
                                            retain_until, archived_at)
               VALUES (:fax_id, :purpose, :key, :sha256, :size, :version_id, :retain_until,
                       :archived_at)
               ON CONFLICT (fax_id, purpose) DO UPDATE SET
                 key = excluded.key, sha256 = excluded.sha256, size = excluded.size,
                 version_id = excluded.version_id, retain_until = excluded.retain_until,
                 archived_at = excluded.archived_at""",
            {"fax_id": fax_id, "archived_at": utcnow_iso(), **obj},
        )


PAIR_KEYS_MIGRATION = 12  # files every long term under pairs of its quarters
PROGRESS_EVERY = 100_000  # terms between two progress lines of a migration


@dataclass
class _PairKeysProgress:
    """faxvault_pair_keys for migration 12: a term's pair-of-quarters keys (JSON), logging
    how many of the ``total`` long terms are done (a million-term catalog takes minutes)."""

    total: int
    done: int = 0

    def __call__(self, term: str) -> str:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0 or self.done == self.total:
            log.info("close-word index: pair keys filed for %d of %d terms", self.done,
                     self.total)
        return json.dumps(pair_keys(fold_lookalikes(term)))


def _apply_migrations(conn: sqlite3.Connection) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.create_function("faxvault_term_keys", 1, lambda term: json.dumps(term_keys(term)),
                         deterministic=True)
    long_terms = 0
    if current < PAIR_KEYS_MIGRATION and conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_terms'").fetchone():
        long_terms = conn.execute("SELECT count(*) FROM search_terms WHERE length(term) >= ?",
                                  (PAIRS_FROM_LETTERS,)).fetchone()[0]
    conn.create_function("faxvault_pair_keys", 1, _PairKeysProgress(long_terms))
    for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
        # executescript commits first; wrap the script itself so it applies all or nothing.
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")


def open_catalog(path: str | Path) -> Catalog:
    """Open (creating and migrating as needed) the catalog at ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see Catalog.transaction).
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL, not WAL's usual NORMAL: a journaled delivery has been acknowledged to the sender,
    # so its commit must survive a power cut, not just a process crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    _apply_migrations(conn)
    return Catalog(db=sqlite_utils.Database(conn), path=path)
