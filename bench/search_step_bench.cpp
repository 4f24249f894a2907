// Seconds per search step of each strategy at the DARTS search setting: 16 channels, 8 layers,
// batch 64, 3x32x32 input, the eight DARTS ops. A step is everything one iteration does
// (DARTS: alpha step + weight step; NASP: proximal alpha step + sparse weight step; SNAS: the
// joint step; random: one sampled sub-network's weight step, every other op weighted 0 as in the
// authors' code). "nasp:F" is NASP whose architecture step evaluates the unchosen ops on a share F
// of the batch (nasp.inactive_batch_fraction); "random:skip" runs the sampled ops alone
// (random.unsampled_ops). A "+unshared" suffix (e.g. "darts+unshared") runs the supernet with each
// edge computing its own first ReLU and pooling (space::SupernetImpl::shareInputWork), to measure
// what sharing them saves. Beside each time: the process's peak resident memory so far (VmHWM), a
// strategy's own peak when it is the only one named (bench/step_ratio_bench.sh runs them so).
//   usage: bench_search_step [steps=3] [strategies=darts,snas,nasp,nasp:0.25,random,random:skip]
//   [threads=0] [device=auto]
#include <torch/cuda.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/runtime.h"
#include "search/strategy.h"
#include "step_setup.h"
#include "util/freed_memory.h"

namespace {

// The peak resident set since the last reset, in MiB; -1 where /proc is missing.
double peakResidentMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    nas::util::keepFreedMemoryForReuse();
    const int steps = argc > 1 ? std::stoi(argv[1]) : 3;
    const std::string list = argc > 2 ? argv[2] : "darts,snas,nasp,nasp:0.25,random,random:skip";
    const auto threads = nas::engine::configureThreads(argc > 3 ? std::stoi(argv[3]) : 0);
    if (!threads.note().empty()) std::printf("%s\n", threads.note().c_str());
    const auto device = nas::engine::resolveDevice(argc > 4 ? argv[4] : "auto");
    std::printf("device %s, libtorch %s, %d steps after one warm-up step\n",
                nas::engine::describeDevice(device).c_str(), nas::engine::libtorchVersion().c_str(),
                steps);
    std::stringstream names(list);
    std::string name;
    while (std::getline(names, name, ',')) {
        const auto plus = name.find("+unshared");
        const auto config = nas::bench::stepBenchConfig(name.substr(0, plus));
        torch::manual_seed(0);
        auto strategy = nas::search::makeStrategy(config, device);
        if (plus != std::string::npos) strategy->supernet()->shareInputWork(false);
        strategy->beginEpoch(0);
        const auto train = nas::bench::randomBatch(device);
        const auto valid = nas::bench::randomBatch(device);
        (void)strategy->step(train, valid);
        if (device.is_cuda())
            torch::cuda::synchronize();  // the warm-up's kernels finish outside the timing
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i) (void)strategy->step(train, valid);
        if (device.is_cuda()) torch::cuda::synchronize();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / steps;
        std::printf("%-16s %8.3f s/step  peak %6.0f MiB resident\n", name.c_str(), seconds,
                    peakResidentMiB());
        std::fflush(stdout);
    }
    return 0;
}
