"""The web layer: translates HTTP to calls of the search layer, nothing more."""
