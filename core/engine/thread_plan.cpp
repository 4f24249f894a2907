#include "engine/thread_plan.h"

#include <sched.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace nas::engine {
namespace {

// Jiffies each CPU of this process's affinity mask spent busy and in all, from /proc/stat.
struct CpuTimes {
    unsigned long long busy = 0;
    unsigned long long total = 0;
    bool valid = false;
};

bool inAffinity(int cpu, const cpu_set_t& mask, bool haveMask) {
    return !haveMask || (cpu >= 0 && cpu < CPU_SETSIZE && CPU_ISSET(cpu, &mask));
}

CpuTimes readCpuTimes() {
    cpu_set_t mask;
    CPU_ZERO(&mask);
    const bool haveMask = sched_getaffinity(0, sizeof mask, &mask) == 0;
    std::ifstream in("/proc/stat");
    CpuTimes times;
    for (std::string line; std::getline(in, line);) {
        // "cpuN user nice system idle iowait irq softirq steal ..."; the "cpu " line sums them all.
        int cpu = -1;
        if (line.rfind("cpu", 0) != 0 || line.size() < 4 ||
            !std::isdigit(static_cast<unsigned char>(line[3])) ||
            std::sscanf(line.c_str(), "cpu%d", &cpu) != 1)
            continue;
        if (!inAffinity(cpu, mask, haveMask)) continue;
        std::istringstream fields(line.substr(line.find(' ')));
        unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0,
                           softirq = 0, steal = 0;
        if (!(fields >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal))
            continue;
        const unsigned long long busy = user + nice + system + irq + softirq + steal;
        times.busy += busy;
        times.total += busy + idle + iowait;
        times.valid = true;
    }
    return times;
}

}  // namespace

std::string ThreadPlan::note() const {
    if (!lowered()) return {};
    char line[256];
    std::snprintf(line, sizeof line,
                  "the machine is busy (other work keeps %.1f of %d cores busy): using %d CPU "
                  "thread%s, not %d; "
                  "--threads N sets the number",
                  busyCores, cores, threads, threads == 1 ? "" : "s", cores);
    return line;
}

ThreadPlan planThreads(int requested, int cores, double busy) {
    ThreadPlan plan;
    plan.cores = std::max(1, cores);
    plan.busyCores = std::max(0.0, busy);
    if (requested > 0) {
        plan.requested = true;
        plan.threads = requested;
        return plan;
    }
    const auto free = plan.cores - static_cast<int>(std::lround(plan.busyCores));
    plan.threads = std::clamp(free, 1, plan.cores);
    return plan;
}

ThreadPlan planThreads(int requested) {
    const int cores = usableCores();
    if (requested > 0) return planThreads(requested, cores, 0);
    // A quarter of a second: long enough to see a build or another search, short beside loading
    // data.
    const double busy = cores > 1 ? busyCores(std::chrono::milliseconds(250)) : 0;
    return planThreads(0, cores, busy);
}

int usableCores() {
    cpu_set_t mask;
    CPU_ZERO(&mask);
    if (sched_getaffinity(0, sizeof mask, &mask) == 0) {
        const int count = CPU_COUNT(&mask);
        if (count > 0) return count;
    }
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

double busyCores(std::chrono::milliseconds window) {
    const CpuTimes before = readCpuTimes();
    std::this_thread::sleep_for(window);
    const CpuTimes after = readCpuTimes();
    if (!before.valid || !after.valid || after.total <= before.total) return -1;
    const double busyShare = static_cast<double>(after.busy - before.busy) /
                             static_cast<double>(after.total - before.total);
    return busyShare * usableCores();
}

}  // namespace nas::engine
