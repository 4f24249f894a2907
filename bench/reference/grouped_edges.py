#!/usr/bin/env python3
"""Whether batching the edges that share an input and an op pays on this machine's CPU.

Four edges read one state and each runs its own sep_conv_3x3 (a DARTS cell's first state feeds four
nodes). Separately: one ReLU, then four ops of 16 channels. Batched: the ReLU output repeated four
times along the channels and one op of 64 channels whose convolutions are grouped per edge (the
same arithmetic, one call per layer). Channels-last, as the engine runs on a CPU. Prints the mean
forward+backward time of each, alternating, twice.
   usage: grouped_edges.py [--threads N] [--batch 64] [--channels 16] [--size 32] [--edges 4]
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def sep_conv(channels, groups):
    """ReLU-less sep_conv_3x3 (its ReLU is shared): (depthwise 3x3, 1x1, BN), ReLU, the same again."""
    def half():
        return [nn.Conv2d(channels, channels, 3, padding=1, groups=channels, bias=False),
                nn.Conv2d(channels, channels, 1, groups=groups, bias=False),
                nn.BatchNorm2d(channels, affine=False)]
    return nn.Sequential(*half(), nn.ReLU(), *half()).to(memory_format=torch.channels_last)


def timed(step, repeats=5):
    for _ in range(2):
        step()
    start = time.perf_counter()
    for _ in range(repeats):
        step()
    return (time.perf_counter() - start) / repeats * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--channels", type=int, default=16)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--edges", type=int, default=4)
    a = parser.parse_args()
    torch.set_num_threads(a.threads)
    x = torch.randn(a.batch, a.channels, a.size, a.size).to(memory_format=torch.channels_last)
    x.requires_grad_()
    separate = [sep_conv(a.channels, 1) for _ in range(a.edges)]
    batched = sep_conv(a.edges * a.channels, a.edges)

    def run_separate():
        h = F.relu(x)
        sum(op(h) for op in separate).sum().backward()

    def run_batched():
        h = F.relu(x).repeat(1, a.edges, 1, 1)
        sum(batched(h).chunk(a.edges, 1)).sum().backward()

    print(f"torch {torch.__version__}, {a.threads} threads, {a.edges} edges of sep_conv_3x3, "
          f"{a.batch}x{a.channels}x{a.size}x{a.size}")
    for _ in range(2):
        print(f"separate {timed(run_separate):8.1f} ms   batched {timed(run_batched):8.1f} ms")


if __name__ == "__main__":
    main()
