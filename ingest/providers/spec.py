"""The shape of a provider (see :mod:`ingest.providers.registry`), apart from the registry so
provider modules can build theirs without importing each other."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from ingest.providers.base import ApiClient, Delivery, HttpPolicy


@dataclass(frozen=True)
class Ack:
    """What the webhook answers after journaling (status 200)."""

    body: str
    content_type: str = "application/json"


# The two answers, encoded once (this runs on every acknowledgement).
_JSON_ACKS = {duplicate: Ack(json.dumps({"ok": True, "duplicate": duplicate}))
              for duplicate in (False, True)}


def json_ack(delivery: Delivery, duplicate: bool) -> Ack:
    return _JSON_ACKS[bool(duplicate)]


# (settings, shared session, HTTP policy) -> a client, or None when no credentials are set.
ClientFactory = Callable[[Any, aiohttp.ClientSession, HttpPolicy], ApiClient | None]
# A listed record -> (provider fax id, received at ISO UTC), or (None, None) to skip it
# (outbound faxes, other directions).
ListedFax = Callable[[dict[str, Any]], tuple[str | None, str | None]]


@dataclass(frozen=True)
class Provider:
    name: str  # route family /webhooks/<name>/, config section [<name>], catalog provider
    title: str
    # The pure webhook parser; None for a provider reached only by polling (no route).
    parse: Callable[[Mapping[str, str], bytes, Any], Delivery] | None
    make_client: ClientFactory
    record_fields: Callable[[dict[str, Any]], dict[str, Any]]  # API record -> catalog fields
    fetch_kind: str  # job kind that fetches an announced fax: record, then file
    listed_fax: ListedFax | None = None  # None: the API has no list, reconcile is unavailable
    page_kind: str | None = None  # job kind of a streamed page (client has download_page)
    acknowledge: Callable[[Delivery, bool], Ack] = json_ack
    # Status vocabulary: the provider's codes (stored verbatim) and what they mean.
    statuses: Mapping[str, str] = field(default_factory=dict)

    def settings(self, config: Any) -> Any:
        return getattr(config, self.name)

    def webhook_token(self, config: Any) -> str | None:
        """The secret path token of this provider's route (None: the route answers 404)."""
        token = getattr(self.settings(config), "webhook_token", None)
        return token.get_secret_value() if token is not None else None

    @property
    def route(self) -> str:
        return f"/webhooks/{self.name}/{{token}}"
