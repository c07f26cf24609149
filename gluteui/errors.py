"""The one error type for mistakes a user can fix from the command line."""


class UserError(Exception):
    """Printed as one line on stderr; the command exits with status 2."""
