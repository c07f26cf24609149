"""The token, and the address the page is served at."""

from __future__ import annotations

import ipaddress
import re

from gluteui.remote.access import lan_address, new_token, page_url, token_matches


def test_a_token_is_new_each_time_and_safe_in_a_url():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", token) for token in tokens)


def test_only_the_token_itself_matches():
    token = new_token()
    assert token_matches(token, token)
    for other in ("", token[:-1], token + "a", token.upper() if token != token.upper() else token.lower(),
                  f"{token}/", "é" + token[1:], new_token()):
        assert not token_matches(other, token), other


def test_the_address_holds_host_port_and_token():
    assert page_url("192.168.1.20", 8123, "abc") == "http://192.168.1.20:8123/abc/"
    assert page_url("fe80::1", 8123, "abc") == "http://[fe80::1]:8123/abc/"


def test_the_lan_address_is_an_address_of_this_machine():
    # Asking the routing table sends nothing; without a route out it is the loopback.
    address = ipaddress.ip_address(lan_address())
    assert address.version == 4
