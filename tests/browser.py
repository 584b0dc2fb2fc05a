"""A real browser for the web inbox tests: Debian's chromium (the ``chromium`` package, which
``make`` installs), driven by Playwright. Playwright's own browser downloads are never used:
the system browser is given as ``executable_path``."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import AsyncIterator

from PIL import Image, ImageStat
from playwright.async_api import Browser, async_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        raise RuntimeError(f"{CHROMIUM} is missing: run the suite with `make test`")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            await browser.close()


def ink_and_aspect(png: bytes) -> tuple[float, float]:
    """How dark the darkest pixels are (0 black .. 255 white) and height / width."""
    image = Image.open(io.BytesIO(png)).convert("L")
    return ImageStat.Stat(image).extrema[0][0], image.height / image.width
