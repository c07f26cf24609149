"""The remote's page in a real browser (Debian's chromium, headless, 390x844) against a
real server on 127.0.0.1: it follows a routine, every button sends its command, nothing
is served without the token, and two phones follow at once."""

from __future__ import annotations

import http.client
import urllib.parse
from dataclasses import replace
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gluteui.core.pain import ASKED, PLACES, RULE, STOP_TODAY
from tests.remote.phone import ServerThread, chromium, showing, wait, wait_until_shown
from tests.remote.routine import CLAM_NAME, routine_states, state_at

MID_REP = state_at(6.5)
"""Clam, left side, rep 2, squeezing."""


def click(driver: WebDriver, element_id: str) -> None:
    driver.find_element(By.ID, element_id).click()


def sheet_buttons(driver: WebDriver) -> list[str]:
    """The labels of the "it hurts" sheet's buttons, once it is open."""
    wait(driver).until(lambda d: d.find_element(By.ID, "pain").is_displayed())
    return [button.text for button in driver.find_elements(By.CSS_SELECTOR, "#pain button")]


def press_in_sheet(driver: WebDriver, label: str) -> None:
    next(b for b in driver.find_elements(By.CSS_SELECTOR, "#pain button") if b.text == label).click()


def test_the_page_follows_a_whole_routine(phone: WebDriver, remote: ServerThread):
    states = routine_states()
    assert states[-1].finished and len(states) > 100
    for state in states:
        remote.publish(state)
        wait_until_shown(phone, state)
    # The move's name holds HTML: it is shown as written, and made no element.
    assert not phone.find_elements(By.CSS_SELECTOR, "#exercise *")
    assert not phone.find_element(By.ID, "controls").is_displayed()  # done: nothing to press


def test_the_page_follows_a_pause(phone: WebDriver, remote: ServerThread):
    for state in (MID_REP, replace(MID_REP, paused=True), replace(MID_REP, paused=False)):
        remote.publish(state)
        wait_until_shown(phone, state)


def test_a_page_opened_mid_routine_shows_the_state_at_once(browser: WebDriver, remote: ServerThread):
    remote.publish(MID_REP)
    browser.get(remote.url)
    wait_until_shown(browser, MID_REP)


def test_pause_resume_next_and_stop_send_their_commands(phone: WebDriver, remote: ServerThread):
    remote.publish(MID_REP)
    wait_until_shown(phone, MID_REP)
    click(phone, "pause")
    assert remote.command() == ("pause", None)
    remote.publish(replace(MID_REP, paused=True))
    wait_until_shown(phone, replace(MID_REP, paused=True))
    click(phone, "pause")
    assert remote.command() == ("resume", None)
    click(phone, "next-set")
    assert remote.command() == ("next", None)
    # Stop asks first; "Keep going" sends nothing (the next command to arrive is the next one sent).
    click(phone, "stop")
    assert phone.find_element(By.ID, "confirm").is_displayed()
    click(phone, "stop-no")
    assert not phone.find_element(By.ID, "confirm").is_displayed()
    click(phone, "next-set")
    assert remote.command() == ("next", None)
    click(phone, "stop")
    click(phone, "stop-yes")
    assert remote.command() == ("stop", None)


def test_a_lead_in_that_waits_shows_ready_and_go_sends_resume(phone: WebDriver, remote: ServerThread):
    waiting = replace(state_at(1.0), ready=True)
    remote.publish(waiting)
    wait_until_shown(phone, waiting)
    assert showing(phone)["rep"] == "READY?" and showing(phone)["pause"] == "Go"
    click(phone, "pause")
    assert remote.command() == ("resume", None)


def test_it_hurts_asks_where_then_offers_the_easier_versions(phone: WebDriver, remote: ServerThread):
    remote.publish(MID_REP)
    wait_until_shown(phone, MID_REP)
    click(phone, "hurts")
    assert remote.command() == ("hurts", None)
    hurting = replace(MID_REP, paused=True, hurting=True)
    remote.publish(hurting)
    places = [PLACES[place] for place in ASKED]
    assert sheet_buttons(phone) == [*places, f"Skip the rest of {CLAM_NAME} without saying", "Stay paused"]
    press_in_sheet(phone, PLACES["buttock"])
    assert remote.command() == ("where", ASKED.index("buttock") + 1)
    remote.publish(replace(hurting, hurt_where="buttock"))
    wait(phone).until(lambda d: RULE in d.find_element(By.ID, "pain").text)
    # No choice means "carry on": skip, easier, or stay paused. The versions are shown as written.
    assert sheet_buttons(phone) == [f"Skip the rest of {CLAM_NAME} today", *MID_REP.easier, "Stay paused"]
    press_in_sheet(phone, MID_REP.easier[1])
    assert remote.command() == ("easier", 1)
    press_in_sheet(phone, f"Skip the rest of {CLAM_NAME} today")
    assert remote.command() == ("skip_move", None)
    press_in_sheet(phone, "Stay paused")
    assert remote.command() == ("stay_paused", None)
    # The app closed its dialog: so does the page.
    remote.publish(replace(MID_REP, paused=True))
    wait(phone).until(lambda d: not d.find_element(By.ID, "pain").is_displayed())


def test_pain_down_the_leg_offers_only_stopping_or_staying_paused(phone: WebDriver, remote: ServerThread):
    remote.publish(replace(MID_REP, paused=True, hurting=True))
    assert PLACES["down_the_leg"] in sheet_buttons(phone)
    press_in_sheet(phone, PLACES["down_the_leg"])
    assert remote.command() == ("where", 5)
    remote.publish(replace(MID_REP, paused=True, hurting=True, hurt_where="down_the_leg"))
    wait(phone).until(lambda d: STOP_TODAY in d.find_element(By.ID, "pain").text)
    assert sheet_buttons(phone) == ["Stop the routine here (what you did is kept)", "Stay paused"]
    press_in_sheet(phone, "Stop the routine here (what you did is kept)")
    assert remote.command() == ("skip_move", None)


def get(url: str, **headers: str) -> tuple[int, str]:
    """The status and body of a GET of `url`; no body for a socket opened (101)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        connection.request("GET", parts.path, headers=headers)
        response = connection.getresponse()
        return response.status, "" if response.status == 101 else response.read().decode()
    finally:
        connection.close()


UPGRADE = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
           "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
"""A websocket handshake (RFC 6455's sample key)."""


def test_without_the_token_nothing_is_served(remote: ServerThread):
    remote.publish(MID_REP)
    base, token = remote.url.rstrip("/").rsplit("/", 1)
    wrong = ("", "ws", "x", token[:-1], token + "x", token.swapcase(), f"x/{token}")
    for path in [f"/{bad}/" for bad in wrong] + [f"/{bad}/ws" for bad in wrong] + ["/", "/favicon.ico"]:
        for headers in ({}, UPGRADE):
            assert get(base + path, **headers) == (403, "Forbidden"), path
    # With the token, a socket opens (101); from another site's page, it does not.
    assert get(f"{base}/{token}/ws", **UPGRADE)[0] == 101
    assert get(f"{base}/{token}/ws", Origin="http://evil.example", **UPGRADE)[0] == 403
    status, page = get(remote.url)
    assert status == 200 and "<title>GluteUI remote</title>" in page and CLAM_NAME not in page


def test_a_wrong_token_in_the_browser_gets_no_page_and_no_socket(phone: WebDriver, remote: ServerThread):
    remote.publish(MID_REP)
    base, token = remote.url.rstrip("/").rsplit("/", 1)
    # A socket to a wrong token, opened from the real page: refused before any message.
    heard = phone.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const heard = [];
        const socket = new WebSocket(arguments[0]);
        socket.onmessage = (event) => heard.push(event.data);
        socket.onclose = () => done(heard);
        """,
        f"{base.replace('http', 'ws', 1)}/{token[::-1]}/ws",
    )
    assert heard == []
    phone.get(f"{base}/{token[::-1]}/")
    assert phone.find_element(By.TAG_NAME, "body").text == "Forbidden"
    assert phone.title == ""


def test_two_phones_follow_at_once(phone: WebDriver, remote: ServerThread, tmp_path: Path):
    second = chromium(tmp_path / "second")
    try:
        second.get(remote.url)
        wait(second).until(lambda d: remote.followers() == 2)
        for state in routine_states()[::7]:
            remote.publish(state)
            wait_until_shown(phone, state)
            wait_until_shown(second, state)
        assert showing(phone)["seq"] == showing(second)["seq"]
        remote.publish(MID_REP)
        wait_until_shown(second, MID_REP)
        click(second, "next-set")
        assert remote.command() == ("next", None)
        click(phone, "pause")
        assert remote.command() == ("pause", None)
    finally:
        second.quit()


def test_stopping_the_remote_closes_the_page(phone: WebDriver, remote: ServerThread):
    remote.publish(MID_REP)
    wait_until_shown(phone, MID_REP)
    remote.run(remote.server.stop())
    wait(phone).until(lambda d: d.find_element(By.ID, "link").is_displayed())
    assert "Lost GluteUI" in phone.find_element(By.ID, "link").text
    assert remote.server.url is None


@pytest.mark.parametrize("state", [None, replace(MID_REP, finished=True)])
def test_no_controls_without_a_routine_playing(phone: WebDriver, remote: ServerThread, state):
    remote.publish(MID_REP)
    wait_until_shown(phone, MID_REP)
    remote.publish(state)
    wait(phone).until(lambda d: not d.find_element(By.ID, "controls").is_displayed())
