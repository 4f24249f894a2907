// import-results: adds the results of `evaluate` tasks to a run in one transaction, where `show`
// and the studio list them among its samples. A file that is not a readable evaluation result
// stops the import before anything is written; results that did not end "ok", and results the run
// already holds, are skipped with a note.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>

#include "arguments.h"
#include "commands.h"
#include "engine/workspace.h"
#include "evaluation_result.h"
#include "search/registry/strategy_registry.h"
#include "space/search_space.h"
#include "store/run_store.h"

namespace nas::cli {
namespace {

nlohmann::json readResult(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot read result file '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw UsageError("result file '" + path + "' is not valid JSON: " + e.what());
    }
}

}  // namespace

int importResultsCommand(const Words& words) {
    const Arguments args(words, {}, {"workspace"});
    const auto& positional = args.positional();
    if (positional.size() < 2)
        throw UsageError("give a run id and at least one result file of `evaluate --out`");
    const auto id = parseRunId(positional.front());
    const engine::Workspace workspace(existingWorkspaceRoot(args));
    store::RunStore store(workspace.databasePath());
    const auto run = store.findRun(id);
    if (!run)
        throw std::runtime_error("there is no run " + std::to_string(id) + " in " + store.path());
    const auto* strategy = search::findStrategy(run->strategy);
    if (strategy && strategy->space != space::kCellSpace)
        throw UsageError("run " + std::to_string(id) + " searched " + strategy->space +
                         " networks, and evaluation results hold DARTS cells");

    // What the run holds already, so that importing a file twice adds it once.
    std::set<std::pair<std::string, double>> held;
    for (const auto& sample : store.samples(id)) held.insert({sample.architecture, sample.score});
    const auto epochs = store.epochs(id);
    const auto steps = store.steps(id);
    std::vector<engine::SampleRecord> added;
    std::vector<std::string> notes;
    for (auto it = positional.begin() + 1; it != positional.end(); ++it) {
        const auto result = readResult(*it);
        if (result.is_object() && result.contains("status") && result["status"] != "ok") {
            notes.push_back(*it + ": skipped, its evaluation ended " + result["status"].dump());
            continue;
        }
        engine::SampleRecord sample;
        try {
            sample = evaluationSample(result);
        } catch (const std::invalid_argument& e) {
            throw UsageError("result file '" + *it + "': " + e.what());
        }
        if (!held.insert({sample.architecture, sample.score}).second) {
            notes.push_back(*it + ": skipped, the run holds this result already");
            continue;
        }
        // Shown after the run's last epoch and step: they were measured on its final architectures.
        sample.epoch = epochs.empty() ? 0 : epochs.back().epoch;
        sample.step = steps.empty() ? 0 : steps.back().step;
        added.push_back(std::move(sample));
    }
    if (!added.empty()) store.recordSamples(id, added);
    for (const auto& note : notes) std::fprintf(stderr, "%s\n", note.c_str());
    std::printf("run %lld: %zu result(s) imported, %zu skipped\n", static_cast<long long>(id),
                added.size(), notes.size());
    return 0;
}

}  // namespace nas::cli
