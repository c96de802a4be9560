"""A Jupyter server extension for the class hub: sign the course's notebooks after each nbgitpuller pull.

On a laptop, ``make lab`` and ``make update`` sign the lessons for the student (``cqlab.launch``), so the
server never logs "Notebook ... is not trusted" and JupyterLab shows their saved outputs as they are. On the
hub the lessons arrive by an nbgitpuller link, after the student's server has started; this extension wraps
nbgitpuller's puller so that, once a pull has finished, the course's notebooks are signed with the server's
own notary (in process: no ``jupyter trust`` subprocess per student). The hub enables it through its own
config folder (``hub/jupyter-config``); a notebook the student edits is re-signed by the server on save.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["sign_course_notebooks"]


def sign_course_notebooks(root: Path, parent=None) -> int:
    """Sign every lesson and exercise notebook under ``root`` for this user; return how many were signed."""
    import nbformat
    from nbformat.sign import NotebookNotary

    from cqlab.launch import course_notebooks

    notary = NotebookNotary(parent=parent)
    signed = 0
    for path in course_notebooks(root):
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception:  # a broken file is the student's to see in JupyterLab; never fail the pull for it
            continue
        if not notary.check_signature(notebook):
            notary.sign(notebook)
        signed += 1
    return signed


def _jupyter_server_extension_points():
    return [{"module": "cqlab.hub_trust"}]


def _load_jupyter_server_extension(server_app) -> None:
    try:
        from nbgitpuller import handlers
    except ImportError:  # a server without nbgitpuller has no pulls to follow
        return
    base = handlers.GitPuller
    if getattr(base, "signs_course_notebooks", False):
        return

    class SigningGitPuller(base):
        """nbgitpuller's puller, then the course's notebooks signed in the pulled folder."""

        signs_course_notebooks = True

        def pull(self):
            yield from super().pull()
            count = sign_course_notebooks(Path(self.repo_dir), parent=server_app)
            server_app.log.info("cqlab: signed %d course notebooks in %s", count, self.repo_dir)

    handlers.GitPuller = SigningGitPuller
