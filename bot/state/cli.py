"""`python -m bot state`: which state database the bot uses and what is in it; `--copy-to URL` moves the
SQLite state of the data folder into an empty PostgreSQL database (then set DATABASE_URL to that URL)."""

from __future__ import annotations

import argparse

from bot.environment import database_url
from bot.loading import data_from_args
from bot.state.copy import ALL_TABLES, copy_tables, row_count
from bot.state.db import STATE_FILE, SQLiteState, open_state


def run_state(args: argparse.Namespace) -> int:
    data = data_from_args(args)
    if not args.copy_to:
        state = open_state(data, database_url())
        try:
            print(f"{state.where}: schema version {state.version()}, {row_count(state)} rows")
        finally:
            state.close()
        return 0
    path = data / STATE_FILE
    if not path.exists():
        print(f"error: no state to copy: {path} does not exist")
        return 2
    from bot.state.postgres import PostgresState, StateUnavailable

    try:
        target = PostgresState(args.copy_to)
    except StateUnavailable as exc:
        print(f"error: {exc}")
        return 2
    try:
        if row_count(target):
            print(f"error: {target.where} already holds state; copy only into an empty database")
            return 2
        copied = copy_tables(SQLiteState(path), target, ALL_TABLES)
        print(f"copied {copied} rows from {path} to {target.where}; now set DATABASE_URL to it")
    finally:
        target.close()
    return 0
