// hidden-states RUN --probe M: the "identical hidden state" experiment on a run's last controller.
#include "controller_probe_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine/checkpoint_files.h"
#include "engine/search_config.h"
#include "engine/workspace.h"
#include "search/enas/controller_probe.h"
#include "study/graph_measures.h"

namespace nas::cli {
namespace {

// The decisions a sample's "decisions" tensor holds; empty when it has none.
std::vector<int> decisionsOf(const engine::SampleRecord& sample) {
    for (const auto& tensor : sample.tensors)
        if (tensor.name == "decisions")
            return std::vector<int>(tensor.values.begin(), tensor.values.end());
    return {};
}

nlohmann::json toJson(const study::MeanGraphMeasures& m) {
    return {{"ged", m.ged},
            {"common_connections", m.commonConnections},
            {"common_ops", m.commonOps},
            {"pairs", m.pairs}};
}

}  // namespace

int controllerProbeReport(const store::RunStore& store, const std::string& workspaceRoot,
                          std::int64_t run, int count, bool json) {
    const auto record = store.findRun(run);
    const auto checkpoint = store.latestCheckpoint(run);
    if (!record || !checkpoint)
        throw std::runtime_error("run " + std::to_string(run) +
                                 " has no checkpoint: the probe needs its controller");
    const auto config = engine::parseSearchConfigText(record->configJson);
    if (config.strategy != "enas")
        throw std::runtime_error("run " + std::to_string(run) + " is a " + config.strategy +
                                 " search: the probe needs an ENAS controller");
    std::vector<std::vector<int>> stored;
    std::vector<space::Genotype> storedArchitectures;
    for (const auto& sample : store.samples(run)) {
        auto decisions = decisionsOf(sample);
        if (decisions.empty()) continue;
        stored.push_back(std::move(decisions));
        storedArchitectures.push_back(
            space::genotypeFromJson(nlohmann::json::parse(sample.architecture)));
    }
    const auto path = engine::resolveCheckpoint(engine::Workspace(workspaceRoot).runFolder(run),
                                                checkpoint->path);
    const auto probe = search::enas::probeController(config, path, stored, count, config.seed);
    const std::vector<std::pair<std::string, study::MeanGraphMeasures>> sets = {
        {"same_state", study::meanPairwiseDistance(probe.sameState)},
        {"different_states", study::meanPairwiseDistance(probe.differentStates)},
        {"stored", study::meanPairwiseDistance(std::vector<space::Genotype>(
                       storedArchitectures.end() - count, storedArchitectures.end()))},
        {"uniform", study::meanPairwiseDistance(probe.uniform)},
    };
    if (json) {
        nlohmann::json out = {{"probe", count}, {"epochs_done", checkpoint->epoch + 1}};
        for (const auto& [name, measures] : sets) out[name] = toJson(measures);
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    std::printf("run %lld: %d architectures per set from the controller after epoch %d\n\n",
                static_cast<long long>(run), count, checkpoint->epoch + 1);
    std::printf("%-44s %9s %19s %11s\n", "set", "mean GED", "common connections", "common ops");
    const char* labels[] = {"one state (the last sample's end), M draws",
                            "M states (the last M samples' ends)", "the last M samples as run",
                            "uniform over the space"};
    for (size_t i = 0; i < sets.size(); ++i)
        std::printf("%-44s %9.2f %19.2f %11.2f\n", labels[i], sets[i].second.ged,
                    sets[i].second.commonConnections, sets[i].second.commonOps);
    std::printf(
        "\nA controller whose state encodes the architecture draws alike architectures from one "
        "state:\na smaller mean GED in the first row than in the second and the last.\n");
    return 0;
}

}  // namespace nas::cli
