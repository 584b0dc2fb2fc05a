"""The web inbox's people, the same on SQLite and on PostgreSQL (a real server from
tests/postgres.py): users and mailbox grants, the last admin, sessions and API tokens, the
sign-in rate limit's attempts, read marks, handling, and the inbox view."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.journal import journal_delivery
from storage.backend import Catalog, CatalogLocation, open_catalog
from storage.catalog import NotFound
from storage.people import InboxFilters, LastAdmin, UserDisabled, UserExists
from tests.cliutil import wait_until
from tests.postgres import waiting_on_a_lock
from tests.test_catalog_backends import _delivery, _location

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> CatalogLocation:
    return _location(request, tmp_path)


@pytest.fixture
def catalog(location: CatalogLocation) -> Iterator[Catalog]:
    opened = open_catalog(location)
    try:
        yield opened
    finally:
        opened.close()


def _fax(catalog: Catalog, n: int, mailbox: str, received_at: str) -> str:
    fax_id = journal_delivery(catalog, _delivery(n)).fax_id
    with catalog.transaction():
        catalog.people.set_mailbox(fax_id, mailbox)
        catalog.update_fax(fax_id, received_at=received_at)
    return fax_id


def test_users_with_their_grants_in_code_point_order(catalog: Catalog) -> None:
    people = catalog.people
    made = people.add_user("zoe", "viewer", HASH, ["front", "Cardiology", "front"])
    assert made.mailboxes == ("Cardiology", "front") and not made.disabled
    people.add_user("Ann", "admin", HASH, [])
    people.add_user("bob", "operator", HASH, ["billing"])
    assert [u.name for u in people.list_users()] == ["Ann", "bob", "zoe"]
    with pytest.raises(UserExists):
        people.add_user("zoe", "viewer", HASH, [])
    with pytest.raises(ValueError, match="role must be one of"):
        people.add_user("eve", "root", HASH, [])
    assert people.find_user("eve") is None
    with pytest.raises(NotFound):
        people.get_user("eve")
    assert people.password_hash("zoe") == HASH
    changed = people.set_role_and_mailboxes("zoe", "operator", ["billing"])
    assert (changed.role, changed.mailboxes) == ("operator", ("billing",))
    assert changed.can_see("billing") and not changed.can_see("front")


def test_the_last_enabled_admin_stays(catalog: Catalog) -> None:
    people = catalog.people
    people.add_user("ada", "admin", HASH, [])
    people.add_user("max", "admin", HASH, [])
    people.disable_user("max")
    with pytest.raises(LastAdmin):
        people.disable_user("ada")
    with pytest.raises(LastAdmin):
        people.set_role_and_mailboxes("ada", "viewer", [])
    assert people.get_user("ada").role == "admin" and not people.get_user("ada").disabled
    people.enable_user("max")
    people.disable_user("ada")
    assert people.password_hash("ada") is None  # a disabled user cannot sign in


def test_two_admins_disabling_each_other_at_once_leave_one(location: CatalogLocation) -> None:
    """Two connections (two nodes' worth on PostgreSQL) race to disable the two admins."""
    setup = open_catalog(location)
    setup.people.add_user("ada", "admin", HASH, [])
    setup.people.add_user("max", "admin", HASH, [])
    setup.close()
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def disable(name: str) -> None:
        own = open_catalog(location)
        try:
            barrier.wait()
            own.people.disable_user(name)
            outcomes.append("disabled")
        except LastAdmin:
            outcomes.append("refused")
        finally:
            own.close()

    threads = [threading.Thread(target=disable, args=(n,)) for n in ("ada", "max")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = open_catalog(location)
    try:
        assert sorted(outcomes) == ["disabled", "refused"]
        assert sum(not u.disabled for u in check.people.list_users()) == 1
    finally:
        check.close()


def test_sessions_and_tokens_end_with_the_user(catalog: Catalog) -> None:
    people = catalog.people
    user = people.add_user("val", "viewer", HASH, ["front"])
    people.create_session(user.id, "s" * 64, "csrf-1", 1000.0)
    people.touch_session("s" * 64, 1010.5)
    people.remember_query("s" * 64, "walrus refund")
    found = people.find_session("s" * 64)
    assert found is not None and found.user == user and found.csrf_token == "csrf-1"
    assert (found.created_at, found.last_seen, found.last_query) == (
        1000.0, 1010.5, "walrus refund")
    assert people.find_session("t" * 64) is None
    people.add_api_token("val", "k" * 64)
    assert people.user_for_token("k" * 64) == user
    people.create_session(user.id, "old" + "s" * 61, "csrf-2", 10.0)
    assert people.delete_expired_sessions(idle_before=500.0, created_before=0.0) == 1
    assert people.find_session("s" * 64) is not None
    people.set_password_hash("val", HASH + "2")  # a new password ends every session
    assert people.find_session("s" * 64) is None
    people.create_session(user.id, "n" * 64, "csrf-3", 2000.0)
    people.disable_user("val")
    assert people.find_session("n" * 64) is None and people.user_for_token("k" * 64) is None
    people.enable_user("val")
    assert people.user_for_token("k" * 64) is None  # tokens stay gone
    people.create_session(user.id, "d" * 64, "csrf-4", 3000.0)
    people.delete_session("d" * 64)
    assert people.find_session("d" * 64) is None


def test_no_session_or_token_is_created_for_a_disabled_user(catalog: Catalog) -> None:
    people = catalog.people
    user = people.add_user("val", "viewer", HASH, ["front"])
    people.disable_user("val")
    assert not people.create_session(user.id, "s" * 64, "csrf-1", 1000.0)
    assert people.find_session("s" * 64) is None
    with pytest.raises(UserDisabled, match="'val' is disabled"):
        people.add_api_token("val", "k" * 64)
    people.enable_user("val")
    assert people.user_for_token("k" * 64) is None  # nothing was kept to come back
    assert people.create_session(user.id, "s" * 64, "csrf-1", 1000.0)


def test_a_sign_in_beside_a_disabling_on_another_node_opens_no_session(
        postgres_url: str, tmp_path: Path) -> None:
    """The disabling holds the user's row; the other node's sign-in waits for it and reads
    the user as it committed: no session is left behind for re-enabling to revive."""
    location = CatalogLocation(sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url)
    nodes = [open_catalog(location), open_catalog(location)]
    try:
        user = nodes[0].people.add_user("val", "viewer", HASH, ["front"])
        nodes[0].people.add_user("ada", "admin", HASH, [])
        created: list[bool] = []
        thread = threading.Thread(target=lambda: created.append(
            nodes[1].people.create_session(user.id, "s" * 64, "csrf-1", 1000.0)))
        with nodes[0].transaction():
            nodes[0].people.disable_user("val")  # not committed yet
            thread.start()

            wait_until(lambda: waiting_on_a_lock(postgres_url), 30,
                       "the sign-in waiting for the disabling")
        thread.join(30)
        assert created == [False]
        nodes[0].people.enable_user("val")
        assert nodes[0].people.find_session("s" * 64) is None
    finally:
        for node in nodes:
            node.close()


def test_signin_attempts_count_failures_per_name_and_client(catalog: Catalog) -> None:
    people = catalog.people
    for at, name, client, ok in [(100.0, "val", "10.0.0.1", False),
                                 (200.0, "val", "10.0.0.2", False),
                                 (300.0, "val", "10.0.0.2", True),
                                 (50.0, "otto", "10.0.0.1", False)]:
        people.record_signin_attempt(name, client, ok, at)
    assert people.recent_failures(100.0, username="val") == 2
    assert people.recent_failures(100.0, client="10.0.0.1") == 1
    assert people.recent_failures(0.0, client="10.0.0.1") == 2
    assert people.forget_signin_attempts(before=150.0) == 2
    assert people.recent_failures(0.0, username="val") == 1


def test_inbox_read_marks_handling_and_mailbox_isolation(catalog: Catalog) -> None:
    people = catalog.people
    viewer = people.add_user("val", "viewer", HASH, ["cardiology"])
    admin = people.add_user("ada", "admin", HASH, [])
    cardio = _fax(catalog, 1, "cardiology", "2026-01-02T00:00:00Z")
    front = _fax(catalog, 2, "front", "2026-01-03T00:00:00Z")
    older = _fax(catalog, 3, "cardiology", "2026-01-01T00:00:00Z")
    assert people.fax_mailbox(cardio) == "cardiology"
    assert people.mailboxes_in_use() == ["cardiology", "front"]

    page = people.inbox_page(viewer, InboxFilters(mailboxes=viewer.mailboxes))
    assert [r.id for r in page.rows] == [cardio, older] and page.total == 2
    assert not any(r.read for r in page.rows)
    assert people.inbox_page(viewer, InboxFilters(mailboxes=())).total == 0
    everyone = people.inbox_page(admin, InboxFilters(mailboxes=None), limit=1, offset=1)
    assert [r.id for r in everyone.rows] == [cardio] and everyone.total == 3
    assert [r.id for r in people.inbox_page(
        admin, InboxFilters(mailboxes=None, fax_ids=(front, older))).rows] == [front, older]
    assert people.inbox_page(admin, InboxFilters(mailboxes=None, fax_ids=())).total == 0
    since = people.inbox_page(admin, InboxFilters(mailboxes=None,
                                                  since="2026-01-02T00:00:00Z",
                                                  until="2026-01-03T00:00:00Z"))
    assert [r.id for r in since.rows] == [cardio]

    people.mark_read(viewer.id, cardio)
    people.mark_read(viewer.id, cardio)  # twice is once
    rows = {r.id: r for r in people.inbox_page(viewer, InboxFilters(viewer.mailboxes)).rows}
    assert rows[cardio].read and not rows[older].read
    assert not {r.id: r for r in people.inbox_page(
        admin, InboxFilters(None)).rows}[cardio].read  # read marks are per person
    people.mark_unread(viewer.id, cardio)
    assert not people.inbox_page(viewer, InboxFilters(viewer.mailboxes)).rows[0].read

    with catalog.transaction():
        people.assign(cardio, "otto", "ada")
        people.set_done(cardio, "otto")
    handled = people.handling(cardio)
    assert (handled.owner, handled.assigned_by, handled.done_by) == ("otto", "ada", "otto")
    owned = people.inbox_page(admin, InboxFilters(None, owner="otto"))
    assert [(r.id, r.owner, r.done_by) for r in owned.rows] == [(cardio, "otto", "otto")]
    people.set_done(cardio, None)
    assert people.handling(cardio).done_at is None and people.handling(front).owner is None
    assert people.failed_job_ids(cardio) == []


def test_route_targets_carry_the_fax_row_and_metadata(catalog: Catalog) -> None:
    fax_id = _fax(catalog, 1, "front", "2026-01-02T00:00:00Z")
    [target] = catalog.people.route_targets("2026-01-01")
    assert (target.id, target.mailbox) == (fax_id, "front")
    assert target.fields["metadata"] == {"door": "test"}
    assert target.fields["from_number"] == "+15551230000"
    assert catalog.people.route_targets("2027-01-01") == []
