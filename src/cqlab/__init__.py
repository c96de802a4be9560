"""Chongqing Policy Lab: the small, tested code that the lessons share.

Data flows one way: ``datasets/`` -> :mod:`cqlab.data` -> models (pure functions in
:mod:`cqlab.models`) -> charts and widgets -> notebooks. Heavy libraries load in the
modules that need them, so ``import cqlab`` stays fast.
"""

from cqlab.errors import CqlabInputError, DatasetError
from cqlab.i18n import get_language, label, set_language

__version__ = "0.2.0"  # the course version; CHANGELOG.md says what each version changed
__all__ = ["CqlabInputError", "DatasetError", "get_language", "label", "set_language"]
