"""Phone numbers: normalise what providers and fax servers send to E.164 (raw value kept)."""

from __future__ import annotations

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
