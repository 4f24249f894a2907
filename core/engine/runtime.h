#pragma once
// Where and how LibTorch runs: device choice, thread count, versions for manifests.
#include <torch/types.h>

#include <string>

#include "engine/thread_plan.h"

namespace nas::engine {

// "auto": CUDA when available, else CPU. "cuda" without a GPU is an error that says so.
[[nodiscard]] torch::Device resolveDevice(const std::string& name);
// With `on`, CUDA work from here on uses deterministic kernels only (where LibTorch has none, it
// warns and runs the usual one), cuDNN does not autotune, and cuBLAS gets the fixed workspace it
// needs to be reproducible; call it after resolveDevice and before the first CUDA work. Without,
// LibTorch's defaults return (a process may run several searches). CPU results are the same.
void useDeterministicAlgorithms(bool on);
// Sets LibTorch's intra-op threads and, where LibTorch uses OpenBLAS, OpenBLAS's threads, to suit
// each other; `threads` 0 leaves the count to planThreads (one per free core). Returns the plan, so
// that the caller can say when a busy machine made it choose fewer threads (ThreadPlan::note).
ThreadPlan configureThreads(int threads);
[[nodiscard]] std::string describeDevice(const torch::Device& device);
[[nodiscard]] std::string libtorchVersion();
[[nodiscard]] std::string studioVersion();
[[nodiscard]] std::string gitCommit();

}  // namespace nas::engine
