// runs and show: what the workspace holds.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "engine/workspace.h"
#include "evaluation_result.h"
#include "messages.h"
#include "search/registry/strategy_registry.h"
#include "space/search_space.h"
#include "store/run_store.h"

namespace nas::cli {
namespace {

nlohmann::json runJson(const store::RunRecord& r) {
    return {{"id", r.id},
            {"name", r.name},
            {"strategy", r.strategy},
            {"dataset", r.dataset},
            {"status", engine::toString(r.status)},
            {"epochs_done", r.epochsDone},
            {"best_valid_accuracy",
             r.bestValidAccuracy ? nlohmann::json(*r.bestValidAccuracy) : nlohmann::json()},
            {"params", r.params ? nlohmann::json(*r.params) : nlohmann::json()},
            {"created_at", r.createdAt},
            {"updated_at", r.updatedAt},
            {"device", r.device},
            {"error", r.error}};
}

// The run's samples that `import-results` added: candidates trained from scratch by `evaluate`.
std::vector<engine::SampleRecord> evaluatedSamples(std::vector<engine::SampleRecord> samples) {
    samples.erase(std::remove_if(samples.begin(), samples.end(),
                                 [](const auto& s) { return !engine::isEvaluated(s); }),
                  samples.end());
    return samples;
}

double metric(const engine::SampleRecord& sample, const std::string& name) {
    for (const auto& [key, value] : sample.metrics)
        if (key == name) return value;
    return 0;
}

// Read-only: listing and showing runs must work on a workspace this user cannot write (a read-only
// disk, another user's folder), and never changes it.
store::RunStore openStore(const Arguments& args) {
    return store::RunStore(engine::Workspace(existingWorkspaceRoot(args)).databasePath(),
                           store::Access::ReadOnly);
}

// JSON text that never throws: a stored name that is not UTF-8 comes out with U+FFFD in its place.
std::string jsonText(const nlohmann::json& doc) {
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int runsCommand(const Words& words) {
    const Arguments args(words, {"json"}, {"workspace"});
    args.rejectPositional();
    const auto store = openStore(args);
    const auto runs = store.listRuns();
    if (args.flag("json")) {
        auto list = nlohmann::json::array();
        for (const auto& r : runs) list.push_back(runJson(r));
        std::printf("%s\n", jsonText(list).c_str());
        return 0;
    }
    if (runs.empty()) {
        std::printf("no runs in %s\n", terminalSafe(store.path()).c_str());
        return 0;
    }
    std::printf("%4s  %-11s  %-7s  %-13s  %6s  %9s  %10s  %s\n", "id", "status", "method",
                "dataset", "epochs", "best acc", "params", "created");
    for (const auto& r : runs) {
        const std::string acc = r.bestValidAccuracy
                                    ? std::to_string(100 * *r.bestValidAccuracy).substr(0, 5) + "%"
                                    : "-";
        const std::string params =
            r.params ? std::to_string(static_cast<long long>(*r.params)) : "-";
        std::printf("%4lld  %-11s  %-7s  %-13s  %6d  %9s  %10s  %s\n", static_cast<long long>(r.id),
                    engine::toString(r.status).c_str(), terminalSafe(r.strategy).c_str(),
                    terminalSafe(r.dataset).c_str(), r.epochsDone, acc.c_str(), params.c_str(),
                    r.createdAt.c_str());
    }
    return 0;
}

int showCommand(const Words& words) {
    const Arguments args(words, {"json"}, {"workspace"});
    const auto id = args.runId();  // a usage slip is reported before the workspace is looked at
    const auto store = openStore(args);
    const auto run = store.findRun(id);
    if (!run)
        throw std::runtime_error("there is no run " + std::to_string(id) + " in " + store.path());
    const auto epochs = store.epochs(id);
    const auto evaluations = evaluatedSamples(store.samples(id));
    if (args.flag("json")) {
        auto doc = runJson(*run);
        doc["evaluations"] = nlohmann::json::array();
        for (const auto& sample : evaluations) {
            nlohmann::json entry = {{"architecture", nlohmann::json::parse(sample.architecture)},
                                    {"test_accuracy", sample.score}};
            for (const auto& [name, value] : sample.metrics)
                if (name != engine::kEvaluatedMetric) entry[name] = value;
            doc["evaluations"].push_back(entry);
        }
        doc["config"] = nlohmann::json::parse(run->configJson);
        doc["epochs"] = nlohmann::json::array();
        for (const auto& e : epochs)
            doc["epochs"].push_back(
                {{"epoch", e.epoch},
                 {"train_loss", e.trainLoss},
                 {"train_accuracy", e.trainAccuracy},
                 {"valid_loss", e.validLoss},
                 {"valid_accuracy", e.validAccuracy},
                 {"temperature", e.temperature},
                 {"seconds", e.seconds},
                 {"genotype", space::toJson(e.genotype)},
                 // A network of another space than the DARTS cell.
                 {"architecture", e.architecture.empty() ? nlohmann::json()
                                                         : nlohmann::json::parse(e.architecture)},
                 {"params", e.cost.params},
                 {"flops", e.cost.flops},
                 {"mac", e.cost.mac}});
        std::printf("%s\n", jsonText(doc).c_str());
        return 0;
    }
    // Stored text is printed escaped: a run name with a terminal control sequence or a direction
    // override must not act on the terminal or disguise what is shown.
    std::printf("run %lld: %s\n  status %s, %s on %s, device %s\n  created %s, updated %s\n",
                static_cast<long long>(id), terminalSafe(run->name).c_str(),
                engine::toString(run->status).c_str(), terminalSafe(run->strategy).c_str(),
                terminalSafe(run->dataset).c_str(), terminalSafe(run->device).c_str(),
                run->createdAt.c_str(), run->updatedAt.c_str());
    if (!run->error.empty()) std::printf("  error: %s\n", terminalSafe(run->error).c_str());
    std::printf("\n%5s  %10s  %9s  %10s  %9s  %10s  %8s\n", "epoch", "train loss", "train acc",
                "valid loss", "valid acc", "params", "seconds");
    for (const auto& e : epochs)
        std::printf("%5d  %10.4f  %8.1f%%  %10.4f  %8.1f%%  %10.0f  %8.1f\n", e.epoch + 1,
                    e.trainLoss, 100 * e.trainAccuracy, e.validLoss, 100 * e.validAccuracy,
                    e.cost.params, e.seconds);
    if (!epochs.empty() && !epochs.back().architecture.empty()) {
        // A network of another space (RENA's layer chains), as its space writes it in one line.
        const auto* descriptor = search::findStrategy(run->strategy);
        const auto* space = descriptor ? space::findSpace(descriptor->space) : nullptr;
        const auto form = nlohmann::json::parse(epochs.back().architecture);
        std::printf("\nderived network (epoch %d):\n  %s\n", epochs.back().epoch + 1,
                    terminalSafe(space ? space->summary(form) : form.dump()).c_str());
    } else if (!epochs.empty()) {
        const auto& g = epochs.back().genotype;
        // The text `inspect` and `train --genotype` read back as this genotype (SNAS's 14-edge form
        // for SNAS).
        const auto text = space::genotypeText(g);
        std::printf("\nderived genotype (epoch %d):\n  %s\n", epochs.back().epoch + 1,
                    text ? text->c_str() : space::toJson(g).dump().c_str());
    }
    if (!evaluations.empty()) {
        std::printf("\nevaluated from scratch (import-results):\n%9s  %10s  genotype\n", "test acc",
                    "params");
        for (const auto& sample : evaluations) {
            const auto text = space::genotypeText(
                space::genotypeFromJson(nlohmann::json::parse(sample.architecture)));
            std::printf("%8.2f%%  %10.0f  %s\n", 100 * sample.score, metric(sample, "params"),
                        text ? text->c_str() : sample.architecture.c_str());
        }
    }
    return 0;
}

}  // namespace nas::cli
