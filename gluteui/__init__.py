"""GluteUI: wake up a desk-bound runner's glutes before the run."""
