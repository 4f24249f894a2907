// sample: architectures drawn uniformly from the cell space, one a line, for scripts that train or
// rank a set of them (the predictor's ground truth is built this way,
// bench/predictor_ground_truth.sh).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "arguments.h"
#include "commands.h"
#include "predictor/architecture_sampler.h"
#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::cli {

int sampleCommand(const Words& words) {
    const Arguments args(words, {"json"}, {"seed", "workspace"});
    if (args.positional().size() != 1)
        throw UsageError("give how many architectures to sample (sample N)");
    const std::string& word = args.positional()[0];
    const bool digits = !word.empty() && word.size() <= 7 &&
                        word.find_first_not_of("0123456789") == std::string::npos;
    const int count = digits ? std::stoi(word) : 0;
    if (count < 1 || count > 1'000'000)
        throw UsageError("N must be a whole number from 1 to 1000000, not '" + word + "'");
    predictor::ArchitectureSampler sampler(space::SpaceConfig{}, args.seedOption("seed", 0));
    const auto architectures = sampler.sampleDistinct(count);
    if (args.flag("json")) {
        auto doc = nlohmann::json::array();
        for (const auto& genotype : architectures) doc.push_back(space::toJson(genotype));
        std::printf("%s\n", doc.dump(2).c_str());
        return 0;
    }
    for (const auto& genotype : architectures)
        std::printf("%s\n", space::toDartsString(genotype).c_str());
    return 0;
}

}  // namespace nas::cli
