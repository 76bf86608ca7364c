"""Documents on disk → paragraphs and sentences with stable ids and offsets."""
