"""Phone numbers: normalise what providers and fax servers send to E.164 (raw value kept)."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers


def normalize_number(raw: str | None, default_region: str = "US") -> str | None:
    """E.164 for anything that parses as a possible number, else None.

    Fax.Plus sends "+1 334-304-0000", HylaFAX sends whatever the caller id or TSI said, and
    free accounts may send a user id: only real numbers get a normalised form.
    """
    if not raw or not raw.strip():
        return None
    try:
        number = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Kept for the configuration's lists (spam.blocklist and allowlist, routing rules' numbers),
# which every fax is checked against: normalising a number costs about 13 us, so a
# 1,000-number blocklist normalised again for each fax cost it 13 ms.
@lru_cache(maxsize=256)
def normalized_numbers(values: tuple[str, ...], default_region: str) -> frozenset[str]:
    """Each of ``values`` as :func:`normalize_number` gives it, or as written where it
    gives none."""
    return frozenset(normalize_number(v, default_region) or v for v in values)
