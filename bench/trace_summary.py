#!/usr/bin/env python3
"""Summarises one step's Chrome trace (bench_step_profile, or darts_step.py --trace): the step's
span, the operators by self time (time in the operator minus time in the operators it called), and
on a GPU the number of kernels, the time the device was busy with them and the kernels by time.
   usage: trace_summary.py TRACE.json [TOP=12]
"""
import collections
import json
import sys


def self_times(ops):
    """Self time per operator name, nesting recovered per thread from start times and durations."""
    result = collections.Counter()
    by_thread = collections.defaultdict(list)
    for e in ops:
        by_thread[e.get("tid")].append(e)
    for events in by_thread.values():
        events.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []  # [end, name, time spent in children]
        for e in events:
            while stack and stack[-1][0] <= e["ts"]:
                end, name, children = stack.pop()
                result[name] -= children
            if stack:
                stack[-1][2] += e["dur"]
            result[e["name"]] += e["dur"]
            stack.append([e["ts"] + e["dur"], e["name"], 0.0])
        for end, name, children in stack:
            result[name] -= children
    return result


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    with open(path) as f:
        trace = json.load(f)
    events = [e for e in trace.get("traceEvents", []) if e.get("ph") == "X" and "dur" in e]
    ops = [e for e in events if e.get("cat") == "cpu_op"]
    kernels = [e for e in events if e.get("cat") == "kernel"]
    if not ops:
        sys.exit("%s: no operator events" % path)
    start = min(e["ts"] for e in ops)
    end = max(e["ts"] + e["dur"] for e in ops + kernels)
    span = (end - start) / 1e3
    print("%s: step span %.1f ms, %d operator calls" % (path, span, len(ops)))
    print("  operators by self time (ms):")
    for name, us in self_times(ops).most_common(top):
        print("    %9.1f  %s" % (us / 1e3, name))
    if kernels:
        busy = sum(e["dur"] for e in kernels) / 1e3
        print("  %d kernels, device busy %.1f ms (%.0f%% of the span)"
              % (len(kernels), busy, 100 * busy / span))
        by_kernel = collections.Counter()
        calls = collections.Counter()
        for e in kernels:
            short = e["name"][:90]
            by_kernel[short] += e["dur"]
            calls[short] += 1
        print("  kernels by time (ms, launches):")
        for name, us in by_kernel.most_common(top):
            print("    %9.2f %6d  %s" % (us / 1e3, calls[name], name))


if __name__ == "__main__":
    main()
