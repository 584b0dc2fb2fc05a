"""The fax-to-email door: an IMAP mailbox where a provider (eFax, RingCentral, most others as
a fallback) delivers each fax as an e-mail with a PDF or TIFF attachment.

The IMAP side is imapclient (sync, complete, parsed FETCH answers, IDLE, MOVE, XOAUTH2), run in
a worker thread one call at a time; journaling stays on the event loop like every other door.
aioimaplib was the other candidate: asyncio-native, but its answers are raw lines that we would
have to parse ourselves (FETCH literals, IDLE pushes), which is the hand-written code we avoid.

For each message in ``imap.mailbox`` (read with ``BODY.PEEK[]``, so the server's \\Seen flag
stays as it was):

1. the raw message is journaled as a delivery of its own (provider ``imap``, event ``email``,
   idempotency key = the SHA-256 of its bytes; the ``events`` row keeps the whole .eml) -- this
   is the raw message kept beside the faxes, and each fax's metadata names it
   (``email.message_sha256``); the archiving step stores it with each fax
   (``originals/.../<fax_id>/message.eml``, purpose ``email``, checked against that hash), so
   the archive, ``fax.json`` and export bundles hold it too;
2. every PDF or TIFF attachment becomes a fax through :func:`ingest.local.journal_blob`
   (copied into the spool, size-capped, hashed), identified by the message's Message-ID (else
   its SHA-256) and the attachment's position; the sender and receive time come from the first
   ``[[imap.patterns]]`` entry whose ``from_address`` matches, by its ``subject`` / ``body``
   regexes (named groups ``sender`` and ``received``); without a ``received`` match the
   message's Date header is the receive time (recorded as such in the metadata);
3. only then is the message moved to ``imap.done_mailbox``. A crash in between leaves it in
   the mailbox: the next sweep journals it again, recognised as the same faxes, and moves it.

A message with no PDF/TIFF attachment, over ``max_message_bytes``, or whose attachment is
refused (too large) moves to ``imap.failed_mailbox`` with the reason in the log; a message
that cannot be journaled right now (spool full) stays where it is. Connection or login
failures are recorded in the door's state and retried with a doubling wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email
import email.policy
import email.utils
import hashlib
import html
import logging
import re
import shlex
import ssl
import subprocess
import threading
import time
import zoneinfo
from dataclasses import dataclass, field
from email.message import EmailMessage

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from ingest.config import ImapConfig, ImapPatternConfig
from ingest.faxserver import checked_received_at
from ingest.journal import DeliveryRecord, journal_delivery, message_event_key
from ingest.local import BlobReleased, LocalMetadata, journal_blob, quoted
from ingest.pipeline import Services
from storage.spool import SpoolFull, TooLarge

log = logging.getLogger("faxvault.imap")

PROVIDER = "imap"
DOOR = "imap"
FAX_TYPES = {"application/pdf": "pdf", "image/tiff": "tif", "image/tif": "tif"}
FAX_SUFFIXES = (".pdf", ".tif", ".tiff")
MAX_BODY_TEXT = 1024 * 1024  # the part of a body the patterns are run over
KEPT_HEADERS = ("From", "To", "Subject", "Date", "Message-ID")


class DoorSetupError(Exception):
    """The door cannot connect or log in (recorded, retried)."""


@dataclass(frozen=True)
class CallData:
    """What a provider's e-mail says about the fax, and where each value came from."""

    sender: str | None = None
    received_at: str | None = None
    pattern: str | None = None
    received_from: str | None = None  # "pattern" | "date_header"


@dataclass
class MessageOutcome:
    verdict: str  # "done" | "failed" | "retry"
    reason: str = ""
    fax_ids: list[str] = field(default_factory=list)
    duplicates: int = 0


# -- reading a message ---------------------------------------------------------------------------
def parse_message(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def fax_attachments(message: EmailMessage) -> list[tuple[str, bytes]]:
    """(file name, bytes) of each PDF or TIFF part, in message order."""
    found = []
    for n, part in enumerate(message.walk()):
        if part.is_multipart():
            continue
        ctype = part.get_content_type().lower()
        name = part.get_filename() or ""
        if ctype not in FAX_TYPES and not (ctype == "application/octet-stream"
                                           and name.lower().endswith(FAX_SUFFIXES)):
            continue
        payload = part.get_payload(decode=True)
        if not payload:
            continue
        ext = FAX_TYPES.get(ctype) or name.lower().rsplit(".", 1)[-1]
        found.append((name or f"attachment-{n}.{ext}", payload))
    return found


def body_text(message: EmailMessage) -> str:
    """The text body (plain preferred; HTML reduced to its text), capped."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, ValueError):  # an unknown charset: read it as Latin-1, never fail
        text = (part.get_payload(decode=True) or b"").decode("latin-1")
    if not isinstance(text, str):
        return ""
    if part.get_content_type() == "text/html":
        text = html.unescape(re.sub(r"(?s)<(script|style).*?</\1>|<[^>]+>", " ", text))
    return text[:MAX_BODY_TEXT]


def call_data(message: EmailMessage, patterns: list[ImapPatternConfig]) -> CallData:
    """Sender and receive time by the first pattern whose ``from_address`` matches; the
    receive time falls back to the Date header."""
    sender_header = str(message.get("From", ""))
    subject = str(message.get("Subject", ""))
    body: str | None = None
    for pattern in patterns:
        if pattern.from_address and not re.search(pattern.from_address, sender_header):
            continue
        found: dict[str, str] = {}
        for regex, where in ((pattern.subject, "subject"), (pattern.body, "body")):
            if not regex:
                continue
            if where == "body" and body is None:
                body = body_text(message)  # decoded only when a pattern needs it
            match = re.search(regex, subject if where == "subject" else body or "")
            for key, value in (match.groupdict().items() if match else ()):
                if value and key not in found:
                    found[key] = value.strip()
        received = _pattern_time(found.get("received"), pattern)
        if received:
            return CallData(found.get("sender"), received, pattern.name, "pattern")
        date = _date_header(message)
        return CallData(found.get("sender"), date, pattern.name,
                        "date_header" if date else None)
    date = _date_header(message)
    return CallData(None, date, None, "date_header" if date else None)


def _pattern_time(value: str | None, pattern: ImapPatternConfig) -> str | None:
    if not value:
        return None
    try:
        if pattern.time_format:
            moment = dt.datetime.strptime(value, pattern.time_format)
        else:
            try:
                moment = dt.datetime.fromisoformat(value)
            except ValueError:
                moment = email.utils.parsedate_to_datetime(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(pattern.timezone))
        return checked_received_at(moment.isoformat())
    except (ValueError, TypeError, OverflowError):
        log.info("imap: pattern %s: %r is not a time it can read; Date header used",
                 pattern.name, value[:60])
        return None


def _date_header(message: EmailMessage) -> str | None:
    value = message.get("Date")
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(str(value))
        if moment.tzinfo is None:
            return None
        return checked_received_at(moment.isoformat())
    except (ValueError, TypeError, OverflowError):
        return None


# -- the door ------------------------------------------------------------------------------
class ImapDoor:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.cfg: ImapConfig = services.config.imap
        self.sweeps = 0
        self.moved: dict[str, int] = {"done": 0, "failed": 0}
        self._stopping = threading.Event()
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="imap-door")
        log.info("imap: watching %s on %s:%d", self.cfg.mailbox, self.cfg.host, self.cfg.port)

    async def stop(self) -> None:
        self._stopping.set()  # the IDLE wait in the thread notices within a second
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    # -- connection ------------------------------------------------------------------
    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.cfg.ca_file:
            context.load_verify_locations(cafile=str(self.cfg.ca_file))
        return context

    def _token(self) -> str:
        """An OAuth2 access token from the configured command (run without a shell)."""
        argv = shlex.split(self.cfg.oauth2_token_command)
        try:
            done = subprocess.run(argv, capture_output=True, timeout=self.cfg.timeout_seconds,
                                  stdin=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DoorSetupError(f"imap.oauth2_token_command could not run: "
                                 f"{exc.__class__.__name__}") from None
        token = done.stdout.decode("utf-8", "replace").strip()
        if done.returncode != 0 or not token:
            raise DoorSetupError(f"imap.oauth2_token_command exited {done.returncode} "
                                 f"{'without a token' if not token else ''}".strip())
        return token

    def connect(self) -> IMAPClient:
        """Connect (TLS or STARTTLS, certificate and host name checked), log in, make the
        done/failed folders, select the mailbox. Blocking: run in a thread."""
        cfg = self.cfg
        context = self._tls_context()
        client = IMAPClient(cfg.host, port=cfg.port, ssl=cfg.security == "tls",
                            ssl_context=context, timeout=cfg.timeout_seconds)
        try:
            if cfg.security == "starttls":
                client.starttls(context)
            if cfg.oauth2_token_command:
                client.oauth2_login(cfg.username, self._token())
            else:
                assert cfg.password is not None
                client.login(cfg.username, cfg.password.get_secret_value())
            for folder in (cfg.done_mailbox, cfg.failed_mailbox):
                if not client.folder_exists(folder):
                    client.create_folder(folder)
            client.select_folder(cfg.mailbox)
        except BaseException:
            with contextlib.suppress(Exception):
                client.shutdown()
            raise
        return client

    async def _run(self) -> None:
        first_wait = min(1.0, self.cfg.max_interval_seconds)
        wait = first_wait
        while not self._stopping.is_set():
            client = None
            try:
                client = await asyncio.to_thread(self.connect)
                self._record(None)
                wait = first_wait
                while not self._stopping.is_set():
                    await self.sweep(client)
                    await asyncio.to_thread(self._wait_for_mail, client)
            except (IMAPClientError, OSError, DoorSetupError, EOFError) as exc:
                # Login refused, certificate not trusted, server gone: say so, try again later.
                message = _redacted(f"{exc.__class__.__name__}: {exc}", self.cfg)
                log.warning("imap: %s; retrying in %g s", message, wait)
                self._record(message)
                await asyncio.to_thread(self._stopping.wait, wait)
                wait = min(wait * 2, self.cfg.max_interval_seconds)
            except Exception as exc:
                log.exception("imap: unexpected error")
                self._record(f"{exc.__class__.__name__}: {exc}")
                await asyncio.to_thread(self._stopping.wait, wait)
                wait = min(wait * 2, self.cfg.max_interval_seconds)
            finally:
                if client is not None:
                    await asyncio.to_thread(_logout_quietly, client)

    def _record(self, error: str | None) -> None:
        catalog = self.services.catalog
        with catalog.transaction():
            catalog.save_door_poll(DOOR, cursor=None, error=error)

    def _wait_for_mail(self, client: IMAPClient) -> None:
        """IDLE until the server announces a message (or ``idle_seconds`` pass, as RFC 2177
        asks); without IDLE, wait ``poll_seconds``. Wakes within a second of stop()."""
        deadline = time.monotonic()
        if not (self.cfg.idle and b"IDLE" in client.capabilities()):
            deadline += self.cfg.poll_seconds
            while not self._stopping.is_set() and time.monotonic() < deadline:
                self._stopping.wait(min(1.0, deadline - time.monotonic()))
            client.noop()  # keeps the connection alive, and fails fast if it is gone
            return
        deadline += self.cfg.idle_seconds
        client.idle()
        try:
            while not self._stopping.is_set() and time.monotonic() < deadline:
                pushed = client.idle_check(timeout=min(1.0, deadline - time.monotonic()))
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in pushed):
                    return
        finally:
            client.idle_done()

    # -- taking messages ------------------------------------------------------------------
    async def sweep(self, client: IMAPClient) -> None:
        """Take every message now in the mailbox, oldest first."""
        uids = await asyncio.to_thread(client.search, ["UNDELETED"])
        for uid in sorted(uids):
            if self._stopping.is_set():
                break
            await self._take_uid(client, uid)
        self.sweeps += 1
        self._record(None)

    async def _take_uid(self, client: IMAPClient, uid: int) -> None:
        sizes = await asyncio.to_thread(client.fetch, [uid], ["RFC822.SIZE"])
        size = sizes.get(uid, {}).get(b"RFC822.SIZE", 0)
        if size > self.cfg.max_message_bytes:
            outcome = MessageOutcome("failed", f"message of {size} bytes is over "
                                               f"imap.max_message_bytes")
        else:
            fetched = await asyncio.to_thread(client.fetch, [uid], ["BODY.PEEK[]"])
            raw = fetched.get(uid, {}).get(b"BODY[]")
            if raw is None:
                return  # expunged meanwhile by someone else
            outcome = await self.take_message(raw)
        if outcome.verdict == "retry":
            log.warning("imap: message %d left in %s: %s", uid, self.cfg.mailbox,
                        outcome.reason)
            return
        folder = self.cfg.done_mailbox if outcome.verdict == "done" else self.cfg.failed_mailbox
        await asyncio.to_thread(_move, client, uid, folder)
        self.moved[outcome.verdict] += 1
        if outcome.verdict == "failed":
            log.warning("imap: message %d moved to %s: %s", uid, folder, outcome.reason)
        else:
            log.info("imap: message %d -> faxes %s%s", uid, ", ".join(outcome.fax_ids),
                     f" ({outcome.duplicates} already ingested)" if outcome.duplicates else "")

    async def take_message(self, raw: bytes) -> MessageOutcome:
        """Journal one message and its faxes. Only a "done" outcome lets it leave the box."""
        services = self.services
        # Parsing, decoding and hashing a message of many megabytes: off the event loop.
        read = await asyncio.to_thread(read_message, raw, list(self.cfg.patterns))
        if not read.attachments:
            return MessageOutcome("failed", "no PDF or TIFF attachment")
        digest, headers, call = read.sha256, read.headers, read.call
        journal_delivery(services.catalog, DeliveryRecord(
            provider=PROVIDER, idem_key=message_event_key(PROVIDER, digest), event_type="email",
            headers=headers, body=raw, actor="door:imap"))
        message_id = (headers.get("Message-ID") or "").strip("<> ")
        base_id = message_id if message_id and len(message_id) <= 200 else f"sha256:{digest}"
        outcome = MessageOutcome("done")
        for n, (name, payload) in enumerate(read.attachments, start=1):
            meta = LocalMetadata(
                from_raw=call.sender, received_at=call.received_at, provider=PROVIDER,
                provider_fax_id=f"{base_id}#{n}",
                extra={"source": "imap", "email": {
                    "message_sha256": digest, "attachment": n, "headers": headers,
                    "pattern": call.pattern, "received_at_from": call.received_from}})
            try:
                blob = await asyncio.to_thread(services.spool.store_chunks, [payload],
                                               services.config.limits.max_file_bytes)
                result = journal_blob(services, blob, name, meta, actor="door:imap")
            except TooLarge as exc:
                return MessageOutcome("failed", f"attachment {quoted(name)}: {exc}")
            except (SpoolFull, BlobReleased) as exc:
                return MessageOutcome("retry", f"attachment {quoted(name)}: {exc}")
            outcome.fax_ids.append(result.fax_id)
            outcome.duplicates += result.duplicate
        return outcome


@dataclass(frozen=True)
class ReadMessage:
    sha256: str
    headers: dict[str, str]
    attachments: list[tuple[str, bytes]]
    call: CallData


def read_message(raw: bytes, patterns: list[ImapPatternConfig]) -> ReadMessage:
    """Everything the door needs from one raw message (blocking: run it in a thread)."""
    message = parse_message(raw)
    headers = {name: _header(message, name) for name in KEPT_HEADERS
               if message.get(name) is not None}
    return ReadMessage(hashlib.sha256(raw).hexdigest(), headers, fax_attachments(message),
                       call_data(message, patterns))


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name, ""))[:998]
    except (ValueError, TypeError):  # a header the parser cannot decode: its raw form
        return str(message.get_all(name, [""])[0])[:998]


def _move(client: IMAPClient, uid: int, folder: str) -> None:
    if b"MOVE" in client.capabilities():
        client.move([uid], folder)
        return
    client.copy([uid], folder)
    client.add_flags([uid], [b"\\Deleted"])
    if b"UIDPLUS" in client.capabilities():
        client.uid_expunge([uid])
    else:
        client.expunge()


def _logout_quietly(client: IMAPClient) -> None:
    with contextlib.suppress(Exception):
        client.logout()


def _redacted(text: str, cfg: ImapConfig) -> str:
    if cfg.password:
        secret = cfg.password.get_secret_value()
        if secret:
            text = text.replace(secret, "***")
    return text

