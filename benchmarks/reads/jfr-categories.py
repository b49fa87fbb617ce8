#!/usr/bin/env python3
"""Execution samples of a JFR recording by what they were doing: each sample of an event-loop
thread (reactor-*: start-up and other threads left out) counts under the category of the
topmost frame that matches one, so code a category calls into (Netty's write under Jackson,
say) counts where it runs, not under its caller. Optional argument: keep only stacks with it.

  jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | benchmarks/reads/jfr-categories.py [filter]
"""
import collections, re, sys

CATEGORIES = [
    ("timestamp text decoding (r2dbc)", "PostgresqlDateTimeFormatter"),
    ("value decoding (r2dbc codecs)", "io.r2dbc.postgresql.codec"),
    ("JSON encoding (Jackson)", "tools.jackson"),
    ("metrics and observation (Micrometer)", "io.micrometer"),
    ("query-service code (RequestScreen included)", "dev.commitcollector"),
    ("PostgreSQL protocol (r2dbc)", "io.r2dbc.postgresql"),
    ("connection pool", "io.r2dbc.pool|reactor.pool"),
    ("Spring R2DBC DatabaseClient", "org.springframework.r2dbc"),
    ("Spring WebFlux dispatch (and Spring core under it)", "org.springframework"),
    ("HTTP codec / server (Netty, Reactor Netty)", "io.netty.handler.codec.http|reactor.netty"),
    ("Reactor operators", "reactor.core"),
    ("Netty I/O", "io.netty"),
    ("logging", "ch.qos.logback|org.slf4j"),
]
PATTERNS = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]
needle = sys.argv[1] if len(sys.argv) > 1 else None
counts, samples, stack, thread = collections.Counter(), 0, None, ""
frame = re.compile(r"^\s+([\w$./<>]+)\(")
for line in sys.stdin:
    if "jdk.ExecutionSample" in line:
        stack, thread = [], ""
    elif stack is not None and "sampledThread" in line:
        thread = line.split('"')[1]
    elif stack is not None and line.strip() == "]":
        if stack and thread.startswith("reactor-") and (needle is None or any(needle in f for f in stack)):
            samples += 1
            counts[next((name for f in stack for name, p in PATTERNS if p.search(f)), "other (JDK)")] += 1
        stack = None
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
print(f"{samples} samples of event-loop threads" + (f" with {needle}" if needle else ""))
for name, n in counts.most_common():
    print(f"  {n / samples:6.1%}  {name}")
