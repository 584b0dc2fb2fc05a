"""The web inbox in a real browser (headless Debian chromium via Playwright): sign in, search
a word, open the hit, see the page image, download the PDF, mark spam, assign, mark done,
sign out; and a viewer of one mailbox is refused another's fax by URL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.async_api import expect

from ingest.app import init_app
from tests.browser import chromium, ink_and_aspect
from tests.webworld import PASSWORD, Archive, build_archive, copy_config

# Set to a folder to keep the screenshots (the README's come from here).
SCREENSHOT_DIR = os.environ.get("FAXVAULT_SCREENSHOT_DIR")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_archive(tmp_path_factory.mktemp("browser-archive"))


@pytest.fixture
async def base_url(aiohttp_server, tmp_path: Path, archive: Archive) -> str:
    server = await aiohttp_server(init_app(copy_config(archive, tmp_path), start_workers=False))
    return str(server.make_url("/")).rstrip("/")


async def sign_in(page, base_url: str, name: str) -> None:
    await page.goto(f"{base_url}/ui/")
    assert page.url.endswith("/ui/signin")
    await page.fill("input[name=name]", name)
    await page.fill("input[name=password]", PASSWORD)
    await page.click("#signin")
    await page.wait_for_url("**/ui/inbox")


def shot(name: str) -> dict:
    return {"path": str(Path(SCREENSHOT_DIR) / name)} if SCREENSHOT_DIR else {}


async def test_an_operator_works_a_fax_end_to_end(base_url: str, archive: Archive,
                                                  tmp_path: Path) -> None:
    fax_id = archive.cardiology_fax
    async with chromium() as browser:
        context = await browser.new_context(viewport={"width": 1280, "height": 900},
                                            accept_downloads=True)
        page = await context.new_page()
        await sign_in(page, base_url, "otto")
        await page.screenshot(**shot("web-inbox.png"))

        await page.fill("#q", "zeppelin")
        await page.click("#apply")
        hit = page.locator(".hit").first
        assert "zeppelin" in (await hit.locator("mark").first.inner_text()).lower()
        await hit.locator("a.open").click()
        await page.wait_for_url(f"**/ui/fax/{fax_id}*")
        assert "zeppelin" in (await page.locator("pre.text mark").first.inner_text()).lower()

        # The first page's image loads with the page (later pages load lazily); the strict
        # CSP forbids string eval, so the test reads the image through element handles.
        await page.wait_for_load_state("load")
        image = page.locator("#page-1 img")
        natural = await image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
        assert natural[0] > 0
        darkest, aspect = ink_and_aspect(await image.screenshot())
        assert darkest < 100  # there is text on it, not a blank box
        assert natural[1] / natural[0] == pytest.approx(aspect, rel=0.03)
        assert aspect > 1.2  # a letter page, not the squashed 204x98 pixel grid

        async with page.expect_download() as download_info:
            await page.click("#download-pdf")
        download = await download_info.value
        saved = tmp_path / "fax.pdf"
        await download.save_as(saved)
        assert saved.read_bytes().startswith(b"%PDF")

        await page.click("#mark-spam")
        await page.wait_for_selector("#not-spam")
        assert (await page.inner_text("#spam")).startswith("spam")
        await page.click("#assign-me")
        await expect(page.locator("#owner")).to_contain_text("otto")
        await page.click("#mark-done")
        await page.wait_for_selector("#reopen")
        assert (await page.inner_text("#done")).startswith("otto")

        if SCREENSHOT_DIR:
            await page.goto(f"{base_url}/ui/fax/{fax_id}")
            await page.screenshot(**shot("web-fax.png"))
        await page.click("#signout")
        await page.wait_for_url("**/ui/signin")
        response = await page.goto(f"{base_url}/ui/fax/{fax_id}")
        assert page.url.endswith("/ui/signin") and response is not None
        await context.close()


async def test_a_viewer_is_refused_another_mailboxs_fax_by_url(base_url: str,
                                                               archive: Archive) -> None:
    async with chromium() as browser:
        page = await browser.new_page()
        await sign_in(page, base_url, "val")
        for path in (f"/ui/fax/{archive.front_fax}", f"/ui/fax/{archive.front_fax}/pages/1.png",
                     f"/ui/fax/{archive.front_fax}/files/pdf"):
            response = await page.goto(f"{base_url}{path}")
            assert response is not None and response.status == 404, path
        response = await page.goto(f"{base_url}/ui/fax/{archive.cardiology_fax}")
        assert response is not None and response.status == 200
