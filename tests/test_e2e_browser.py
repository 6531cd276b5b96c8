"""The whole flow in a real headless Chromium against the real app on the embedded local S3."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
DATA = Path(__file__).parent / "data" / "tailoring"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium", pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def app_url(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "RESUME_OUTPUT_DIR": str(tmp_path / "output"),
        "PYTHONPATH": str(ROOT),
    }
    log = open(tmp_path / "streamlit.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if requests.get(f"{url}/_stcore/health", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + (tmp_path / "streamlit.log").read_text())
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def test_edit_tailor_generate_preview_and_history(app_url, tmp_path):
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)  # the first run starts the local S3 and imports a lot
        page.goto(app_url)
        expect(page.get_by_role("heading", name="Resume editor")).to_be_visible()
        expect(page.get_by_text("Local demo storage")).to_be_visible()

        basics = page.locator("[data-testid='stForm']:visible").first
        basics.get_by_label("Name", exact=True).fill("Ada E2E Okafor")
        basics.get_by_role("button", name="Save basics").click()
        expect(page.get_by_text("Editing: Ada E2E Okafor")).to_be_visible()
        page.get_by_role("tab", name="Work").click()
        job = page.locator("[data-testid='stForm']:visible").first
        job.get_by_label("Position").fill("Principal Engineer")
        job.get_by_role("button", name="Save").click()
        page.get_by_role("tab", name="Work").click()
        expect(page.get_by_text("Principal Engineer · Lumen Pay")).to_be_visible()

        page.get_by_role("link", name="Tailor").click()
        ad = page.get_by_role("textbox", name="Job description")
        ad.fill((DATA / "jd-sre.txt").read_text())
        ad.press("Control+Enter")
        page.get_by_role("button", name="Tailor", exact=True).click()
        expect(page.get_by_text("Match before")).to_be_visible()
        page.get_by_role("button", name="Use this version for Generate").click()
        expect(page.get_by_text("Tailored version ready")).to_be_visible()

        page.get_by_role("link", name="Generate & Preview").click()
        expect(page.get_by_text("Use the version tailored to")).to_be_visible()
        with page.expect_response(
            lambda r: "/resumes/" in r.url and r.request.method == "GET", timeout=60_000
        ) as response_info:
            page.get_by_role("button", name="Generate and publish").click()
        response = response_info.value
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        assert "X-Amz-Signature=" in response.url
        assert "ada-e2e-okafor-site-reliability-engineer-nimbus-payments-" in response.url
        frame = page.locator("iframe.resume-preview")
        expect(frame).to_have_count(1)
        download = page.get_by_role("link", name="Download PDF")
        assert "attachment" in requests.utils.unquote(download.get_attribute("href"))
        page.screenshot(path=str(tmp_path / "generate.png"), full_page=True)

        page.get_by_role("link", name="History").click()
        expect(page.get_by_text("1 upload found")).to_be_visible()
        expect(page.get_by_text("ada-e2e-okafor-site-reliability-engineer")).to_be_visible()
        browser.close()


def test_a_deep_link_on_a_fresh_server_goes_through_the_router(app_url):
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        expect.set_options(timeout=30_000)
        page.goto(f"{app_url}/tailor")
        expect(page.get_by_role("heading", name="Tailor to a job")).to_be_visible()
        expect(page.get_by_role("link", name="Generate & Preview")).to_be_visible()
        expect(page.get_by_text("Local demo storage")).to_be_visible()
        assert page.get_by_role("link", name="shared").count() == 0
        browser.close()
