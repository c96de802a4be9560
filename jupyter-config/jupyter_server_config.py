# The course's server settings, read because the launcher (cqlab.launch) or the hub's spawner puts this
# folder first on JUPYTER_CONFIG_PATH. Paths are relative to this file so the folder works wherever the
# course is cloned.
from pathlib import Path

here = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 - provided by traitlets when it loads this file

# A classroom may have no internet: no news feed, no update check.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
# Defaults for JupyterLab's settings (overrides.json): the news popup off, widget state not saved.
c.LabApp.app_settings_dir = str(here / "lab-settings")
