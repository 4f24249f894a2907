// One search step under LibTorch's profiler, saved as a Chrome trace for bench/trace_summary.py:
// which operators and kernels a step spends its time in, and, on a GPU, how many kernels it
// launches and how much of the step the device is busy. Two warm-up steps come first (cuDNN's
// algorithm search, the allocator's first blocks).
//   usage: bench_step_profile STRATEGY TRACE.json [threads=0] [device=auto]
#include <torch/csrc/autograd/profiler_kineto.h>
#include <torch/cuda.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/runtime.h"
#include "search/strategy.h"
#include "step_setup.h"
#include "util/freed_memory.h"

namespace {

namespace profiler = torch::autograd::profiler;

// LibTorch 1.13 counts in microseconds, later versions in nanoseconds; whichever this one has.
template <typename Event>
auto startUs(const Event& e, int) -> decltype(e.startNs(), double()) {
    return static_cast<double>(e.startNs()) / 1e3;
}
template <typename Event>
double startUs(const Event& e, long) {
    return static_cast<double>(e.startUs());
}
template <typename Event>
auto durationUs(const Event& e, int) -> decltype(e.durationNs(), double()) {
    return static_cast<double>(e.durationNs()) / 1e3;
}
template <typename Event>
double durationUs(const Event& e, long) {
    return static_cast<double>(e.durationUs());
}

// A LibTorch built without Kineto (Debian's) records the operators but cannot save a trace: write
// them in the same Chrome format, as operator events.
void saveOperators(const profiler::ProfilerResult& result, const std::string& path) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : result.events())
        events.push_back({{"ph", "X"},
                          {"cat", "cpu_op"},
                          {"name", e.name()},
                          {"tid", e.startThreadId()},
                          {"ts", startUs(e, 0)},
                          {"dur", durationUs(e, 0)}});
    std::ofstream(path) << nlohmann::json{{"traceEvents", events}}.dump();
}

}  // namespace

int main(int argc, char** argv) {
    nas::util::keepFreedMemoryForReuse();
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_step_profile STRATEGY TRACE.json [threads] [device]\n");
        return 2;
    }
    const std::string name = argv[1];
    const std::string tracePath = argv[2];
    (void)nas::engine::configureThreads(argc > 3 ? std::stoi(argv[3]) : 0);
    const auto device = nas::engine::resolveDevice(argc > 4 ? argv[4] : "auto");

    torch::manual_seed(0);
    auto strategy = nas::search::makeStrategy(nas::bench::stepBenchConfig(name), device);
    strategy->beginEpoch(0);
    const auto train = nas::bench::randomBatch(device);
    const auto valid = nas::bench::randomBatch(device);
    auto finish = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    for (int i = 0; i < 2; ++i) (void)strategy->step(train, valid);
    finish();

    using torch::profiler::impl::ActivityType;
    const torch::profiler::impl::ProfilerConfig config(
        torch::profiler::impl::ProfilerState::KINETO);
    std::set<ActivityType> activities{ActivityType::CPU};
    if (device.is_cuda()) activities.insert(ActivityType::CUDA);
    profiler::prepareProfiler(config, activities);
    profiler::enableProfiler(config, activities);
    (void)strategy->step(train, valid);
    finish();
    const auto result = profiler::disableProfiler();
    try {
        result->save(tracePath);
    } catch (const c10::Error&) {
        saveOperators(*result, tracePath);
    }
    std::printf("%s: one step's trace in %s (%s)\n", name.c_str(), tracePath.c_str(),
                nas::engine::describeDevice(device).c_str());
    return 0;
}
