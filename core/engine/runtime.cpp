#include "engine/runtime.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace nas::engine {

namespace {

// cuDNN picks the fastest convolution algorithm for each shape on first use, as the authors' search
// scripts ask (cudnn.benchmark = True): a search repeats the same few shapes for hours.
torch::Device useCuda() {
    at::globalContext().setBenchmarkCuDNN(true);
    return torch::kCUDA;
}

}  // namespace

torch::Device resolveDevice(const std::string& name) {
    if (name == "cpu") return torch::kCPU;
    if (name == "cuda") {
        if (!torch::cuda::is_available())
            throw std::runtime_error(
                "device 'cuda' was asked for, but this LibTorch sees no CUDA GPU");
        return useCuda();
    }
    if (name == "auto") return torch::cuda::is_available() ? useCuda() : torch::Device(torch::kCPU);
    throw std::invalid_argument("unknown device '" + name + "' (use auto, cpu or cuda)");
}

void useDeterministicAlgorithms(bool on) {
    auto& context = at::globalContext();
    if (on) {
        // cuBLAS reads this when it creates its handle, at the first matrix product on the GPU.
        (void)setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", /*overwrite=*/0);
        context.setBenchmarkCuDNN(false);
    }
    context.setDeterministicCuDNN(on);
    context.setDeterministicAlgorithms(on, /*warn_only=*/true);
}

namespace {

// OpenBLAS (Debian's LibTorch uses it for matrix products; PyTorch's own builds use MKL, which
// at::set_num_threads already reaches) keeps a pool of its own threads, one per core, that
// at::set_num_threads does not touch, and reads OPENBLAS_NUM_THREADS only when it is loaded, before
// main(). LibTorch calls it from inside its own parallel loops (a convolution runs one matrix
// product per image, the images spread over LibTorch's threads), so any OpenBLAS threads come on
// top of LibTorch's: two threads each made four on two cores. Found by name at run time, so builds
// without OpenBLAS need nothing.
void setBlasThreads(int threads) {
    using SetThreads = void (*)(int);
    static const auto set =
        reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (set) set(threads);
}

}  // namespace

ThreadPlan configureThreads(int threads) {
    const ThreadPlan plan = planThreads(threads);
    at::set_num_threads(plan.threads);
    setBlasThreads(1);
    return plan;
}

std::string describeDevice(const torch::Device& device) {
    if (device.is_cuda()) return "cuda:" + std::to_string(device.has_index() ? device.index() : 0);
    const int threads = at::get_num_threads();
    return "cpu (" + std::to_string(threads) + (threads == 1 ? " thread)" : " threads)");
}

std::string libtorchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

std::string studioVersion() { return NAS_VERSION; }
std::string gitCommit() { return NAS_GIT_COMMIT; }

}  // namespace nas::engine
