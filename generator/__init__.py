"""Rule tables to a multilingual, accessible static site."""
