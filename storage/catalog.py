"""The SQLite catalog: schema, migrations and the queries over faxes and pages.

One file, WAL mode, foreign keys on, a busy timeout so the service and a CLI command can write
at the same time. The schema evolves through numbered migrations recorded in
``PRAGMA user_version``; each runs in its own transaction.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.terms import fold_lookalikes, fold_lookalikes_sql, index_terms

BUSY_TIMEOUT_MS = 10_000

MIGRATIONS: list[str] = [
    # 1: the spine.
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        provider TEXT NOT NULL,
        idem_key TEXT NOT NULL UNIQUE,
        event_type TEXT NOT NULL,
        received_at TEXT NOT NULL,
        headers TEXT NOT NULL DEFAULT '{}',
        body BLOB,
        fax_id TEXT
    );
    CREATE TABLE faxes (
        id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        provider_fax_id TEXT NOT NULL,
        from_raw TEXT,
        from_number TEXT,
        to_raw TEXT,
        to_number TEXT,
        received_at TEXT NOT NULL,
        provider_status TEXT,
        state TEXT NOT NULL DEFAULT 'received',
        error TEXT,
        pages INTEGER,
        original_sha256 TEXT,
        original_size INTEGER,
        original_ext TEXT,
        original_name TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        spam_score REAL,
        spam_verdict TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (provider, provider_fax_id)
    );
    CREATE INDEX faxes_received_at ON faxes (received_at);
    CREATE INDEX faxes_from_number ON faxes (from_number);
    CREATE INDEX faxes_sha256 ON faxes (original_sha256);
    CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        fax_id TEXT NOT NULL REFERENCES faxes (id),
        page_no INTEGER NOT NULL,
        width_px INTEGER NOT NULL,
        height_px INTEGER NOT NULL,
        xdpi REAL NOT NULL,
        ydpi REAL NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        confidence REAL,
        UNIQUE (fax_id, page_no)
    );
    CREATE VIRTUAL TABLE pages_fts USING fts5 (
        text, content='pages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER pages_au AFTER UPDATE ON pages BEGIN
        INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO pages_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        fax_id TEXT,
        payload TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        run_after REAL NOT NULL,
        lease_token TEXT,
        lease_until REAL,
        last_error TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX jobs_ready ON jobs (state, run_after);
    CREATE INDEX jobs_fax ON jobs (fax_id);
    CREATE TABLE archive_objects (
        fax_id TEXT NOT NULL REFERENCES faxes (id),
        purpose TEXT NOT NULL,
        key TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        version_id TEXT,
        retain_until TEXT,
        archived_at TEXT NOT NULL,
        PRIMARY KEY (fax_id, purpose)
    );
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        fax_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_fax ON audit_log (fax_id);
    """,
    # 2: provider deliveries: partial faxes, status filters.
    """
    ALTER TABLE faxes ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX faxes_provider_status ON faxes (provider, provider_status);
    CREATE INDEX events_provider_time ON events (provider, received_at);
    """,
    # 3: legal hold per archived object.
    """
    ALTER TABLE archive_objects ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: spam: the signals behind a verdict, and operator verdicts that train the model.
    """
    ALTER TABLE faxes ADD COLUMN spam_signals TEXT;
    ALTER TABLE faxes ADD COLUMN spam_source TEXT;
    CREATE TABLE spam_feedback (
        fax_id TEXT PRIMARY KEY REFERENCES faxes (id),
        verdict TEXT NOT NULL CHECK (verdict IN ('spam', 'ham')),
        actor TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 5: every indexed term with its look-alike folding, for OCR-tolerant search (kept by
    # Catalog.replace_page and Catalog.delete_pages).
    f"""
    CREATE TABLE search_terms (term TEXT PRIMARY KEY, folded TEXT NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE temp.pages_vocab_once USING fts5vocab(main, pages_fts, row);
    INSERT OR IGNORE INTO search_terms (term, folded)
        SELECT term, {fold_lookalikes_sql("term")} FROM temp.pages_vocab_once;
    DROP TABLE temp.pages_vocab_once;
    """,
    # 6: searchable forms added to what OCR read (corrections, other readings of a word),
    # indexed beside the reading in a second column of the full-text index.
    """
    ALTER TABLE pages ADD COLUMN added_forms TEXT NOT NULL DEFAULT '';
    DROP TRIGGER pages_ai;
    DROP TRIGGER pages_ad;
    DROP TRIGGER pages_au;
    DROP TABLE pages_fts;
    CREATE VIRTUAL TABLE pages_fts USING fts5 (
        text, added_forms, content='pages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO pages_fts (pages_fts) VALUES ('rebuild');
    CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts (rowid, text, added_forms)
            VALUES (new.id, new.text, new.added_forms);
    END;
    CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts (pages_fts, rowid, text, added_forms)
            VALUES ('delete', old.id, old.text, old.added_forms);
    END;
    CREATE TRIGGER pages_au AFTER UPDATE ON pages BEGIN
        INSERT INTO pages_fts (pages_fts, rowid, text, added_forms)
            VALUES ('delete', old.id, old.text, old.added_forms);
        INSERT INTO pages_fts (rowid, text, added_forms)
            VALUES (new.id, new.text, new.added_forms);
    END;
    """,
]


def utcnow_iso() -> str:
    """UTC now as ISO 8601 with seconds and a Z, the one time format of the catalog."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class NotFound(LookupError):
    """No such fax (or job)."""


@dataclass
class Catalog:
    """A connection to the catalog plus the queries the rest of faxvault needs.

    Use one Catalog per thread (sqlite3 connections are not shared across threads here).
    """

    db: sqlite_utils.Database
    path: Path

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front (BEGIN IMMEDIATE), so it never deadlocks midway."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -- faxes ---------------------------------------------------------------------------
    def get_fax(self, fax_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM faxes WHERE id = ?", (fax_id,)).fetchone()
        if row is None:
            # Allow an unambiguous prefix of the id, like git does for commits.
            rows = self.conn.execute(
                "SELECT * FROM faxes WHERE id LIKE ? LIMIT 2", (fax_id.upper() + "%",)
            ).fetchall() if len(fax_id) >= 6 else []
            if len(rows) != 1:
                raise NotFound(f"no fax {fax_id!r}")
            row = rows[0]
        fax = dict(row)
        fax["metadata"] = json.loads(fax["metadata"] or "{}")
        return fax

    def find_fax(self, provider: str, provider_fax_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT id FROM faxes WHERE provider = ? AND provider_fax_id = ?",
            (provider, provider_fax_id),
        ).fetchone()
        return self.get_fax(row["id"]) if row else None

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
        self.conn.executemany("INSERT OR IGNORE INTO search_terms (term, folded) VALUES (?, ?)",
                              [(term, fold_lookalikes(term)) for term in terms])

    def delete_pages(self, fax_id: str) -> None:
        """Delete a fax's pages and their text (the index follows by trigger), and forget the
        search terms only those pages held: a deleted fax leaves no words behind."""
        texts = [text for row in self.conn.execute(
            "SELECT text, added_forms FROM pages WHERE fax_id = ?", (fax_id,)) for text in row]
        self.conn.execute("DELETE FROM pages WHERE fax_id = ?", (fax_id,))
        terms = {term for text in texts for term in index_terms(text)}
        if not terms:
            return
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.pages_vocab "
                          "USING fts5vocab(main, pages_fts, row)")
        gone = [(term,) for term in terms if self.conn.execute(
            "SELECT 1 FROM temp.pages_vocab WHERE term = ?", (term,)).fetchone() is None]
        self.conn.executemany("DELETE FROM search_terms WHERE term = ?", gone)

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


def _apply_migrations(conn: sqlite3.Connection) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
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
