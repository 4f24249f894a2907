#include "engine/events.h"

#include <stdexcept>

#include "space/cost_model.h"

namespace nas::engine {

std::vector<std::string> Constraints::violations(const space::Cost& cost) const {
    std::vector<std::string> broken;
    if (maxParams && cost.params > *maxParams) broken.push_back("params");
    if (maxFlops && cost.flops > *maxFlops) broken.push_back("flops");
    if (maxMac && cost.mac > *maxMac) broken.push_back("mac");
    if (minIntensity && space::computeIntensity(cost) < *minIntensity)
        broken.push_back("intensity");
    return broken;
}

std::string toString(RunStatus status) {
    switch (status) {
        case RunStatus::Running:
            return "running";
        case RunStatus::Paused:
            return "paused";
        case RunStatus::Finished:
            return "finished";
        case RunStatus::Stopped:
            return "stopped";
        case RunStatus::Interrupted:
            return "interrupted";
        case RunStatus::Failed:
            return "failed";
    }
    throw std::logic_error("unhandled run status");
}

RunStatus runStatusFromString(const std::string& text) {
    for (RunStatus s : {RunStatus::Running, RunStatus::Paused, RunStatus::Finished,
                        RunStatus::Stopped, RunStatus::Interrupted, RunStatus::Failed})
        if (toString(s) == text) return s;
    throw std::invalid_argument("unknown run status '" + text + "'");
}

}  // namespace nas::engine
