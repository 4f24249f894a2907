// hidden-states: the hidden-state study of a run (Adam & Lorraine): does the distance between a
// controller's final hidden states follow how alike the sampled architectures are?
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "arguments.h"
#include "commands.h"
#include "controller_probe_report.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "study/hidden_state_study.h"
#include "study/study_samples.h"

namespace nas::cli {
namespace {

// Three samples make three pairs, the fewest a correlation is defined on.
constexpr int kFewestSamples = 3;

study::StudyOptions studyOptions(const Arguments& args) {
    study::StudyOptions options;
    options.window = args.intOption("window", options.window);
    if (options.window < kFewestSamples)
        throw UsageError("--window must be at least " + std::to_string(kFewestSamples) +
                         " samples");
    try {
        options.distance = study::hiddenDistanceFromString(args.option("distance", "l2"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--distance: ") + e.what());
    }
    return options;
}

std::string number(double value) {
    if (std::isnan(value)) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

void printTable(std::int64_t run, const study::StudyResult& result, std::size_t available) {
    std::printf(
        "run %lld: hidden-state study over the last %d of %zu samples with a hidden state "
        "(%d pairs), %s distance\n\n",
        static_cast<long long>(run), result.samples, available, result.pairs,
        study::toString(result.distance).c_str());
    std::printf("%-20s %9s  %-18s %8s %8s\n", "measure", "spearman", "95% CI", "pearson",
                "kendall");
    for (const auto& [name, c] : result.measures) {
        const auto interval =
            "[" + number(c.spearmanCi.low) + ", " + number(c.spearmanCi.high) + "]";
        std::printf("%-20s %9s  %-18s %8s %8s\n", name.c_str(), number(c.spearman).c_str(),
                    interval.c_str(), number(c.pearson).c_str(), number(c.kendall).c_str());
    }
    std::printf(
        "\nEach figure correlates the hidden-state distance of every pair of samples with the "
        "pair's measure;\n'-' is undefined (a measure constant over the pairs). A controller "
        "whose states encode the\narchitecture shows a positive correlation with ged and "
        "negative ones with the common counts.\n");
}

}  // namespace

int hiddenStatesCommand(const Words& words) {
    const Arguments args(words, {"json"}, {"workspace", "window", "distance", "probe"});
    const auto id = args.runId();  // a usage slip is reported before the workspace is looked at
    const auto options = studyOptions(args);
    const int probe = args.intOption("probe", 0);
    if (args.option("probe") && probe < 2)
        throw UsageError("--probe must be at least 2 architectures");
    // Read-only, as `show`: the study changes nothing in the workspace.
    const auto root = existingWorkspaceRoot(args);
    const store::RunStore store(engine::Workspace(root).databasePath(), store::Access::ReadOnly);
    if (!store.findRun(id))
        throw std::runtime_error("there is no run " + std::to_string(id) + " in " + store.path());
    if (probe > 0) return controllerProbeReport(store, root, id, probe, args.flag("json"));
    const auto samples = study::studySamples(store.samples(id));
    const auto run = std::to_string(id);
    if (samples.empty())
        throw std::runtime_error("run " + run +
                                 " has no controller hidden states: only controller strategies "
                                 "such as enas record them");
    if (samples.size() < static_cast<std::size_t>(kFewestSamples))
        throw std::runtime_error("run " + run + " has " + std::to_string(samples.size()) +
                                 " samples with a controller hidden state; the study needs at "
                                 "least " +
                                 std::to_string(kFewestSamples));
    const auto result = study::studyHiddenStates(samples, options);
    if (args.flag("json")) {
        std::printf("%s\n", study::toJson(result).dump(2).c_str());
        return 0;
    }
    printTable(id, result, samples.size());
    return 0;
}

}  // namespace nas::cli
