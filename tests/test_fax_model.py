"""The fax model (ocr/fax_model.py): how its tessdata directory is put together, that the
pipeline reads with it unless told not to, and that it reads faxed print better than the
installed model on pages it was not trained on (tests/ocr_layouts.py REPORT_LAYOUTS)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from ingest.local import ingest_file
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from ocr import OcrSetupError, fax_model_paths, make_engine, recognize_page_image
from ocr.engine import find_tessdata
from ocr.fax_model import (
    FAX_LSTM,
    LSTM,
    LSTM_UNICHARSET,
    VERSION,
    alphabet_digest,
    fax_traineddata,
    read_components,
    write_components,
)
from ocr.normalize import normalize_fax_geometry
from tests.conftest import make_config
from tests.ocr_corpus import error_rates
from tests.ocr_layouts import REPORT_LAYOUTS, TUNING_LAYOUTS, make_layout_page
from tests.ocr_line_errors import with_line_errors

INSTALLED = Path(find_tessdata()) / "eng.traineddata"
CONTRIB = Path(__file__).resolve().parents[1] / "contrib" / "fax-model"


def read_text(engine, path: Path) -> str:
    with Image.open(path) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        return recognize_page_image(image, xdpi, ydpi, engine=engine).text


def test_components_round_trip_the_installed_model() -> None:
    data = INSTALLED.read_bytes()
    components = read_components(data)
    assert components[LSTM] and components[LSTM_UNICHARSET]
    assert write_components(components) == data


def test_fax_model_is_the_installed_model_with_its_network_replaced() -> None:
    installed = read_components(INSTALLED.read_bytes())
    built = read_components(fax_traineddata(INSTALLED.read_bytes(), FAX_LSTM.read_bytes()))
    assert built[LSTM] == FAX_LSTM.read_bytes() != installed[LSTM]
    # The alphabet and the dictionary stay the installed model's.
    assert [c for i, c in enumerate(built) if i not in (LSTM, VERSION)] == \
        [c for i, c in enumerate(installed) if i not in (LSTM, VERSION)]
    assert built[VERSION].endswith(b":faxvault-fax")


def test_another_alphabet_is_refused_naming_the_setting() -> None:
    components = read_components(INSTALLED.read_bytes())
    components[LSTM_UNICHARSET] = components[LSTM_UNICHARSET] + b"\n"
    assert alphabet_digest(components) != alphabet_digest(read_components(INSTALLED.read_bytes()))
    with pytest.raises(OcrSetupError, match=r"ocr\.fax_model = false"):
        fax_traineddata(write_components(components), FAX_LSTM.read_bytes())


def test_tessdata_directory_is_built_once_and_private(tmp_path: Path) -> None:
    pages, damaged_pages = fax_model_paths("", tmp_path)
    assert pages == find_tessdata()
    built = Path(damaged_pages)
    assert built.parent == tmp_path
    assert read_components((built / "eng.traineddata").read_bytes())[LSTM] == FAX_LSTM.read_bytes()
    # The command line's configs are found beside it; all of it private, but the other
    # installed languages' models (Latin, which make installs), linked where they are.
    installed = Path(find_tessdata())
    assert (built / "configs" / "tsv").read_bytes() == (installed / "configs" / "tsv").read_bytes()
    others = {p.name for p in installed.glob("*.traineddata")} - {"eng.traineddata",
                                                                   "osd.traineddata"}
    assert "Latin.traineddata" in others
    for path in [built, *built.rglob("*")]:
        if path.is_symlink():
            assert path.name in others and path.parent == built, path
            assert path.resolve() == (installed / path.name).resolve()
        else:
            assert path.stat().st_mode & 0o077 == 0, path
    assert {p.name for p in built.iterdir() if p.is_symlink()} == others
    before = (built / "eng.traineddata").stat().st_mtime_ns
    assert fax_model_paths("", tmp_path)[1] == damaged_pages
    assert (built / "eng.traineddata").stat().st_mtime_ns == before
    assert [p.name for p in tmp_path.iterdir()] == [built.name]  # no scratch left behind


def test_dequantized_network_reads_as_the_installed_one(installed_engine, tmp_path: Path) -> None:
    """contrib/fax-model/dequantize.py turns the installed integer network into the float
    one training continues from: read with it, a page reads as with the installed model
    (the weights are the same numbers)."""
    installed = read_components(INSTALLED.read_bytes())
    (tmp_path / "eng.lstm").write_bytes(installed[LSTM])
    subprocess.run([sys.executable, str(CONTRIB / "dequantize.py"), str(tmp_path / "eng.lstm"),
                    str(tmp_path / "float.lstm")], check=True, capture_output=True, timeout=60)
    float_network = (tmp_path / "float.lstm").read_bytes()
    assert len(float_network) > 5 * len(installed[LSTM])  # 8-byte weights, not 1-byte
    installed[LSTM] = float_network
    models = tmp_path / "models"
    models.mkdir()
    (models / "eng.traineddata").write_bytes(write_components(installed))
    page = make_layout_page(tmp_path, REPORT_LAYOUTS[0], "204x98", "clean")
    as_installed = read_text(installed_engine, page)
    assert len(as_installed) > 300
    # Nearly: the installed network also rounds what flows between its layers to 8 bits.
    as_float = read_text(make_engine("tesserocr", ["eng"], str(models)), page)
    assert error_rates(as_installed, as_float)[0] < 0.005


@pytest.fixture(scope="module")
def fax_engine(fax_model_dirs):
    """The engine as the pipeline runs it: the fax model for damaged pages."""
    pages, damaged_pages = fax_model_dirs
    return make_engine("tesserocr", ["eng"], pages, damaged_tessdata=damaged_pages)


@pytest.fixture(scope="module")
def installed_engine():
    """Every page read with the installed model."""
    return make_engine("tesserocr", ["eng"])


@pytest.fixture(scope="module")
def fax_only_engine(fax_model_dirs):
    """Every page read with the fax model."""
    return make_engine("tesserocr", ["eng"], fax_model_dirs[1])


def assert_read_with_the_fax_model(fax_engine, installed_engine, fax_only_engine, page: Path,
                                   truth: str) -> None:
    """The pipeline's engine reads ``page`` as the fax model does, with fewer errors than
    the installed model."""
    read = read_text(fax_engine, page)
    assert read == read_text(fax_only_engine, page)
    assert error_rates(truth, read)[0] < error_rates(truth, read_text(installed_engine, page))[0]


# Held-out pages (REPORT_LAYOUTS, never trained on) faxed by a worn machine: the fax model
# reads them with clearly fewer errors. Measured over all of them in benchmarks/RESULTS.md.
@pytest.mark.parametrize("doc", REPORT_LAYOUTS[:3], ids=lambda d: d.name)
def test_fax_model_reads_transmitted_pages_better(fax_engine, installed_engine,
                                                   tmp_path: Path, doc) -> None:
    page = make_layout_page(tmp_path, doc, "204x98", "transmitted", 3)
    truth = "\n".join(doc.lines)
    installed = error_rates(truth, read_text(installed_engine, page))[0]
    fax = error_rates(truth, read_text(fax_engine, page))[0]
    assert fax < installed * 0.9, (fax, installed)


def test_clean_pages_keep_the_installed_model(fax_engine, installed_engine, fax_only_engine,
                                              tmp_path: Path) -> None:
    """A page that came through clean reads as with the installed model, though the fax
    model alone would read it otherwise (see ocr/fax_model.py for why)."""
    doc = next(d for d in REPORT_LAYOUTS if d.name == "purchase")
    page = make_layout_page(tmp_path, doc, "204x98", "clean")
    installed = read_text(installed_engine, page)
    assert read_text(fax_only_engine, page) != installed
    assert read_text(fax_engine, page) == installed


def test_a_clean_page_with_line_errors_is_read_with_the_fax_model(
        fax_engine, installed_engine, fax_only_engine, tmp_path: Path) -> None:
    """A page that came without specks but with line errors (a fax sent without error
    correction) is damaged print too: the fax model reads what the repair leaves (a tuning
    page, tests/ocr_line_errors.py's bursts on 1% of its lines)."""
    doc = next(d for d in TUNING_LAYOUTS if d.name == "intake")
    with Image.open(make_layout_page(tmp_path, doc, "204x98", "clean")) as clean:
        ink = ~np.asarray(clean)
    page = tmp_path / "line-errors.tif"
    Image.fromarray(~with_line_errors(ink, 98, np.random.default_rng(0), 0.01)).save(
        page, compression="group4", dpi=(204, 98))
    with Image.open(page) as image:
        geometry = normalize_fax_geometry(image, 204, 98)[1]
    assert geometry.line_errors and not geometry.cleaned
    assert_read_with_the_fax_model(fax_engine, installed_engine, fax_only_engine, page,
                                   "\n".join(doc.lines))


def test_a_clean_page_scanned_askew_is_read_with_the_fax_model(
        fax_engine, installed_engine, fax_only_engine, tmp_path: Path) -> None:
    """A page without specks but skewed went through paper and a scanner (a tuning page,
    photocopied before it was faxed: tests/ocr_layouts.py's copier model): the fax model
    reads it. A page rendered straight to a fax (level) keeps the installed model (above)."""
    doc = next(d for d in TUNING_LAYOUTS if d.name == "statement")
    page = make_layout_page(tmp_path, doc, "204x98", "copied", 4)
    with Image.open(page) as image:
        geometry = normalize_fax_geometry(image, 204, 98)[1]
    assert geometry.shear and not geometry.cleaned and not geometry.line_errors
    assert_read_with_the_fax_model(fax_engine, installed_engine, fax_only_engine, page,
                                   "\n".join(doc.lines))


def test_pipeline_reads_with_the_fax_model_unless_turned_off(fax_engine, installed_engine,
                                                             tmp_path: Path) -> None:
    page = make_layout_page(tmp_path, REPORT_LAYOUTS[0], "204x98", "transmitted", 3)
    expected = {True: read_text(fax_engine, page), False: read_text(installed_engine, page)}
    assert expected[True] != expected[False]
    for fax_model in (True, False):
        config = make_config(tmp_path / str(fax_model),
                             ocr={"workers": 1, "fax_model": fax_model})
        services = open_services(config)
        try:
            fax_id = ingest_file(services, page).fax_id
            asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=[fax_id],
                                    until_idle=True))
            [stored] = services.catalog.pages(fax_id)
            assert stored["text"] == expected[fax_model]
        finally:
            services.close()
        assert any((config.data_dir / "ocr-models").glob("tessdata-*")) == fax_model
