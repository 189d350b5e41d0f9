"""Users of the web application: names, roles, argon2id password hashes and API tokens.

Passwords are hashed with argon2id (argon2-cffi, the Password Hashing Competition winner and
OWASP's first choice), with the library's current parameters: a hash made with older parameters
is replaced at the next successful login. A login for an unknown name still verifies a hash, so
the time taken does not tell which names exist.

An API token (for feeds and the JSON API) is 32 random bytes; only its sha256 is stored. A fast
hash is enough there: the token is random and long, nothing to guess a dictionary against. A
user has at most one token; issuing a new one replaces the old, which stops working.

Every function takes a ``Connection`` in the caller's transaction (``store.transaction``);
``authenticate`` may write (a rehash), so call it inside one to keep that.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from errors import InputError

from . import schema as s
from .inputs import one_of

NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_TOKEN = 200
_HASHER = PasswordHasher()
# verified against when the name is unknown, so that both paths cost one argon2 verification
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


class Role(StrEnum):
    READER = "reader"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def can_review(self) -> bool:
        return self is not Role.READER


@dataclass(frozen=True, slots=True)
class User:
    """A user of the web application (never their password hash)."""

    id: int
    name: str
    role: Role
    created_at: datetime
    email: str | None = None

    def __repr__(self) -> str:
        return f"<User {self.id} {self.name} ({self.role})>"


def role_of(value: Role | str) -> Role:
    """A role from its name; ``InputError`` for anything else."""
    return one_of(Role, value, "rol desconocido")


def normalize_name(name: str) -> str:
    """A login name as stored: lowercase, 2 to 64 of ``a-z 0-9 . _ @ -``, starting with a letter
    or digit; ``InputError`` otherwise."""
    folded = name.strip().lower()
    if not NAME.fullmatch(folded):
        raise InputError("un nombre de usuario tiene de 2 a 64 caracteres entre a-z, 0-9, '.', '_', '@' "
                         f"y '-', y empieza con letra o dígito; no {name[:70]!r}")
    return folded


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"una contraseña necesita al menos {MIN_PASSWORD} caracteres")
    if len(password) > MAX_PASSWORD or "\x00" in password:
        raise InputError(f"una contraseña tiene a lo más {MAX_PASSWORD} caracteres y ningún NUL")


def _check_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    email = email.strip()
    if len(email) > 254 or not re.fullmatch(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+", email):
        raise InputError(f"no es una dirección de correo: {email[:70]!r}")
    return email


_COLUMNS = (s.app_user.c.id, s.app_user.c.name, s.app_user.c.role, s.app_user.c.created_at,
            s.app_user.c.email)


def _user(row: Any) -> User:
    return User(int(row.id), row.name, Role(row.role), row.created_at, row.email)


def add_user(conn: Connection, name: str, role: Role | str, password: str, *,
             email: str | None = None) -> User:
    """A new user; ``InputError`` for a bad or taken name, an unknown role or a short password."""
    name, role, email = normalize_name(name), role_of(role), _check_email(email)
    _check_password(password)
    u = s.app_user
    if conn.execute(select(u.c.id).where(u.c.name == name)).first() is not None:
        raise InputError(f"ya existe el usuario {name!r}")
    try:
        with conn.begin_nested():
            row = conn.execute(insert(u).values(name=name, role=str(role), email=email,
                                                password_hash=_HASHER.hash(password))
                               .returning(*_COLUMNS)).one()
    except IntegrityError:  # a concurrent add of the same name
        raise InputError(f"ya existe el usuario {name!r}") from None
    return _user(row)


def authenticate(conn: Connection, name: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (unknown name or wrong password alike).

    One argon2 verification either way; a hash made with outdated parameters is rehashed.
    """
    u = s.app_user
    try:
        key = normalize_name(name)
    except InputError:
        key = ""
    row = conn.execute(select(*_COLUMNS, u.c.password_hash).where(u.c.name == key)).first() if key else None
    stored = row.password_hash if row is not None else _DUMMY_HASH
    fits = len(password) <= MAX_PASSWORD  # no stored password is longer: such an input never matches
    try:
        _HASHER.verify(stored, password if fits else password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not fits:
        return None
    if _HASHER.check_needs_rehash(stored):
        conn.execute(update(u).where(u.c.id == row.id).values(password_hash=_HASHER.hash(password)))
    return _user(row)


def set_password(conn: Connection, name: str, password: str) -> None:
    """Replace a user's password; ``InputError`` if there is no such user."""
    _check_password(password)
    u = s.app_user
    result = conn.execute(update(u).where(u.c.name == normalize_name(name))
                          .values(password_hash=_HASHER.hash(password)))
    if result.rowcount != 1:
        raise InputError(f"no existe el usuario {name[:70]!r}")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(conn: Connection, name: str) -> str:
    """A new API token for the user ``name`` (shown once; only its hash is kept). Any token the
    user had stops working. ``InputError`` if there is no such user."""
    user = user_by_name(conn, name)
    if user is None:
        raise InputError(f"no existe el usuario {name[:70]!r}")
    token = secrets.token_urlsafe(32)
    t = s.api_token
    conn.execute(delete(t).where(t.c.user_id == user.id))
    conn.execute(insert(t).values(user_id=user.id, token_hash=_token_hash(token)))
    return token


def user_for_token(conn: Connection, token: str) -> User | None:
    """The user whose current token is ``token``, else None."""
    token = token.strip()
    if not token or len(token) > MAX_TOKEN:
        return None
    t = s.api_token
    row = conn.execute(select(*_COLUMNS).join(t, t.c.user_id == s.app_user.c.id)
                       .where(t.c.token_hash == _token_hash(token))).first()
    return _user(row) if row is not None else None


def get_user(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(*_COLUMNS).where(s.app_user.c.id == user_id)).first()
    return _user(row) if row is not None else None


def user_by_name(conn: Connection, name: str) -> User | None:
    try:
        key = normalize_name(name)
    except InputError:
        return None
    row = conn.execute(select(*_COLUMNS).where(s.app_user.c.name == key)).first()
    return _user(row) if row is not None else None


def users(conn: Connection) -> tuple[User, ...]:
    """Every user, by name."""
    return tuple(_user(r) for r in conn.execute(select(*_COLUMNS).order_by(s.app_user.c.name)))


__all__ = ["Role", "User", "add_user", "authenticate", "get_user", "issue_token", "normalize_name",
           "role_of", "set_password", "user_by_name", "user_for_token", "users"]
