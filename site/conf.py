"""Sphinx configuration of the course website. `site/build.py` stages the pages and runs Sphinx with it.

Sphinx + MyST-NB + sphinx-book-theme build offline: the theme, its fonts and icons ship in the Python
packages, and MathJax is copied from node_modules (npm registry) instead of Sphinx's default CDN.
Notebooks are never executed here: the pages show the outputs committed in the repository.
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETTINGS = json.loads((HERE / "_settings.json").read_text(encoding="utf-8"))

project = "Chongqing Policy Lab"
author = "Chongqing Policy Lab contributors"
version = release = SETTINGS["version"]
copyright = "Chongqing Policy Lab contributors. Code MIT, content CC BY 4.0"
language = "en"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "_settings.json", "**.ipynb_checkpoints"]
templates_path = ["_templates"]

# Notebooks: show the committed outputs, never execute; no widget JavaScript from a CDN (build.py
# replaces widget views by a note, so nothing needs the widget manager).
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_merge_streams = True
nb_output_folder = str(HERE.parent / "jupyter_execute")  # images of outputs: inside the temporary build folder
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]

# MathJax 3 from node_modules (copied into _static/mathjax by build.py), not from a CDN.
mathjax_path = "mathjax/tex-svg.js"
mathjax3_config = {"svg": {"fontCache": "global"}}

html_theme = "sphinx_book_theme"
html_title = f"Chongqing Policy Lab {version}"
html_static_path = ["_static"]
html_css_files = ["cqlab.css"]
html_js_files = ["cqlab-a11y.js"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_use_index = False  # no general index: the pages have no index entries
html_theme_options = {
    "repository_url": SETTINGS["repo_url"],
    "use_repository_button": False,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "extra_footer": (
        "Code: MIT licence. Content (lessons, data, text): CC BY 4.0. "
        f"Course version {version}. "
        "How to cite: CITATION.cff, quoted on the home page."
    ),
}


def setup(app):
    # The charts' alt text is stored in each output's metadata (image/png -> alt); MyST-NB keeps only
    # width and height from there, so carry the alt text over onto the image node too.
    from myst_nb.core import render

    original = render.NbElementRenderer.render_image

    def render_image(self, data):
        nodes = original(self, data)
        alt = (data.output_metadata or {}).get(data.mime_type, {}).get("alt")
        if alt:
            for node in nodes:
                node["alt"] = str(alt)
        return nodes

    render.NbElementRenderer.render_image = render_image
    return {"parallel_read_safe": True}
