"""One module per resource, each with an ``api`` router (``/api/...``) and a ``pages`` router."""
