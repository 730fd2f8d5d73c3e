"""Figures, checks and rendering for the yearly government work reports.

A plain Python package: everything here can be imported and tested without
MkDocs. Only `glue` touches MkDocs and mkdocs-macros; this file merely
re-exports its hooks, because mkdocs-macros loads the package named by
`module_name` in mkdocs.yml.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros entry point (see `macros.glue`)."""
    from macros.glue import define_env as define

    define(env)


def on_pre_page_macros(env: Any) -> None:
    """mkdocs-macros per-page hook (see `macros.glue`)."""
    from macros.glue import on_pre_page_macros as hook

    hook(env)


def on_post_page_macros(env: Any) -> None:
    """mkdocs-macros per-page hook, after rendering (see `macros.glue`)."""
    from macros.glue import on_post_page_macros as hook

    hook(env)


def on_post_build(env: Any) -> None:
    """mkdocs-macros end-of-build hook (see `macros.glue`)."""
    from macros.glue import on_post_build as hook

    hook(env)
