"""Property tests for the webhook parsers of the registered providers: whatever an
authenticated sender puts in the body, the parser answers with a Delivery that can be
stored or with its own refusal (4xx), never a crash that would surface as a 5xx."""

from __future__ import annotations

import base64
import dataclasses
import json
import time
import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.providers import documo, phaxio, signalwire, sinch, telnyx
from ingest.providers.base import SAFE_ID, Delivery, DeliveryRejected, basic_auth
from tests.world import TX_PUBLIC_KEY, TX_SIGNER

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30) | \
    st.sampled_from(["\ud800", "a\udfff", "INCOMING_FAX", "fax.received", "inbound", "INBOUND"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children,
                                                                      max_size=4),
    max_leaves=10)
IDS = st.sampled_from(["f1", "../x", "", "a" * 200, "ok-id_1.2", "\u00e9t\u00e9"]) | \
    st.integers() | st.none()


def shaped(outer: str, fax_key: str, id_key: str, extra: dict) -> st.SearchStrategy:
    """Documents shaped like a provider's event, every value drawn at random."""
    inner = st.fixed_dictionaries({id_key: IDS}, optional={
        k: v for k, v in extra.items()})
    return st.fixed_dictionaries({outer: st.just(outer) if outer == "event" else TEXT,
                                  fax_key: inner | JSON}, optional={"x": JSON})


def storable(result: Delivery | DeliveryRejected) -> None:
    if isinstance(result, DeliveryRejected):
        assert 400 <= result.status < 500 and result.reason
        result.reason.encode("utf-8")
        return
    for value in dataclasses.asdict(result).values():
        if isinstance(value, bytes):  # the journal body: stored as bytes
            continue
        json.dumps(value).encode("utf-8")  # everything journaled must be storable
        if isinstance(value, str):
            value.encode("utf-8")
    assert result.provider_fax_id is None or SAFE_ID.match(result.provider_fax_id)
    assert result.job_kind is None or result.provider_fax_id


def run(parse, *args, **kwargs) -> Delivery | DeliveryRejected:
    try:
        return parse(*args, **kwargs)
    except DeliveryRejected as refusal:
        return refusal


@settings(max_examples=150, deadline=None)
@given(doc=st.fixed_dictionaries({"data": st.fixed_dictionaries(
    {"event_type": TEXT | st.just("fax.received"), "id": IDS},
    optional={"payload": st.fixed_dictionaries(
        {"fax_id": IDS, "direction": st.sampled_from(["inbound", "outbound"]) | TEXT},
        optional={"from": JSON, "status": JSON, "partial_content": JSON}) | JSON,
        "occurred_at": JSON})} ) | JSON, raw=st.binary(max_size=60))
def test_telnyx_signed_bodies(doc, raw: bytes) -> None:
    for body in (json.dumps(doc).encode(), raw):
        stamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "telnyx-timestamp": stamp,
                   "telnyx-signature-ed25519": base64.b64encode(
                       TX_SIGNER.sign(stamp.encode() + b"|" + body)).decode()}
        storable(run(telnyx.parse_delivery, headers, body, TX_PUBLIC_KEY, now=time.time()))


@settings(max_examples=150, deadline=None)
@given(doc=st.fixed_dictionaries({"event": TEXT, "fax": st.fixed_dictionaries(
    {"id": IDS, "projectId": st.just("p1") | TEXT},
    optional={"direction": TEXT, "from": JSON, "status": JSON}) | JSON},
    optional={"file": TEXT | JSON, "eventTime": JSON}) | JSON)
def test_sinch_authenticated_bodies(doc) -> None:
    headers = {"Content-Type": "application/json", "Authorization": basic_auth("u", "p")}
    storable(run(sinch.parse_delivery, headers, json.dumps(doc).encode(), user="u",
                 password="p", project_id="p1"))


@settings(max_examples=150, deadline=None)
@given(doc=st.fixed_dictionaries({"event": TEXT | st.sampled_from(documo.RECEIVED_EVENTS)},
                                 optional={"data": st.fixed_dictionaries(
                                     {"messageId": IDS},
                                     optional={"status": JSON, "direction": JSON,
                                               "faxNumber": JSON, "resolvedDate": JSON})
                                     | JSON}) | JSON)
def test_documo_authenticated_bodies(doc) -> None:
    headers = {"Content-Type": "application/json", "Authorization": basic_auth("u", "p")}
    storable(run(documo.parse_delivery, headers, json.dumps(doc).encode(), user="u",
                 password="p"))


# Form text is what a body can carry: no lone surrogates (invalid bytes are the raw cases).
FORM_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
FORM = st.lists(st.tuples(st.sampled_from(["FaxSid", "AccountSid", "FaxStatus", "From", "To",
                                           "MediaUrl"]) | FORM_TEXT, FORM_TEXT), max_size=8)


@settings(max_examples=150, deadline=None)
@given(params=FORM, raw=st.binary(max_size=60))
def test_signalwire_signed_forms(params, raw: bytes) -> None:
    url = "https://fax.example.org/webhooks/signalwire/t"
    for body in (urllib.parse.urlencode(params).encode(), raw):
        try:
            signed = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except (UnicodeDecodeError, ValueError):
            signed = []
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-SignalWire-Signature": signalwire.signature("k", url, signed)}
        storable(run(signalwire.parse_delivery, headers, body, signing_key="k",
                     webhook_url=url, project_id="p1"))


@settings(max_examples=100, deadline=None)
@given(fields=st.lists(st.tuples(st.sampled_from(["direction", "fax", "is_test"]) | FORM_TEXT,
                                 FORM_TEXT | JSON.map(json.dumps)), max_size=5),
       file=st.binary(max_size=40))
def test_phaxio_signed_forms(fields, file: bytes) -> None:
    boundary = "b0undary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
             f"{value}\r\n".encode() for name, value in fields]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="f.pdf"\r\n\r\n'.encode() + file + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    url = "https://fax.example.org/webhooks/phaxio/t"
    clean = [(n, v) for n, v in fields
             if '"' not in n and "\r" not in n and "\n" not in n]
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}",
               "X-Phaxio-Signature": phaxio.signature("k", url, clean, [("file", file)])}
    storable(run(phaxio.parse_delivery, headers, body, token="k", webhook_url=url))
