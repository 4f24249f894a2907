#!/usr/bin/env python3
"""Seconds per first-order DARTS search step of the authors' own network code, for a side-by-side
ratio with bench_search_step. This driver is ours; the network comes from the authors' repository
(model_search.Network), found in the folder --src names and never copied here. One step is what
their train_search.py does per batch with unrolled=False: an Adam step on the architecture
parameters from a validation batch, then an SGD step (momentum 0.9, weight decay 3e-4, gradient
clip 5) on the weights from a training batch. Setting: 16 channels, 8 cells, batch 64, 3x32x32,
random images, as bench_search_step.
"""
import argparse
import os
import resource
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", required=True, help="the authors' darts checkout (or its cnn/)")
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--trace", help="also profile one step and save its Chrome trace here")
    parser.add_argument("--channels-last", action="store_true",
                        help="run their network channels-last, as ours runs on a CPU (not their code's way)")
    args = parser.parse_args()

    cnn = os.path.join(args.src, "cnn")
    sys.path.insert(0, cnn if os.path.isdir(cnn) else args.src)
    import torch
    import torch.nn as nn

    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    torch.backends.cudnn.benchmark = True  # as their train_search.py
    if device.type == "cpu":
        # Their model puts its alphas on the GPU with .cuda(); on a CPU machine that is a no-op.
        torch.Tensor.cuda = lambda self, *a, **k: self
    from model_search import Network

    torch.manual_seed(0)
    criterion = nn.CrossEntropyLoss().to(device)
    model = Network(16, 10, 8, criterion).to(device)
    layout = torch.channels_last if args.channels_last else torch.contiguous_format
    model = model.to(memory_format=layout)
    for alpha in model.arch_parameters():
        alpha.data = alpha.data.to(device)
    weights = torch.optim.SGD(model.parameters(), 0.025, momentum=0.9, weight_decay=3e-4)
    alphas = torch.optim.Adam(model.arch_parameters(), lr=3e-4, betas=(0.5, 0.999),
                              weight_decay=1e-3)

    def batch():
        return (torch.randn(64, 3, 32, 32, device=device).contiguous(memory_format=layout),
                torch.randint(0, 10, (64,), device=device))

    train, valid = batch(), batch()

    def step():
        alphas.zero_grad()
        model._loss(*valid).backward()
        alphas.step()
        weights.zero_grad()
        loss = criterion(model(train[0]), train[1])
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5)
        weights.step()

    def synchronise():
        if device.type == "cuda":
            torch.cuda.synchronize()

    step()  # warm-up
    synchronise()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    synchronise()
    seconds = (time.perf_counter() - start) / args.steps
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    device_peak = ""
    if device.type == "cuda":
        device_peak = ", %.0f MiB on the GPU" % (torch.cuda.max_memory_allocated() / 2**20)
    name = "darts-ref-cl" if args.channels_last else "darts-ref"
    print("%-12s %8.3f s/step  peak %6.0f MiB resident%s" % (name, seconds, peak, device_peak),
          flush=True)
    if args.trace:
        activities = [torch.profiler.ProfilerActivity.CPU]
        if device.type == "cuda":
            activities.append(torch.profiler.ProfilerActivity.CUDA)
        with torch.profiler.profile(activities=activities) as profile:
            step()
            synchronise()
        profile.export_chrome_trace(args.trace)


if __name__ == "__main__":
    main()
