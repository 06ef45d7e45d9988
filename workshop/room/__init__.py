"""The workshop room: phones in the hall join the session over the local network.

The laptop serves a small web page (Werkzeug's routing and parsing, on Waitress, a
pure-Python production server) only while the facilitator has the room on, only on a private
address, and only to people who hold the session's join code. No Qt here: the desktop drives
it through ``desktop.workshop.room_control``, the command line through ``workshop.cli``.
"""
