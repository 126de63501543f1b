"""The editorial state machine as data: the states a claim can be in."""

STATES = ("new", "in_research", "in_review", "approved", "published", "dismissed", "retracted")
INITIAL_STATE = "new"
