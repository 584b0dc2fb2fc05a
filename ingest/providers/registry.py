"""The providers faxvault speaks, registered in one place.

A provider is a small object: its webhook route, a pure ``parse(headers, body, settings)``
that authenticates and parses a delivery with no I/O (``settings`` is the provider's config
section: its secrets and limits), an API client (record, file, and a listing for reconcile),
the job kind that fetches its faxes, and its status vocabulary. Routes, fetch, reconcile, the
worker's job table and the CLI's ``--provider`` choices are all read from :data:`PROVIDERS`;
adding a provider is one module with a ``PROVIDER_SPEC`` plus one line below.

The API client is usable by any door, webhook or polling: ``get_fax(id) -> dict``,
``download_fax(id, spool, max_bytes) -> Blob`` and ``list_received(since) -> list[dict]``.
"""

from __future__ import annotations

from ingest.providers.spec import Ack, Provider, json_ack

__all__ = ["PROVIDERS", "Ack", "Provider", "get", "job_kinds", "json_ack", "names",
           "reconcilable"]


def _load() -> dict[str, Provider]:
    # One line per provider; the order is the order of routes and of `--provider` choices.
    from ingest.providers import documo, dropbox, faxplus, phaxio, signalwire, sinch, telnyx

    specs = [faxplus.PROVIDER_SPEC, dropbox.PROVIDER_SPEC, telnyx.PROVIDER_SPEC,
             sinch.PROVIDER_SPEC, phaxio.PROVIDER_SPEC, documo.PROVIDER_SPEC,
             signalwire.PROVIDER_SPEC]
    return {spec.name: spec for spec in specs}


PROVIDERS: dict[str, Provider] = _load()


def get(name: str) -> Provider:
    try:
        return PROVIDERS[name]
    except KeyError:
        raise KeyError(f"no provider named {name!r} (known: {', '.join(PROVIDERS)})") from None


def names() -> tuple[str, ...]:
    return tuple(PROVIDERS)


def reconcilable() -> tuple[str, ...]:
    """Providers whose API lists received faxes."""
    return tuple(name for name, spec in PROVIDERS.items() if spec.listed_fax is not None)


def job_kinds() -> dict[str, tuple[Provider, str]]:
    """Every provider job kind -> (provider, "fax" | "page")."""
    kinds: dict[str, tuple[Provider, str]] = {}
    for spec in PROVIDERS.values():
        kinds[spec.fetch_kind] = (spec, "fax")
        if spec.page_kind:
            kinds[spec.page_kind] = (spec, "page")
    return kinds
