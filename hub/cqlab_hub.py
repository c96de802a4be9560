"""The class hub's authenticator and spawner: first-use sign-up, one real Unix account per student.

FirstUseAuthenticator (jupyterhub-firstuseauthenticator) lets a student choose a password at first
login, but creates no system account; LocalAuthenticator does (``create_system_users``), but only in
``add_user`` (the admin panel, the REST API, ``allowed_users`` at start-up), not on a first login. So
``CourseAuthenticator`` combines the two and also makes the account in ``pre_spawn_start``, the one
step every server start goes through. Every account it makes is in the Unix group ``cqlab`` with a
private home (mode 0700); the spawner refuses to start a server for any account outside that group,
so a student who signs up as ``root`` or ``daemon`` gets an error, never a root server.

A new account's home is seeded from ``home_seed`` (the hub config fills it with matplotlib's font cache,
built once by the hub's Python): without it every student's first kernel scans the machine's fonts again,
about 0.2 CPU-seconds that a class arriving together pays 30 times over.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
from pathlib import Path

from firstuseauthenticator import FirstUseAuthenticator
from jupyterhub.auth import LocalAuthenticator
from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Unicode, default

COURSE_GROUP = "cqlab"
LANGUAGES = {"en": "English", "zh": "中文"}


class CourseAccountError(RuntimeError):
    """A hub user whose Unix account is not a course account (not in the group, or a system uid)."""


def ensure_group(name: str = COURSE_GROUP) -> None:
    """Create the course's Unix group if it is missing."""
    try:
        grp.getgrnam(name)
    except KeyError:
        subprocess.run(["groupadd", name], check=True)


def seed_home(home: str | os.PathLike, seed: str | os.PathLike, uid: int, gid: int) -> list[Path]:
    """Copy the files under ``seed`` into a new account's ``home`` (keeping their relative paths), owned by
    the account, private (dirs 0700, files 0600); files the home already has are left alone. Returns the
    files copied."""
    home, seed = Path(home), Path(seed)
    copied = []
    if not seed.is_dir():
        return copied
    for source in sorted(seed.rglob("*")):
        if source.is_symlink() or not source.is_file():
            continue
        target = home / source.relative_to(seed)
        if target.exists() or target.is_symlink():
            continue
        for folder in reversed(target.relative_to(home).parents[:-1]):  # .cache, then .cache/matplotlib
            made = home / folder
            if not made.exists():
                made.mkdir(mode=0o700)
                os.chown(made, uid, gid, follow_symlinks=False)
        shutil.copyfile(source, target, follow_symlinks=False)
        os.chmod(target, 0o600)
        os.chown(target, uid, gid, follow_symlinks=False)
        copied.append(target)
    return copied


def check_course_account(name: str, group: str = COURSE_GROUP) -> pwd.struct_passwd:
    """Return the passwd entry of a course account; raise CourseAccountError for any other account."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError as missing:
        raise CourseAccountError(f"No Unix account {name!r} exists for this hub user.") from missing
    members = set(grp.getgrnam(group).gr_mem)
    if entry.pw_uid < 1000 or name not in members:
        raise CourseAccountError(
            f"The Unix account {name!r} is not a course account (expected a uid >= 1000 in group "
            f"{group!r}, got uid {entry.pw_uid}); the hub starts servers only for course accounts.")
    return entry


class CourseAuthenticator(LocalAuthenticator, FirstUseAuthenticator):
    """First-use passwords (or sign-up on first login) + a Unix account per student, made on demand."""

    course_group = Unicode(COURSE_GROUP, config=True, help="Unix group every course account is in.")
    home_seed = Unicode("", config=True, help="A folder whose files are copied into every new account's home.")

    def system_user_exists(self, user) -> bool:
        try:
            pwd.getpwnam(user.name)
        except KeyError:
            return False
        return True

    def add_system_user(self, user) -> None:
        ensure_group(self.course_group)
        super().add_system_user(user)
        entry = pwd.getpwnam(user.name)
        os.chmod(entry.pw_dir, 0o700)  # Debian's useradd leaves 0755 unless HOME_MODE is set: make it private
        if self.home_seed:
            seed_home(entry.pw_dir, self.home_seed, entry.pw_uid, entry.pw_gid)

    def pre_spawn_start(self, user, spawner) -> None:
        if not self.system_user_exists(user):
            self.log.info("Creating the Unix account of %s on first start", user.name)
            self.add_system_user(user)
        entry = check_course_account(user.name, self.course_group)
        os.chmod(entry.pw_dir, 0o700)
        return super().pre_spawn_start(user, spawner)


class CourseSpawner(LocalProcessSpawner):
    """LocalProcessSpawner + the student's language choice (form or REST body) as CQLAB_LANGUAGE."""

    default_language = Unicode("en", config=True, help="CQLAB_LANGUAGE when the student chose none.")

    @default("options_form")
    def _language_form(self) -> str:
        choices = "".join(f'<option value="{code}">{label}</option>' for code, label in LANGUAGES.items())
        return ('<label for="language">Language of charts and tables / 图表语言</label>'
                f'<select class="form-control" name="language" id="language">{choices}</select>')

    def options_from_form(self, formdata) -> dict:
        return {"language": formdata.get("language", [self.default_language])[0]}

    def get_env(self) -> dict:
        env = super().get_env()
        language = (self.user_options or {}).get("language", self.default_language)
        if language not in LANGUAGES:
            raise ValueError(f"Unknown language {language!r}: expected one of {sorted(LANGUAGES)}.")
        env["CQLAB_LANGUAGE"] = language
        return env
