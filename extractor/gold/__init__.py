"""Gold tools: build gold files from labelling drafts, and check gold files."""
