"""Routing: the ``[[routing]]`` rules put each fax in a mailbox.

A rule matches when every condition it gives holds (a condition listing several values holds
when any of them does): the called number (DID), the sender, the provider, the provider
account, the hot-folder subfolder, or words on the first page. The first rule that matches
wins; a fax no rule matches goes to ``inbox.default_mailbox``. Runs after spam scoring, in
the same transaction; ``faxvault route --since DATE`` applies changed rules again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingest.config import Config, RoutingRuleConfig
from ingest.numbers import normalized_numbers
from storage import audit
from storage.catalog import Catalog


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words), re.IGNORECASE)


def rule_matches(rule: RoutingRuleConfig, fax: dict[str, Any], first_page: str,
                 region: str) -> bool:
    metadata = fax.get("metadata") or {}
    checks: list[bool] = []
    if rule.to:
        checks.append(bool({fax.get("to_number"), fax.get("to_raw")}
                           & normalized_numbers(tuple(rule.to), region)))
    if rule.from_:
        checks.append(bool({fax.get("from_number"), fax.get("from_raw")}
                           & normalized_numbers(tuple(rule.from_), region)))
    if rule.provider:
        checks.append(fax.get("provider") in rule.provider)
    if rule.account:
        checks.append(str(metadata.get("account", "")) in rule.account)
    if rule.folder:
        checks.append(str(metadata.get("folder", "")) in rule.folder)
    if rule.words:
        checks.append(_word_pattern(rule.words).search(first_page or "") is not None)
    return bool(checks) and all(checks)


def mailbox_for(config: Config, fax: dict[str, Any], first_page: str) -> str:
    region = config.numbers.default_region
    for rule in config.routing:
        if rule_matches(rule, fax, first_page, region):
            return rule.mailbox
    return config.inbox.default_mailbox


def route_fax(catalog: Catalog, config: Config, fax_id: str) -> str:
    """Put one fax in its mailbox (inside the caller's transaction); the mailbox."""
    fax = catalog.get_fax(fax_id)
    pages = catalog.pages(fax["id"])
    mailbox = mailbox_for(config, fax, pages[0]["text"] if pages else "")
    catalog.people.set_mailbox(fax["id"], mailbox)
    return mailbox


def route_if_unrouted(catalog: Catalog, config: Config, fax_id: str) -> None:
    """A fax that failed before OCR still belongs in a mailbox, so the people who handle it
    see it (and can retry it): routed by what is known (rules on words see no text)."""
    if catalog.people.fax_mailbox(fax_id) is None:
        route_fax(catalog, config, fax_id)


@dataclass(frozen=True)
class RouteChange:
    fax_id: str
    before: str | None
    after: str


def reroute(catalog: Catalog, config: Config, since: str | None, actor: str) -> list[RouteChange]:
    """Apply the rules again to faxes received since ``since``; each move is audited."""
    changes = []
    for target in catalog.people.route_targets(since):
        mailbox = mailbox_for(config, target.fields, target.fields.get("first_page") or "")
        if mailbox != target.mailbox:
            changes.append(RouteChange(target.id, target.mailbox, mailbox))
    for change in changes:
        with catalog.transaction():
            catalog.people.set_mailbox(change.fax_id, change.after)
            audit.append(catalog, actor, "fax.routed", change.fax_id,
                         {"before": change.before, "after": change.after})
    return changes
