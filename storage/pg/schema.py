"""The PostgreSQL schema, as numbered migrations (the counterpart of storage.catalog's list).

Each entry runs once, in its own transaction, under an advisory lock (see
``storage.pg.apply_migrations``); the version reached is kept in ``schema_version``. Append
only: a migration that has run somewhere is never edited.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

import psycopg

from storage.pg.tsvector import page_tsvector
from storage.terms import PAIRS_FROM_LETTERS, fold_lookalikes, index_terms, pair_keys, term_keys

log = logging.getLogger("faxvault.catalog")

# Rows read at a time when a migration rewrites every page or term.
MIGRATION_BATCH = 1000
PROGRESS_EVERY = 100_000  # terms between two progress lines of a migration

ADD_SEARCH_TERMS_SQL = """
    WITH new AS (
        INSERT INTO search_terms (term, folded)
        SELECT * FROM unnest(%(terms)s::text[], %(folded)s::text[])
        ON CONFLICT DO NOTHING RETURNING term)
    INSERT INTO search_term_keys (key, term)
    SELECT k.key, k.term FROM unnest(%(keys)s::text[], %(key_terms)s::text[]) AS k (key, term)
    WHERE k.term IN (SELECT term FROM new)
    ON CONFLICT DO NOTHING
"""


def add_search_terms(cur: psycopg.Cursor | psycopg.Connection, terms: Iterable[str]) -> None:
    """Add ``terms`` to ``search_terms``, and the close-word keys (storage/terms.py) of those
    that were not there yet to ``search_term_keys``."""
    terms = sorted(set(terms))
    if not terms:
        return
    keyed = [(key, term) for term in terms for key in term_keys(term)]
    cur.execute(ADD_SEARCH_TERMS_SQL, {
        "terms": terms, "folded": [fold_lookalikes(t) for t in terms],
        "keys": [k for k, _ in keyed], "key_terms": [t for _, t in keyed]})


def _close_word_index(conn: psycopg.Connection) -> None:
    """5: search on PostgreSQL. The close-word index of storage/terms.py (as SQLite's
    migration 8), keys compared by code point as SQLite does; search_terms read in code point
    order too; and each page's tsvector rebuilt from its terms at their places (it was
    PostgreSQL's parser's reading of them, which can split a term)."""
    conn.execute("""
        CREATE TABLE search_term_keys (key text COLLATE "C" NOT NULL, term text NOT NULL,
                                       PRIMARY KEY (key, term));
        CREATE INDEX search_term_keys_term ON search_term_keys (term);
        CREATE INDEX search_terms_in_order ON search_terms (term COLLATE "C");
    """)
    terms = [row[0] for row in conn.execute("SELECT term FROM search_terms")]
    for start in range(0, len(terms), MIGRATION_BATCH):
        keyed = [(key, term) for term in terms[start:start + MIGRATION_BATCH]
                 for key in term_keys(term)]
        conn.execute("INSERT INTO search_term_keys (key, term) SELECT * FROM"
                     " unnest(%s::text[], %s::text[]) ON CONFLICT DO NOTHING",
                     ([k for k, _ in keyed], [t for _, t in keyed]))
    with conn.cursor(name="faxvault_pages_to_reindex") as pages, conn.cursor() as update:
        pages.execute("SELECT id, text, added_forms FROM pages")
        while batch := pages.fetchmany(MIGRATION_BATCH):
            update.executemany("UPDATE pages SET search = %s::tsvector WHERE id = %s",
                               [(page_tsvector(index_terms(text), index_terms(added)), page_id)
                                for page_id, text, added in batch])


def _pair_keys(conn: psycopg.Connection) -> None:
    """8: as SQLite's migration 12: terms of PAIRS_FROM_LETTERS or more filed under each pair
    of their quarters (storage/terms.py, pair_lookup_keys), with progress logged. And the
    trigram index on search_terms.folded dropped: no search asks it anything, and the
    planner took it for the lookup by folded form (pg_trgm answers = too), 33 ms for five
    4-letter forms on a 16,000-term catalog where the B-tree answers in 0.1 ms."""
    conn.execute("DROP INDEX IF EXISTS search_terms_folded")
    total = conn.execute("SELECT count(*) FROM search_terms WHERE length(term) >= %s",
                         (PAIRS_FROM_LETTERS,)).fetchone()[0]
    done = 0
    with conn.cursor(name="faxvault_long_terms") as terms, conn.cursor() as insert:
        terms.execute("SELECT term FROM search_terms WHERE length(term) >= %s",
                      (PAIRS_FROM_LETTERS,))
        while batch := terms.fetchmany(MIGRATION_BATCH * 10):
            keyed = [(key, term) for (term,) in batch for key in pair_keys(fold_lookalikes(term))]
            insert.execute("INSERT INTO search_term_keys (key, term) SELECT * FROM"
                           " unnest(%s::text[], %s::text[]) ON CONFLICT DO NOTHING",
                           ([k for k, _ in keyed], [t for _, t in keyed]))
            if (done + len(batch)) // PROGRESS_EVERY > done // PROGRESS_EVERY or \
                    done + len(batch) == total:
                log.info("close-word index: pair keys filed for %d of %d terms",
                         done + len(batch), total)
            done += len(batch)
    conn.execute("ANALYZE search_term_keys")


def _terms_from_the_index_tokenizer(conn: psycopg.Connection) -> None:
    """11: as SQLite's migration 14: each page's terms split by the index's own tokenizer
    (storage/terms.py, index_terms), not by the copy of its rules they were split by until
    then, which turned "m²" into "m2" and "nº" into "no" here while SQLite's index kept
    them. Only a page with a character outside ASCII can split otherwise (in UTF-8 it has
    more bytes than characters); its terms and tsvector are written again, and the search
    terms it gains are filed, those no page holds any longer forgotten."""
    gained: set[str] = set()
    lost: set[str] = set()
    with conn.cursor(name="faxvault_pages_to_split_again") as pages, \
            conn.cursor() as update:
        pages.execute("SELECT id, text, added_forms, terms FROM pages"
                      " WHERE octet_length(text) > char_length(text)"
                      " OR octet_length(added_forms) > char_length(added_forms)")
        while batch := pages.fetchmany(MIGRATION_BATCH):
            rows = []
            for page_id, text, added, old_terms in batch:
                text_terms, added_terms = index_terms(text), index_terms(added)
                terms = text_terms + added_terms
                gained.update(set(terms) - set(old_terms))
                lost.update(set(old_terms) - set(terms))
                rows.append((terms, page_tsvector(text_terms, added_terms), page_id))
            update.executemany("UPDATE pages SET terms = %s, search = %s::tsvector"
                               " WHERE id = %s", rows)
    add_search_terms(conn, gained)
    forgotten = [row[0] for row in conn.execute(
        "DELETE FROM search_terms s WHERE s.term = ANY(%s) AND NOT EXISTS"
        " (SELECT 1 FROM pages p WHERE p.terms @> ARRAY[s.term]) RETURNING term",
        (sorted(lost),))]
    conn.execute("DELETE FROM search_term_keys WHERE term = ANY(%s)", (forgotten,))


MIGRATIONS: list[str | Callable[[psycopg.Connection], None]] = [
    # 1: the job queue. Times are seconds since the epoch (double precision), as in the SQLite
    # catalog, but taken from the database's clock, the one clock every node shares.
    """
    CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        fax_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        run_after double precision NOT NULL,
        lease_token text,
        lease_until double precision,
        last_error text,
        created_at double precision NOT NULL,
        updated_at double precision NOT NULL
    );
    -- What lease() scans: ready jobs in order, and running jobs whose lease may have run out.
    CREATE INDEX jobs_queued ON jobs (run_after, id) WHERE state = 'queued';
    CREATE INDEX jobs_running ON jobs (lease_until) WHERE state = 'running';
    CREATE INDEX jobs_failed ON jobs (updated_at) WHERE state = 'failed';
    CREATE INDEX jobs_fax ON jobs (fax_id);
    """,
    # 2: the catalog: the same tables and columns as SQLite's (times as ISO 8601 UTC text,
    # flags as integers), so a row reads the same from either backend and copies across.
    # Full-text search is prepared, not yet queried: each page keeps its index terms (the
    # SQLite index's tokenizer, applied in Python) as an array and as a tsvector, both under
    # GIN, and search_terms' folded forms carry a trigram index for OCR-tolerant lookup.
    """
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE faxes (
        id text PRIMARY KEY,
        provider text NOT NULL,
        provider_fax_id text NOT NULL,
        from_raw text,
        from_number text,
        to_raw text,
        to_number text,
        received_at text NOT NULL,
        provider_status text,
        state text NOT NULL DEFAULT 'received',
        error text,
        pages integer,
        original_sha256 text,
        original_size bigint,
        original_ext text,
        original_name text,
        metadata jsonb NOT NULL DEFAULT '{}',
        spam_score double precision,
        spam_verdict text,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        partial integer NOT NULL DEFAULT 0,
        spam_signals text,
        spam_source text,
        UNIQUE (provider, provider_fax_id)
    );
    CREATE INDEX faxes_received_at ON faxes (received_at);
    CREATE INDEX faxes_from_number ON faxes (from_number);
    CREATE INDEX faxes_sha256 ON faxes (original_sha256);
    CREATE INDEX faxes_provider_status ON faxes (provider, provider_status);
    CREATE INDEX faxes_state ON faxes (state);
    CREATE INDEX faxes_id_prefix ON faxes (id text_pattern_ops);
    CREATE TABLE events (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        provider text NOT NULL,
        idem_key text NOT NULL UNIQUE,
        event_type text NOT NULL,
        received_at text NOT NULL,
        headers text NOT NULL DEFAULT '{}',
        body bytea,
        fax_id text
    );
    CREATE INDEX events_provider_time ON events (provider, received_at);
    CREATE TABLE pages (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        fax_id text NOT NULL REFERENCES faxes (id),
        page_no integer NOT NULL,
        width_px integer NOT NULL,
        height_px integer NOT NULL,
        xdpi double precision NOT NULL,
        ydpi double precision NOT NULL,
        text text NOT NULL DEFAULT '',
        confidence double precision,
        terms text[] NOT NULL DEFAULT '{}',
        search tsvector NOT NULL DEFAULT ''::tsvector,
        UNIQUE (fax_id, page_no)
    );
    CREATE INDEX pages_terms ON pages USING gin (terms);
    CREATE INDEX pages_search ON pages USING gin (search);
    CREATE TABLE search_terms (term text PRIMARY KEY, folded text NOT NULL);
    CREATE INDEX search_terms_folded ON search_terms USING gin (folded gin_trgm_ops);
    CREATE TABLE archive_objects (
        fax_id text NOT NULL REFERENCES faxes (id),
        purpose text NOT NULL,
        key text NOT NULL,
        sha256 text NOT NULL,
        size bigint NOT NULL,
        version_id text,
        retain_until text,
        archived_at text NOT NULL,
        legal_hold integer NOT NULL DEFAULT 0,
        PRIMARY KEY (fax_id, purpose)
    );
    CREATE TABLE spam_feedback (
        fax_id text PRIMARY KEY REFERENCES faxes (id),
        verdict text NOT NULL CHECK (verdict IN ('spam', 'ham')),
        actor text NOT NULL,
        at text NOT NULL
    );
    CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        at text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        fax_id text,
        details text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
    );
    CREATE INDEX audit_fax ON audit_log (fax_id);
    CREATE TABLE audit_anchors (
        target text NOT NULL,
        key text NOT NULL,
        seq bigint NOT NULL,
        hash text NOT NULL,
        at text NOT NULL,
        version_id text,
        retain_until text,
        PRIMARY KEY (target, key)
    );
    CREATE INDEX audit_anchors_seq ON audit_anchors (target, seq);
    """,
    # 3: as SQLite's migrations 9 and 10: the mailbox each fax is routed to, and the
    # searchable forms added to what OCR read (their terms are in pages.terms too).
    """
    ALTER TABLE faxes ADD COLUMN mailbox text;
    CREATE INDEX faxes_mailbox_received ON faxes (mailbox, received_at);
    ALTER TABLE pages ADD COLUMN added_forms text NOT NULL DEFAULT '';
    """,
    # 4: as SQLite's migration 7: the polling and e-mail doors' cursors and the provider-side
    # acknowledgements waiting for their fax to be archived.
    """
    CREATE TABLE door_state (
        door text PRIMARY KEY,
        cursor text,
        last_poll_at text,
        last_error text
    );
    CREATE TABLE door_acks (
        door text NOT NULL,
        item_id text NOT NULL,
        fax_id text NOT NULL REFERENCES faxes (id),
        created_at text NOT NULL,
        acked_at text,
        PRIMARY KEY (door, item_id)
    );
    CREATE INDEX door_acks_pending ON door_acks (door) WHERE acked_at IS NULL;
    """,
    # 5: search on PostgreSQL (see _close_word_index).
    _close_word_index,
    # 6: as SQLite's migration 9 (faxes.mailbox came in 3): the web inbox's people, roles,
    # mailbox grants, sessions, API tokens, sign-in attempts, and who read, owns and
    # finished each fax. Session and sign-in times are seconds since the epoch, as in SQLite.
    """
    CREATE TABLE users (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('viewer', 'operator', 'compliance', 'admin')),
        password_hash text NOT NULL,
        disabled integer NOT NULL DEFAULT 0,
        created_at text NOT NULL,
        updated_at text NOT NULL
    );
    CREATE TABLE user_mailboxes (
        user_id bigint NOT NULL REFERENCES users (id),
        mailbox text NOT NULL,
        PRIMARY KEY (user_id, mailbox)
    );
    CREATE TABLE sessions (
        id_sha256 text PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES users (id),
        csrf_token text NOT NULL,
        created_at double precision NOT NULL,
        last_seen double precision NOT NULL,
        last_query text
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE api_tokens (
        token_sha256 text PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES users (id),
        created_at text NOT NULL
    );
    CREATE TABLE signin_attempts (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        at double precision NOT NULL,
        username text NOT NULL,
        client text NOT NULL,
        ok integer NOT NULL
    );
    CREATE INDEX signin_attempts_user ON signin_attempts (username, at);
    CREATE INDEX signin_attempts_client ON signin_attempts (client, at);
    CREATE TABLE fax_handling (
        fax_id text PRIMARY KEY REFERENCES faxes (id),
        owner text,
        assigned_by text,
        assigned_at text,
        done_by text,
        done_at text
    );
    CREATE TABLE fax_reads (
        user_id bigint NOT NULL REFERENCES users (id),
        fax_id text NOT NULL REFERENCES faxes (id),
        at text NOT NULL,
        PRIMARY KEY (user_id, fax_id)
    );
    """,
    # 7: as SQLite's migration 11: search terms by their folded form, looked up exactly (the
    # trigram index on it answers similarity, not a list of equalities in one probe each).
    """
    CREATE INDEX search_terms_folded_exact ON search_terms (folded);
    """,
    # 8: as SQLite's migration 12: long terms under pairs of their quarters (_pair_keys).
    _pair_keys,
    # 9: the per-fax indexes of jobs and the audit log without the rows that name no fax:
    # a webhook's job and its audit entry have none when they are journaled (the job learns
    # its fax when it runs), and every acknowledgement paid for two index insertions nobody
    # looks up, about a fifth of PostgreSQL's CPU a delivery (benchmarks/RESULTS.md). Every
    # lookup by fax names one, so the planner takes the partial indexes as before.
    """
    DROP INDEX jobs_fax;
    CREATE INDEX jobs_fax ON jobs (fax_id) WHERE fax_id IS NOT NULL;
    DROP INDEX audit_fax;
    CREATE INDEX audit_fax ON audit_log (fax_id) WHERE fax_id IS NOT NULL;
    """,
    # 10: as SQLite's migration 13: the learned junk signal's training revision, raised by
    # trigger whenever an operator verdict or the text of a judged fax changes. The raise
    # locks the one row until commit: verdicts and re-reads of judged faxes are rare. A
    # page write and a verdict take their fax's row first (PostgresCatalog._hold_fax_row),
    # so a fax is judged before its pages are written or after, never halfway: the page
    # trigger sees the verdict, and the revision's lock comes before the search-terms and
    # audit locks in every transaction that takes it.
    """
    CREATE TABLE spam_training (
        id integer PRIMARY KEY CHECK (id = 1),
        revision bigint NOT NULL
    );
    INSERT INTO spam_training (id, revision) VALUES (1, 0);
    CREATE FUNCTION spam_training_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE spam_training SET revision = revision + 1 WHERE id = 1;
        RETURN NULL;
    END $$;
    CREATE TRIGGER spam_feedback_changed AFTER INSERT OR UPDATE OR DELETE ON spam_feedback
        FOR EACH STATEMENT EXECUTE FUNCTION spam_training_changed();
    CREATE FUNCTION judged_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM spam_feedback
                                          WHERE fax_id = NEW.fax_id))
           OR (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM spam_feedback
                                             WHERE fax_id = OLD.fax_id)) THEN
            UPDATE spam_training SET revision = revision + 1 WHERE id = 1;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER pages_judged_changed AFTER INSERT OR DELETE OR UPDATE OF fax_id, text
        ON pages FOR EACH ROW EXECUTE FUNCTION judged_page_changed();
    """,
    # 11: as SQLite's migration 14: terms split by the index's own tokenizer
    # (_terms_from_the_index_tokenizer).
    _terms_from_the_index_tokenizer,
]
