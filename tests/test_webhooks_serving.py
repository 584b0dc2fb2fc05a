"""A node run as ``faxvault serve`` runs it (``init_app(serving=True)``): the garbage
collector tuned once the service has started, so deliveries do not pay for walks of the
service's long-lived objects; an app built for a test leaves the process's collector alone."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from ingest.app import YOUNG_COLLECTION_THRESHOLD, init_app
from tests.conftest import make_config
from tests.world import FP_HOOK, faxplus_event


@pytest.fixture
def collector_restored():
    threshold = gc.get_threshold()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


async def test_a_serving_node_freezes_its_start_up_objects_and_walks_young_ones_less_often(
        aiohttp_client, tmp_path: Path, collector_restored) -> None:
    gc.unfreeze()
    config = make_config(tmp_path / "var", faxplus={"webhook_token": FP_HOOK})
    client = await aiohttp_client(init_app(config, start_workers=False, serving=True))
    assert gc.get_freeze_count() > 10_000  # the configuration, registry, services...
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
    answer = await client.post(f"/webhooks/faxplus/{FP_HOOK}",
                               data=json.dumps(faxplus_event("served")).encode(),
                               headers={"Content-Type": "application/json"})
    assert answer.status == 200 and not (await answer.json())["duplicate"]


async def test_an_app_built_for_a_test_leaves_the_collector_alone(
        aiohttp_client, tmp_path: Path, collector_restored) -> None:
    gc.unfreeze()
    threshold = gc.get_threshold()
    config = make_config(tmp_path / "var", faxplus={"webhook_token": FP_HOOK})
    await aiohttp_client(init_app(config, start_workers=False))
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold
