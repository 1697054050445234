"""Versioned schema migrations: ``NNNN_name.sql``, applied in order, each once, in a transaction.

Numbers are reserved by area so parallel work does not collide: 0001-0009 core and territory,
0010-0019 events, 0020-0029 claims and dedup, 0030-0039 serving, 0040-0049 scale-out.
"""
