"""A started remote and a phone for each test; chromium starts once per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.remote.phone import ServerThread, chromium, wait


@pytest.fixture
def remote() -> Iterator[ServerThread]:
    server = ServerThread()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = chromium(tmp_path_factory.mktemp("chromium"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def phone(browser: WebDriver, remote: ServerThread) -> WebDriver:
    """The browser on the remote's page, connected: the server counts it as following."""
    browser.get(remote.url)
    wait(browser).until(lambda driver: driver.execute_script('return document.getElementById("link").hidden'))
    return browser
