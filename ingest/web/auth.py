"""Who is asking: passwords (argon2), sign-in with its rate limit, server-side sessions and
their CSRF tokens, API tokens. HTTP-free, so the CLI and the handlers share it.

A session id is 256 random bits, given to the browser once and kept in the catalog only as
its SHA-256; the CSRF token is a second random value bound to the session (synchroniser
token) and compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ingest.config import Config
from storage import audit, people
from storage.catalog import Catalog

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # argon2 hashes anything, but not megabytes per attempt
MAX_NAME_LENGTH = 64

hasher = PasswordHasher()
# Verified against when the user does not exist, so an unknown name takes as long as a
# wrong password (no user enumeration by timing).
_DUMMY_HASH = hasher.hash(secrets.token_urlsafe(16))


class WeakPassword(ValueError):
    """A password refused before it is hashed."""


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPassword(f"a password may have at most {MAX_PASSWORD_LENGTH} characters")
    return hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Constant work whether or not there is a user (``stored`` None)."""
    try:
        hasher.verify(stored or _DUMMY_HASH, password[:MAX_PASSWORD_LENGTH])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return stored is not None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_api_token(catalog: Catalog, name: str) -> str:
    """A new API token for ``name``; shown once, stored hashed."""
    token = "fvt_" + secrets.token_urlsafe(32)
    catalog.people.add_api_token(name, digest(token))
    return token


def user_for_api_token(catalog: Catalog, token: str) -> people.User | None:
    return catalog.people.user_for_token(digest(token)) if token else None


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt. ``session_id`` is set only on success."""

    ok: bool
    reason: str = ""
    user: people.User | None = None
    session_id: str | None = None
    rate_limited: bool = False


@dataclass
class Authenticator:
    config: Config

    @property
    def _server(self):
        return self.config.server

    def rate_limited(self, catalog: Catalog, name: str, client: str, now: float) -> bool:
        since = now - self._server.signin_window_minutes * 60
        return (catalog.people.recent_failures(since, username=name)
                >= self._server.signin_max_failures_per_user
                or catalog.people.recent_failures(since, client=client)
                >= self._server.signin_max_failures_per_client)

    def finish_sign_in(self, catalog: Catalog, name: str, client: str, password_ok: bool,
                       now: float) -> SignIn:
        """Record the attempt (audited, failures included) and open a session if it held.
        The password was checked by the caller, off the event loop."""
        user = catalog.people.find_user(name) if password_ok else None
        ok = user is not None and not user.disabled
        actor = f"web:{name[:MAX_NAME_LENGTH]}"
        server = self._server
        session_id = secrets.token_urlsafe(32)  # 256 bits
        with catalog.transaction():
            # The session is opened in the transaction that records the attempt, and only
            # for a user still enabled when it commits (disabled since the look-up: refused).
            # First: the user's row before any session row (as a disabling takes them), so
            # the two never wait for each other.
            ok = ok and catalog.people.create_session(
                user.id, digest(session_id), secrets.token_urlsafe(32), now)
            # Housekeeping rides on sign-ins: ended sessions and attempts older than the
            # rate limit's window are of no further use.
            catalog.people.delete_expired_sessions(now - server.session_idle_minutes * 60,
                                                   now - server.session_max_hours * 3600)
            catalog.people.forget_signin_attempts(now - server.signin_window_minutes * 60)
            catalog.people.record_signin_attempt(name[:MAX_NAME_LENGTH], client, ok, now)
            audit.append(catalog, actor, "signin.ok" if ok else "signin.failed", None,
                         {"client": client})
        if not ok:
            return SignIn(False, "wrong name or password")
        return SignIn(True, user=user, session_id=session_id)

    def refuse_rate_limited(self, catalog: Catalog, name: str, client: str) -> SignIn:
        audit.record(catalog, f"web:{name[:MAX_NAME_LENGTH]}", "signin.rate_limited", None,
                     {"client": client})
        return SignIn(False, "too many failed sign-ins; try again later", rate_limited=True)

    def session(self, catalog: Catalog, session_id: str | None,
                now: float | None = None) -> people.Session | None:
        """The live session for this cookie value; expired ones are deleted."""
        if not session_id or len(session_id) > 100:
            return None
        now = time.time() if now is None else now
        key = digest(session_id)
        found = catalog.people.find_session(key)
        if found is None:
            return None
        idle = now - found.last_seen > self._server.session_idle_minutes * 60
        too_old = now - found.created_at > self._server.session_max_hours * 3600
        if idle or too_old:
            catalog.people.delete_session(key)
            return None
        if now - found.last_seen > 30:  # one write a half-minute, not one per request
            catalog.people.touch_session(key, now)
        return found

    def sign_out(self, catalog: Catalog, session_id: str, user: people.User) -> None:
        with catalog.transaction():
            catalog.people.delete_session(digest(session_id))
            audit.append(catalog, f"web:{user.name}", "signout", None, {})
