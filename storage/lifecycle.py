"""Lifecycle rules: what the config asks for, what the bucket has, and the difference.

Rules are plain S3 rule dicts (``{"ID", "Filter": {"Prefix"}, "Status", "Expiration", ...}``).
Applying replaces the bucket's whole configuration with the configured rules, so applying
twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def s3_rule(rule_id: str, prefix: str, *, expiration_days: int | None = None,
            noncurrent_expiration_days: int | None = None,
            abort_incomplete_days: int | None = None,
            transitions: list[tuple[int, str]] | None = None) -> dict[str, Any]:
    rule: dict[str, Any] = {"ID": rule_id, "Filter": {"Prefix": prefix}, "Status": "Enabled"}
    if expiration_days is not None:
        rule["Expiration"] = {"Days": expiration_days}
    if noncurrent_expiration_days is not None:
        rule["NoncurrentVersionExpiration"] = {"NoncurrentDays": noncurrent_expiration_days}
    if abort_incomplete_days is not None:
        rule["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": abort_incomplete_days}
    if transitions:
        rule["Transitions"] = [{"Days": d, "StorageClass": c} for d, c in transitions]
    return rule


def _normal(rule: dict[str, Any]) -> dict[str, Any]:
    """A rule as comparable data: servers echo rules back with extra or reordered fields."""
    keep = ("ID", "Status", "Expiration", "NoncurrentVersionExpiration",
            "AbortIncompleteMultipartUpload", "Transitions")
    out = {k: rule[k] for k in keep if rule.get(k)}
    prefix = rule.get("Filter", {}).get("Prefix", rule.get("Prefix", ""))
    out["Prefix"] = prefix or ""
    if "Transitions" in out:
        out["Transitions"] = sorted((t.get("Days"), t.get("StorageClass"))
                                    for t in out["Transitions"])
    return out


@dataclass
class LifecycleDiff:
    add: list[str] = field(default_factory=list)
    change: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)

    @property
    def in_sync(self) -> bool:
        return not (self.add or self.change or self.remove)


def diff_rules(wanted: list[dict[str, Any]], current: list[dict[str, Any]]) -> LifecycleDiff:
    want = {r["ID"]: _normal(r) for r in wanted}
    have = {r.get("ID", ""): _normal(r) for r in current}
    return LifecycleDiff(
        add=sorted(set(want) - set(have)),
        change=sorted(i for i in set(want) & set(have) if want[i] != have[i]),
        remove=sorted(set(have) - set(want)),
    )
