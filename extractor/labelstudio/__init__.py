"""Label Studio round trip for making gold: records → tasks with pre-annotations and a
labelling config (``tasks.py``, ``config.py``), and a Label Studio JSON export → SPEC gold
(``importing.py``); ``offsets.py`` converts between Python's and JavaScript's string indices.
"""
