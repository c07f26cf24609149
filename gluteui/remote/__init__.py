"""The phone on the mat: a page on the local network that mirrors the routine player and
sends its buttons back as commands.

`mirror` and `commands` are pure and cheap to import; `server.RemoteServer` imports
aiohttp, and `qr.qr_lines` segno, only when first used, so an app that never starts the
remote never loads either. The routine's clock stays the one truth: the page only shows
what the player published and asks the player to act.
"""
