"""Routing rules, as pure functions over a fax: every condition of a rule must hold, any value
of a condition will do, the first rule that matches wins, the default catches the rest."""

from __future__ import annotations

import pytest

from ingest.config import ConfigError, config_from_mapping
from ingest.routing import mailbox_for

RULES = {"inbox": {"default_mailbox": "front"}, "routing": [
    {"mailbox": "cardiology", "to": ["(555) 000-1111", "+1 555 000 1112"]},
    {"mailbox": "labs", "from": ["555-123-4567"], "words": ["results"]},
    {"mailbox": "scans", "provider": ["local"], "folder": ["referrals"]},
    {"mailbox": "faxplus-b", "provider": ["faxplus"], "account": ["acct-b"]},
    {"mailbox": "referrals", "words": ["referral", "consult"]},
]}


def fax(**fields) -> dict:
    return {"provider": "faxplus", "to_number": None, "to_raw": None, "from_number": None,
            "from_raw": None, "metadata": {}, **fields}


@pytest.mark.parametrize(("fields", "first_page", "expected"), [
    (fax(to_number="+15550001111"), "", "cardiology"),  # numbers compared as E.164
    (fax(to_number="+15550001112"), "referral", "cardiology"),  # first match wins
    (fax(from_number="+15551234567"), "Lab RESULTS attached", "labs"),
    (fax(from_number="+15551234567"), "an invoice", "front"),  # every condition must hold
    (fax(provider="local", metadata={"folder": "referrals"}), "", "scans"),
    (fax(provider="faxplus", metadata={"folder": "referrals"}), "", "front"),
    (fax(metadata={"account": "acct-b"}), "", "faxplus-b"),
    (fax(), "Please see the consult note", "referrals"),
    (fax(), "consultation", "front"),  # whole words only
    (fax(), "", "front"),
])
def test_rules_route_in_order_with_a_default(fields: dict, first_page: str,
                                             expected: str) -> None:
    config = config_from_mapping(RULES, env={})
    assert mailbox_for(config, fields, first_page) == expected


def test_a_bad_rule_names_its_key() -> None:
    with pytest.raises(ConfigError, match=r"routing\.0\.mailbox"):
        config_from_mapping({"routing": [{"mailbox": "two words", "words": ["x"]}]}, env={})
    with pytest.raises(ConfigError, match=r"routing\.0\.subject: unknown key"):
        config_from_mapping({"routing": [{"mailbox": "a", "subject": ["x"]}]}, env={})
    with pytest.raises(ConfigError, match="a rule needs a condition"):
        config_from_mapping({"routing": [{"mailbox": "a"}]}, env={})


def test_without_rules_every_fax_goes_to_the_default_inbox() -> None:
    config = config_from_mapping({}, env={})
    assert mailbox_for(config, fax(to_number="+15550001111"), "referral") == "inbox"


def test_a_fax_that_fails_before_ocr_is_still_routed(tmp_path) -> None:
    from storage.catalog import open_catalog
    from tests.cliutil import run_cli
    from tests.conftest import write_config
    from tests.webworld import ROUTING_TOML

    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var", extra=ROUTING_TOML)
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"II*\x00" + b"\xff" * 64)  # a TIFF header and nothing readable
    result = run_cli(config, "ingest", str(broken), "--to", "+1 555 000 1111", "--wait",
                     "--json", expect=1)
    fax_id = result.json()[0]["fax_id"]
    assert result.json()[0]["state"] == "failed"
    catalog = open_catalog(tmp_path / "var" / "faxvault.sqlite3")
    try:
        assert catalog.people.fax_mailbox(fax_id) == "cardiology"  # by its called number
    finally:
        catalog.close()
