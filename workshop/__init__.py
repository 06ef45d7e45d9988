"""Workshop mode: a facilitator's record of a co-design session, run offline from one laptop.

A kind package like ``charter/`` and ``plans/``: no Qt here. The kind's spec is
``workshop.kind.WORKSHOP``, found through the ``reformkit.kinds`` entry points.
"""
