// inspect: cost figures of a genotype's derived network.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "engine/inspect.h"

namespace nas::cli {
namespace {

space::InputShape parseInput(const std::string& text) {
    int c = 0, h = 0, w = 0, used = 0;
    char x1 = 0, x2 = 0;
    // %n: the whole text must be the shape; "3x32x32junk" is not one.
    if (std::sscanf(text.c_str(), "%d%c%d%c%d%n", &c, &x1, &h, &x2, &w, &used) != 5 ||
        used != static_cast<int>(text.size()) || x1 != 'x' || x2 != 'x')
        throw UsageError("--input must look like 3x32x32 (channels x height x width), not '" +
                         text + "'");
    if (c < 1) throw UsageError("--input " + text + " has no channels: it needs at least 1");
    // The network's two reduction cells halve height and width; 4 is the least this tool accepts.
    if (h < 4 || w < 4)
        throw UsageError("--input " + text +
                         " is too small for the network: height and width must be at least 4");
    return {c, h, w};
}

}  // namespace

int inspectCommand(const Words& words) {
    const Arguments args(
        words, {"json", "auxiliary", "latency"},
        {"genotype", "channels", "layers", "classes", "input", "device", "workspace"});
    args.rejectPositional();
    const auto text = args.option("genotype");
    if (!text) throw UsageError("--genotype G is required");
    const auto genotype = space::loadGenotype(*text);
    space::SpaceConfig space;
    space.channels = args.intOption("channels", 36);
    space.layers = args.intOption("layers", 20);
    space.classes = args.intOption("classes", 10);
    space.input = parseInput(args.option("input", "3x32x32"));
    checkNetworkSize(space.channels, space.layers);
    // ImageNet-21k has 21,841 classes; a classifier far above that is a typo.
    if (space.classes < 1 || space.classes > 100000)
        throw UsageError("--classes must be from 1 to 100000");
    const auto r = engine::inspectGenotype(genotype, space, args.flag("auxiliary"),
                                           args.flag("latency"), args.option("device", "auto"));
    if (args.flag("json")) {
        nlohmann::json doc = {{"params", static_cast<long long>(r.cost.params)},
                              {"flops", r.cost.flops},
                              {"mac", r.cost.mac},
                              {"built_params", static_cast<long long>(r.builtParams)},
                              {"genotype", space::toJson(genotype)}};
        if (r.latencyMs) {
            doc["latency_ms"] = *r.latencyMs;
            doc["device"] = r.device;
        }
        std::printf("%s\n", doc.dump(2).c_str());
        return 0;
    }
    std::printf("params   %14.0f\nFLOPs    %14.0f  (multiply-adds)\nMAC      %14.0f  (elements)\n",
                r.cost.params, r.cost.flops, r.cost.mac);
    if (r.latencyMs)
        std::printf("latency  %14.2f  ms at batch 1 on %s\n", *r.latencyMs, r.device.c_str());
    // The same cells count differently in DARTS's and SNAS-Series' code: say which one this
    // follows.
    if (genotype.style == space::BuildStyle::Snas)
        std::printf(
            "built as SNAS-Series' code builds it: each pool followed by an affine BatchNorm\n");
    return 0;
}

}  // namespace nas::cli
