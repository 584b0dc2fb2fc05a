"""Pages fed upside down or sideways are read upright, and shown upright in fax.pdf/fax.tif;
the original stays as received."""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from ingest.local import ingest_file
from ingest.pipeline import Services
from ingest.worker import worker_loop
from tests.faxgen import render_fax

LINES = ["ORIENTATION CHECK - RADIOLOGY REPORT", "Patient: Nora Quinn, DOB 05/06/1977",
         "Findings: no acute fracture of the left wrist.",
         "Impression: soft tissue swelling, follow up in two weeks.",
         "Signed electronically by Dr. Amelia Ortiz, radiologist."] * 2


def turned_fax(tmp_path: Path, degrees: int) -> Path:
    upright = render_fax(tmp_path / "upright.tif", [LINES])
    with Image.open(upright) as image:
        xdpi, ydpi = image.info["dpi"]
        if degrees % 180 == 90:
            xdpi, ydpi = ydpi, xdpi
        out = tmp_path / f"turned{degrees}.tif"
        image.rotate(degrees, expand=True).save(out, format="TIFF", compression="group4",
                                                dpi=(xdpi, ydpi))
    return out


@pytest.mark.parametrize("degrees", [180, 90, 270])
def test_turned_page_is_read_and_assembled_upright(services: Services, tmp_path: Path,
                                                   degrees: int) -> None:
    original = turned_fax(tmp_path, degrees)
    result = ingest_file(services, original)
    asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=[result.fax_id],
                            until_idle=True))
    [page] = services.catalog.pages(result.fax_id)
    assert "fracture" in page["text"] and "radiologist" in page["text"]
    # Upright geometry: letter portrait at 204x98.
    assert (page["width_px"], page["xdpi"], page["ydpi"]) == (1728, 204.0, 98.0)
    objects = {o["purpose"]: o for o in services.catalog.archive_objects(result.fax_id)}
    archived = services.archive.root / objects["original"]["key"]
    assert hashlib.sha256(archived.read_bytes()).hexdigest() == result.sha256  # untouched
    bbox = subprocess.run(["pdftotext", "-bbox", str(services.archive.root / objects["pdf"]["key"]),
                           "-"], capture_output=True, text=True, check=True).stdout
    line = next(line for line in bbox.splitlines() if ">ORIENTATION<" in line)
    x_min = float(line.split('xMin="')[1].split('"')[0])
    y_min = float(line.split('yMin="')[1].split('"')[0])
    assert x_min == pytest.approx(72, abs=6) and y_min == pytest.approx(62, abs=8)
    with Image.open(services.archive.root / objects["tiff"]["key"]) as tiff:
        assert tiff.size == (1728, page["height_px"]) and tiff.info["dpi"] == (204.0, 98.0)
