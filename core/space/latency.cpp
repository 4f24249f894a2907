#include "space/latency.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include <torch/cuda.h>

namespace nas::space {

double measureLatencyMs(const std::function<void()>& forward, const torch::Device& device, int warmup,
                        int repeats) {
    torch::NoGradGuard noGrad;
    auto sync = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    for (int i = 0; i < warmup; ++i) forward();
    sync();
    std::vector<double> times;
    for (int i = 0; i < std::max(1, repeats); ++i) {
        const auto start = std::chrono::steady_clock::now();
        forward();
        sync();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

}  // namespace nas::space
