#include "space/latency.h"

#include <torch/cuda.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace nas::space {

double measureLatencyMs(const std::function<void()>& forward, const torch::Device& device,
                        int warmup, int repeats) {
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
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

}  // namespace nas::space

#include <map>
#include <tuple>

#include "space/cost_model.h"
#include "space/operations.h"

namespace nas::space {

std::vector<std::vector<double>> edgeOpLatencyMs(const SpaceConfig& space, bool reduction,
                                                 const torch::Device& device) {
    const auto& ops = reduction ? space.reduceOps : space.normalOps;
    std::vector<std::vector<double>> table(static_cast<size_t>(space.edgesPerCell()),
                                           std::vector<double>(ops.size(), 0.0));
    std::map<std::tuple<int, int, int, int, size_t>, double>
        measured;  // (c, stride, h, w, op) -> ms
    auto latency = [&](int c, int stride, int h, int w, size_t k) {
        const auto key = std::make_tuple(c, stride, h, w, k);
        if (auto it = measured.find(key); it != measured.end()) return it->second;
        auto op = makeOp(opKindFromName(ops[k]), c, stride, false);
        op->to(device);
        op->eval();
        const auto input = torch::randn({1, c, h, w}, torch::TensorOptions().device(device));
        const double ms = measureLatencyMs([&] { (void)op->forward(input); }, device, 1, 3);
        measured[key] = ms;
        return ms;
    };
    for (const auto& s : cellShapes(space, space.nodes)) {
        if (s.reduction != reduction) continue;
        for (int e = 0; e < space.edgesPerCell(); ++e) {
            const int stride = reduction && edgeSource(e) < 2 ? 2 : 1;
            const int h = stride == 2 ? s.inH : s.outH, w = stride == 2 ? s.inW : s.outW;
            for (size_t k = 0; k < ops.size(); ++k)
                table[static_cast<size_t>(e)][k] += latency(s.c, stride, h, w, k);
        }
    }
    return table;
}

}  // namespace nas::space
