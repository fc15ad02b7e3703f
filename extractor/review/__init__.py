"""Review pages: records drawn over their source text as HTML (``extractor render``).

``layers.py`` nests highlighted spans over a text, ``compare.py`` pairs a record's facts
with gold, ``page.py`` lays out one source's page, ``site.py`` writes pages and the index.
"""
