"""Runs from the runner's watch: GPX, TCX and FIT files or a Strava export, read into Run
records, told apart from duplicates, linked to the activation before them (compared in core/stats/comparison.py).

Pure: nothing here knows the store or the screens, and the clock is always an argument.
"""
