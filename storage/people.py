"""People of the web inbox and API, and the inbox's view of faxes.

Users with a role and the mailboxes they are granted; server-side sessions (stored by the
SHA-256 of their id, so a copy of the catalog does not hand out live sessions); API tokens
(hashed the same way); sign-in attempts for the rate limit; the mailbox each fax was routed
to; per-person read marks; who owns a fax and who finished it.

Passwords arrive here already hashed (argon2, by the caller): storage never sees one.

``People`` is the interface, reached as ``catalog.people`` on either backend (as the queue is
``catalog.jobs``): ``SqlitePeople`` below, ``storage.pg.people.PostgresPeople`` on PostgreSQL.
Every method runs in the catalog's open ``transaction()`` when there is one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from storage.catalog import Catalog, NotFound, utcnow_iso

ROLES = ("viewer", "operator", "compliance", "admin")


def role_at_least(role: str, minimum: str) -> bool:
    """Roles are ordered: each one can do what the ones before it can."""
    return ROLES.index(role) >= ROLES.index(minimum)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)} (got {role!r})")


class UserExists(ValueError):
    """A user of that name is already there."""


class LastAdmin(ValueError):
    """The change would leave no enabled admin (nobody could manage people any more)."""


class UserDisabled(ValueError):
    """The user is disabled: nothing that would let them act can be created for them."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    disabled: bool
    mailboxes: tuple[str, ...]
    created_at: str

    @property
    def sees_all_mailboxes(self) -> bool:
        return self.role == "admin"

    def can_see(self, mailbox: str | None) -> bool:
        return self.sees_all_mailboxes or (mailbox is not None and mailbox in self.mailboxes)


@dataclass(frozen=True)
class Session:
    user: User
    csrf_token: str
    created_at: float
    last_seen: float
    last_query: str | None


@dataclass(frozen=True)
class InboxFilters:
    mailboxes: tuple[str, ...] | None  # None: every mailbox (admin)
    mailbox: str | None = None  # one of them, chosen in the page
    sender: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None  # fax state (received, processed, archived, failed ...)
    owner: str | None = None
    include_spam: bool = False
    fax_ids: tuple[str, ...] | None = None  # restrict to these (search results)


@dataclass(frozen=True)
class InboxRow:
    id: str
    received_at: str
    from_number: str | None
    from_raw: str | None
    to_number: str | None
    mailbox: str | None
    state: str
    pages: int | None
    spam_verdict: str | None
    owner: str | None
    done_by: str | None
    done_at: str | None
    read: bool


@dataclass(frozen=True)
class InboxPage:
    rows: list[InboxRow]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class Handling:
    owner: str | None = None
    assigned_by: str | None = None
    assigned_at: str | None = None
    done_by: str | None = None
    done_at: str | None = None


@dataclass(frozen=True)
class RouteTarget:
    """What routing needs to know of a fax."""

    id: str
    mailbox: str | None
    # The fax row (metadata as a dict) and ``first_page``, the text of its first page.
    fields: dict[str, Any] = field(default_factory=dict)


class People(Protocol):
    """What the web inbox, the API and ``faxvault user`` keep, on either backend."""

    # users
    def add_user(self, name: str, role: str, password_hash: str,
                 mailboxes: Iterable[str]) -> User: ...

    def find_user(self, name: str) -> User | None: ...

    def get_user(self, name: str) -> User: ...

    def password_hash(self, name: str) -> str | None: ...

    def list_users(self) -> list[User]: ...

    def set_password_hash(self, name: str, new_hash: str) -> None: ...

    def disable_user(self, name: str) -> None: ...

    def enable_user(self, name: str) -> None: ...

    def set_role_and_mailboxes(self, name: str, role: str,
                               mailboxes: Iterable[str]) -> User: ...

    # sessions, tokens, sign-in attempts
    def create_session(self, user_id: int, id_sha256: str, csrf_token: str,
                       now: float) -> bool:
        """A session for the user; False (none created) if the user is disabled, also when
        disabled by a transaction still running as this is asked (it is waited for)."""

    def find_session(self, id_sha256: str) -> Session | None: ...

    def touch_session(self, id_sha256: str, now: float) -> None: ...

    def remember_query(self, id_sha256: str, query: str | None) -> None: ...

    def delete_session(self, id_sha256: str) -> None: ...

    def delete_expired_sessions(self, idle_before: float, created_before: float) -> int: ...

    def add_api_token(self, name: str, token_sha256: str) -> None:
        """Raises UserDisabled for a disabled user (as create_session, never beside a
        transaction disabling them)."""

    def user_for_token(self, token_sha256: str) -> User | None: ...

    def record_signin_attempt(self, username: str, client: str, ok: bool,
                              now: float) -> None: ...

    def recent_failures(self, since: float, *, username: str | None = None,
                        client: str | None = None) -> int: ...

    def forget_signin_attempts(self, before: float) -> int: ...

    # mailboxes, routing, the inbox and its marks
    def fax_mailbox(self, fax_id: str) -> str | None: ...

    def set_mailbox(self, fax_id: str, mailbox: str) -> None: ...

    def route_targets(self, since: str | None) -> list[RouteTarget]: ...

    def mailboxes_in_use(self) -> list[str]: ...

    def inbox_page(self, user: User, filters: InboxFilters, *, limit: int = 50,
                   offset: int = 0) -> InboxPage: ...

    def mark_read(self, user_id: int, fax_id: str) -> None: ...

    def mark_unread(self, user_id: int, fax_id: str) -> None: ...

    def handling(self, fax_id: str) -> Handling: ...

    def assign(self, fax_id: str, owner: str | None, by: str) -> None: ...

    def set_done(self, fax_id: str, by: str | None) -> None: ...

    def set_spam_feedback(self, fax_id: str, verdict: str, actor: str) -> None: ...

    def failed_job_ids(self, fax_id: str) -> list[int]: ...


class CatalogPeople:
    """What both backends do alike, through the catalog's own interface."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog

    def get_user(self, name: str) -> User:
        user = self.find_user(name)  # type: ignore[attr-defined]
        if user is None:
            raise NotFound(f"no user {name!r}")
        return user

    def fax_mailbox(self, fax_id: str) -> str | None:
        fax = self.catalog.get_fax(fax_id)
        if fax["id"] != fax_id:  # get_fax also takes a prefix; this takes only the full id
            raise NotFound(f"no fax {fax_id!r}")
        return fax.get("mailbox")

    def set_mailbox(self, fax_id: str, mailbox: str) -> None:
        """Inside the caller's transaction."""
        self.catalog.update_fax(fax_id, mailbox=mailbox)

    def set_spam_feedback(self, fax_id: str, verdict: str, actor: str) -> None:
        """An operator's verdict (inside the caller's transaction); the scorer honours it."""
        self.catalog.record_spam_feedback(fax_id, verdict, actor)


class SqlitePeople(CatalogPeople):
    """People in the SQLite catalog."""

    catalog: Catalog

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog)

    @property
    def _conn(self) -> Any:
        return self.catalog.conn

    # -- users -----------------------------------------------------------------------------
    def _user(self, row: Any) -> User:
        boxes = tuple(r[0] for r in self._conn.execute(
            "SELECT mailbox FROM user_mailboxes WHERE user_id = ? ORDER BY mailbox",
            (row["id"],)))
        return User(id=row["id"], name=row["name"], role=row["role"],
                    disabled=bool(row["disabled"]), mailboxes=boxes,
                    created_at=row["created_at"])

    def add_user(self, name: str, role: str, password_hash: str,
                 mailboxes: Iterable[str]) -> User:
        check_role(role)
        now = utcnow_iso()
        with self.catalog.transaction():
            if self._conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise UserExists(f"user {name!r} exists")
            user_id = self._conn.execute(
                "INSERT INTO users (name, role, password_hash, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)", (name, role, password_hash, now, now)).lastrowid
            self._conn.executemany(
                "INSERT OR IGNORE INTO user_mailboxes (user_id, mailbox) VALUES (?, ?)",
                [(user_id, box) for box in mailboxes])
        return self.get_user(name)

    def find_user(self, name: str) -> User | None:
        row = self._conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        return self._user(row) if row else None

    def password_hash(self, name: str) -> str | None:
        row = self._conn.execute(
            "SELECT password_hash FROM users WHERE name = ? AND disabled = 0", (name,)).fetchone()
        return row[0] if row else None

    def list_users(self) -> list[User]:
        rows = self._conn.execute("SELECT * FROM users ORDER BY name").fetchall()
        return [self._user(row) for row in rows]

    def set_password_hash(self, name: str, new_hash: str) -> None:
        """A new password also ends every session of the user."""
        user = self.get_user(name)
        with self.catalog.transaction():
            self._conn.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                               (new_hash, utcnow_iso(), user.id))
            self._conn.execute("DELETE FROM sessions WHERE user_id = ?", (user.id,))

    def _refuse_last_admin(self, user: User) -> None:
        """Inside the caller's transaction, before ``user`` stops being an enabled admin."""
        if user.role != "admin" or user.disabled:
            return
        others = self._conn.execute(
            "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?",
            (user.id,)).fetchone()[0]
        if others == 0:
            raise LastAdmin(f"{user.name} is the last enabled admin; make another admin first")

    def disable_user(self, name: str) -> None:
        """Disabled: no sign-in, no session, no API token works any more. Refused (LastAdmin)
        for the last enabled admin."""
        with self.catalog.transaction():  # read and checked in the write transaction: no race
            user = self.get_user(name)
            self._refuse_last_admin(user)
            self._conn.execute("UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?",
                               (utcnow_iso(), user.id))
            self._conn.execute("DELETE FROM sessions WHERE user_id = ?", (user.id,))
            self._conn.execute("DELETE FROM api_tokens WHERE user_id = ?", (user.id,))

    def enable_user(self, name: str) -> None:
        """Signing in works again (with the same password; old sessions and tokens stay gone)."""
        user = self.get_user(name)
        self._conn.execute("UPDATE users SET disabled = 0, updated_at = ? WHERE id = ?",
                           (utcnow_iso(), user.id))

    def set_role_and_mailboxes(self, name: str, role: str, mailboxes: Iterable[str]) -> User:
        """A new role and exactly these mailbox grants; they apply from the person's next
        request. Refused (LastAdmin) if it would take the role from the last enabled admin."""
        check_role(role)
        with self.catalog.transaction():  # read and checked in the write transaction: no race
            user = self.get_user(name)
            if role != "admin":
                self._refuse_last_admin(user)
            self._conn.execute("UPDATE users SET role = ?, updated_at = ? WHERE id = ?",
                               (role, utcnow_iso(), user.id))
            self._conn.execute("DELETE FROM user_mailboxes WHERE user_id = ?", (user.id,))
            self._conn.executemany(
                "INSERT OR IGNORE INTO user_mailboxes (user_id, mailbox) VALUES (?, ?)",
                [(user.id, box) for box in mailboxes])
        return self.get_user(name)

    # -- sessions and tokens ---------------------------------------------------------------
    def create_session(self, user_id: int, id_sha256: str, csrf_token: str,
                       now: float) -> bool:
        with self.catalog.transaction():
            return self._conn.execute(
                "INSERT INTO sessions (id_sha256, user_id, csrf_token, created_at, last_seen)"
                " SELECT ?, id, ?, ?, ? FROM users WHERE id = ? AND disabled = 0",
                (id_sha256, csrf_token, now, now, user_id)).rowcount == 1

    def find_session(self, id_sha256: str) -> Session | None:
        row = self._conn.execute(
            "SELECT s.*, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id"
            " WHERE s.id_sha256 = ?", (id_sha256,)).fetchone()
        if row is None or row["disabled"]:
            return None
        user_row = self._conn.execute("SELECT * FROM users WHERE id = ?",
                                      (row["user_id"],)).fetchone()
        return Session(user=self._user(user_row), csrf_token=row["csrf_token"],
                       created_at=row["created_at"], last_seen=row["last_seen"],
                       last_query=row["last_query"])

    def touch_session(self, id_sha256: str, now: float) -> None:
        self._conn.execute("UPDATE sessions SET last_seen = ? WHERE id_sha256 = ?",
                           (now, id_sha256))

    def remember_query(self, id_sha256: str, query: str | None) -> None:
        """The session's last search, kept server-side so the fax view can highlight it
        without the words (PHI) travelling in a URL."""
        self._conn.execute("UPDATE sessions SET last_query = ? WHERE id_sha256 = ?",
                           (query, id_sha256))

    def delete_session(self, id_sha256: str) -> None:
        self._conn.execute("DELETE FROM sessions WHERE id_sha256 = ?", (id_sha256,))

    def delete_expired_sessions(self, idle_before: float, created_before: float) -> int:
        return self._conn.execute(
            "DELETE FROM sessions WHERE last_seen < ? OR created_at < ?",
            (idle_before, created_before)).rowcount

    def add_api_token(self, name: str, token_sha256: str) -> None:
        user = self.get_user(name)
        with self.catalog.transaction():
            if not self._conn.execute(
                    "INSERT INTO api_tokens (token_sha256, user_id, created_at)"
                    " SELECT ?, id, ? FROM users WHERE id = ? AND disabled = 0",
                    (token_sha256, utcnow_iso(), user.id)).rowcount:
                raise UserDisabled(f"user {name!r} is disabled")

    def user_for_token(self, token_sha256: str) -> User | None:
        row = self._conn.execute(
            "SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id"
            " WHERE t.token_sha256 = ? AND u.disabled = 0", (token_sha256,)).fetchone()
        return self._user(row) if row else None

    # -- sign-in attempts ------------------------------------------------------------------
    def record_signin_attempt(self, username: str, client: str, ok: bool, now: float) -> None:
        self._conn.execute(
            "INSERT INTO signin_attempts (at, username, client, ok) VALUES (?, ?, ?, ?)",
            (now, username, client, int(ok)))

    def recent_failures(self, since: float, *, username: str | None = None,
                        client: str | None = None) -> int:
        """Failed attempts since ``since`` for a user name or a client address."""
        if username is not None:
            sql, arg = "username = ?", username
        else:
            sql, arg = "client = ?", client
        return self._conn.execute(
            f"SELECT count(*) FROM signin_attempts WHERE {sql} AND at >= ? AND ok = 0",
            (arg, since)).fetchone()[0]

    def forget_signin_attempts(self, before: float) -> int:
        """Attempts older than the rate limit's window count for nothing: dropped."""
        return self._conn.execute("DELETE FROM signin_attempts WHERE at < ?",
                                  (before,)).rowcount

    # -- mailboxes and routing -------------------------------------------------------------
    def route_targets(self, since: str | None) -> list[RouteTarget]:
        """Faxes received on or after ``since`` (all without), with what routing looks at:
        the fax row and the text of its first page."""
        rows = self._conn.execute(
            "SELECT f.*, (SELECT text FROM pages p WHERE p.fax_id = f.id AND p.page_no = 1)"
            " AS first_page FROM faxes f WHERE f.received_at >= ? ORDER BY f.received_at",
            (since or "",)).fetchall()
        return [RouteTarget(id=r["id"], mailbox=r["mailbox"],
                            fields={**dict(r), "metadata": json.loads(r["metadata"] or "{}")})
                for r in rows]

    def mailboxes_in_use(self) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT DISTINCT mailbox FROM faxes WHERE mailbox IS NOT NULL ORDER BY mailbox")]

    # -- the inbox -------------------------------------------------------------------------
    def inbox_page(self, user: User, filters: InboxFilters, *, limit: int = 50,
                   offset: int = 0) -> InboxPage:
        """Newest first, only in the mailboxes ``filters.mailboxes`` allows."""
        where, params = ["1 = 1"], {"user_id": user.id, "limit": limit, "offset": offset}
        if filters.mailboxes is not None:
            names = {f"m{i}": box for i, box in enumerate(filters.mailboxes)}
            if not names:
                return InboxPage([], 0, offset, limit)
            where.append(f"f.mailbox IN ({', '.join(':' + k for k in names)})")
            params.update(names)
        if filters.mailbox:
            where.append("f.mailbox = :mailbox")
            params["mailbox"] = filters.mailbox
        if filters.sender:
            where.append("(f.from_number = :sender OR f.from_raw = :sender)")
            params["sender"] = filters.sender
        if filters.since:
            where.append("f.received_at >= :since")
            params["since"] = filters.since
        if filters.until:
            where.append("f.received_at < :until")
            params["until"] = filters.until
        if filters.status:
            where.append("f.state = :status")
            params["status"] = filters.status
        if filters.owner:
            where.append("h.owner = :owner")
            params["owner"] = filters.owner
        if not filters.include_spam:
            where.append("coalesce(f.spam_verdict, '') != 'spam'")
        if filters.fax_ids is not None:
            ids = {f"x{i}": fax_id for i, fax_id in enumerate(filters.fax_ids)}
            if not ids:
                return InboxPage([], 0, offset, limit)
            where.append(f"f.id IN ({', '.join(':' + k for k in ids)})")
            params.update(ids)
        joins = ("FROM faxes f LEFT JOIN fax_handling h ON h.fax_id = f.id"
                 " LEFT JOIN fax_reads r ON r.fax_id = f.id AND r.user_id = :user_id"
                 f" WHERE {' AND '.join(where)}")
        total = self._conn.execute(f"SELECT count(*) {joins}", params).fetchone()[0]
        rows = self._conn.execute(
            "SELECT f.id, f.received_at, f.from_number, f.from_raw, f.to_number, f.mailbox,"
            " f.state, f.pages, f.spam_verdict, h.owner, h.done_by, h.done_at,"
            f" r.at IS NOT NULL AS read {joins}"
            " ORDER BY f.received_at DESC, f.id DESC LIMIT :limit OFFSET :offset", params)
        return InboxPage([InboxRow(**{**dict(r), "read": bool(r["read"])}) for r in rows],
                         total, offset, limit)

    def mark_read(self, user_id: int, fax_id: str) -> None:
        self._conn.execute(
            "INSERT INTO fax_reads (user_id, fax_id, at) VALUES (?, ?, ?)"
            " ON CONFLICT (user_id, fax_id) DO NOTHING", (user_id, fax_id, utcnow_iso()))

    def mark_unread(self, user_id: int, fax_id: str) -> None:
        self._conn.execute("DELETE FROM fax_reads WHERE user_id = ? AND fax_id = ?",
                           (user_id, fax_id))

    def handling(self, fax_id: str) -> Handling:
        row = self._conn.execute(
            "SELECT owner, assigned_by, assigned_at, done_by, done_at FROM fax_handling"
            " WHERE fax_id = ?", (fax_id,)).fetchone()
        return Handling(**dict(row)) if row else Handling()

    def assign(self, fax_id: str, owner: str | None, by: str) -> None:
        """Inside the caller's transaction. ``owner`` None: nobody owns it any more."""
        self._conn.execute(
            "INSERT INTO fax_handling (fax_id, owner, assigned_by, assigned_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (fax_id) DO UPDATE SET owner = excluded.owner,"
            " assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
            (fax_id, owner, by, utcnow_iso()))

    def set_done(self, fax_id: str, by: str | None) -> None:
        """Inside the caller's transaction. ``by`` None: not done after all."""
        at = utcnow_iso() if by else None
        self._conn.execute(
            "INSERT INTO fax_handling (fax_id, done_by, done_at) VALUES (?, ?, ?)"
            " ON CONFLICT (fax_id) DO UPDATE SET done_by = excluded.done_by,"
            " done_at = excluded.done_at", (fax_id, by, at))

    def failed_job_ids(self, fax_id: str) -> list[int]:
        """The fax's jobs that ran out of attempts (what an operator may retry)."""
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM jobs WHERE fax_id = ? AND state = 'failed' ORDER BY id", (fax_id,))]
