#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: by the frame on top (self) and by the
frames anywhere on the stack (total), as `jfr print` writes them.

  jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | benchmarks/reads/jfr-top.py [N] [filter]
"""
import collections, re, sys

top_n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
needle = sys.argv[2] if len(sys.argv) > 2 else None
self_count, total, samples, stack = collections.Counter(), collections.Counter(), 0, None
frame = re.compile(r"^\s+([\w$./<>]+)\(")
for line in sys.stdin:
    if "jdk.ExecutionSample" in line:
        stack = []
    elif stack is not None and line.strip() == "]":
        if stack and (needle is None or any(needle in f for f in stack)):
            samples += 1
            self_count[stack[0]] += 1
            for f in set(stack):
                total[f] += 1
        stack = None
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
print(f"{samples} samples")
print("self:")
for f, n in self_count.most_common(top_n):
    print(f"  {n / samples:6.1%}  {f}")
print("total (on the stack):")
for f, n in total.most_common(top_n * 3):
    print(f"  {n / samples:6.1%}  {f}")
