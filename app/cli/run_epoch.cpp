#include "run_epoch.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace nas::cli {

RunEpoch findRunEpoch(const store::RunStore& store, std::int64_t runId, const Arguments& args) {
    const std::string name = "run " + std::to_string(runId);
    auto run = store.findRun(runId);
    if (!run) throw std::runtime_error("there is no " + name + " in " + store.path());
    const auto epochs = store.epochs(runId);
    if (epochs.empty()) throw std::runtime_error(name + " has no completed epoch yet");
    const int wanted = args.intOption("epoch", epochs.back().epoch + 1) - 1;
    const auto chosen = std::find_if(epochs.begin(), epochs.end(),
                                     [wanted](const auto& e) { return e.epoch == wanted; });
    if (chosen == epochs.end())
        throw std::runtime_error(name + " has no epoch " + std::to_string(wanted + 1));
    return {std::move(*run), *chosen};
}

}  // namespace nas::cli
