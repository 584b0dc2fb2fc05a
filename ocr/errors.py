"""Errors the OCR package raises at start-up."""


class OcrSetupError(RuntimeError):
    """Tesseract, a language pack or a helper program is missing; the message says what to
    install."""
