"""The scales a user answers on, shared by the records that check the answers and by the
screens and commands that ask for them (the command line's help among them, which is
why this is not in records: building the parser must stay cheap)."""

MAX_CHECKIN_SCORE = 10
"""A run check-in, asked of the lower back and of the hamstrings apart: 0 = no discomfort,
this = the worst imaginable."""
