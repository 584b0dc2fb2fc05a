"""The provider registry is the one place a provider is named: everything else follows it."""

from __future__ import annotations

import pytest

from ingest.cli import cli
from ingest.config import Config
from ingest.providers import registry
from ingest.webhooks import redact_webhook_path
from ingest.worker import HANDLERS


@pytest.mark.parametrize("name", registry.names())
def test_each_registered_provider_has_its_route_jobs_and_reconcile(name: str) -> None:
    provider = registry.get(name)
    assert provider.route == f"/webhooks/{name}/{{token}}"
    assert provider.fetch_kind in HANDLERS
    assert provider.page_kind is None or provider.page_kind in HANDLERS
    assert hasattr(Config(), name), f"no [{name}] config section"
    assert provider.webhook_token(Config()) is None  # no token configured: the route is shut
    assert redact_webhook_path(f"/webhooks/{name}/s3cret") == f"/webhooks/{name}/[redacted]"
    choices = next(p for p in cli.commands["reconcile"].params if p.name == "provider").type
    assert (name in choices.choices) == (provider.listed_fax is not None)


def test_job_kinds_are_unique_across_providers() -> None:
    kinds = [k for p in registry.PROVIDERS.values() for k in (p.fetch_kind, p.page_kind) if k]
    assert len(kinds) == len(set(kinds))
