"""The scales a user answers on, shared by the records that check the answers and by the
screens and commands that ask for them (the command line's help among them, which is
why this is not in records: building the parser must stay cheap)."""

MAX_CHECKIN_SCORE = 10
"""A run check-in: 0 = the lower back and hamstrings felt fine, this = very bad."""
