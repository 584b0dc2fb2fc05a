"""People of the web inbox and API on PostgreSQL (``storage.people.People``; the SQLite
counterpart is ``storage.people.SqlitePeople``).

The same tables and columns as SQLite's migration 9, so rows copy across and read alike.
Names and mailboxes are ordered by code point (``COLLATE "C"``), as SQLite orders them,
whatever the database's collation. Changes that must not leave the cluster without an
enabled admin take one transaction-scoped advisory lock: two nodes disabling the last two
admins at once cannot both succeed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import psycopg

from storage.catalog import utcnow_iso
from storage.people import (
    CatalogPeople,
    Handling,
    InboxFilters,
    InboxPage,
    InboxRow,
    LastAdmin,
    RouteTarget,
    Session,
    User,
    UserDisabled,
    UserExists,
    check_role,
)

if TYPE_CHECKING:
    from storage.pg.catalog import PostgresCatalog

PEOPLE_LOCK = int.from_bytes(hashlib.sha256(b"faxvault:people").digest()[:8], "big",
                             signed=True)

# A user row with its mailbox grants, in one statement.
USER_SELECT = """
    SELECT u.id, u.name, u.role, u.disabled, u.created_at,
           array(SELECT m.mailbox FROM user_mailboxes m WHERE m.user_id = u.id
                 ORDER BY m.mailbox COLLATE "C") AS mailboxes
    FROM users u
"""


def _user(row: dict[str, Any]) -> User:
    return User(id=row["id"], name=row["name"], role=row["role"],
                disabled=bool(row["disabled"]), mailboxes=tuple(row["mailboxes"]),
                created_at=row["created_at"])


class PostgresPeople(CatalogPeople):
    """People in the PostgreSQL catalog, in its bound transaction when one is open."""

    catalog: PostgresCatalog

    def _execute(self, query: str, params: Any = ()) -> int:
        """Run a statement; the number of rows it touched."""
        with self.catalog._cursor() as cur:
            cur.execute(query, params)
            return cur.rowcount

    def _rows(self, query: str, params: Any = ()) -> list[dict[str, Any]]:
        return self.catalog._rows(query, params)

    def _one(self, query: str, params: Any = ()) -> dict[str, Any] | None:
        return self.catalog._one(query, params)

    # -- users -----------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str,
                 mailboxes: Iterable[str]) -> User:
        check_role(role)
        now = utcnow_iso()
        try:
            with self.catalog.transaction():
                if self._one("SELECT 1 AS one FROM users WHERE name = %s", (name,)):
                    raise UserExists(f"user {name!r} exists")
                row = self._one(
                    "INSERT INTO users (name, role, password_hash, created_at, updated_at)"
                    " VALUES (%s, %s, %s, %s, %s) RETURNING id",
                    (name, role, password_hash, now, now))
                self._grant(row["id"], mailboxes)
        except psycopg.errors.UniqueViolation as exc:  # added by another node meanwhile
            raise UserExists(f"user {name!r} exists") from exc
        return self.get_user(name)

    def _grant(self, user_id: int, mailboxes: Iterable[str]) -> None:
        self._execute("INSERT INTO user_mailboxes (user_id, mailbox)"
                      " SELECT %s, unnest(%s::text[]) ON CONFLICT DO NOTHING",
                      (user_id, list(mailboxes)))

    def find_user(self, name: str) -> User | None:
        row = self._one(USER_SELECT + " WHERE u.name = %s", (name,))
        return _user(row) if row else None

    def password_hash(self, name: str) -> str | None:
        row = self._one("SELECT password_hash FROM users WHERE name = %s AND disabled = 0",
                        (name,))
        return row["password_hash"] if row else None

    def list_users(self) -> list[User]:
        return [_user(r) for r in self._rows(USER_SELECT + ' ORDER BY u.name COLLATE "C"')]

    def set_password_hash(self, name: str, new_hash: str) -> None:
        """A new password also ends every session of the user."""
        user = self.get_user(name)
        with self.catalog.transaction():
            self._execute("UPDATE users SET password_hash = %s, updated_at = %s WHERE id = %s",
                          (new_hash, utcnow_iso(), user.id))
            self._execute("DELETE FROM sessions WHERE user_id = %s", (user.id,))

    def _lock_and_get(self, name: str) -> User:
        """Inside a transaction: take the people lock (held to its end), then read the user,
        so the last-admin check sees every change committed before it."""
        self._execute("SELECT pg_advisory_xact_lock(%s)", (PEOPLE_LOCK,))
        return self.get_user(name)

    def _refuse_last_admin(self, user: User) -> None:
        if user.role != "admin" or user.disabled:
            return
        others = self._one(
            "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0"
            " AND id != %s", (user.id,))["n"]
        if others == 0:
            raise LastAdmin(f"{user.name} is the last enabled admin; make another admin first")

    def disable_user(self, name: str) -> None:
        """Disabled: no sign-in, no session, no API token works any more. Refused (LastAdmin)
        for the last enabled admin."""
        with self.catalog.transaction():
            user = self._lock_and_get(name)
            self._refuse_last_admin(user)
            self._execute("UPDATE users SET disabled = 1, updated_at = %s WHERE id = %s",
                          (utcnow_iso(), user.id))
            self._execute("DELETE FROM sessions WHERE user_id = %s", (user.id,))
            self._execute("DELETE FROM api_tokens WHERE user_id = %s", (user.id,))

    def enable_user(self, name: str) -> None:
        """Signing in works again (same password; old sessions and tokens stay gone)."""
        user = self.get_user(name)
        self._execute("UPDATE users SET disabled = 0, updated_at = %s WHERE id = %s",
                      (utcnow_iso(), user.id))

    def set_role_and_mailboxes(self, name: str, role: str, mailboxes: Iterable[str]) -> User:
        """A new role and exactly these mailbox grants. Refused (LastAdmin) if it would take
        the role from the last enabled admin."""
        check_role(role)
        with self.catalog.transaction():
            user = self._lock_and_get(name)
            if role != "admin":
                self._refuse_last_admin(user)
            self._execute("UPDATE users SET role = %s, updated_at = %s WHERE id = %s",
                          (role, utcnow_iso(), user.id))
            self._execute("DELETE FROM user_mailboxes WHERE user_id = %s", (user.id,))
            self._grant(user.id, mailboxes)
        return self.get_user(name)

    # -- sessions and tokens ---------------------------------------------------------------
    def create_session(self, user_id: int, id_sha256: str, csrf_token: str,
                       now: float) -> bool:
        # FOR SHARE: a transaction disabling the user holds its row; this waits for it and
        # then reads the row as it committed (read committed alone would read it as before,
        # and the session would outlive the disabling's DELETE).
        return self._execute(
            "INSERT INTO sessions (id_sha256, user_id, csrf_token, created_at, last_seen)"
            " SELECT %s, id, %s, %s, %s FROM users WHERE id = %s AND disabled = 0 FOR SHARE",
            (id_sha256, csrf_token, now, now, user_id)) == 1

    def find_session(self, id_sha256: str) -> Session | None:
        row = self._one(
            "SELECT s.csrf_token, s.created_at, s.last_seen, s.last_query, u.name"
            " FROM sessions s JOIN users u ON u.id = s.user_id"
            " WHERE s.id_sha256 = %s AND u.disabled = 0", (id_sha256,))
        user = self.find_user(row["name"]) if row else None
        if row is None or user is None:
            return None
        return Session(user=user, csrf_token=row["csrf_token"], created_at=row["created_at"],
                       last_seen=row["last_seen"], last_query=row["last_query"])

    def touch_session(self, id_sha256: str, now: float) -> None:
        self._execute("UPDATE sessions SET last_seen = %s WHERE id_sha256 = %s",
                      (now, id_sha256))

    def remember_query(self, id_sha256: str, query: str | None) -> None:
        """The session's last search, kept server-side (never in a URL: it may be PHI)."""
        self._execute("UPDATE sessions SET last_query = %s WHERE id_sha256 = %s",
                      (query, id_sha256))

    def delete_session(self, id_sha256: str) -> None:
        self._execute("DELETE FROM sessions WHERE id_sha256 = %s", (id_sha256,))

    def delete_expired_sessions(self, idle_before: float, created_before: float) -> int:
        return self._execute("DELETE FROM sessions WHERE last_seen < %s OR created_at < %s",
                             (idle_before, created_before))

    def add_api_token(self, name: str, token_sha256: str) -> None:
        user = self.get_user(name)
        if not self._execute(
                "INSERT INTO api_tokens (token_sha256, user_id, created_at)"
                " SELECT %s, id, %s FROM users WHERE id = %s AND disabled = 0 FOR SHARE",
                (token_sha256, utcnow_iso(), user.id)):
            raise UserDisabled(f"user {name!r} is disabled")

    def user_for_token(self, token_sha256: str) -> User | None:
        row = self._one(
            USER_SELECT + " JOIN api_tokens t ON t.user_id = u.id"
            " WHERE t.token_sha256 = %s AND u.disabled = 0", (token_sha256,))
        return _user(row) if row else None

    # -- sign-in attempts ------------------------------------------------------------------
    def record_signin_attempt(self, username: str, client: str, ok: bool, now: float) -> None:
        self._execute(
            "INSERT INTO signin_attempts (at, username, client, ok) VALUES (%s, %s, %s, %s)",
            (now, username, client, int(ok)))

    def recent_failures(self, since: float, *, username: str | None = None,
                        client: str | None = None) -> int:
        """Failed attempts since ``since`` for a user name or a client address."""
        column = "username" if username is not None else "client"
        return int(self._one(
            f"SELECT count(*) AS n FROM signin_attempts WHERE {column} = %s AND at >= %s"
            " AND ok = 0", (username if username is not None else client, since))["n"])

    def forget_signin_attempts(self, before: float) -> int:
        return self._execute("DELETE FROM signin_attempts WHERE at < %s", (before,))

    # -- mailboxes and routing -------------------------------------------------------------
    def route_targets(self, since: str | None) -> list[RouteTarget]:
        """Faxes received on or after ``since`` (all without), with the fax row and the text
        of its first page."""
        rows = self._rows(
            "SELECT f.*, (SELECT text FROM pages p WHERE p.fax_id = f.id AND p.page_no = 1)"
            " AS first_page FROM faxes f WHERE f.received_at >= %s ORDER BY f.received_at",
            (since or "",))
        return [RouteTarget(id=r["id"], mailbox=r["mailbox"],
                            fields={**r, "metadata": r["metadata"] or {}}) for r in rows]

    def mailboxes_in_use(self) -> list[str]:
        return [r["mailbox"] for r in self._rows(
            'SELECT DISTINCT mailbox COLLATE "C" AS mailbox FROM faxes'
            ' WHERE mailbox IS NOT NULL ORDER BY 1')]

    # -- the inbox -------------------------------------------------------------------------
    def inbox_page(self, user: User, filters: InboxFilters, *, limit: int = 50,
                   offset: int = 0) -> InboxPage:
        """Newest first, only in the mailboxes ``filters.mailboxes`` allows."""
        if (filters.mailboxes is not None and not filters.mailboxes) or (
                filters.fax_ids is not None and not filters.fax_ids):
            return InboxPage([], 0, offset, limit)
        params = {"user_id": user.id, "limit": limit, "offset": offset,
                  "all_boxes": filters.mailboxes is None,
                  "boxes": list(filters.mailboxes or ()), "mailbox": filters.mailbox or None,
                  "sender": filters.sender or None, "since": filters.since or None,
                  "until": filters.until or None, "status": filters.status or None,
                  "owner": filters.owner or None, "spam": filters.include_spam,
                  "all_ids": filters.fax_ids is None, "ids": list(filters.fax_ids or ())}
        joins = """
            FROM faxes f LEFT JOIN fax_handling h ON h.fax_id = f.id
                 LEFT JOIN fax_reads r ON r.fax_id = f.id AND r.user_id = %(user_id)s
            WHERE (%(all_boxes)s OR f.mailbox = ANY(%(boxes)s))
              AND (%(mailbox)s::text IS NULL OR f.mailbox = %(mailbox)s)
              AND (%(sender)s::text IS NULL OR f.from_number = %(sender)s
                   OR f.from_raw = %(sender)s)
              AND (%(since)s::text IS NULL OR f.received_at >= %(since)s)
              AND (%(until)s::text IS NULL OR f.received_at < %(until)s)
              AND (%(status)s::text IS NULL OR f.state = %(status)s)
              AND (%(owner)s::text IS NULL OR h.owner = %(owner)s)
              AND (%(spam)s OR coalesce(f.spam_verdict, '') != 'spam')
              AND (%(all_ids)s OR f.id = ANY(%(ids)s))"""
        total = self._one(f"SELECT count(*) AS n {joins}", params)["n"]
        rows = self._rows(
            "SELECT f.id, f.received_at, f.from_number, f.from_raw, f.to_number, f.mailbox,"
            " f.state, f.pages, f.spam_verdict, h.owner, h.done_by, h.done_at,"
            f" r.at IS NOT NULL AS read {joins}"
            " ORDER BY f.received_at DESC, f.id DESC LIMIT %(limit)s OFFSET %(offset)s",
            params)
        return InboxPage([InboxRow(**r) for r in rows], int(total), offset, limit)

    def mark_read(self, user_id: int, fax_id: str) -> None:
        self._execute("INSERT INTO fax_reads (user_id, fax_id, at) VALUES (%s, %s, %s)"
                      " ON CONFLICT (user_id, fax_id) DO NOTHING",
                      (user_id, fax_id, utcnow_iso()))

    def mark_unread(self, user_id: int, fax_id: str) -> None:
        self._execute("DELETE FROM fax_reads WHERE user_id = %s AND fax_id = %s",
                      (user_id, fax_id))

    def handling(self, fax_id: str) -> Handling:
        row = self._one(
            "SELECT owner, assigned_by, assigned_at, done_by, done_at FROM fax_handling"
            " WHERE fax_id = %s", (fax_id,))
        return Handling(**row) if row else Handling()

    def assign(self, fax_id: str, owner: str | None, by: str) -> None:
        """Inside the caller's transaction. ``owner`` None: nobody owns it any more."""
        self._execute(
            "INSERT INTO fax_handling (fax_id, owner, assigned_by, assigned_at)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (fax_id) DO UPDATE SET owner = excluded.owner,"
            " assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
            (fax_id, owner, by, utcnow_iso()))

    def set_done(self, fax_id: str, by: str | None) -> None:
        """Inside the caller's transaction. ``by`` None: not done after all."""
        self._execute(
            "INSERT INTO fax_handling (fax_id, done_by, done_at) VALUES (%s, %s, %s)"
            " ON CONFLICT (fax_id) DO UPDATE SET done_by = excluded.done_by,"
            " done_at = excluded.done_at", (fax_id, by, utcnow_iso() if by else None))

    def failed_job_ids(self, fax_id: str) -> list[int]:
        """The fax's jobs that ran out of attempts (what an operator may retry)."""
        return [int(r["id"]) for r in self._rows(
            "SELECT id FROM jobs WHERE fax_id = %s AND state = 'failed' ORDER BY id",
            (fax_id,))]
