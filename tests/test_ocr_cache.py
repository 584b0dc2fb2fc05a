"""Page words live in the fax's OCR cache files: OCR writes them there in the pool, the
service gets each page's text without them, and assembly draws the PDF text layer from the
files (so a long fax's words never gather in one process)."""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path

import pikepdf

from ingest import ocr_cache
from ingest.assemble import assemble_outputs
from ingest.local import ingest_file
from ingest.pipeline import Services, _ocr_cache_path, ocr_pages, split_pages
from ingest.worker import worker_loop
from ocr import PageText, Word
from tests.faxgen import SAMPLE_PAGES

KEY_WORDS = ("cardiology", "Acme", "zeppelin")  # one on each page of SAMPLE_PAGES


def pdf_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


async def test_ocr_keeps_words_in_the_cache_and_assembly_draws_them_from_there(
        services: Services, sample_fax: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    pages = await split_pages(services, sample_fax, work / "pages")
    pages, texts = await ocr_pages(services, work, pages)
    assert "cardiology" in texts[0].text and "zeppelin" in texts[2].text
    assert all(text.words == [] for text in texts)  # the service holds no word boxes
    cached = [ocr_cache.read_page_text(_ocr_cache_path(work, page)) for page in pages]
    assert [c.text for c in cached] == [t.text for t in texts]
    assert all(len(c.words) >= 4 for c in cached)

    (work / "files").mkdir()
    (work / "memory").mkdir()
    from_files = assemble_outputs(pages, [str(_ocr_cache_path(work, p)) for p in pages],
                                  work / "files")
    from_memory = assemble_outputs(pages, cached, work / "memory")
    for page_no, (lines, word) in enumerate(zip(SAMPLE_PAGES, KEY_WORDS, strict=True),
                                            start=1):
        layer = pdf_text(Path(from_files["pdf"]), page_no)
        assert word in layer
        printed = [w for line in lines for w in line.split()]
        assert sum(w in layer for w in printed) >= len(printed) - 1, (page_no, layer)
    # The same words, placed the same, as assembled from the readings in memory.
    assert text_layers(Path(from_files["pdf"])) == text_layers(Path(from_memory["pdf"]))


def text_layers(path: Path) -> list[bytes]:
    """Each page's text layer: the content stream assembly adds after the image's."""
    with pikepdf.open(path) as pdf:
        return [page.Contents[-1].read_bytes() for page in pdf.pages]


async def test_a_damaged_cache_file_is_read_again(services: Services, sample_fax: Path,
                                                  tmp_path: Path) -> None:
    work = tmp_path / "work"
    pages = (await split_pages(services, sample_fax, work / "pages"))[:1]
    _, [first] = await ocr_pages(services, work, pages)
    cache = _ocr_cache_path(work, pages[0])
    cache.write_text(cache.read_text()[:40])  # cut short, as by a crash mid-write
    read_before = services.metrics.ocr_pages._value.get()
    _, [again] = await ocr_pages(services, work, pages)
    assert services.metrics.ocr_pages._value.get() == read_before + 1
    assert again.text == first.text
    assert ocr_cache.read_page_text(cache).words  # whole again
    _, [third] = await ocr_pages(services, work, pages)  # and now a cache hit
    assert services.metrics.ocr_pages._value.get() == read_before + 1
    assert third.text == first.text


def test_a_cache_file_with_one_object_per_word_is_still_read(tmp_path: Path) -> None:
    """Files written before words were stored as rows (a job retried across an upgrade)."""
    path = tmp_path / "old.json"
    word = Word("aspirin", 10.0, 20.0, 90.5, 40.0, 91.2)
    path.write_text(json.dumps({"text": "aspirin", "confidence": 91.2, "rotation": 0,
                                "added_forms": [], "words": [word.__dict__]}))
    assert ocr_cache.read_page_text(path).words == [word]
    assert ocr_cache.cached_page_text(path) == PageText("aspirin", 91.2, [], 0, [])


def test_a_cache_file_round_trips_exactly(tmp_path: Path) -> None:
    text = PageText("Dose 5 mg\nNDC 60505-2580-09", 88.25,
                    [Word("Dose", 1.5, 2.0, 30.25, 12.0, 95.1),
                     Word("\u00e9t\u00e9", 40.0, 2.0, 60.0, 12.0, 40.0)],
                    rotation=90, added_forms=["Dosage"])
    path = ocr_cache.cache_path(tmp_path, "ab" * 32, 1)
    ocr_cache.write_page_text(path, text)
    assert ocr_cache.read_page_text(path) == text
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no partial file left


def test_a_fax_through_the_pipeline_has_every_page_in_its_pdf_text_layer(
        services: Services, sample_fax: Path, tmp_path: Path) -> None:
    fax_id = ingest_file(services, sample_fax).fax_id
    asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=[fax_id], until_idle=True))
    assert services.catalog.get_fax(fax_id)["state"] == "archived"
    [pdf] = [o for o in services.catalog.archive_objects(fax_id) if o["purpose"] == "pdf"]
    out = tmp_path / "fax.pdf"
    with services.archive.open(pdf["key"]) as stream:
        out.write_bytes(stream.read())
    for page_no, word in enumerate(KEY_WORDS, start=1):
        assert word in pdf_text(out, page_no)
