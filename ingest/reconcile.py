"""Reconcile: the safety net for webhooks lost while faxvault was down longer than a provider
retries. List the faxes at the provider and journal a fetch for each one the catalog lacks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ingest.fetch import client_for
from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from ingest.pipeline import Services
from ingest.providers import registry
from ingest.providers.base import SAFE_ID, PermanentProviderError
from storage.catalog import utcnow_iso


@dataclass
class ReconcileReport:
    provider: str
    listed: int = 0
    known: int = 0
    journaled: list[dict[str, str]] = field(default_factory=list)  # provider id, fax id
    skipped: list[str] = field(default_factory=list)  # ids not fit for an API path


async def reconcile(services: Services, provider: str, since: str | None = None,
                    actor: str = "system") -> ReconcileReport:
    spec = registry.get(provider)
    if spec.listed_fax is None:
        raise PermanentProviderError(f"{spec.title} has no API to list received faxes")
    client = client_for(services, provider)
    report = ReconcileReport(provider)
    for record in await client.list_received(since):
        provider_fax_id, received_at = spec.listed_fax(record)
        if provider_fax_id is None:
            continue
        report.listed += 1
        if not isinstance(provider_fax_id, str) or not SAFE_ID.match(provider_fax_id):
            report.skipped.append(repr(provider_fax_id)[:80])
            continue
        if services.catalog.find_fax(provider, provider_fax_id):
            report.known += 1
            continue
        journaled = journal_delivery(services.catalog, DeliveryRecord(
            provider=provider, idem_key=f"{provider}:reconcile:{provider_fax_id}",
            event_type="reconcile", body=json.dumps(record, sort_keys=True).encode(),
            fax=NewFax(provider=provider, provider_fax_id=provider_fax_id,
                       received_at=received_at or utcnow_iso()),
            job_kind=spec.fetch_kind, max_attempts=services.config.worker.max_attempts,
            actor=actor,
        ))
        if journaled.fax_id and not journaled.duplicate:
            report.journaled.append({"provider_fax_id": provider_fax_id,
                                     "fax_id": journaled.fax_id})
    return report
