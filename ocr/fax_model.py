"""The fax model: tesseract's own English network, trained further on faxed print, for the
pages whose print came damaged.

Debian's ``tesseract-ocr-eng`` ships tesseract's "fast" English model, an LSTM whose weights
are stored as 8-bit integers, trained on print rendered clean. A page from a worn machine on
a bad line is print broken before it was sent (strokes lost to a light threshold, letters
merged by a dark one, scan lines dropped or shifted) and five pixels a line at 204x98;
prepared as well as it can be (ocr/normalize.py), it was still read with about one
character in 14 wrong (benchmarks/RESULTS.md). faxvault ships the same network, with the
same letters and the same dictionary, trained further on lines of faxed print:
``models/eng-fax.lstm``, made by ``contrib/fax-model`` (its README says how, on what, and
what was kept apart to measure it on). Only the network changes, and it has the same size:
a page costs the same.

It reads the pages whose print came damaged (``OcrGeometry.damaged``): pages found noisy,
on held-out transmitted ones of which it makes a third to a half fewer errors (204x98:
6.8-7.9% of characters -> 3.4-4.4%), and fewer on degradations it never saw (a fading feed
6.4% -> 5.3%, line errors 14.7% -> 9.7%); and pages with no specks but with line errors of
a fax sent without error correction, whose repair leaves broken print (held-out 204x196
pages with bursts: 5.2% -> 3.8%); and clean pages found askew, a sheet that went through a
printer, perhaps a copier, and a scanner, whose strokes are broken as a worn machine's are
(development pages photocopied before they were faxed: F 204x98 5.05% -> 3.46%; forms
rotated as a scanner does, 0.54% -> 0.32%, with fewer of their names lost). A page rendered
straight to a fax (clean and level) keeps the installed model: on such pages the two read
about as well, and the words they read differently are words plain tesseract reads right
that faxvault would lose (development forms read with the fax model: 1 -> 3 of 3,102 lost;
benchmarks/RESULTS.md, "A network trained on faxed print").

Tesseract reads a model from one ``<language>.traineddata`` file in a directory that also
holds the other languages read with it, so the file is put together here: the installed
``eng.traineddata`` with its network (the ``lstm`` component) replaced, beside links to the
other languages' models and a copy of the configs, in a directory named by the content it
holds (written whole, then renamed into place: processes starting at the same time build the
same directory, and one of them wins). The network only fits the alphabet it was trained
with, so the installed model's alphabet (``lstm-unicharset``, ``lstm-recoder``) is checked
first.

``ocr.fax_model = false`` reads every page with the installed model.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import tempfile
from pathlib import Path

from ocr.engine import find_tessdata
from ocr.errors import OcrSetupError

FAX_LANGUAGE = "eng"
FAX_LSTM = Path(__file__).parent / "models" / "eng-fax.lstm"
# SHA-256 of the installed eng model's lstm-unicharset and lstm-recoder components, one
# after the other: the alphabet models/eng-fax.lstm was trained with (Debian
# tesseract-ocr-eng 1:4.1.0, tessdata_fast's eng of 2017-06-29).
TRAINED_ALPHABET_SHA256 = "8c9df0dc50d4474f577beec8ae078cc8e8aa562307223fb384720deee55ec999"

# Components of a .traineddata file (tesseract's TessdataType), by index.
_COMPONENTS = 24
LSTM, LSTM_UNICHARSET, LSTM_RECODER, VERSION = 17, 21, 22, 23
_VERSION_SUFFIX = b":faxvault-fax"
CONFIG_FOLDERS = ("configs", "tessconfigs")


def read_components(data: bytes) -> list[bytes | None]:
    """The components of a .traineddata file: a count, a table of offsets (-1: absent), then
    the components one after the other (tesseract's TessdataManager)."""
    if len(data) < 4:
        raise ValueError("too short for a .traineddata file")
    (count,) = struct.unpack_from("<i", data)
    if not 0 < count <= _COMPONENTS or len(data) < 4 + 8 * count:
        raise ValueError(f"not a .traineddata file ({count} components)")
    offsets = struct.unpack_from(f"<{count}q", data, 4)
    present = sorted((offset, i) for i, offset in enumerate(offsets) if offset >= 0)
    components: list[bytes | None] = [None] * _COMPONENTS
    for n, (offset, i) in enumerate(present):
        end = present[n + 1][0] if n + 1 < len(present) else len(data)
        if not 4 + 8 * count <= offset <= end <= len(data):
            raise ValueError("a .traineddata offset points outside the file")
        components[i] = data[offset:end]
    return components


def write_components(components: list[bytes | None]) -> bytes:
    """The .traineddata file holding ``components`` (see ``read_components``)."""
    offsets, body, at = [], [], 4 + 8 * _COMPONENTS
    for component in components:
        offsets.append(-1 if component is None else at)
        if component is not None:
            body.append(component)
            at += len(component)
    return struct.pack(f"<i{_COMPONENTS}q", _COMPONENTS, *offsets) + b"".join(body)


def alphabet_digest(components: list[bytes | None]) -> str:
    digest = hashlib.sha256()
    for i in (LSTM_UNICHARSET, LSTM_RECODER):
        digest.update(components[i] or b"")
    return digest.hexdigest()


def fax_traineddata(installed: bytes, network: bytes) -> bytes:
    """The installed eng model (``installed``: its .traineddata bytes) with its network
    replaced by ``network`` (an ``lstm`` component)."""
    components = read_components(installed)
    if components[LSTM] is None:
        raise OcrSetupError("the installed eng model has no LSTM network; install Debian's "
                            "tesseract-ocr-eng, or set ocr.fax_model = false")
    if alphabet_digest(components) != TRAINED_ALPHABET_SHA256:
        raise OcrSetupError("ocr.fax_model: the installed eng model has another alphabet than "
                            "the fax model was trained with (Debian's tesseract-ocr-eng); set "
                            "ocr.fax_model = false to read with it")
    components[LSTM] = network
    components[VERSION] = (components[VERSION] or b"") + _VERSION_SUFFIX
    return write_components(components)


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)


def fax_tessdata(installed_dir: str, cache_dir: Path) -> str:
    """A tessdata directory under ``cache_dir`` whose eng model is the fax model, beside the
    other languages of ``installed_dir`` (built once for each content)."""
    installed = Path(installed_dir)
    model = fax_traineddata((installed / f"{FAX_LANGUAGE}.traineddata").read_bytes(),
                            FAX_LSTM.read_bytes())
    # Read beside it: the other languages' models, linked (a page read in eng+deu needs both
    # in one directory), and the configs the command line's outputs are ("tsv"), copied.
    # Orientation (osd) is read from the installed directory.
    languages = sorted(p.name for p in installed.glob("*.traineddata")
                       if p.name not in (f"{FAX_LANGUAGE}.traineddata", "osd.traineddata"))
    configs = {f"{folder}/{path.name}": path.read_bytes() for folder in CONFIG_FOLDERS
               if (installed / folder).is_dir()
               for path in sorted((installed / folder).iterdir()) if path.is_file()}
    digest = hashlib.sha256(model)
    for part in (str(installed.resolve()), *languages, *configs):
        digest.update(part.encode() + b"\0")
    for data in configs.values():
        digest.update(data)
    target = cache_dir / f"tessdata-{digest.hexdigest()[:16]}"
    if (target / f"{FAX_LANGUAGE}.traineddata").is_file():
        return str(target)
    cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    building = Path(tempfile.mkdtemp(prefix=".tessdata-", dir=cache_dir))
    try:
        _write_private(building / f"{FAX_LANGUAGE}.traineddata", model)
        for name in languages:
            (building / name).symlink_to(installed.resolve() / name)
        for name, data in configs.items():
            (building / name).parent.mkdir(mode=0o700, exist_ok=True)
            _write_private(building / name, data)
        try:
            os.rename(building, target)
        except OSError:  # another process built it first
            if not (target / f"{FAX_LANGUAGE}.traineddata").is_file():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return str(target)


def fax_model_paths(tessdata: str, cache_dir: Path) -> tuple[str, str]:
    """(the models to read pages with, the models to read damaged pages with): the
    installed directory (``tessdata``; "" finds Debian's) and the fax model's, built under
    ``cache_dir``."""
    installed = find_tessdata(tessdata)
    return installed, fax_tessdata(installed, cache_dir)
