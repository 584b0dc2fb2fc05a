"""The web inbox and JSON API over HTTP: the real app on a real (copied) catalog and archive
made by the real pipeline (the ``archive`` fixture of tests/webworld.py). Authorization of
every route, CSRF on every state change, the sign-in rate limit, sessions, headers, audit of
every read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from PIL import Image, ImageStat

from ingest.app import init_app
from ingest.web.auth import Authenticator, digest
from ingest.web.keys import SERVICES
from storage import people
from tests.cliutil import run_cli
from tests.conftest import write_config
from tests.webworld import (
    PASSWORD,
    ROUTING_TOML,
    Archive,
    add_user,
    copy_config,
    sign_in,
)


@pytest.fixture
async def client(aiohttp_client, tmp_path: Path, archive: Archive) -> TestClient:
    app = init_app(copy_config(archive, tmp_path), start_workers=False)
    return await aiohttp_client(app)


def catalog_of(client: TestClient):
    return client.server.app[SERVICES].catalog


def audit_actions(client: TestClient, actor: str) -> list[tuple[str, str | None]]:
    """(action, fax) of the actor's audit entries in order, read on either backend."""
    return [(e["action"], e["fax_id"]) for e in catalog_of(client).audit_entries()
            if e["actor"] == actor]


def api_token(client: TestClient, name: str) -> dict[str, str]:
    from ingest.web.auth import new_api_token

    return {"Authorization": f"Bearer {new_api_token(catalog_of(client), name)}"}


# -- routing -------------------------------------------------------------------------------
def test_the_pipeline_routes_each_fax_by_called_number(archive: Archive,
                                                       tmp_path: Path) -> None:
    config = copy_config(archive, tmp_path)
    from storage.catalog import open_catalog

    catalog = open_catalog(config.catalog_path)
    try:
        assert catalog.people.fax_mailbox(archive.cardiology_fax) == "cardiology"
        assert catalog.people.fax_mailbox(archive.front_fax) == "front"
    finally:
        catalog.close()


def test_route_applies_changed_rules_again_and_audits_each_move(archive: Archive,
                                                                tmp_path: Path) -> None:
    copy_config(archive, tmp_path)
    config = write_config(tmp_path / "new.toml", tmp_path / "var", extra='''
[inbox]
default_mailbox = "front"

[[routing]]
mailbox = "billing"
words = ["walrus"]
provider = ["local"]
''')
    moved = run_cli(config, "route", "--since", "2000-01-01", "--json").json()
    assert {(m["fax_id"], m["after"]) for m in moved} >= {(archive.front_fax, "billing")}
    assert all(m["fax_id"] != archive.cardiology_fax or m["after"] == "front" for m in moved)
    again = run_cli(config, "route", "--json").json()
    assert again == []  # nothing left to move
    log = run_cli(config, "audit", "verify", "--json").json()
    assert log["ok"]


# -- users ---------------------------------------------------------------------------------
def test_user_commands_hash_passwords_and_list_without_them(archive: Archive,
                                                            tmp_path: Path) -> None:
    copy_config(archive, tmp_path)
    config = write_config(tmp_path / "c.toml", tmp_path / "var", extra=ROUTING_TOML)
    out = add_user(config, "user", "add", "nina", "--role", "viewer", "--mailbox", "front",
                   "--password-stdin")
    assert "http://127.0.0.1:8025/ui/" in out
    listed = {u["name"]: u for u in run_cli(config, "user", "list", "--json").json()}
    assert listed["nina"] == {**listed["nina"], "role": "viewer", "mailboxes": ["front"],
                              "disabled": False}
    assert PASSWORD not in json.dumps(listed)
    stored = (tmp_path / "var" / "faxvault.sqlite3").read_bytes()
    assert PASSWORD.encode() not in stored and b"$argon2id$" in stored
    run_cli(config, "user", "add", "nina", "--role", "viewer", expect=1)  # exists
    run_cli(config, "user", "disable", "nina")
    assert {u["name"]: u["disabled"] for u in run_cli(config, "user", "list",
                                                      "--json").json()}["nina"] is True


def test_a_short_password_is_refused_before_anything_is_stored(archive: Archive,
                                                               tmp_path: Path) -> None:
    copy_config(archive, tmp_path)
    config = write_config(tmp_path / "c.toml", tmp_path / "var", extra=ROUTING_TOML)
    with pytest.raises(AssertionError, match="at least 10 characters"):
        add_user(config, "user", "add", "shorty", "--role", "viewer", "--password-stdin",
                 password="short")
    names = [u["name"] for u in run_cli(config, "user", "list", "--json").json()]
    assert "shorty" not in names


# -- signing in ----------------------------------------------------------------------------
async def test_sign_in_opens_a_session_stored_only_as_its_hash(client: TestClient) -> None:
    await sign_in(client, "val")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["fv_session"]
    stored = [r[0] for r in catalog_of(client).conn.execute("SELECT id_sha256 FROM sessions")]
    assert stored == [digest(cookie.value)]
    assert len(cookie.value) >= 43  # 256 bits, base64url
    assert ("signin.ok", None) in audit_actions(client, "web:val")


async def test_session_cookie_is_httponly_and_samesite_strict(client: TestClient) -> None:
    form = await client.get("/ui/signin")
    from tests.webworld import csrf_in

    response = await client.post("/ui/signin", allow_redirects=False, data={
        "csrf": csrf_in(await form.text()), "name": "val", "password": PASSWORD})
    assert response.status == 303
    header = next(v for v in response.headers.getall("Set-Cookie")
                  if v.startswith("fv_session="))
    assert "HttpOnly" in header and "SameSite=Strict" in header
    assert "Secure" not in header  # public_url is not https here


async def test_wrong_password_fails_is_audited_and_the_limit_stops_guessing(
        client: TestClient) -> None:
    for _ in range(5):
        await sign_in(client, "val", "not the password", expect=401)
    assert audit_actions(client, "web:val").count(("signin.failed", None)) == 5
    await sign_in(client, "val", PASSWORD, expect=429)  # even the right one, for a while
    assert ("signin.rate_limited", None) in audit_actions(client, "web:val")
    assert catalog_of(client).conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


async def test_an_unknown_user_fails_like_a_wrong_password(client: TestClient) -> None:
    await sign_in(client, "nobody", PASSWORD, expect=401)
    assert ("signin.failed", None) in audit_actions(client, "web:nobody")


async def test_sign_in_without_the_form_token_is_refused(client: TestClient) -> None:
    response = await client.post("/ui/signin", data={"name": "val", "password": PASSWORD})
    assert response.status == 403


async def test_sessions_end_when_idle_and_when_too_old(client: TestClient) -> None:
    await sign_in(client, "val")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["fv_session"]
    catalog = catalog_of(client)
    auth: Authenticator = Authenticator(client.server.app[SERVICES].config)
    created = catalog.conn.execute("SELECT created_at FROM sessions").fetchone()[0]
    assert auth.session(catalog, cookie.value, now=created + 60) is not None
    assert auth.session(catalog, cookie.value, now=created + 60 + 31 * 60) is None  # idle
    assert catalog.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    await sign_in(client, "val")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["fv_session"]
    start = catalog.conn.execute("SELECT created_at FROM sessions").fetchone()[0]
    for minutes in range(20, 12 * 60, 20):  # kept busy, still ends at 12 hours
        assert auth.session(catalog, cookie.value, now=start + minutes * 60) is not None
    assert auth.session(catalog, cookie.value, now=start + 12 * 3600 + 1) is None


async def test_sign_out_ends_the_session_on_the_server(client: TestClient) -> None:
    csrf = await sign_in(client, "val")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["fv_session"]
    response = await client.post("/ui/signout", data={"csrf": csrf}, allow_redirects=False)
    assert response.status == 303
    client.session.cookie_jar.update_cookies({"fv_session": cookie.value})
    again = await client.get("/ui/inbox", allow_redirects=False)
    assert again.status == 303 and again.headers["Location"] == "/ui/signin"


# -- authorization of every route ----------------------------------------------------------
def ui_routes(archive: Archive) -> list[tuple[str, str]]:
    fax = archive.cardiology_fax
    return [("GET", "/ui/inbox"), ("POST", "/ui/inbox"), ("GET", f"/ui/fax/{fax}"),
            ("GET", f"/ui/fax/{fax}/pages/1.png"), ("GET", f"/ui/fax/{fax}/files/pdf"),
            ("POST", f"/ui/fax/{fax}/spam"), ("POST", f"/ui/fax/{fax}/assign"),
            ("POST", f"/ui/fax/{fax}/done"), ("POST", f"/ui/fax/{fax}/unread"),
            ("POST", f"/ui/fax/{fax}/retry"), ("POST", f"/ui/fax/{fax}/hold"),
            ("GET", "/ui/admin/users"), ("POST", "/ui/admin/users"),
            ("POST", "/ui/admin/users/disable"), ("POST", "/ui/admin/users/edit"),
            ("POST", "/ui/admin/users/enable"), ("GET", "/ui/export"),
            ("POST", "/ui/export"), ("POST", "/ui/signout")]


def api_routes(archive: Archive, fax: str | None = None) -> list[tuple[str, str]]:
    fax = fax or archive.cardiology_fax
    return [("POST", "/api/v1/search"), ("GET", f"/api/v1/faxes/{fax}"),
            ("GET", f"/api/v1/faxes/{fax}/pages/1.png"),
            ("GET", f"/api/v1/faxes/{fax}/files/pdf")]


async def test_every_route_needs_a_session_or_a_token(client: TestClient,
                                                      archive: Archive) -> None:
    for method, path in ui_routes(archive):
        response = await client.request(method, path, allow_redirects=False)
        expected = 303 if method == "GET" else 403
        assert response.status == expected, (method, path, response.status)
        if method == "GET":
            assert response.headers["Location"] == "/ui/signin"
    for method, path in api_routes(archive):
        for headers in ({}, {"Authorization": "Bearer fvt_wrong"}, {"Authorization": "x"}):
            response = await client.request(method, path, headers=headers)
            assert response.status == 401, (method, path)


async def test_every_registered_inbox_and_api_route_refuses_an_anonymous_request(
        client: TestClient, archive: Archive) -> None:
    """Walks the app's own routes, not a list kept by hand: a route added to the inbox or
    the API without its guard fails here."""
    fax = archive.cardiology_fax
    values = {"fax_id": fax, "page_no": "1", "fmt": "pdf"}
    checked = 0
    for route in client.server.app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        pattern = info.get("formatter") or info.get("path")
        if not pattern or not pattern.startswith(("/ui/", "/api/")) \
                or pattern.startswith(("/ui/signin", "/ui/static/")) or route.method == "HEAD":
            continue
        path = pattern.format(**values)
        response = await client.request(route.method, path, allow_redirects=False)
        expected = 401 if path.startswith("/api/") else 303 if route.method == "GET" else 403
        assert response.status == expected, (route.method, path, response.status)
        checked += 1
    assert checked == len(ui_routes(archive)) + len(api_routes(archive)) + 1  # + GET /ui/


async def test_every_state_change_needs_the_sessions_csrf_token(client: TestClient,
                                                                archive: Archive) -> None:
    csrf = await sign_in(client, "otto")
    fax = archive.cardiology_fax
    for method, path in ui_routes(archive):
        if method != "POST":
            continue
        for data in ({"verdict": "spam", "owner": "me", "done": "1", "on": "1"},
                     {"csrf": "forged", "verdict": "spam", "owner": "me", "done": "1",
                      "on": "1"}):
            response = await client.post(path, data=data, allow_redirects=False)
            assert response.status == 403, (path, data)
    assert catalog_of(client).people.handling(fax) == people.Handling()
    assert catalog_of(client).get_fax(fax)["spam_verdict"] != "spam"
    response = await client.post(f"/ui/fax/{fax}/done", data={"csrf": csrf, "done": "1"},
                                 allow_redirects=False)
    assert response.status == 303


async def test_a_viewer_of_one_mailbox_cannot_reach_a_fax_of_another(
        client: TestClient, archive: Archive) -> None:
    csrf = await sign_in(client, "val")
    theirs, mine = archive.front_fax, archive.cardiology_fax
    for path in (f"/ui/fax/{theirs}", f"/ui/fax/{theirs}/pages/1.png",
                 f"/ui/fax/{theirs}/files/pdf", f"/ui/fax/{theirs}/files/original",
                 f"/ui/fax/{theirs[:8]}"):
        assert (await client.get(path)).status == 404, path
    for path in (f"/ui/fax/{theirs}/spam", f"/ui/fax/{theirs}/unread"):
        response = await client.post(path, data={"csrf": csrf, "verdict": "spam"})
        assert response.status == 404, path
    # Search: the word is only on the other mailbox's fax.
    page = await client.post("/ui/inbox", data={"csrf": csrf, "q": "walrus"})
    html = await page.text()
    assert page.status == 200 and theirs not in html and "0 pages matching" in html
    page = await client.post("/ui/inbox", data={"csrf": csrf, "q": "zeppelin"})
    assert mine in await page.text()
    both = await (await client.post("/ui/inbox", data={"csrf": csrf, "q": "the"}
                                    )).text()
    assert theirs not in both and mine in both  # "the" is on both faxes
    inbox = await (await client.get("/ui/inbox")).text()
    assert mine in inbox and theirs not in inbox
    assert (await client.get("/ui/inbox?mailbox=front")).status == 404
    # The API, with the same person's token.
    headers = api_token(client, "val")
    for method, path in api_routes(archive, theirs)[1:]:
        assert (await client.request(method, path, headers=headers)).status == 404, path
    hits = await client.post("/api/v1/search", json={"query": "walrus"}, headers=headers)
    assert (await hits.json())["hits"] == []
    found = await client.post("/api/v1/search", json={"query": "zeppelin"}, headers=headers)
    assert {h["fax_id"] for h in (await found.json())["hits"]} == {mine}


async def test_a_viewer_reads_but_cannot_act(client: TestClient, archive: Archive) -> None:
    csrf = await sign_in(client, "val")
    fax = archive.cardiology_fax
    assert (await client.get(f"/ui/fax/{fax}")).status == 200
    for path, data in ((f"/ui/fax/{fax}/spam", {"verdict": "spam"}),
                       (f"/ui/fax/{fax}/assign", {"owner": "me"}),
                       (f"/ui/fax/{fax}/done", {"done": "1"})):
        response = await client.post(path, data={"csrf": csrf, **data})
        assert response.status == 403, path
    assert catalog_of(client).people.handling(fax) == people.Handling()


async def test_an_operator_marks_spam_assigns_and_finishes_with_who_and_when(
        client: TestClient, archive: Archive) -> None:
    csrf = await sign_in(client, "otto")
    fax = archive.cardiology_fax
    for path, data in ((f"/ui/fax/{fax}/spam", {"verdict": "spam"}),
                       (f"/ui/fax/{fax}/assign", {"owner": "me"}),
                       (f"/ui/fax/{fax}/done", {"done": "1"})):
        response = await client.post(path, data={"csrf": csrf, **data}, allow_redirects=False)
        assert response.status == 303, path
    catalog = catalog_of(client)
    assert catalog.get_fax(fax)["spam_verdict"] == "spam"
    handled = catalog.people.handling(fax)
    assert handled.owner == "otto" and handled.done_by == "otto" and handled.done_at
    actions = [a for a, _ in audit_actions(client, "web:otto")]
    assert {"spam.verdict", "fax.assigned", "fax.done"} <= set(actions)
    inbox = await (await client.get("/ui/inbox")).text()
    assert fax not in inbox  # spam is hidden ...
    shown = await client.post("/ui/inbox", data={"csrf": csrf, "spam": "1", "owner": "otto"})
    assert fax in await shown.text()  # ... behind the toggle
    # Assigning to someone who cannot see the mailbox is refused.
    response = await client.post(f"/ui/fax/{fax}/assign", data={"csrf": csrf, "owner": "nope"})
    assert response.status == 400


async def test_bad_filter_values_get_a_400_with_the_reason(client: TestClient) -> None:
    csrf = await sign_in(client, "ada")
    response = await client.post("/ui/inbox", data={"csrf": csrf, "since": "yesterday"})
    assert response.status == 400 and "YYYY-MM-DD" in await response.text()
    response = await client.post("/ui/inbox", data={"csrf": csrf, "status": "bogus"})
    assert response.status == 400


async def test_search_words_and_filters_in_a_url_are_ignored(client: TestClient,
                                                             archive: Archive) -> None:
    await sign_in(client, "ada")
    page = await client.get("/ui/inbox?q=zeppelin&sender=%2B15551234567&status=bogus")
    html = await page.text()
    assert page.status == 200 and "pages matching" not in html
    assert archive.front_fax in html  # no filter applied
    actions = [a for a, _ in audit_actions(client, "web:ada")]
    assert "search" not in actions


# -- reads: views, images, downloads, all audited ------------------------------------------
async def test_every_view_and_download_is_audited_with_the_person(client: TestClient,
                                                                  archive: Archive) -> None:
    csrf = await sign_in(client, "cora")
    fax = archive.front_fax
    await client.post("/ui/inbox", data={"csrf": csrf, "q": "walrus"})
    view = await client.get(f"/ui/fax/{fax}")
    html = await view.text()
    assert view.status == 200 and "<mark>walrus</mark>" in html  # the search, highlighted
    assert (await client.get(f"/ui/fax/{fax}/pages/1.png")).status == 200
    pdf = await client.get(f"/ui/fax/{fax}/files/pdf")
    assert pdf.status == 200 and (await pdf.read()).startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]
    tiff = await client.get(f"/ui/fax/{fax}/files/tiff")
    assert (await tiff.read())[:4] in (b"II*\x00", b"MM\x00*")
    actions = audit_actions(client, "web:cora")
    for expected in (("search", None), ("fax.search_hit", fax), ("fax.viewed", fax),
                     ("fax.page_viewed", fax), ("fax.retrieved", fax)):
        assert expected in actions, expected
    headers = api_token(client, "cora")
    doc = await (await client.get(f"/api/v1/faxes/{fax}", headers=headers)).json()
    assert "walrus" in doc["pages_detail"][0]["text"]
    assert ("fax.viewed", fax) in audit_actions(client, "api:cora")


async def test_page_images_have_the_pages_real_proportions_and_are_not_blank(
        client: TestClient, archive: Archive) -> None:
    await sign_in(client, "val")
    fax = archive.cardiology_fax
    page = catalog_of(client).pages(fax)[0]
    assert (page["xdpi"], page["ydpi"]) == (204, 98)
    response = await client.get(f"/ui/fax/{fax}/pages/1.png")
    assert response.content_type == "image/png"
    image = Image.open(io.BytesIO(await response.read()))
    expected = (page["height_px"] / page["ydpi"]) / (page["width_px"] / page["xdpi"])
    assert image.height / image.width == pytest.approx(expected, rel=0.01)
    assert image.height / image.width > 1.2  # not the squashed pixel grid (~0.64)
    assert 800 <= image.width <= 1100  # screen resolution, not fax resolution
    assert ImageStat.Stat(image.convert("L")).extrema[0][0] < 64  # ink on the page
    cached = client.server.app[SERVICES].config.data_dir / "ui-cache" / fax / "page-0001.png"
    assert cached.stat().st_mode & 0o077 == 0


async def test_phi_responses_are_not_cached_and_pages_are_locked_down(
        client: TestClient, archive: Archive) -> None:
    await sign_in(client, "val")
    fax = archive.cardiology_fax
    for path in ("/ui/inbox", f"/ui/fax/{fax}", f"/ui/fax/{fax}/pages/1.png",
                 f"/ui/fax/{fax}/files/pdf", "/ui/signin"):
        response = await client.get(path)
        assert response.headers["Cache-Control"] == "no-store", path
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    html = await (await client.get(f"/ui/fax/{fax}")).text()
    assert "<script" not in html and "style=" not in html


async def test_refusals_errors_and_acknowledgements_carry_the_hygiene_headers(
        client: TestClient, archive: Archive) -> None:
    """Set as each response is prepared, whatever made it: a guard's refusal, a 404, the
    webhook route."""
    for method, path in (("GET", "/ui/inbox"), ("POST", "/api/v1/search"),
                         ("GET", "/no/such/page"), ("POST", "/webhooks/faxplus/wrong")):
        response = await client.request(method, path, allow_redirects=False)
        assert response.status in (303, 401, 404), (path, response.status)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
    refused = await client.get("/api/v1/faxes/x")
    assert refused.headers["Cache-Control"] == "no-store"


async def test_fax_data_is_escaped_in_pages(client: TestClient, archive: Archive) -> None:
    catalog = catalog_of(client)
    with catalog.transaction():
        catalog.update_fax(archive.cardiology_fax, from_raw="<script>alert(1)</script>")
    await sign_in(client, "val")
    html = await (await client.get(f"/ui/fax/{archive.cardiology_fax}")).text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def failed_job(client: TestClient, fax_id: str) -> int:
    from storage import queue

    catalog = catalog_of(client)  # either backend: through its queue's interface
    with catalog.transaction():
        catalog.jobs.enqueue("archive", fax_id=fax_id, max_attempts=1)
    job = catalog.jobs.lease(60, fax_ids=[fax_id])
    assert job is not None
    with catalog.transaction():
        catalog.jobs.fail(job, "store down", backoff=queue.Backoff(), permanent=True)
    return job.id


async def test_an_operator_retries_a_faxs_failed_steps_a_viewer_cannot(
        client: TestClient, archive: Archive) -> None:
    fax = archive.cardiology_fax
    job_id = failed_job(client, fax)
    csrf = await sign_in(client, "val")
    assert (await client.post(f"/ui/fax/{fax}/retry", data={"csrf": csrf})).status == 403
    client.session.cookie_jar.clear()
    csrf = await sign_in(client, "otto")
    assert 'id="retry"' in await (await client.get(f"/ui/fax/{fax}")).text()
    response = await client.post(f"/ui/fax/{fax}/retry", data={"csrf": csrf},
                                 allow_redirects=False)
    assert response.status == 303
    catalog = catalog_of(client)
    assert job_id not in [j.id for j in catalog.jobs.failed_jobs()]
    assert catalog.jobs.lease(60, fax_ids=[fax]).id == job_id  # queued again
    assert ("jobs.retried", fax) in audit_actions(client, "web:otto")
    again = await client.post(f"/ui/fax/{fax}/retry", data={"csrf": csrf})
    assert again.status == 400  # nothing failed any more


async def test_compliance_places_and_releases_a_legal_hold_an_operator_cannot(
        client: TestClient, archive: Archive) -> None:
    fax = archive.cardiology_fax
    csrf = await sign_in(client, "otto")
    assert (await client.post(f"/ui/fax/{fax}/hold", data={"csrf": csrf, "on": "1"})
            ).status == 403
    client.session.cookie_jar.clear()
    csrf = await sign_in(client, "cora")
    response = await client.post(f"/ui/fax/{fax}/hold",
                                 data={"csrf": csrf, "on": "1", "reason": "case 12"})
    assert response.status == 200 and "Release legal hold" in await response.text()
    holds = {o["legal_hold"] for o in catalog_of(client).archive_objects(fax)}
    assert holds == {1}
    await client.post(f"/ui/fax/{fax}/hold", data={"csrf": csrf, "on": "0"})
    assert {o["legal_hold"] for o in catalog_of(client).archive_objects(fax)} == {0}
    actions = audit_actions(client, "web:cora")
    assert ("hold.set", fax) in actions and ("hold.released", fax) in actions


async def test_the_inbox_pages_newest_first_with_read_marks_per_person(
        client: TestClient, archive: Archive) -> None:
    catalog = catalog_of(client)
    with catalog.transaction():
        for n in range(120):
            fax_id = f"01PAGING{n:018d}"
            catalog.ensure_fax(fax_id, {"provider": "local", "provider_fax_id": fax_id,
                                        "state": "archived",
                                        "received_at": f"2020-01-01T00:{n // 60:02d}:"
                                                       f"{n % 60:02d}Z"})
            catalog.people.set_mailbox(fax_id, "cardiology")
    csrf = await sign_in(client, "val")
    first = await (await client.get("/ui/inbox")).text()
    assert first.count('<tr class="') == 50 and "121 faxes · page 1 of 3" in first
    assert first.index(archive.cardiology_fax) < first.index("01PAGING000000000000000119")
    last = await (await client.get("/ui/inbox?page=3")).text()
    assert last.count('<tr class="') == 21 and "01PAGING000000000000000000" in last
    assert 'class="unread"' in last and 'class="read"' not in last
    await client.get("/ui/fax/01PAGING000000000000000000")
    again = await (await client.get("/ui/inbox?page=3")).text()
    assert again.count('<tr class="read"') == 1
    client.session.cookie_jar.clear()
    await sign_in(client, "otto")  # read marks are per person
    assert '<tr class="read"' not in await (await client.get("/ui/inbox?page=3")).text()
    client.session.cookie_jar.clear()
    csrf = await sign_in(client, "val")
    await client.post("/ui/fax/01PAGING000000000000000000/unread", data={"csrf": csrf})
    assert '<tr class="read"' not in await (await client.get("/ui/inbox?page=3")).text()


async def test_behind_https_the_session_cookie_is_secure(aiohttp_client, tmp_path: Path,
                                                         archive: Archive) -> None:
    config = copy_config(archive, tmp_path, public_url="https://fax.example.org")
    client = await aiohttp_client(init_app(config, start_workers=False))
    form = await client.get("/ui/signin")
    from tests.webworld import csrf_in

    assert "Secure" in form.headers["Set-Cookie"]  # the sign-in form's cookie too
    token = csrf_in(await form.text())
    # Over the test's plain http the client keeps Secure cookies to itself: sent by hand.
    response = await client.post("/ui/signin", allow_redirects=False, data={
        "csrf": token, "name": "val", "password": PASSWORD},
        headers={"Cookie": f"fv_signin={token}"})
    assert response.status == 303
    cookies = response.headers.getall("Set-Cookie")
    session = next(v for v in cookies if v.startswith("fv_session="))
    assert "Secure" in session and "HttpOnly" in session and "SameSite=Strict" in session


async def test_one_address_guessing_many_names_is_stopped(aiohttp_client, tmp_path: Path,
                                                          archive: Archive) -> None:
    config = copy_config(archive, tmp_path, signin_max_failures_per_client=3)
    client = await aiohttp_client(init_app(config, start_workers=False))
    for name in ("val", "otto", "cora"):
        await sign_in(client, name, "wrong password!", expect=401)
    await sign_in(client, "ada", PASSWORD, expect=429)  # a fourth name, right password
    assert ("signin.rate_limited", None) in audit_actions(client, "web:ada")


async def test_ended_sessions_and_old_attempts_are_cleared_at_sign_in(
        client: TestClient) -> None:
    catalog = catalog_of(client)
    auth = Authenticator(client.server.app[SERVICES].config)
    start = 1_800_000_000.0
    first = auth.finish_sign_in(catalog, "val", "10.0.0.1", True, start)
    auth.finish_sign_in(catalog, "val", "10.0.0.1", False, start)
    assert first.ok
    later = start + 13 * 3600
    auth.finish_sign_in(catalog, "otto", "10.0.0.2", True, later)
    sessions = [r[0] for r in catalog.conn.execute("SELECT id_sha256 FROM sessions")]
    assert digest(first.session_id or "") not in sessions and len(sessions) == 1
    attempts = catalog.conn.execute("SELECT min(at) FROM signin_attempts").fetchone()[0]
    assert attempts == later


async def test_only_an_admin_manages_people_and_each_change_is_audited(
        client: TestClient) -> None:
    for name in ("val", "otto", "cora"):
        client.session.cookie_jar.clear()
        csrf = await sign_in(client, name)
        assert (await client.get("/ui/admin/users")).status == 403
        response = await client.post("/ui/admin/users", data={
            "csrf": csrf, "name": "mallory", "role": "admin", "password": PASSWORD})
        assert response.status == 403
        response = await client.post("/ui/admin/users/disable",
                                     data={"csrf": csrf, "name": "ada"})
        assert response.status == 403
    assert catalog_of(client).people.find_user("mallory") is None
    client.session.cookie_jar.clear()
    csrf = await sign_in(client, "ada")
    assert "cora" in await (await client.get("/ui/admin/users")).text()
    short = await client.post("/ui/admin/users", data={
        "csrf": csrf, "name": "nina", "role": "viewer", "password": "short"})
    assert short.status == 400 and "at least 10" in await short.text()
    added = await client.post("/ui/admin/users", data={
        "csrf": csrf, "name": "nina", "role": "viewer", "mailboxes": "front, cardiology",
        "password": PASSWORD})
    assert added.status == 200
    assert catalog_of(client).people.get_user("nina").mailboxes == ("cardiology", "front")
    disabled = await client.post("/ui/admin/users/disable", data={"csrf": csrf, "name": "val"})
    assert disabled.status == 200 and catalog_of(client).people.get_user("val").disabled
    actions = [a for a, _ in audit_actions(client, "web:ada")]
    assert "user.added" in actions and "user.disabled" in actions
    client.session.cookie_jar.clear()
    await sign_in(client, "val", expect=401)
    await sign_in(client, "nina")


async def test_deleting_a_fax_also_deletes_its_cached_page_images(
        client: TestClient, archive: Archive, tmp_path: Path) -> None:
    await sign_in(client, "cora")
    fax = archive.front_fax
    assert (await client.get(f"/ui/fax/{fax}/pages/1.png")).status == 200
    data_dir = client.server.app[SERVICES].config.data_dir
    assert (data_dir / "ui-cache" / fax / "page-0001.png").is_file()
    config = write_config(tmp_path / "c.toml", data_dir, extra=ROUTING_TOML)
    run_cli(config, "delete", fax, "--reason", "patient request")
    assert not (data_dir / "ui-cache" / fax).exists()
    assert (await client.get(f"/ui/fax/{fax}/pages/1.png")).status == 404


# -- export --------------------------------------------------------------------------------
def add_person(client: TestClient, name: str, role: str, mailboxes: list[str]) -> None:
    from ingest.web.auth import hash_password

    catalog_of(client).people.add_user(name, role, hash_password(PASSWORD), mailboxes)


async def download_export(client: TestClient, csrf: str, tmp_path: Path, **fields: str):
    response = await client.post("/ui/export", data={"csrf": csrf, **fields})
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert response.headers["Content-Security-Policy"]
    bundle = tmp_path / f"{len(list(tmp_path.iterdir()))}.zip"
    bundle.write_bytes(await response.read())
    return bundle


def bundle_manifest(bundle: Path) -> dict:
    import zipfile

    with zipfile.ZipFile(bundle) as zipped:
        return json.loads(zipped.read("manifest.json"))


async def test_compliance_exports_a_signed_bundle_of_only_their_mailboxes(
        client: TestClient, archive: Archive, tmp_path: Path) -> None:
    from storage import audit, signing
    from storage.export import verify_bundle_report

    add_person(client, "cleo", "compliance", ["cardiology"])
    csrf = await sign_in(client, "cleo")
    assert "Download bundle" in await (await client.get("/ui/export")).text()
    out = tmp_path / "bundles"
    out.mkdir()
    bundle = await download_export(client, csrf, out)
    manifest = bundle_manifest(bundle)
    assert [f["id"] for f in manifest["faxes"]] == [archive.cardiology_fax]
    assert manifest["created_by"] == "web:cleo"
    assert manifest["filters"]["mailboxes"] == ["cardiology"]
    config = client.server.app[SERVICES].config
    key = signing.load_or_create(config.signing_key_path)  # the CLI's key signs it too
    report = verify_bundle_report(bundle, public_key=key.public_key())
    assert report.ok, report.problems
    # the head the bundle ends at is anchored before the manifest cites it
    head_seq = manifest["audit"]["head_seq"]
    assert manifest["audit"]["anchors"] and audit.last_anchored_seq(
        catalog_of(client), "archive") >= head_seq
    assert audit_actions(client, "web:cleo")[-2:] == [
        ("export", None), ("fax.exported", archive.cardiology_fax)]
    entry = catalog_of(client).conn.execute(
        "SELECT details FROM audit_log WHERE actor = 'web:cleo' AND action = 'export'"
    ).fetchone()
    details = json.loads(entry["details"])
    assert details["faxes"] == [archive.cardiology_fax] and details["via"] == "web"
    assert details["bundle"].startswith("faxvault-export-")  # the download, not a scratch path
    # the filters narrow it further: nothing of cardiology holds "walrus"
    empty = bundle_manifest(await download_export(client, csrf, out, q="walrus"))
    assert empty["faxes"] == []
    bad = await client.post("/ui/export", data={"csrf": csrf, "since": "yesterday"})
    assert bad.status == 400 and "since: expected a date" in await bad.text()


async def test_an_admin_exports_every_mailbox(client: TestClient, archive: Archive,
                                              tmp_path: Path) -> None:
    csrf = await sign_in(client, "ada")
    manifest = bundle_manifest(await download_export(client, csrf, tmp_path,
                                                     since="2000-01-01"))
    assert {f["id"] for f in manifest["faxes"]} == {archive.cardiology_fax, archive.front_fax}
    assert "mailboxes" not in manifest["filters"]


async def test_a_viewer_or_operator_cannot_export(client: TestClient) -> None:
    for name in ("val", "otto"):
        client.session.cookie_jar.clear()
        csrf = await sign_in(client, name)
        assert (await client.get("/ui/export")).status == 403
        assert (await client.post("/ui/export", data={"csrf": csrf})).status == 403
        assert "/ui/export" not in await (await client.get("/ui/inbox")).text()
    exports = catalog_of(client).conn.execute(
        "SELECT count(*) FROM audit_log WHERE action IN ('export', 'fax.exported')"
    ).fetchone()[0]
    assert exports == 0


# -- admins edit people --------------------------------------------------------------------
async def test_only_an_admin_changes_roles_and_mailboxes_or_enables_people(
        client: TestClient, archive: Archive) -> None:
    catalog = catalog_of(client)
    catalog.people.disable_user("otto")
    for name in ("val", "cora"):
        client.session.cookie_jar.clear()
        csrf = await sign_in(client, name)
        edit = await client.post("/ui/admin/users/edit", data={
            "csrf": csrf, "name": name, "role": "admin", "mailboxes": "front"})
        assert edit.status == 403
        enable = await client.post("/ui/admin/users/enable", data={"csrf": csrf,
                                                                   "name": "otto"})
        assert enable.status == 403
    assert catalog.people.get_user("val").role == "viewer"
    assert catalog.people.get_user("cora").role == "compliance"
    assert catalog.people.get_user("otto").disabled
    client.session.cookie_jar.clear()
    csrf = await sign_in(client, "ada")
    bad = await client.post("/ui/admin/users/edit", data={
        "csrf": csrf, "name": "val", "role": "boss", "mailboxes": ""})
    assert bad.status == 400 and "role: one of" in await bad.text()
    edited = await client.post("/ui/admin/users/edit", data={
        "csrf": csrf, "name": "val", "role": "operator", "mailboxes": "front"})
    assert edited.status == 200
    val = catalog.people.get_user("val")
    assert (val.role, val.mailboxes) == ("operator", ("front",))
    enabled = await client.post("/ui/admin/users/enable", data={"csrf": csrf, "name": "otto"})
    assert enabled.status == 200 and not catalog.people.get_user("otto").disabled
    entries = catalog.conn.execute(
        "SELECT action, details FROM audit_log WHERE actor = 'web:ada'"
        " AND action IN ('user.changed', 'user.enabled') ORDER BY seq").fetchall()
    assert [(e["action"], json.loads(e["details"])) for e in entries] == [
        ("user.changed", {"name": "val",
                          "before": {"role": "viewer", "mailboxes": ["cardiology"]},
                          "after": {"role": "operator", "mailboxes": ["front"]}}),
        ("user.enabled", {"name": "otto"})]
    # the new grants apply at once: val now reads front's fax, no longer cardiology's
    client.session.cookie_jar.clear()
    await sign_in(client, "val")
    assert (await client.get(f"/ui/fax/{archive.front_fax}")).status == 200
    assert (await client.get(f"/ui/fax/{archive.cardiology_fax}")).status == 404
    client.session.cookie_jar.clear()
    await sign_in(client, "otto")  # enabled again: the same password works


async def test_the_last_admin_cannot_be_demoted_or_disabled(client: TestClient,
                                                            tmp_path: Path) -> None:
    catalog = catalog_of(client)
    csrf = await sign_in(client, "ada")
    demoted = await client.post("/ui/admin/users/edit", data={
        "csrf": csrf, "name": "ada", "role": "viewer", "mailboxes": "front"})
    assert demoted.status == 409 and "last enabled admin" in await demoted.text()
    ada = catalog.people.get_user("ada")
    assert (ada.role, ada.mailboxes) == ("admin", ())
    add_person(client, "bea", "admin", [])
    client.session.cookie_jar.clear()
    csrf = await sign_in(client, "bea")
    disabled = await client.post("/ui/admin/users/disable", data={"csrf": csrf,
                                                                  "name": "ada"})
    assert disabled.status == 200 and catalog.people.get_user("ada").disabled
    demoted = await client.post("/ui/admin/users/edit", data={
        "csrf": csrf, "name": "bea", "role": "compliance", "mailboxes": ""})
    assert demoted.status == 409
    assert catalog.people.get_user("bea").role == "admin"
    assert not any(a == "user.changed" for a, _ in audit_actions(client, "web:bea"))
    # nor through the command line
    data_dir = client.server.app[SERVICES].config.data_dir
    config = write_config(tmp_path / "c.toml", data_dir, extra=ROUTING_TOML)
    result = run_cli(config, "user", "disable", "bea", expect=1)
    assert "last enabled admin" in result.err
    result = run_cli(config, "user", "set", "bea", "--role", "viewer", expect=1)
    assert "last enabled admin" in result.err
    assert not catalog.people.get_user("bea").disabled
    assert catalog.people.get_user("bea").role == "admin"


def test_user_set_and_enable_change_role_mailboxes_and_sign_in_audited(
        archive: Archive, tmp_path: Path) -> None:
    copy_config(archive, tmp_path)
    config = write_config(tmp_path / "c.toml", tmp_path / "var", extra=ROUTING_TOML)
    run_cli(config, "user", "set", "val", "--role", "operator", "--mailbox", "front",
            "--mailbox", "billing")
    run_cli(config, "user", "disable", "otto")
    run_cli(config, "user", "enable", "otto")
    listed = {u["name"]: u for u in run_cli(config, "user", "list", "--json").json()}
    assert (listed["val"]["role"], listed["val"]["mailboxes"]) == ("operator",
                                                                  ["billing", "front"])
    assert listed["otto"]["disabled"] is False
    result = run_cli(config, "user", "set", "nobody", "--role", "viewer", expect=3)
    assert "no user 'nobody'" in result.err
    from storage.catalog import open_catalog

    catalog = open_catalog(tmp_path / "var" / "faxvault.sqlite3")
    try:
        changes = [(r["action"], json.loads(r["details"])) for r in catalog.conn.execute(
            "SELECT action, details FROM audit_log WHERE action IN"
            " ('user.changed', 'user.enabled') ORDER BY seq")]
    finally:
        catalog.close()
    assert changes == [
        ("user.changed", {"name": "val",
                          "before": {"role": "viewer", "mailboxes": ["cardiology"]},
                          "after": {"role": "operator", "mailboxes": ["billing", "front"]}}),
        ("user.enabled", {"name": "otto"})]
