"""Property tests: parsers take any input and answer with their own error, never a crash;
the live routes never answer 5xx and never journal a malformed delivery; hostile files fail
their job with a message, are kept, and leave the service healthy."""

from __future__ import annotations

import asyncio
import collections
import json
import random
import string
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.config import ConfigError, config_from_mapping
from ingest.faxserver import checked_received_at, parse_description
from ingest.local import ingest_file
from ingest.pages import FaxRejected, split_document
from ingest.providers import dropbox, faxplus
from ingest.providers.base import DeliveryRejected
from ingest.worker import worker_loop
from storage.catalog import open_catalog
from storage.search import SearchFilters, search_pages
from tests.world import DB_HOOK, DB_KEY, FP_HOOK, World

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                      children, max_size=4),
    max_leaves=12)
# Lone surrogates are what JSON escapes can spell and UTF-8 cannot store ("\ud800").
SURROGATE_TEXT = st.text(alphabet=st.sampled_from(["a", "\u00e9", "\ud800", "\udfff", "\ud83d"]),
                         min_size=1, max_size=6)
IDS = st.text(alphabet=string.ascii_letters + string.digits + "-_./ \u00e9\u2603", max_size=40)
FAXPLUS_LIKE = st.fixed_dictionaries({
    "hook": st.fixed_dictionaries({"event": st.sampled_from(
        ["fax_received", "fax_page_received", "fax_sent", "x"]) | st.text(max_size=70)
        | SURROGATE_TEXT,
        "event_time": st.text(max_size=25)}),
    "data": st.fixed_dictionaries({"id": IDS | st.integers() | st.none()}, optional={
        "page": st.integers(-5, 20000) | st.text(max_size=5),
        "page_index": st.integers(-2, 5), "file": st.text(max_size=50),
        "from": st.text(max_size=300) | st.integers() | SURROGATE_TEXT, "status": JSON}),
})
JSON_CT = {"Content-Type": "application/json"}


def deep_list(depth: int) -> str:
    """JSON text of ``depth`` nested arrays (too deep for json.dumps to write)."""
    return "[" * depth + "]" * depth


def deeply_nested(depth: int) -> str:
    """A Fax.Plus-shaped body whose ``hook`` is ``depth`` nested arrays."""
    return f'{{"hook": {deep_list(depth)}, "data": {{"id": "x"}}}}'


@settings(max_examples=400, deadline=None)
@given(body=st.binary(max_size=300) | FAXPLUS_LIKE.map(lambda d: json.dumps(d).encode())
       | JSON.map(lambda d: json.dumps(d).encode())
       | st.integers(900, 20_000).map(lambda depth: deeply_nested(depth).encode()))
def test_faxplus_parser_answers_any_body(body: bytes) -> None:
    try:
        delivery = faxplus.parse_delivery(JSON_CT, body)
    except DeliveryRejected as refusal:
        assert 400 <= refusal.status < 500 and refusal.reason
    else:
        assert delivery.idem_key.startswith("faxplus:")
        assert delivery.provider_fax_id and "/" not in delivery.provider_fax_id


def multipart_body(payload: bytes, boundary: str = "b0undary") -> tuple[dict, bytes]:
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n".encode()
            + payload + f"\r\n--{boundary}--\r\n".encode())
    return {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body


@settings(max_examples=300, deadline=None)
@given(event=st.fixed_dictionaries({
           "event_time": st.text(max_size=12) | st.integers() | SURROGATE_TEXT,
           "event_type": st.text(max_size=20) | SURROGATE_TEXT}),
       transmission=JSON | st.integers(900, 20_000).map(lambda d: ("spliced", deep_list(d))),
       raw=st.binary(max_size=200), garble=st.booleans())
def test_dropbox_parser_answers_any_body(event, transmission, raw: bytes, garble: bool) -> None:
    try:
        event["event_hash"] = dropbox.event_hash(DB_KEY, str(event["event_time"]),
                                                 event["event_type"])
    except UnicodeEncodeError:  # a lone surrogate: no key can sign it; the parser must refuse
        event["event_hash"] = "0" * 64
    # A tuple is JSON text to splice in as is (JSON itself generates lists, never tuples).
    spliced = transmission[1] if isinstance(transmission, tuple) else json.dumps(transmission)
    payload = raw if garble else (json.dumps({"event": event})[:-1]
                                  + f', "transmission": {spliced}}}').encode()
    headers, body = multipart_body(payload)
    try:
        delivery = dropbox.parse_delivery(headers, body, DB_KEY)
    except DeliveryRejected as refusal:
        assert 400 <= refusal.status < 500
    else:
        assert delivery.provider == "dropbox"


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["server", "ocr", "worker", "archive", "spam",
                                             "bogus", "limits", "hotfolder"]),
                            st.dictionaries(st.text(max_size=12), JSON, max_size=3) | JSON,
                            max_size=3))
def test_config_loader_names_what_is_wrong(data) -> None:
    try:
        config_from_mapping(data, env={})
    except ConfigError as exc:
        assert str(exc).startswith("invalid configuration:")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(max_size=40))
def test_no_query_is_an_fts_syntax_error(query: str, tmp_path_factory) -> None:
    catalog = _search_catalog(tmp_path_factory)
    search_pages(catalog, query, SearchFilters())


_CATALOG = {}


def _search_catalog(tmp_path_factory):
    if "c" not in _CATALOG:
        catalog = open_catalog(tmp_path_factory.mktemp("fts") / "c.sqlite3")
        with catalog.transaction() as conn:
            conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at,"
                         " created_at, updated_at) VALUES ('F', 'local', 'x', 'now', 'now',"
                         " 'now')")
        catalog.replace_page("F", {"page_no": 1, "width_px": 1, "height_px": 1, "xdpi": 1,
                                   "ydpi": 1, "text": "some NOT OR NEAR text \"quoted\"",
                                   "confidence": 1})
        _CATALOG["c"] = catalog
    return _CATALOG["c"]


@given(description=st.text(max_size=300), when=st.text(max_size=30))
def test_fax_server_tag_parsers_take_anything(description: str, when: str) -> None:
    meta = parse_description(description)
    assert all(isinstance(v, str) and len(v) <= 200 for v in meta.values())
    try:
        parsed = checked_received_at(when)
    except ValueError as exc:
        assert "received_at" in str(exc)
    else:
        assert parsed.endswith("Z")


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600))
def test_page_splitter_refuses_garbage_cleanly(data: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("garbage") / "x.tif"
    path.write_bytes(b"II*\x00" + data)
    try:
        split_document(path, path.parent / "pages")
    except FaxRejected as exc:
        assert str(exc)


async def test_generated_deliveries_never_5xx_never_journal_malformed(world: World) -> None:
    """Thousands of generated deliveries against the live routes (count bounded, loopback),
    among them bodies nested thousands deep and names spelled with lone surrogates: each of
    those is a 400 counted as a refusal."""
    bodies = [random_body(random.Random(seed)) for seed in range(10_000)]
    hostile = [n for n, (_, must_refuse) in enumerate(bodies) if must_refuse]
    assert len(hostile) > 1000  # both kinds are really in the mix
    statuses = []
    for n, (body, _) in enumerate(bodies):
        if n % 2:
            response = await world.client.post(f"/webhooks/faxplus/{FP_HOOK}", data=body,
                                               headers=JSON_CT)
        else:
            headers, multipart = multipart_body(body)
            response = await world.client.post(f"/webhooks/dropbox/{DB_HOOK}", data=multipart,
                                               headers=headers)
        statuses.append(response.status)
        await response.read()
    assert all(s < 500 for s in statuses), collections.Counter(statuses)
    assert {statuses[n] for n in hostile} == {400}
    assert world.count("jobs") == 0  # nothing malformed ever became work
    refused = world.services.metrics.deliveries
    counted = sum(refused.labels(p, f"refused_{s}")._value.get()
                  for p in ("faxplus", "dropbox") for s in set(statuses) if s >= 400)
    assert counted == sum(1 for s in statuses if s >= 400)  # every refusal counted


LONE_SURROGATES = ["\ud800", "\udfff", "x\udbff", "\udc00y"]


def random_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return rng.choice([None, True, False, 0, -1, 10**30, 1.5, ""])
    if kind == 1:
        return "".join(rng.choice(["a", "b", "\u00e9", "\u2603", "\x00", '"', "'", "{", "}",
                                   "[", "]", "\\", " ", "\ud83d\ude00", *LONE_SURROGATES])
                       for _ in range(rng.randrange(50)))
    if kind == 2:
        return "x" * rng.choice([1, 1000, 100_000])
    if kind == 3:
        return rng.randrange(-10**6, 10**6)
    if kind == 4:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["hook", "data", "event", "id", "page", "event_time", "event_type", "event_hash",
            "transmission", "files_url", "from", "to", "status"]
    return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randrange(5))}


def random_body(rng: random.Random) -> tuple[bytes, bool]:
    """Malformed JSON, wrong types, huge fields, odd unicode, raw bytes; and (flagged True)
    deliveries that must be refused with a 400: nesting past what a decoder follows, or a
    lone surrogate in the event name both routes read first."""
    choice = rng.randrange(6)
    if choice == 0:
        return rng.randbytes(rng.randrange(300)), False
    if choice == 4:
        depth = rng.choice([1_000, 5_000, 20_000, 30_000])  # under the 64 KiB body cap
        where = rng.choice(['{"hook": @, "data": {"id": "a"}}', '{"event": @}', "@",
                            '{"hook": {"event": "fax_received"}, "data": @}'])
        # Small depths can be a valid body to one route and junk to the other: only the
        # depths no decoder follows are sure refusals.
        return where.replace("@", "[" * depth + "]" * depth).encode(), True
    if choice == 5:
        name = rng.choice(LONE_SURROGATES)
        delivery = {"hook": {"event": name, "event_time": "2024-09-09 10:44:39"},
                    "data": {"id": "fx1"},
                    "event": {"event_type": name, "event_time": str(int(time.time())),
                              "event_hash": "0" * 64}}
        return json.dumps(delivery).encode(), True
    text = json.dumps(random_value(rng))
    if choice == 1:
        return text[: rng.randrange(len(text) + 1)].encode(), False  # cut short
    return text.encode("utf-8", "surrogatepass"), False


NASTY = {
    "truncated.tif": lambda fax: fax[: len(fax) // 3],
    "zero.tif": lambda fax: b"",
    "png-named.tif": lambda fax: b"\x89PNG\r\n\x1a\n" + bytes(64),
    "huge-header.tif": None,  # written below
    "jbig.tif": None,
    "encrypted.pdf": None,
}


def nasty_files(root: Path, fax: bytes) -> dict[str, Path]:
    import pikepdf
    from PIL import Image

    from tests.faxgen import as_jbig, render_fax

    files = {}
    for name in ("truncated.tif", "zero.tif", "png-named.tif"):
        files[name] = root / name
        files[name].write_bytes(NASTY[name](fax))
    files["huge-header.tif"] = root / "huge-header.tif"
    Image.new("1", (100_000, 100_000 // 64), 1).save(files["huge-header.tif"], format="TIFF",
                                                       compression="group4")
    files["jbig.tif"] = root / "jbig.tif"
    files["jbig.tif"].write_bytes(as_jbig(fax))
    plain = render_fax(root / "plain.pdf", [["secret"]], device="pdfwrite")
    files["encrypted.pdf"] = root / "encrypted.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(files["encrypted.pdf"], encryption=pikepdf.Encryption(owner="o", user="u"))
    return files


async def test_nasty_files_fail_with_a_message_and_are_kept(world: World, tmp_path: Path,
                                                            sample_fax: Path) -> None:
    services = world.services
    files = nasty_files(tmp_path, sample_fax.read_bytes())
    ids = {name: ingest_file(services, path).fax_id for name, path in files.items()}
    good = ingest_file(services, sample_fax).fax_id
    await asyncio.wait_for(worker_loop(services, asyncio.Event(),
                                       fax_ids=[*ids.values(), good], until_idle=True), 120)
    expected = {"truncated.tif": "TIFF", "zero.tif": "empty file",
                "png-named.tif": "not a TIFF or PDF", "huge-header.tif": "pixel limit",
                "jbig.tif": "JBIG", "encrypted.pdf": "encrypted"}
    for name, fax_id in ids.items():
        fax = services.catalog.get_fax(fax_id)
        assert fax["state"] == "failed" and expected[name] in fax["error"], (name, fax["error"])
        assert services.spool.blob_path(fax["original_sha256"]).exists()  # kept
    assert services.catalog.get_fax(good)["state"] == "archived"  # the service carried on
    health = await world.client.get("/healthz")
    assert health.status == 200
