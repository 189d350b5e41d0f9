"""Reading an input file given on the command line, refusing what is not a regular file."""

from __future__ import annotations

import os
import stat

from errors import InputError

MAX_INPUT_BYTES = 64 * 2**20  # the longest real law is a few MB; the fetcher's cap is 50 MiB


def read_file(name: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """A regular file's bytes, at most ``limit``; InputError for anything else.

    Opened without blocking (a FIFO would wait for a writer) and checked on the open handle,
    so a device (``/dev/zero`` reads forever), FIFO or socket is refused by what it is, and a
    file that grows past the limit while read is refused too.
    """
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(f"{name}: no existe el archivo") from None
    except OSError as exc:
        raise InputError(f"{name}: no se puede abrir ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: es una carpeta, no un archivo")
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: no es un archivo regular (un dispositivo, FIFO o socket): rechazado")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: no se puede leer ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"{name}: pasa de {limit // 2**20} MiB, lo más que puede medir una entrada")
    return data
