"""The doors as the service runs them: each starts when its section is configured."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import aiohttp

from ingest.doors.polling import PollingDoor
from ingest.pipeline import Services


@contextlib.asynccontextmanager
async def srfax_door(services: Services,
                     session: aiohttp.ClientSession) -> AsyncIterator[PollingDoor | None]:
    """The SRFax polling door, when ``[srfax]`` has an account and a password."""
    config = services.config
    if not config.srfax.enabled:
        yield None
        return
    from ingest.doors.srfax import SrfaxClient, settings_from_config

    door = PollingDoor(services, SrfaxClient(session, settings_from_config(config)),
                       mark_read=config.srfax.mark_read,
                       interval_seconds=config.polling.interval_seconds,
                       max_interval_seconds=config.polling.max_interval_seconds)
    door.start()
    try:
        yield door
    finally:
        await door.stop()


@contextlib.asynccontextmanager
async def imap_door(services: Services,
                    session: aiohttp.ClientSession) -> AsyncIterator[object | None]:
    """The fax-to-email door, when ``[imap] host`` is set."""
    if not services.config.imap.enabled:
        yield None
        return
    from ingest.doors.imap import ImapDoor

    door = ImapDoor(services)
    await door.start()
    try:
        yield door
    finally:
        await door.stop()
