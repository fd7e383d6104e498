"""Rule data shipped with eventx (TSV and JSONL files)."""
