// graph-distance: how far apart two architectures are as graphs (the hidden-state study's
// measures, for any pair a user names).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "space/genotype.h"
#include "study/graph_measures.h"

namespace nas::cli {
namespace {

// loadGenotype's errors name the text or file; which of the two arguments it was is added here.
space::Genotype genotypeArgument(const std::string& text, const char* which) {
    try {
        return space::loadGenotype(text);
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string(which) + " genotype: " + e.what());
    }
}

}  // namespace

int graphDistanceCommand(const Words& words) {
    const Arguments args(words, {"json"}, {"workspace"});
    if (args.positional().size() != 2)
        throw UsageError("give two genotypes (G1 G2), not " +
                         std::to_string(args.positional().size()));
    const auto first = genotypeArgument(args.positional()[0], "first");
    const auto second = genotypeArgument(args.positional()[1], "second");
    const auto measures = study::graphMeasures(first, second);
    if (args.flag("json")) {
        const nlohmann::json doc = {{"ged", measures.ged},
                                    {"common_connections", measures.commonConnections},
                                    {"common_ops", measures.commonOps}};
        std::printf("%s\n", doc.dump(2).c_str());
        return 0;
    }
    std::printf("graph edit distance  %g\n", measures.ged);
    std::printf("common connections   %d\n", measures.commonConnections);
    std::printf("common ops           %d\n", measures.commonOps);
    std::printf(
        "\nSummed over the normal and the reduce cell. Connections are (state, node) pairs both "
        "cells\nhave; common ops are those of them with the same op.\n");
    return 0;
}

}  // namespace nas::cli
