"""Cascade's HTTP surface (issue #4): the FastAPI app, JSON routes and the HTML lineage pages.

``api.app.create_app(graph=None, settings=None)`` builds the app; ``api.routes``
holds the JSON endpoints, ``api.pages`` the HTML pages, ``api.service`` the
queries and their pure shaping, ``api.views`` the pyvis networks, ``api.models``
the Pydantic response models, ``api.deps`` the ``Annotated`` dependencies.
Static assets (vis-network, Swagger UI, CSS) are served from ``api/static``:
no page loads anything from outside the app.
"""
