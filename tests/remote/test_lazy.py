"""An app that never starts the remote never loads aiohttp or segno (nor Textual, here)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("aiohttp", "segno", "textual", "selenium")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return {name.split(".")[0] for name in json.loads(out.stdout.splitlines()[-1])}


def test_the_remote_loads_nothing_heavy_until_started():
    code = (
        "from gluteui.remote.server import RemoteServer\n"
        "from gluteui.remote.qr import qr_lines\n"
        "from gluteui.remote.mirror import mirror_state\n"
        "server = RemoteServer(lambda name, arg: None)\n"
        "server.publish(None)\n"
    )
    assert not loaded_after(code) & set(HEAVY)


def test_starting_it_loads_aiohttp_and_drawing_the_code_segno():
    code = (
        "import asyncio\nfrom gluteui.remote.server import RemoteServer\nfrom gluteui.remote.qr import qr_lines\n"
        "async def main():\n"
        "    server = RemoteServer(lambda name, arg: None)\n"
        "    qr_lines(await server.start('127.0.0.1'))\n"
        "    await server.stop()\n"
        "asyncio.run(main())\n"
    )
    assert loaded_after(code) & set(HEAVY) == {"aiohttp", "segno"}
