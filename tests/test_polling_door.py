"""The polling door against a fake SRFax API: the real service in-process, its door polling
the fake on loopback, the faxes processed by the real pipeline (tesseract, SQLite, archive)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from pathlib import Path
from typing import Any

import pytest

from ingest.app import DOORS, SERVICES, init_app
from ingest.doors.srfax import SrfaxClient, SrfaxSettings
from storage.search import SearchFilters, search_pages
from tests.cliutil import run_cli, wait_until_async
from tests.conftest import make_config, write_config
from tests.fakes_srfax import PATH, FakeSrfax, srfax_app
from tests.faxgen import render_fax

ACCOUNT, PASSWORD = "123456", "s3cret-srfax-pwd"
DOOR = "poll:srfax"
NOW = int(time.time()) - 3600


@pytest.fixture(scope="module")
def srfax_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("srfax-docs")
    return {
        "wombat": render_fax(root / "a.tif", [["SRFax delivery about a wombat"]]).read_bytes(),
        "quokka": render_fax(root / "b.pdf", [["Polling door brings a quokka"]],
                             device="pdfwrite").read_bytes(),
    }


def door_config(tmp_path: Path, api_url: str, password: str = PASSWORD, **srfax: Any):
    return make_config(
        tmp_path / "var",
        srfax={"api_url": api_url, "access_id": ACCOUNT, "access_pwd": password, **srfax},
        polling={"interval_seconds": 0.05, "max_interval_seconds": 0.2},
        http={"timeout_seconds": 1.0, "retries": 3, "backoff_base_seconds": 0.01,
              "backoff_max_seconds": 0.05, "allow_insecure": True},  # the fake speaks http
    )


async def start_service(aiohttp_client, config, ocr_pool):
    client = await aiohttp_client(init_app(config, pool=ocr_pool))
    return client, client.server.app[SERVICES], client.server.app[DOORS]["srfax"]


def hits(services, word: str) -> set[str]:
    return {h["fax_id"] for h in search_pages(services.catalog, word, SearchFilters())}


async def until(predicate, what: str, timeout: float = 90) -> Any:
    return await wait_until_async(predicate, timeout, what)


async def test_srfax_faxes_fetched_with_retries_archived_once_and_marked_read_after(
        aiohttp_server, aiohttp_client, tmp_path, ocr_pool, srfax_docs) -> None:
    fake = FakeSrfax(ACCOUNT, PASSWORD, slow_seconds=3)
    fake.add_fax("31524120", srfax_docs["wombat"], epoch=NOW, caller_id="9056193547",
                 remote_id="ACME CLINIC", pages=1)
    fake.add_fax("31524121", srfax_docs["quokka"], epoch=NOW + 60, caller_id="4165550100")
    # The same bytes under another id: another reception, never dropped as a duplicate.
    fake.add_fax("31524122", srfax_docs["wombat"], epoch=NOW + 120, caller_id="9056193547")
    fake.inject("Get_Fax_Inbox", "429", "badjson")  # the first listing needs three attempts
    fake.inject("Retrieve_Fax", "500", "truncate", "slow")
    server = await aiohttp_server(srfax_app(fake))
    config = door_config(tmp_path, str(server.make_url(PATH)), mark_read=True)
    client, services, door = await start_service(aiohttp_client, config, ocr_pool)

    def state_now(details_id: str) -> str:
        return services.catalog.find_fax("srfax", details_id)["state"]

    fake.on_mark = state_now  # what the catalog said when SRFax was told "read"
    ids = ("31524120", "31524121", "31524122")
    await until(lambda: len(fake.marked) == 3, "all three faxes marked read")
    # Marked read at SRFax only once archived here.
    assert fake.marked == {i: "archived" for i in ids}
    faxes = {i: services.catalog.find_fax("srfax", i) for i in ids}
    assert hits(services, "wombat") == {faxes["31524120"]["id"], faxes["31524122"]["id"]}
    assert hits(services, "quokka") == {faxes["31524121"]["id"]}
    first = faxes["31524120"]
    assert first["from_raw"] == "9056193547"
    assert first["provider_status"] == "Ok"
    assert first["received_at"] == dt.datetime.fromtimestamp(NOW, dt.UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    assert first["metadata"]["provider_record"]["RemoteID"] == "ACME CLINIC"
    assert first["original_sha256"] == faxes["31524122"]["original_sha256"]
    for fax in faxes.values():
        purposes = [o["purpose"] for o in services.catalog.archive_objects(fax["id"])]
        assert purposes.count("original") == 1
    # Three downloads, plus the three failed attempts of the first (500, cut, too slow).
    assert fake.count("Retrieve_Fax") == 6
    state = services.catalog.door_state(DOOR)
    assert state.cursor == dt.datetime.fromtimestamp(NOW + 120, dt.UTC).date().isoformat()
    assert state.last_error is None
    events = count(services, "events")
    await client.close()

    # A restart: the cursor comes back from the catalog; every fax listed again is known.
    fake.calls.clear()
    client, services, door = await start_service(aiohttp_client, config, ocr_pool)
    await until(lambda: door.polls >= 3, "three polls after the restart")
    listing = next(c for c in fake.calls if c["action"] == "Get_Fax_Inbox")
    cursor_day = dt.date.fromisoformat(state.cursor)
    assert listing["sPeriod"] == "RANGE"
    assert listing["sStartDate"] == f"{cursor_day - dt.timedelta(days=1):%Y%m%d}"
    assert fake.count("Retrieve_Fax") == 0 and fake.count("Update_Viewed_Status") == 0
    assert count(services, "faxes") == 3 and count(services, "events") == events
    await client.close()


async def test_srfax_wrong_password_journals_nothing_and_is_not_logged(
        aiohttp_server, aiohttp_client, tmp_path, ocr_pool, srfax_docs, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeSrfax(ACCOUNT, PASSWORD)
    fake.add_fax("40000001", srfax_docs["wombat"], epoch=NOW)
    server = await aiohttp_server(srfax_app(fake))
    wrong = "wrong-pwd-never-logged"
    config = door_config(tmp_path, str(server.make_url(PATH)), password=wrong)
    client, services, door = await start_service(aiohttp_client, config, ocr_pool)
    await until(lambda: door.polls >= 3, "three refused polls")
    state = services.catalog.door_state(DOOR)
    assert "Failed" in state.last_error and "Invalid Access Code" in state.last_error
    assert state.cursor is None
    assert count(services, "faxes") == 0 and count(services, "events") == 0
    assert fake.count("Retrieve_Fax") == 0
    # A refusal is not retried within a poll: one listing call per poll.
    assert fake.count("Get_Fax_Inbox") in (door.polls, door.polls + 1)
    assert wrong not in caplog.text and all(wrong not in str(c) for c in fake.calls)
    # The operator sees why in `faxvault status`.
    config_file = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    shown = await asyncio.to_thread(run_cli, config_file, "status", "--json")
    [door_doc] = shown.json()["doors"]
    assert door_doc["door"] == DOOR and "Invalid Access Code" in door_doc["last_error"]
    human = await asyncio.to_thread(run_cli, config_file, "status")
    assert "door poll:srfax: last look" in human.out and "Invalid Access Code" in human.out

    fake.password = wrong  # the operator fixes the account's password at SRFax
    await until(lambda: (f := services.catalog.find_fax("srfax", "40000001"))
                and f["state"] == "archived", "the fax archived once the password works")
    await until(lambda: services.catalog.door_state(DOOR).last_error is None,
                "a clean poll recorded")
    assert fake.count("Update_Viewed_Status") == 0  # mark_read is off by default
    await client.close()


def test_srfax_records_parsed_tolerantly() -> None:
    client = SrfaxClient(None, SrfaxSettings(  # type: ignore[arg-type]  (no call made)
        api_url="https://srfax.invalid/x", access_id="1", access_pwd="p",
        account_timezone="America/Toronto"))
    # 2015-04-30 14:45:05 on the account's (Toronto) clock, written as a Unix time.
    wall = int(dt.datetime(2015, 4, 30, 14, 45, 5, tzinfo=dt.UTC).timestamp())
    fax = client.remote_fax({"FileName": "20150430124505-6104-19_1|20360095",
                             "ReceiveStatus": "Ok", "EpochTime": str(wall), "CallerID": "",
                             "RemoteID": "9056193547", "Pages": 1, "Size": "5000",
                             "User_FaxNumber": "4165550199", "Extra": {"nested": 1}})
    assert fax is not None
    assert fax.provider_fax_id == "20360095"
    assert fax.received_at == "2015-04-30T18:45:05Z"  # EDT is UTC-4
    assert fax.cursor == "2015-04-30"
    assert fax.from_raw == "9056193547" and fax.to_raw == "4165550199"
    assert "Extra" not in fax.record and fax.record["Size"] == "5000"
    for bad in ({"FileName": ""}, {"FileName": "no-id|"}, {"FileName": "x|../1"}, "text",
                {"EpochTime": wall}):
        assert client.remote_fax(bad) is None
    future = client.remote_fax({"FileName": "a|1", "EpochTime": 2 ** 40})
    assert future is not None and future.received_at is None  # not a time: ours is used


def count(services, table: str) -> int:
    return services.catalog.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize(("section", "values", "says"), [
    ("srfax", {"account_timezone": "Mars/Olympus"}, "srfax.account_timezone"),
    ("srfax", {"start_date": "2026-13-01"}, "srfax.start_date"),
    ("srfax", {"access_id": "acct-1"}, "srfax.access_id"),
    ("srfax", {"api_url": "http://srfax.example/x"}, "srfax.api_url: expected an https://"),
    ("polling", {"interval_seconds": 0}, "polling.interval_seconds"),
])
def test_door_config_errors_name_the_key(tmp_path, section, values, says) -> None:
    from ingest.config import ConfigError

    with pytest.raises(ConfigError, match=says.replace(".", r"\.")):
        make_config(tmp_path, **{section: values})


def test_srfax_password_from_the_environment_never_echoed(tmp_path) -> None:
    from ingest.config import ConfigError, config_from_mapping

    config = config_from_mapping({"srfax": {"access_id": "1"}},
                                 env={"FAXVAULT_SRFAX_PASSWORD": "from-env"})
    assert config.srfax.enabled and config.srfax.access_pwd.get_secret_value() == "from-env"
    with pytest.raises(ConfigError) as err:
        config_from_mapping({"srfax": {"access_pwd": ["not-a-string-secret"]}}, env={})
    assert "not-a-string-secret" not in str(err.value)


async def test_a_fax_that_cannot_be_fetched_holds_the_cursor_but_not_the_others(
        aiohttp_server, aiohttp_client, tmp_path, ocr_pool, srfax_docs) -> None:
    fake = FakeSrfax(ACCOUNT, PASSWORD)
    old_day = NOW - 3 * 86400
    fake.add_fax("50000001", srfax_docs["wombat"], epoch=old_day)
    del fake.files["50000001"]  # listed, but Retrieve_Fax answers Failed
    fake.add_fax("50000002", srfax_docs["quokka"], epoch=NOW)
    server = await aiohttp_server(srfax_app(fake))
    client, services, door = await start_service(
        aiohttp_client, door_config(tmp_path, str(server.make_url(PATH))), ocr_pool)
    await until(lambda: services.catalog.find_fax("srfax", "50000002"), "the newer fax taken")
    await until(lambda: door.polls >= 2, "two polls")
    state = services.catalog.door_state(DOOR)
    assert state.cursor == dt.datetime.fromtimestamp(old_day, dt.UTC).date().isoformat()
    assert "fax 50000001" in state.last_error and "Fax not found" in state.last_error
    assert services.catalog.find_fax("srfax", "50000001") is None

    fake.files["50000001"] = srfax_docs["wombat"]  # the provider serves it again
    await until(lambda: services.catalog.find_fax("srfax", "50000001"), "the older fax taken")
    await until(lambda: services.catalog.door_state(DOOR).cursor
                == dt.datetime.fromtimestamp(NOW, dt.UTC).date().isoformat(),
                "the cursor past both")
    newer = [c for c in fake.calls if c["action"] == "Retrieve_Fax"
             and c["sFaxFileName"].endswith("|50000002")]
    assert len(newer) == 1  # fetched once, however often the older one was retried
    await client.close()
