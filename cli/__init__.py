"""The ``dof-tracker`` command line (click): one module per command family, loaded lazily.

``cli.app`` holds the group, the global options and the exit codes; ``cli.options`` the options
every command shares; ``cli.output`` the one writer of stdout. ``scheduler.main`` calls
``cli.app.main``.
"""
