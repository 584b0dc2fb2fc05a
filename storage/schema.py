"""The SQLite catalog's schema, as numbered migrations (the number is the index + 1, recorded
in ``PRAGMA user_version``; storage.catalog applies the ones a catalog lacks, each in its own
transaction). Append only: a released migration never changes. The PostgreSQL schema is
storage/pg/schema.py.
"""

from __future__ import annotations

from storage.terms import fold_lookalikes_sql

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
    # 6: audit heads written to anchor targets. A note of what was anchored where (it drives
    # when to anchor next and what an export cites); verification reads the targets.
    """
    CREATE TABLE audit_anchors (
        target TEXT NOT NULL,
        key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        at TEXT NOT NULL,
        version_id TEXT,
        retain_until TEXT,
        PRIMARY KEY (target, key)
    );
    CREATE INDEX audit_anchors_seq ON audit_anchors (target, seq);
    """,
    # 7: the polling and email doors: where each door's listing resumes (its cursor, opaque
    # to storage), and the provider-side acknowledgements (mark as read) that wait for their
    # fax to be archived.
    """
    CREATE TABLE door_state (
        door TEXT PRIMARY KEY,
        cursor TEXT,
        last_poll_at TEXT,
        last_error TEXT
    );
    CREATE TABLE door_acks (
        door TEXT NOT NULL,
        item_id TEXT NOT NULL,
        fax_id TEXT NOT NULL REFERENCES faxes (id),
        created_at TEXT NOT NULL,
        acked_at TEXT,
        PRIMARY KEY (door, item_id)
    );
    CREATE INDEX door_acks_pending ON door_acks (door) WHERE acked_at IS NULL;
    """,
    # 8: the close-word index: each search term under the pieces of its folded form and its
    # reversal (storage/terms.py), so a search finds terms near a word without reading them
    # all. Kept by Catalog.replace_page and Catalog.delete_pages; faxvault_term_keys is
    # registered on the connection by _apply_migrations.
    """
    CREATE TABLE search_term_keys (key TEXT NOT NULL, term TEXT NOT NULL,
                                   PRIMARY KEY (key, term)) WITHOUT ROWID;
    INSERT OR IGNORE INTO search_term_keys (key, term)
        SELECT k.value, t.term FROM search_terms t, json_each(faxvault_term_keys(t.term)) k;
    """,
    # 9: the web inbox: people, roles, mailbox grants, sessions, API tokens, sign-in
    # attempts (rate limit), the mailbox of each fax, and who read, owns and finished it.
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'compliance', 'admin')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE user_mailboxes (
        user_id INTEGER NOT NULL REFERENCES users (id),
        mailbox TEXT NOT NULL,
        PRIMARY KEY (user_id, mailbox)
    ) WITHOUT ROWID;
    CREATE TABLE sessions (
        id_sha256 TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        csrf_token TEXT NOT NULL,
        created_at REAL NOT NULL,
        last_seen REAL NOT NULL,
        last_query TEXT
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE api_tokens (
        token_sha256 TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
    );
    CREATE TABLE signin_attempts (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        username TEXT NOT NULL,
        client TEXT NOT NULL,
        ok INTEGER NOT NULL
    );
    CREATE INDEX signin_attempts_user ON signin_attempts (username, at);
    CREATE INDEX signin_attempts_client ON signin_attempts (client, at);
    ALTER TABLE faxes ADD COLUMN mailbox TEXT;
    CREATE INDEX faxes_mailbox_received ON faxes (mailbox, received_at);
    CREATE TABLE fax_handling (
        fax_id TEXT PRIMARY KEY REFERENCES faxes (id),
        owner TEXT,
        assigned_by TEXT,
        assigned_at TEXT,
        done_by TEXT,
        done_at TEXT
    );
    CREATE TABLE fax_reads (
        user_id INTEGER NOT NULL REFERENCES users (id),
        fax_id TEXT NOT NULL REFERENCES faxes (id),
        at TEXT NOT NULL,
        PRIMARY KEY (user_id, fax_id)
    ) WITHOUT ROWID;
    """,
    # 10: searchable forms added to what OCR read (corrections, other readings of a word),
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
    # 11: search terms by their look-alike folding: a long word's close words two letters
    # shorter are its two-letter deletions, looked up exactly (storage/terms.py, close_lookup).
    """
    CREATE INDEX search_terms_folded ON search_terms (folded);
    """,
    # 12: terms of 8 letters or more filed under each pair of their quarters, how a word
    # allowed two edits finds terms as long as it or longer (storage/terms.py,
    # pair_lookup_keys). In key order, so the index is written front to back;
    # faxvault_pair_keys logs progress (storage/catalog.py).
    """
    INSERT OR IGNORE INTO search_term_keys (key, term)
        SELECT k.value, t.term FROM search_terms t, json_each(faxvault_pair_keys(t.term)) k
        WHERE length(t.term) >= 8
        ORDER BY 1, 2;
    """,
    # 13: the learned junk signal's training revision: raised, by trigger, whenever an
    # operator verdict or the text of a judged fax changes. A node trains its model over
    # every verdict again only when this has moved (ingest/spam.py, VerdictModel), not for
    # each fax it scores: training read and split every judged fax's text, so a fax's
    # scoring cost grew with the verdicts a site had given (benchmarks/spam_feedback.py).
    """
    CREATE TABLE spam_training (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL
    );
    INSERT INTO spam_training (id, revision) VALUES (1, 0);
    CREATE TRIGGER spam_feedback_ai AFTER INSERT ON spam_feedback BEGIN
        UPDATE spam_training SET revision = revision + 1;
    END;
    CREATE TRIGGER spam_feedback_au AFTER UPDATE ON spam_feedback BEGIN
        UPDATE spam_training SET revision = revision + 1;
    END;
    CREATE TRIGGER spam_feedback_ad AFTER DELETE ON spam_feedback BEGIN
        UPDATE spam_training SET revision = revision + 1;
    END;
    CREATE TRIGGER pages_judged_ai AFTER INSERT ON pages
        WHEN EXISTS (SELECT 1 FROM spam_feedback WHERE fax_id = new.fax_id) BEGIN
        UPDATE spam_training SET revision = revision + 1;
    END;
    CREATE TRIGGER pages_judged_au AFTER UPDATE OF fax_id, text ON pages
        WHEN EXISTS (SELECT 1 FROM spam_feedback WHERE fax_id IN (old.fax_id, new.fax_id))
        BEGIN
        UPDATE spam_training SET revision = revision + 1;
    END;
    CREATE TRIGGER pages_judged_ad AFTER DELETE ON pages
        WHEN EXISTS (SELECT 1 FROM spam_feedback WHERE fax_id = old.fax_id) BEGIN
        UPDATE spam_training SET revision = revision + 1;
    END;
    """,
    # 14: the index splits words at the ordinal indicators, as at the degree sign OCR reads
    # for them ("n.º", "Nº" and "N°" are all "n"; storage/terms.py, INDEX_TOKENIZER), and
    # search_terms becomes exactly the index's vocabulary: until now Catalog.replace_page
    # filed terms split by a copy of the tokenizer's rules that disagreed with it ("m²" was
    # filed as "m2"), so terms the index holds could be missing and terms it lacks present.
    f"""
    DROP TRIGGER pages_ai;
    DROP TRIGGER pages_ad;
    DROP TRIGGER pages_au;
    DROP TABLE pages_fts;
    CREATE VIRTUAL TABLE pages_fts USING fts5 (
        text, added_forms, content='pages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2 separators ''ºª'''
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
    CREATE VIRTUAL TABLE temp.pages_vocab_14 USING fts5vocab(main, pages_fts, row);
    CREATE TEMP TABLE vocab_14 (term TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO vocab_14 SELECT term FROM temp.pages_vocab_14;
    DELETE FROM search_term_keys WHERE term NOT IN (SELECT term FROM vocab_14);
    DELETE FROM search_terms WHERE term NOT IN (SELECT term FROM vocab_14);
    INSERT OR IGNORE INTO search_term_keys (key, term)
        SELECT k.value, v.term FROM vocab_14 v, json_each(faxvault_term_keys(v.term)) k
        WHERE v.term NOT IN (SELECT term FROM search_terms);
    INSERT OR IGNORE INTO search_terms (term, folded)
        SELECT term, {fold_lookalikes_sql("term")} FROM vocab_14;
    DROP TABLE temp.pages_vocab_14;
    DROP TABLE vocab_14;
    """,
]
