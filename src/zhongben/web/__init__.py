"""The web application: FastAPI, server-rendered Jinja2 templates with htmx, ECharts charts; all
assets vendored under ``static/``. One module per page; routes call ``workflow`` and ``store``."""
