"""Names vulture cannot see used, each with who uses it. Read by vulture only, never run.

Textual's conventions (action_*, on_*, BINDINGS, ...) are ignored by pattern in
pyproject.toml's [tool.vulture]; this file holds the rest. Anything else vulture reports
is dead code: remove it, do not add it here.
"""

# Parameters a caller's signature requires: argparse passes an Action its keywords, Textual
# passes the layout hooks their sizes.
kwargs  # VersionAction.__init__ (gluteui/cli.py)
viewport  # get_content_height / get_content_width (progress.py, anatomy.py, calendar.py)
container_width  # get_optimal_width (widgets/hanging.py)

# expat calls the handlers it is given and reads its own options.
_.StartDoctypeDeclHandler  # core/runs/xmlsafe.py
_.StartElementHandler  # core/runs/xmlsafe.py
_.EndElementHandler  # core/runs/xmlsafe.py
_.CharacterDataHandler  # core/runs/xmlsafe.py
_.buffer_text  # core/runs/xmlsafe.py

# The phone's page reads the mirror state's fields from JSON (gluteui/remote/page.html).
next_up  # MirrorState (remote/mirror.py)

# Issue 22, check-ins: answers from the app and the CLI replace what was said before
# (Store.replace_checkins); adding one alone stays for the tests and scripts that build histories.
_.add_checkin  # core/history/store.py

# Textual calls a Suggester's get_suggestion as the user types, and reads a widget's disabled.
get_suggestion  # PathSuggester (widgets/path_input.py)
_.disabled  # the import dialog's path box and switch while it reads (widgets/run_import.py)
_.cursor_blink  # the import dialog's path box, still in tests and with reduced motion (widgets/run_import.py)
