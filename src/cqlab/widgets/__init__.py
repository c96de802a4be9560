"""Widgets: thin views that read controls, call a model function, and draw its result.

Each lesson widget subclasses :class:`cqlab.widgets.base.ChartWidget`. The browser tests
find the main control, the chart and the result text by their CSS classes
(``cqlab-main-control``, ``cqlab-chart``, ``cqlab-result``).
"""

from cqlab.widgets.base import ChartWidget

__all__ = ["ChartWidget"]
