#pragma once
// Where and how LibTorch runs: device choice, thread count, versions for manifests.
#include <string>

#include <torch/types.h>

namespace nas::engine {

// "auto": CUDA when available, else CPU. "cuda" without a GPU is an error that says so.
[[nodiscard]] torch::Device resolveDevice(const std::string& name);
// LibTorch starts with one intra-op thread on some builds; 0 means one per core.
void configureThreads(int threads);
[[nodiscard]] std::string describeDevice(const torch::Device& device);
[[nodiscard]] std::string libtorchVersion();
[[nodiscard]] std::string studioVersion();
[[nodiscard]] std::string gitCommit();

}  // namespace nas::engine
