"""kabar: Indonesian news in; clean articles, actors, quotes, events and stories out.

The pipeline, stage by stage (one module or package each)::

    ingest → clean → language → actors → quotes → events → dedup → stories → store

Library entry points: :func:`kabar.pipeline.analyze` (files in, articles out),
:func:`kabar.pipeline.ingest` (files into a :class:`kabar.store.Store`), and
:func:`kabar.pipeline.process_document` (one document through the per-document stages).
"""

__version__ = "0.1.0"
