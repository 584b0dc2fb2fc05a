"""Load and validate faxvault's TOML configuration.

Every setting has a safe default, so an empty file (or no file at all) gives a working
embedded set-up: SQLite, a local archive and the hot folder under ``./var``. Unknown keys and
bad values stop start-up with a :class:`ConfigError` naming the key and what was expected.
Secrets may come from the environment (``FAXVAULT_FAXPLUS_TOKEN`` ...), which wins over the file.
"""

from __future__ import annotations

import os
import stat
import tomllib
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

if TYPE_CHECKING:
    from storage.backend import CatalogLocation

DEFAULT_CONFIG_NAME = "faxvault.toml"
CONFIG_ENV = "FAXVAULT_CONFIG"

# Environment variables that override a key of the file: (section, key) -> variable.
ENV_OVERRIDES: dict[tuple[str, str], str] = {
    ("faxplus", "token"): "FAXVAULT_FAXPLUS_TOKEN",
    ("faxplus", "webhook_token"): "FAXVAULT_FAXPLUS_WEBHOOK_TOKEN",
    ("dropbox", "api_key"): "FAXVAULT_DROPBOX_API_KEY",
    ("dropbox", "webhook_token"): "FAXVAULT_DROPBOX_WEBHOOK_TOKEN",
    ("srfax", "access_pwd"): "FAXVAULT_SRFAX_PASSWORD",
    ("imap", "password"): "FAXVAULT_IMAP_PASSWORD",
    ("telnyx", "api_key"): "FAXVAULT_TELNYX_API_KEY",
    ("telnyx", "public_key"): "FAXVAULT_TELNYX_PUBLIC_KEY",
    ("telnyx", "webhook_token"): "FAXVAULT_TELNYX_WEBHOOK_TOKEN",
    ("sinch", "key_secret"): "FAXVAULT_SINCH_KEY_SECRET",
    ("sinch", "callback_password"): "FAXVAULT_SINCH_CALLBACK_PASSWORD",
    ("sinch", "webhook_token"): "FAXVAULT_SINCH_WEBHOOK_TOKEN",
    ("documo", "api_key"): "FAXVAULT_DOCUMO_API_KEY",
    ("documo", "webhook_password"): "FAXVAULT_DOCUMO_WEBHOOK_PASSWORD",
    ("documo", "webhook_token"): "FAXVAULT_DOCUMO_WEBHOOK_TOKEN",
    ("signalwire", "api_token"): "FAXVAULT_SIGNALWIRE_API_TOKEN",
    ("signalwire", "signing_key"): "FAXVAULT_SIGNALWIRE_SIGNING_KEY",
    ("signalwire", "webhook_token"): "FAXVAULT_SIGNALWIRE_WEBHOOK_TOKEN",
    ("signalwire", "webhook_url"): "FAXVAULT_SIGNALWIRE_WEBHOOK_URL",
    ("phaxio", "api_secret"): "FAXVAULT_PHAXIO_API_SECRET",
    ("phaxio", "signing_token"): "FAXVAULT_PHAXIO_SIGNING_TOKEN",
    ("phaxio", "webhook_token"): "FAXVAULT_PHAXIO_WEBHOOK_TOKEN",
    ("phaxio", "webhook_url"): "FAXVAULT_PHAXIO_WEBHOOK_URL",
    ("archive", "access_key_id"): "FAXVAULT_S3_ACCESS_KEY_ID",
    ("archive", "secret_access_key"): "FAXVAULT_S3_SECRET_ACCESS_KEY",
    ("catalog", "url"): "FAXVAULT_CATALOG_URL",
}

PositiveInt = Annotated[int, Field(gt=0)]
PositiveFloat = Annotated[float, Field(gt=0)]


class ConfigError(Exception):
    """A configuration problem, worded for the operator (names the key)."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConfig(_Section):
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=0, le=65535)] = 8025
    public_url: str = ""
    max_body_bytes: PositiveInt = 1_048_576
    drain_seconds: PositiveFloat = 30.0
    # Web inbox sessions: signed out after this long without a request, and this long after
    # signing in whatever happens.
    session_idle_minutes: PositiveInt = 30
    session_max_hours: PositiveInt = 12
    # Sign-in rate limit: failures within the window, per user name and per client address.
    signin_window_minutes: PositiveInt = 15
    signin_max_failures_per_user: PositiveInt = 5
    signin_max_failures_per_client: PositiveInt = 20
    # What this node runs (see README, "Scaling out"): "all" (one machine), "api" (webhooks,
    # web inbox and API, intake doors that only journal) or "worker" (the job runners, with
    # only /healthz and /metrics on its port). `faxvault serve --role` overrides it.
    role: Literal["all", "api", "worker"] = "all"
    # This node's name in hot-folder claims; default: the host name. Nodes sharing a
    # catalog and a hot folder need distinct names.
    node_name: Annotated[str, Field(max_length=64, pattern=r"^[A-Za-z0-9_.-]*$")] = ""


class PathsConfig(_Section):
    data_dir: Path = Path("var")


class CatalogConfig(_Section):
    # Where the catalog lives: unset keeps the SQLite file in data_dir; a postgresql:// URL
    # puts it (and the job queue) in PostgreSQL, shared by every node pointed at it. The URL
    # may carry a password: prefer FAXVAULT_CATALOG_URL, and it is never logged.
    url: SecretStr | None = None
    pool_min_size: Annotated[int, Field(ge=0)] = 1
    pool_max_size: PositiveInt = 8
    # A statement running longer fails its caller instead of hanging a worker.
    statement_timeout_ms: PositiveInt = 30_000
    connect_timeout_seconds: PositiveFloat = 10.0
    # How many of the pages a search matches PostgreSQL ranks (the newest): ranking reads each
    # page's index terms, which a word on tens of thousands of pages makes seconds of work.
    search_ranked_pages: PositiveInt = 200

    @model_validator(mode="after")
    def _check(self) -> CatalogConfig:
        from urllib.parse import urlsplit

        if self.url is not None:
            scheme = urlsplit(self.url.get_secret_value()).scheme
            if scheme not in ("postgresql", "postgres"):
                # The scheme alone, never the URL: it may hold a password.
                raise ValueError(f"catalog.url: expected a postgresql:// URL (got a "
                                 f"{scheme or 'schemeless'!r} URL), or no url for SQLite")
        if self.pool_min_size > self.pool_max_size:
            raise ValueError(f"catalog.pool_min_size: expected at most pool_max_size "
                             f"({self.pool_max_size}), got {self.pool_min_size}")
        return self


class LimitsConfig(_Section):
    max_file_bytes: PositiveInt = 200 * 1024 * 1024
    max_pages: PositiveInt = 500
    # A fax page at 204x391 dpi is ~1728x4300 = 7.4 Mpx; 60 Mpx leaves room for 600 dpi scans
    # while refusing decompression bombs.
    max_pixels_per_page: Annotated[int, Field(gt=0, le=100_000_000)] = 60_000_000
    # Time one original may take to split into pages (decoding, rendering); past it the
    # process doing it is replaced and the fax fails with the reason.
    split_timeout_seconds: PositiveFloat = 300.0
    # Time any other pool task (assembling fax.pdf / fax.tif) may take; past it the pool's
    # processes are replaced and the job retries.
    task_timeout_seconds: PositiveFloat = 600.0
    # Address space of each pool process (MiB): a decoder that runs away fails its fax with
    # MemoryError instead of taking the host down. 0 = no limit.
    pool_address_space_mb: Annotated[int, Field(ge=0)] = 3072
    # Cap on the originals held in the spool while they wait to be archived (0 = the disk
    # is the limit). Past it, fetches and hot-folder files wait instead of filling the disk.
    spool_max_bytes: Annotated[int, Field(ge=0)] = 0


class OcrConfig(_Section):
    languages: list[str] = Field(default_factory=lambda: ["eng"], min_length=1)
    # A page most of whose longer words are in none of the languages' dictionaries is read
    # again with these beside them (ocr/languages.py); [] never.
    other_languages: list[str] = Field(default_factory=lambda: ["Latin"])
    engine: Literal["tesserocr", "pytesseract"] = "tesserocr"
    workers: Annotated[int, Field(ge=0)] = 0  # 0 = one per core
    tessdata_dir: str = ""  # "" = find the Debian tessdata
    # PDF pages that are not one bilevel image are rendered at their finest image's
    # resolution, at least the min (legible text on a small page) and at most the max (and
    # within limits.max_pixels_per_page). Pages that are one bilevel image keep their own.
    pdf_min_render_dpi: Annotated[int, Field(ge=72, le=1200)] = 300
    pdf_max_render_dpi: Annotated[int, Field(ge=72, le=2400)] = 600
    page_timeout_seconds: PositiveFloat = 120.0
    correct_words: bool = True  # dictionary correction of misread words (ocr/correct.py)
    fax_model: bool = True  # English read with the network trained on faxes (ocr/fax_model.py)

    @model_validator(mode="before")
    @classmethod
    def _older_render_key(cls, data: object) -> object:
        # pdf_render_dpi (one fixed resolution for every PDF page) is read as the least
        # resolution a rendered page gets, the nearest meaning it has now.
        if isinstance(data, dict) and "pdf_render_dpi" in data:
            data = dict(data)
            older = data.pop("pdf_render_dpi")
            data.setdefault("pdf_min_render_dpi", older)
        return data

    @model_validator(mode="after")
    def _render_range(self) -> OcrConfig:
        if self.pdf_min_render_dpi > self.pdf_max_render_dpi:
            raise ValueError("pdf_min_render_dpi must not exceed pdf_max_render_dpi")
        return self


class WorkerConfig(_Section):
    # Jobs run at once; 0 = one more than the OCR pool has processes (see Config.job_workers).
    concurrency: Annotated[int, Field(ge=0)] = 0
    max_attempts: PositiveInt = 8
    backoff_base_seconds: PositiveFloat = 2.0
    backoff_max_seconds: PositiveFloat = 900.0
    lease_seconds: PositiveFloat = 300.0
    poll_seconds: PositiveFloat = 0.5


class TransitionConfig(_Section):
    days: Annotated[int, Field(ge=0)]
    storage_class: str


class LifecycleRuleConfig(_Section):
    id: Annotated[str, Field(min_length=1, max_length=255)]
    prefix: str = ""
    expiration_days: Annotated[int, Field(gt=0)] | None = None
    noncurrent_expiration_days: Annotated[int, Field(gt=0)] | None = None
    abort_incomplete_days: Annotated[int, Field(gt=0)] | None = None
    transitions: list[TransitionConfig] = Field(default_factory=list)


class ArchiveConfig(_Section):
    backend: Literal["local", "s3"] = "local"
    path: Path | None = None  # local backend; default <data_dir>/archive
    keep_spool: bool = False
    endpoint_url: str = ""
    bucket: str = ""
    region: str = "us-east-1"
    prefix: str = ""
    path_style: bool = True
    create_bucket: bool = False
    access_key_id: SecretStr | None = None
    secret_access_key: SecretStr | None = None
    timeout_seconds: PositiveFloat = 60.0
    max_attempts: Annotated[int, Field(ge=1, le=20)] = 5
    multipart_threshold_mb: PositiveInt = 64
    object_lock_mode: Literal["off", "GOVERNANCE", "COMPLIANCE"] = "off"
    retention_days: Annotated[int, Field(ge=0)] = 0
    lifecycle: list[LifecycleRuleConfig] = Field(default_factory=list)
    apply_lifecycle_on_start: bool = False
    # Server-side encryption asked of the S3 store, checked on every upload's HEAD.
    sse: Literal["off", "AES256", "aws:kms"] = "off"
    sse_kms_key_id: str = ""
    # Where originals waiting to be archived are copied in this store when several nodes
    # share the catalog (PostgreSQL catalog + S3 archive), so any node can finish any fax;
    # deleted once the fax is archived.
    shared_spool_prefix: Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+/$")] \
        = "spool/"

    @model_validator(mode="after")
    def _check(self) -> ArchiveConfig:
        if self.backend == "s3" and not self.bucket:
            raise ValueError("archive.bucket: required when archive.backend = \"s3\"")
        if self.sse_kms_key_id and self.sse != "aws:kms":
            raise ValueError("archive.sse_kms_key_id: only used with archive.sse = \"aws:kms\"")
        for n, rule in enumerate(self.lifecycle):
            covers_originals = ("originals/".startswith(rule.prefix)
                                or rule.prefix.startswith("originals/"))
            if (covers_originals and rule.expiration_days is not None
                    and rule.expiration_days < self.retention_days):
                raise ValueError(
                    f"archive.lifecycle[{n}] ({rule.id}): expiration_days = "
                    f"{rule.expiration_days} would expire originals before their retention "
                    f"ends (archive.retention_days = {self.retention_days})")
        return self


class HttpConfig(_Section):
    timeout_seconds: PositiveFloat = 30.0
    retries: Annotated[int, Field(ge=1, le=20)] = 4
    backoff_base_seconds: PositiveFloat = 0.5
    backoff_max_seconds: PositiveFloat = 10.0
    max_redirects: Annotated[int, Field(ge=0, le=10)] = 3
    # Plain http:// API bases (a test's fake API on loopback); never for a real provider.
    allow_insecure: bool = False


class FaxplusConfig(_Section):
    api_base: str = "https://restapi.fax.plus/v3"
    token: SecretStr | None = None
    user_id: str = "self"
    webhook_token: SecretStr | None = None


class DropboxConfig(_Section):
    api_base: str = "https://api.hellosign.com/v3"
    api_key: SecretStr | None = None
    webhook_token: SecretStr | None = None
    # Callbacks whose event_time is older (or further ahead) are refused as replays: the
    # sender's last retry comes ~30 h 20 after the event; 36 h leaves margin.
    max_event_age_seconds: PositiveInt = 36 * 3600
    max_clock_skew_seconds: Annotated[int, Field(ge=0)] = 300


class SrfaxConfig(_Section):
    """The SRFax polling door: on when ``access_id`` and ``access_pwd`` are set."""

    api_url: str = "https://www.srfax.com/SRF_SecWebSvc.php"
    access_id: str = ""  # the account number
    access_pwd: SecretStr | None = None
    # SRFax reports times in the account's own time zone setting (an IANA name).
    account_timezone: str = "UTC"
    file_format: Literal["TIFF", "PDF"] = "TIFF"
    include_sub_users: bool = False
    # The first poll lists from this day (YYYY-MM-DD); "" = the whole inbox.
    start_date: str = ""
    # Mark each fax as read at SRFax once it is archived here.
    mark_read: bool = False

    @model_validator(mode="after")
    def _check(self) -> SrfaxConfig:
        import datetime as dt
        import zoneinfo

        try:
            zoneinfo.ZoneInfo(self.account_timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"srfax.account_timezone: expected an IANA time zone name such "
                             f"as America/Toronto (got {self.account_timezone!r})") from None
        if self.start_date:
            try:
                dt.date.fromisoformat(self.start_date)
            except ValueError:
                raise ValueError(f"srfax.start_date: expected YYYY-MM-DD or \"\" (got "
                                 f"{self.start_date!r})") from None
        if self.access_id and not self.access_id.isdigit():
            raise ValueError("srfax.access_id: expected the account number (digits)")
        return self

    @property
    def enabled(self) -> bool:
        return bool(self.access_id and self.access_pwd)


class PollingConfig(_Section):
    """How polling doors (SRFax) poll: every ``interval_seconds``; after a failed poll the
    wait doubles up to ``max_interval_seconds``."""

    interval_seconds: PositiveFloat = 60.0
    max_interval_seconds: PositiveFloat = 900.0
    # A listing answer larger than this is refused (SRFax answers a whole period at once).
    max_listing_bytes: PositiveInt = 32 * 1024 * 1024


class ImapPatternConfig(_Section):
    """How one provider's fax e-mails name the sender and the receive time."""

    name: Annotated[str, Field(min_length=1, max_length=64)]
    # Regex the From header must match for this entry to apply ("" = any message).
    from_address: str = ""
    # Regexes over the Subject and the text body; named groups ``sender`` and ``received``.
    subject: str = ""
    body: str = ""
    # strptime format of the ``received`` group; "" = ISO 8601 or RFC 2822.
    time_format: str = ""
    # The zone of a ``received`` time that carries none (IANA name).
    timezone: str = "UTC"

    @model_validator(mode="after")
    def _compiles(self) -> ImapPatternConfig:
        import re
        import zoneinfo

        for key in ("from_address", "subject", "body"):
            try:
                re.compile(getattr(self, key))
            except re.error as exc:
                raise ValueError(f"imap.patterns ({self.name}): {key} is not a valid regular "
                                 f"expression: {exc}") from None
        try:
            zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"imap.patterns ({self.name}): timezone: expected an IANA time "
                             f"zone name (got {self.timezone!r})") from None
        return self


def _default_imap_patterns() -> list[ImapPatternConfig]:
    # Generic: no provider's e-mail layout could be confirmed from its own public docs, so
    # these only catch the common "Fax from <number>" / "caller ID: <number>" subjects and
    # "From: <number>" body lines. (A third-party help page describes eFax subjects as "eFax
    # from <name> - N page(s), caller ID: <number>": the second form covers it.)
    return [ImapPatternConfig(
        name="generic",
        subject=r"(?i)(?:\bfax\b.*?\bfrom|\bcaller\s*id)\s*:?\s*(?P<sender>\+?\d[\d ().-]{5,}\d)",
        body=r"(?im)^\s*(?:from|sender|caller\s*id)\s*:\s*(?P<sender>\+?\d[\d ().-]{5,}\d)",
    )]


class ImapConfig(_Section):
    """The fax-to-email door: on when ``host`` is set."""

    host: str = ""
    port: Annotated[int, Field(ge=1, le=65535)] = 993
    # "tls": TLS from the first byte (port 993); "starttls": upgrade on connect (port 143).
    # There is no plain-text mode: passwords and faxes cross this connection.
    security: Literal["tls", "starttls"] = "tls"
    ca_file: Path | None = None  # trust this CA (a private server) besides the system's
    username: str = ""
    password: SecretStr | None = None
    # Instead of a password: a command printing an OAuth2 access token (XOAUTH2).
    oauth2_token_command: str = ""
    mailbox: str = "INBOX"
    done_mailbox: str = "faxvault-done"
    failed_mailbox: str = "faxvault-failed"
    idle: bool = True  # wait with IMAP IDLE when the server offers it, else poll
    poll_seconds: PositiveFloat = 60.0
    idle_seconds: Annotated[float, Field(gt=0, le=1740)] = 600.0  # renew IDLE (< 29 min)
    timeout_seconds: PositiveFloat = 30.0
    max_message_bytes: PositiveInt = 60 * 1024 * 1024
    max_interval_seconds: PositiveFloat = 900.0  # longest wait between reconnects
    patterns: list[ImapPatternConfig] = Field(default_factory=_default_imap_patterns)

    @model_validator(mode="after")
    def _check(self) -> ImapConfig:
        if self.host and not self.username:
            raise ValueError("imap.username: required when imap.host is set")
        if self.host and not (self.password or self.oauth2_token_command):
            raise ValueError("imap.password (or FAXVAULT_IMAP_PASSWORD) or "
                             "imap.oauth2_token_command: one is required when imap.host is set")
        if self.password and self.oauth2_token_command:
            raise ValueError("imap.password and imap.oauth2_token_command: set only one")
        if self.done_mailbox in ("", self.mailbox) or self.failed_mailbox in ("", self.mailbox):
            raise ValueError("imap.done_mailbox, imap.failed_mailbox: expected folders other "
                             "than imap.mailbox")
        return self

    @property
    def enabled(self) -> bool:
        return bool(self.host)


class TelnyxConfig(_Section):
    api_base: str = "https://api.telnyx.com/v2"
    api_key: SecretStr | None = None
    # The webhook signing key (Portal > Keys & Credentials > Public Key), base64.
    public_key: SecretStr | None = None
    webhook_token: SecretStr | None = None
    # Telnyx signs a timestamp; deliveries further from our clock are refused (SDK: 300 s).
    max_timestamp_skew_seconds: Annotated[int, Field(gt=0, le=3600)] = 300
    # Hosts a record's presigned media_url may point to (exact names, https only).
    media_hosts: list[str] = Field(default_factory=lambda: ["s3.amazonaws.com"])
    # http:// media links (a test's fake media host on loopback); never in production.
    allow_insecure_media: bool = False

    @model_validator(mode="after")
    def _key(self) -> TelnyxConfig:
        if self.public_key is not None:
            from ingest.providers.telnyx import public_key_from

            try:
                public_key_from(self.public_key.get_secret_value())
            except ValueError as exc:
                raise ValueError(f"telnyx.public_key: {exc}") from None
        return self


class SinchConfig(_Section):
    api_base: str = "https://fax.api.sinch.com/v3"
    project_id: str | None = None
    key_id: str | None = None
    key_secret: SecretStr | None = None
    # oauth2: bearer tokens from token_url (production); basic: key id and secret on every
    # call (documented by Sinch as rate-limited, for tests).
    auth: Literal["oauth2", "basic"] = "oauth2"
    token_url: str = "https://auth.sinch.com/oauth2/token"
    webhook_token: SecretStr | None = None
    # Sinch does not sign callbacks: the webhook URL carries these as user:password.
    callback_user: str | None = None
    callback_password: SecretStr | None = None
    # Callbacks carry the fax itself (multipart part or base64): a larger cap than the
    # server's. The file is not kept from the callback; it is downloaded from the API.
    max_body_bytes: PositiveInt = 64 * 1024 * 1024


class DocumoConfig(_Section):
    api_base: str = "https://api.documo.com"
    api_key: SecretStr | None = None
    webhook_token: SecretStr | None = None
    # Documo does not sign webhooks: the webhook's "Use Basic Auth" user and password.
    webhook_user: str | None = None
    webhook_password: SecretStr | None = None
    # Legacy webhooks carry the fax as an attachment (not kept: it is downloaded).
    max_body_bytes: PositiveInt = 64 * 1024 * 1024


class SignalWireConfig(_Section):
    # The space, e.g. https://example.signalwire.com: the only origin contacted (API, media).
    space_url: str | None = None
    project_id: str | None = None
    api_token: SecretStr | None = None
    # The space's Signing Key (API page), with which callbacks are signed.
    signing_key: SecretStr | None = None
    webhook_token: SecretStr | None = None
    # The exact URL given as <Receive action="...">: the signature covers it. A secret, as
    # it holds the webhook token.
    webhook_url: SecretStr | None = None


class PhaxioConfig(_Section):
    api_base: str = "https://api.phaxio.com/v2.1"
    api_key: str | None = None
    api_secret: SecretStr | None = None
    # Phaxio's webhook token (console: Webhooks), which signs X-Phaxio-Signature.
    signing_token: SecretStr | None = None
    webhook_token: SecretStr | None = None  # our path token, in webhook_url
    # The exact URL set as the receive webhook: the signature covers it (it holds the token).
    webhook_url: SecretStr | None = None
    # Receive webhooks carry the fax as a file (not kept: it is downloaded).
    max_body_bytes: PositiveInt = 64 * 1024 * 1024


class HotfolderConfig(_Section):
    enabled: bool = True
    path: Path | None = None  # default <data_dir>/inbox
    poll: bool = False
    stability_seconds: Annotated[float, Field(ge=0)] = 2.0
    rescan_seconds: PositiveFloat = 60.0
    delete_done: bool = False
    # A node renames a file to claim it before taking it, so nodes sharing the folder take
    # each file once; another node's claim older than this is taken back (its node died).
    claim_seconds: PositiveFloat = 300.0


class SpamRuleConfig(_Section):
    name: Annotated[str, Field(min_length=1, max_length=64)]
    pattern: str
    weight: float

    @model_validator(mode="after")
    def _compiles(self) -> SpamRuleConfig:
        import re

        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"spam.rules ({self.name}): pattern is not a valid regular "
                             f"expression: {exc}") from None
        return self


class SpamConfig(_Section):
    threshold: float = 6.0
    blocklist: list[str] = Field(default_factory=list)
    allowlist: list[str] = Field(default_factory=list)
    provider_verdict: float = 3.0
    blocklist_weight: float = 10.0
    no_caller_id: float = 1.0
    opt_out_notice: float = 3.0
    opt_out_number: float = 1.0
    opt_out_free: float = 1.0
    unsubscribe_only: float = 0.5
    advertising_per_term: float = 0.75
    advertising_max: float = 3.0
    solicitation: float = 3.0
    offer_to_stranger: float = 2.0
    dressed_as_bill: float = 4.0
    asks_for_secrets: float = 3.0
    pressing_notice: float = 3.0
    claimed_call: float = 4.0
    pitch_followup: float = 4.0
    claimed_records: float = 3.0
    windfall_for_a_fee: float = 4.0
    diverted_payment: float = 4.0
    staffing_offer: float = 3.0
    toll_free_callback: float = 1.0
    unaddressed: float = 1.5
    ordinary_document: float = 1.0
    ordinary_document_max: float = 3.0
    one_page: float = 0.5
    learned: float = 5.0
    learned_min_examples: Annotated[int, Field(ge=1)] = 3
    model: float = 3.0
    model_unmarked: float = 4.0
    rules: list[SpamRuleConfig] = Field(default_factory=list)


class RoutingRuleConfig(_Section):
    """One rule: every condition given must hold (a list: any of its values); first match
    wins. Numbers are compared after normalising to E.164."""

    mailbox: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[\w.-]+$")]
    to: list[str] = Field(default_factory=list)  # called number (DID)
    from_: list[str] = Field(default_factory=list, alias="from")  # sender
    provider: list[str] = Field(default_factory=list)
    account: list[str] = Field(default_factory=list)  # the provider account (metadata)
    folder: list[str] = Field(default_factory=list)  # hot-folder subfolder
    words: list[str] = Field(default_factory=list)  # any of these on the first page

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _has_a_condition(self) -> RoutingRuleConfig:
        if not any((self.to, self.from_, self.provider, self.account, self.folder,
                    self.words)):
            raise ValueError(f"routing (mailbox {self.mailbox}): a rule needs a condition "
                             "(to, from, provider, account, folder or words); the mailbox "
                             "of faxes no rule matches is inbox.default_mailbox")
        return self


class InboxConfig(_Section):
    # Where a fax goes when no [[routing]] rule matches.
    default_mailbox: Annotated[str, Field(min_length=1, max_length=64,
                                          pattern=r"^[\w.-]+$")] = "inbox"


class AuditConfig(_Section):
    # Longest the head stays unanchored while only the service itself writes entries.
    anchor_seconds: PositiveFloat = 600.0
    # How soon serve anchors after a person's read, export or other action (batched).
    anchor_batch_seconds: PositiveFloat = 5.0
    # Ed25519 key that signs export bundles; default <data_dir>/export-signing-key.pem.
    signing_key: Path | None = None
    # A second place for the anchors (same keys as [archive]); S3 with Object Lock is what
    # makes anchors provable when the archive itself is a local directory.
    second_anchor: ArchiveConfig | None = None

    @model_validator(mode="after")
    def _check(self) -> AuditConfig:
        second = self.second_anchor
        if second is not None and second.backend == "local" and second.path is None:
            raise ValueError("audit.second_anchor.path: required for a local second anchor")
        return self


class NumbersConfig(_Section):
    default_region: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"


class Config(_Section):
    server: ServerConfig = ServerConfig()
    paths: PathsConfig = PathsConfig()
    catalog: CatalogConfig = CatalogConfig()
    limits: LimitsConfig = LimitsConfig()
    ocr: OcrConfig = OcrConfig()
    worker: WorkerConfig = WorkerConfig()
    archive: ArchiveConfig = ArchiveConfig()
    http: HttpConfig = HttpConfig()
    faxplus: FaxplusConfig = FaxplusConfig()
    dropbox: DropboxConfig = DropboxConfig()
    telnyx: TelnyxConfig = TelnyxConfig()
    sinch: SinchConfig = SinchConfig()
    documo: DocumoConfig = DocumoConfig()
    signalwire: SignalWireConfig = SignalWireConfig()
    phaxio: PhaxioConfig = PhaxioConfig()
    hotfolder: HotfolderConfig = HotfolderConfig()
    srfax: SrfaxConfig = SrfaxConfig()
    polling: PollingConfig = PollingConfig()
    imap: ImapConfig = ImapConfig()
    spam: SpamConfig = SpamConfig()
    numbers: NumbersConfig = NumbersConfig()
    audit: AuditConfig = AuditConfig()
    inbox: InboxConfig = InboxConfig()
    routing: list[RoutingRuleConfig] = Field(default_factory=list)

    @model_validator(mode="after")
    def _api_bases(self) -> Config:
        """Provider API bases: https (credentials and faxes cross this), with a host."""

        for section, value in self:  # every provider section that names an API base
            for key in ("api_base", "token_url", "space_url"):
                self._check_base(f"{section}.{key}", getattr(value, key, None))
        return self

    def _check_base(self, key: str, base: str | None) -> None:
        from urllib.parse import urlsplit

        if base is None:
            return
        parts = urlsplit(base)
        if parts.scheme == "http" and not self.http.allow_insecure:
            raise ValueError(
                f"{key}: expected an https:// URL (got {base!r}); plain "
                "http is allowed only with http.allow_insecure = true, for a test API")
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(f"{key}: expected an https:// URL with a host "
                             f"(got {base!r})")

    @model_validator(mode="after")
    def _door_urls(self) -> Config:
        """The SRFax endpoint: https with a host, like the provider API bases."""
        from urllib.parse import urlsplit

        url = self.srfax.api_url
        parts = urlsplit(url)
        if parts.scheme == "http" and not self.http.allow_insecure:
            raise ValueError(f"srfax.api_url: expected an https:// URL (got {url!r}); plain "
                             "http is allowed only with http.allow_insecure = true, for a test API")
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(f"srfax.api_url: expected an https:// URL with a host (got {url!r})")
        return self

    # Derived locations, all under data_dir unless configured.
    @property
    def data_dir(self) -> Path:
        return self.paths.data_dir

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / "faxvault.sqlite3"

    @property
    def catalog_location(self) -> CatalogLocation:
        """The configured catalog: the PostgreSQL URL if set, else the SQLite file."""
        from storage.backend import CatalogLocation, PostgresSettings

        c = self.catalog
        return CatalogLocation(
            sqlite_path=self.catalog_path,
            url=c.url.get_secret_value() if c.url else None,
            postgres=PostgresSettings(
                pool_min_size=c.pool_min_size, pool_max_size=c.pool_max_size,
                statement_timeout_ms=c.statement_timeout_ms,
                connect_timeout_seconds=c.connect_timeout_seconds,
                search_ranked_pages=c.search_ranked_pages))

    @property
    def ocr_processes(self) -> int:
        """The OCR pool's processes: ``ocr.workers``, or one per core."""
        return self.ocr.workers or os.cpu_count() or 1

    @property
    def job_workers(self) -> int:
        """Job loops run at once: ``worker.concurrency``, or by default one more than the
        OCR pool has processes. Each loop runs one job at a time, and between its pool tasks
        (split, OCR, assembly) it works in the service process (index, score, archive); with
        no more loops than processes, a one-page fax's process idles meanwhile, and a fixed
        count (2 until 2026-12-04) left all but two processes of a larger machine idle on
        one-page faxes. One spare loop keeps every process fed: one-page faxes on 2 cores,
        benchmarks/ocr_throughput.py --corpus clean, 0.84-0.87x the engine limit with 2 loops,
        0.88-0.90x with 3 or 4 (benchmarks/RESULTS.md)."""
        return self.worker.concurrency or self.ocr_processes + 1

    @property
    def spool_dir(self) -> Path:
        return self.data_dir / "spool"

    @property
    def archive_dir(self) -> Path:
        return self.archive.path or self.data_dir / "archive"

    @property
    def signing_key_path(self) -> Path:
        return self.audit.signing_key or self.data_dir / "export-signing-key.pem"

    @property
    def inbox_dir(self) -> Path:
        return self.hotfolder.path or self.data_dir / "inbox"

    @property
    def node_name(self) -> str:
        import socket

        return self.server.node_name or socket.gethostname()

    @property
    def shares_spool(self) -> bool:
        """Whether spooled bytes are copied to the archive store's shared spool prefix: with
        a PostgreSQL catalog several nodes may take each other's jobs, and only an S3 store
        is reachable from all of them."""
        return self.catalog.url is not None and self.archive.backend == "s3"


def _describe(error: dict) -> str:
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "value_error":  # our own checks name their keys themselves
        return str(error["ctx"]["error"])
    if error["type"] == "extra_forbidden":
        return f"{key}: unknown key"
    expected = error["msg"]
    got = error.get("input")
    # Secrets never echo; a database URL may carry its password.
    secret = key.endswith(("token", "key", "pwd", "password")) or key == "catalog.url"
    if isinstance(got, (str, int, float, bool)) and not secret:
        return f"{key}: {expected} (got {got!r})"
    return f"{key}: {expected}"


def config_from_mapping(data: dict, env: dict[str, str] | None = None) -> Config:
    """Validate a parsed TOML mapping (plus environment overrides) into a :class:`Config`."""
    env = os.environ if env is None else env
    merged = {section: dict(values) if isinstance(values, dict) else values
              for section, values in data.items()}
    for (section, key), var in ENV_OVERRIDES.items():
        if env.get(var):
            target = merged.setdefault(section, {})
            if isinstance(target, dict):
                target[key] = env[var]
    try:
        return Config.model_validate(merged)
    except ValidationError as exc:
        problems = "; ".join(_describe(e) for e in exc.errors())
        raise ConfigError(f"invalid configuration: {problems}") from None


def resolve_config_path(path: str | os.PathLike | None) -> Path | None:
    """The file to read: the given path, else $FAXVAULT_CONFIG, else ./faxvault.toml if present."""
    if path:
        return Path(path)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    default = Path(DEFAULT_CONFIG_NAME)
    return default if default.exists() else None


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Read, validate and return the configuration; no file at all means built-in defaults."""
    resolved = resolve_config_path(path)
    if resolved is None:
        return config_from_mapping({})
    try:
        with open(resolved, "rb") as stream:  # the mode checked is the file's that was read
            mode = os.fstat(stream.fileno()).st_mode
            raw = stream.read()
    except OSError as exc:
        raise ConfigError(f"cannot read config file {resolved}: {exc.strerror}") from None
    if mode & stat.S_IWOTH:  # anyone could point the archive elsewhere or swap the secrets
        raise ConfigError(
            f"config file {resolved} is writable by other users (mode "
            f"{stat.S_IMODE(mode):04o}); expected only its owner (and group) to write it: "
            f"chmod o-w {resolved}")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {resolved} is not valid TOML: {exc}") from None
    if mode & stat.S_IROTH:
        warnings.warn(
            f"config file {resolved} is world-readable; it may hold secrets (chmod o-r)",
            stacklevel=2,
        )
    return config_from_mapping(data)
