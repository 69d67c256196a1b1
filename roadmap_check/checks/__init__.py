"""The checks over a resolved road map: one module per family of codes.

Each module declares its checks (``checks.base.Check``) and the function that finds them
(``Family.run``), a pure function of the resolution table (``roadmap_check.resolve``). The
registry (``roadmap_check.registry``) gathers them; nothing here imports the modules, so
importing one check module never imports the others.
"""
