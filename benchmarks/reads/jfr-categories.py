#!/usr/bin/env python3
"""Execution samples of a JFR recording by what they were doing: the first category, scanning a
stack from its top, whose pattern a frame matches. Optional argument: keep only stacks with it.

  jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | benchmarks/reads/jfr-categories.py [filter]
"""
import collections, re, sys

CATEGORIES = [
    ("timestamp text decoding (r2dbc)", "PostgresqlDateTimeFormatter"),
    ("other value decoding (r2dbc codecs)", "io.r2dbc.postgresql.codec"),
    ("JSON encoding (Jackson)", "tools.jackson"),
    ("metrics (Micrometer)", "io.micrometer"),
    ("request screen", "RequestScreen"),
    ("PostgreSQL protocol (r2dbc)", "io.r2dbc.postgresql"),
    ("connection pool", "io.r2dbc.pool|reactor.pool"),
    ("query-service code", "dev.commitcollector"),
    ("Spring WebFlux dispatch", "org.springframework.web|org.springframework.http"),
    ("Spring R2DBC DatabaseClient", "org.springframework.r2dbc"),
    ("HTTP codec / server (Netty, Reactor Netty)", "io.netty.handler.codec.http|reactor.netty.http"),
    ("Reactor operators", "reactor.core"),
    ("Netty I/O", "io.netty"),
]
needle = sys.argv[1] if len(sys.argv) > 1 else None
counts, samples, stack = collections.Counter(), 0, None
frame = re.compile(r"^\s+([\w$./<>]+)\(")
for line in sys.stdin:
    if "jdk.ExecutionSample" in line:
        stack = []
    elif stack is not None and line.strip() == "]":
        if stack and (needle is None or any(needle in f for f in stack)):
            samples += 1
            counts[next((name for name, pattern in CATEGORIES for f in stack if re.search(pattern, f)), "other")] += 1
        stack = None
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
print(f"{samples} samples" + (f" with {needle}" if needle else ""))
for name, n in counts.most_common():
    print(f"  {n / samples:6.1%}  {name}")
