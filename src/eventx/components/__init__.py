"""eventx's spaCy components, one module each."""
