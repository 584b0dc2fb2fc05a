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


def test_no_provider_secret_survives_the_audited_config_dump() -> None:
    """The service audits its effective config at start: every credential of every provider
    section, the SignalWire action URL (it holds the token) included, appears masked."""
    from ingest.config import config_from_mapping
    from tests.world import TX_PUBLIC_KEY

    secrets = {
        "faxplus": {"token": "S-fp-1", "webhook_token": "S-fp-2"},
        "dropbox": {"api_key": "S-db-1", "webhook_token": "S-db-2"},
        "telnyx": {"api_key": "S-tx-1", "public_key": TX_PUBLIC_KEY, "webhook_token": "S-tx-2"},
        "sinch": {"key_secret": "S-sn-1", "callback_password": "S-sn-2",
                  "webhook_token": "S-sn-3"},
        "documo": {"api_key": "S-dm-1", "webhook_password": "S-dm-2", "webhook_token": "S-dm-3"},
        "signalwire": {"api_token": "S-sw-1", "signing_key": "S-sw-2", "webhook_token": "S-sw-3",
                       "webhook_url": "https://fax.example.org/webhooks/signalwire/S-sw-3"},
        "phaxio": {"api_secret": "S-px-1", "signing_token": "S-px-2", "webhook_token": "S-px-3",
                   "webhook_url": "https://fax.example.org/webhooks/phaxio/S-px-3"},
    }
    assert set(secrets) == set(registry.names())
    dumped = str(config_from_mapping(secrets, env={}).model_dump(mode="json"))
    for section in secrets.values():
        for value in section.values():
            assert value not in dumped


@pytest.mark.parametrize("name", [*registry.names(), "local", "srfax", "imap"])
def test_a_hot_folder_sidecar_cannot_pose_as_a_registered_provider(tmp_path, name: str) -> None:
    """A fax server's sidecar naming a cloud provider would put its file under that
    provider's fax ids (where a webhook's fax would meet it): refused, for every provider
    the registry knows, not only the first two, and for the local, polling and e-mail doors."""
    from ingest.faxserver import SidecarError, read_sidecar

    sidecar = tmp_path / "fax1.json"
    sidecar.write_text(f'{{"provider": "{name}", "provider_fax_id": "x1"}}')
    with pytest.raises(SidecarError, match="reserved for webhook deliveries"):
        read_sidecar(sidecar)
