"""Pixels to text. Pure functions over images, safe in a process pool; imports no other
faxvault package."""

from ocr.engine import OcrSetupError, PageText, Word, make_engine
from ocr.fax_model import fax_model_paths
from ocr.normalize import normalize_fax_geometry
from ocr.pool import OcrPool, recognize_page_image, turned

__all__ = ["OcrPool", "OcrSetupError", "PageText", "Word", "fax_model_paths", "make_engine",
           "normalize_fax_geometry", "recognize_page_image", "turned"]
