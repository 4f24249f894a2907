#include "engine/inspect.h"

#include "engine/runtime.h"
#include "space/derived_network.h"
#include "space/latency.h"
#include "space/operations.h"

namespace nas::engine {

Inspection inspectGenotype(const space::Genotype& genotype, const space::SpaceConfig& space,
                           bool auxiliary, bool measureLatency, const std::string& deviceName) {
    Inspection result;
    result.cost = space::networkCost(genotype, space, auxiliary);
    space::DerivedNetwork net(genotype, space, auxiliary);
    result.builtParams = static_cast<double>(space::parameterCount(*net));
    if (measureLatency) {
        configureThreads(0);
        const auto device = resolveDevice(deviceName);
        result.device = describeDevice(device);
        net->to(device);
        net->eval();
        const auto input =
            torch::randn({1, space.input.channels, space.input.height, space.input.width},
                         torch::TensorOptions().device(device));
        result.latencyMs = space::measureLatencyMs([&] { (void)net->forward(input); }, device);
    }
    return result;
}

}  // namespace nas::engine
