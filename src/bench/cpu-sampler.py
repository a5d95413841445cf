#!/usr/bin/env python3
"""Where the machine's CPU goes, once a second, by who uses it.

    src/bench/cpu-sampler.py APP_PID > cpu.txt

Each line: the epoch second, then the CPU used in that second, in % of one core, by the
application's process (APP_PID, all its threads), every PostgreSQL process, wrk, nginx, and
every other process of the machine together (the kernel's own threads among them). A slow
percentile in a load run is then told from a machine busy elsewhere ("others") or a
database working on its own (autovacuum, a checkpoint).
"""
import os
import sys
import time

APP = sys.argv[1]
TICKS = os.sysconf("SC_CLK_TCK")


def sample():
    used = {"app": 0, "postgres": 0, "wrk": 0, "nginx": 0, "others": 0}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        if pid == APP:
            who = "app"
        elif name.startswith("postgres"):
            who = "postgres"
        elif name in ("wrk", "nginx"):
            who = name
        else:
            who = "others"
        used[who] += ticks
    return used


before = sample()
started = time.monotonic()
while True:
    time.sleep(1 - (time.monotonic() - started) % 1)
    now = sample()
    # a process that ended in the second takes its ticks with it: never below zero
    line = " ".join(str(max(0, round((now[k] - before[k]) * 100 / TICKS))) for k in now)
    print(int(time.time()), line, flush=True)
    before = now
