"""The web inbox and JSON API on PostgreSQL (a real server from tests/postgres.py).

The archive of tests/webworld.py is made on SQLite by the real pipeline, moved to a fresh
PostgreSQL database with ``faxvault catalog copy`` (its people, grants and password hashes
with it), and its SQLite file put out of reach: every request below reads and writes the
server. Besides the tests written here, the HTTP tests of tests/test_web.py imported below run
again against this module's ``client``: CSRF on every state change, mailbox isolation (404
and search), reads audited, viewer and operator rights.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from aiohttp.test_utils import TestClient

from ingest.app import init_app
from ingest.web.auth import digest
from tests.cliutil import run_cli
from tests.conftest import write_config
from tests.test_web import (  # noqa: F401  (collected here: they run on this module's client)
    test_a_viewer_of_one_mailbox_cannot_reach_a_fax_of_another,
    test_a_viewer_reads_but_cannot_act,
    test_an_operator_marks_spam_assigns_and_finishes_with_who_and_when,
    test_an_operator_retries_a_faxs_failed_steps_a_viewer_cannot,
    test_every_state_change_needs_the_sessions_csrf_token,
    test_every_view_and_download_is_audited_with_the_person,
)
from tests.webworld import PEOPLE, ROUTING_TOML, Archive, copy_config, csrf_in, sign_in


@pytest.fixture
async def client(postgres_url: str, aiohttp_client, tmp_path: Path,
                 archive: Archive) -> TestClient:
    # postgres_url first: its database outlives the app, which is stopped before it.
    config = copy_config(archive, tmp_path, catalog_url=postgres_url)
    toml = write_config(tmp_path / "copy.toml", config.paths.data_dir, extra=ROUTING_TOML)
    copied = run_cli(toml, "catalog", "copy", "--to", postgres_url, "--json").json()
    assert copied["rows"]["users"] == len(PEOPLE)
    assert copied["rows"]["user_mailboxes"] == sum(len(b) for _, b in PEOPLE.values())
    for path in config.paths.data_dir.glob("faxvault.sqlite3*"):
        path.rename(tmp_path / path.name)  # out of reach: the app must use the server
    app = init_app(config, start_workers=False)
    return await aiohttp_client(app)


def _server_rows(url: str, query: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


async def test_sign_in_search_and_open_a_fax_on_postgresql(
        client: TestClient, archive: Archive, postgres_url: str, tmp_path: Path) -> None:
    csrf = await sign_in(client, "val")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["fv_session"]
    assert _server_rows(postgres_url, "SELECT id_sha256 FROM sessions") == [
        (digest(cookie.value),)]
    mine, theirs = archive.cardiology_fax, archive.front_fax
    inbox = await (await client.get("/ui/inbox")).text()
    assert mine in inbox and theirs not in inbox

    found = await client.post("/ui/inbox", data={"csrf": csrf, "q": "zeppelin"})
    html = await found.text()
    assert found.status == 200 and mine in html and theirs not in html
    view = await client.get(f"/ui/fax/{mine}")
    assert view.status == 200 and "<mark>zeppelin</mark>" in await view.text()
    pdf = await client.get(f"/ui/fax/{mine}/files/pdf")
    assert pdf.status == 200 and (await pdf.read()).startswith(b"%PDF")
    # Opened: read for val only, marked on the server.
    [(user_name, fax_id)] = _server_rows(
        postgres_url, "SELECT u.name, r.fax_id FROM fax_reads r JOIN users u ON u.id = r.user_id")
    assert (user_name, fax_id) == ("val", mine)
    unread = await client.post(f"/ui/fax/{mine}/unread", data={"csrf": csrf},
                               allow_redirects=False)
    assert unread.status == 303
    assert _server_rows(postgres_url, "SELECT count(*) FROM fax_reads") == [(0,)]

    assert (await client.get(f"/ui/fax/{theirs}")).status == 404
    forged = await client.post(f"/ui/fax/{mine}/unread", data={"csrf": "forged"},
                               allow_redirects=False)
    assert forged.status == 403
    assert not (tmp_path / "var" / "faxvault.sqlite3").exists()


async def test_signing_out_and_a_wrong_password_on_postgresql(
        client: TestClient, postgres_url: str) -> None:
    form = await client.get("/ui/signin")
    wrong = await client.post("/ui/signin", data={"csrf": csrf_in(await form.text()),
                                                  "name": "val", "password": "not it at all"})
    assert wrong.status == 401
    assert _server_rows(postgres_url, "SELECT username, ok FROM signin_attempts") == [
        ("val", 0)]
    csrf = await sign_in(client, "ada")
    users = await client.get("/ui/admin/users")
    assert users.status == 200 and "cora" in await users.text()
    out = await client.post("/ui/signout", data={"csrf": csrf}, allow_redirects=False)
    assert out.status == 303
    assert _server_rows(postgres_url, "SELECT count(*) FROM sessions") == [(0,)]
