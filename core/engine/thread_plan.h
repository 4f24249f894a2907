#pragma once
// How many CPU threads a search or a training uses when the user leaves the choice to us.
// Torch-free: the engine applies the plan (engine/runtime.h), tests check the choice alone.
#include <chrono>
#include <string>

namespace nas::engine {

struct ThreadPlan {
    int threads = 1;         // intra-op threads to use
    int cores = 1;           // cores this process may run on
    double busyCores = 0;    // cores that other work kept busy while we looked (0 when not looked)
    bool requested = false;  // the user chose `threads`
    [[nodiscard]] bool lowered() const { return !requested && threads < cores; }
    // One line for the terminal when the machine was busy and fewer threads were chosen, else "".
    [[nodiscard]] std::string note() const;
};

// `requested` > 0 is used as it is. 0 picks one thread per free core: the cores this process may
// run on, less those that other work keeps busy (rounded), and at least one. LibTorch's threads
// wait for each other at the end of every op by spinning, so on a core that something else also
// wants, each op can stall for a whole scheduler slice: two searches with two threads each on two
// cores took 75-90 s per step of the quick Fashion-MNIST search, which takes under 2 s alone.
[[nodiscard]] ThreadPlan planThreads(int requested, int cores, double busyCores);
// The same, with the machine's figures: usableCores() and busyCores() over a short look.
[[nodiscard]] ThreadPlan planThreads(int requested);

// Cores in this process's affinity mask (taskset, cgroup cpusets), else the cores on line.
[[nodiscard]] int usableCores();
// How many cores were busy, on average, over `window` (from /proc/stat); negative where that
// cannot be read. The caller should be idle meanwhile, or it counts itself.
[[nodiscard]] double busyCores(std::chrono::milliseconds window);

}  // namespace nas::engine
