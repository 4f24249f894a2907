// predictor rank and predictor best: the fitted predictor asked about given architectures, or for
// the best ones under resource limits.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "arguments.h"
#include "engine/inspect.h"
#include "messages.h"
#include "predictor/candidate_selection.h"
#include "predictor/score_cache.h"
#include "predictor/shared_weight_scoring.h"
#include "predictor_commands.h"
#include "predictor_run.h"
#include "space/cost_model.h"

namespace nas::cli {
namespace {

struct Line {
    int number = 0;
    space::Genotype genotype;
};

// The architectures of FILE with their line numbers; each bad line reported on stderr. Blank lines
// and lines starting with '#' are skipped.
std::vector<Line> readArchitectures(const std::string& path, const predictor::Predictor& predictor,
                                    const space::SpaceConfig& space, int& bad) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read '" + path + "'");
    std::vector<Line> lines;
    std::string text;
    for (int number = 1; std::getline(in, text); ++number) {
        const auto first = text.find_first_not_of(" \t\r");
        if (first == std::string::npos || text[first] == '#') continue;
        const auto last = text.find_last_not_of(" \t\r");
        try {
            auto genotype = space::loadGenotype(text.substr(first, last - first + 1));
            predictor.check(genotype);
            (void)space::networkCost(genotype, space, false);
            lines.push_back({number, std::move(genotype)});
        } catch (const std::exception& e) {
            printError("line " + std::to_string(number) + ": " + e.what());
            ++bad;
        }
    }
    return lines;
}

std::optional<double> limit(const Arguments& args, const std::string& name) {
    if (!args.option(name)) return std::nullopt;
    const double value = args.doubleOption(name, 0);
    if (!(value > 0)) throw UsageError("--" + name + " must be a positive number");
    return value;
}

}  // namespace

int predictorRankCommand(const Words& words) {
    const Arguments args(words, {"json"},
                         {"workspace", "threads", "model", "batches", "bn-mode", "genotypes"});
    const auto file = args.option("genotypes");
    if (!file) throw UsageError("--genotypes FILE is required");
    const auto model = modelOption(args);
    const auto scoring = scoringOptions(args);
    const auto run = openPredictorRun(args);
    const auto predictor = run.loadPredictor(model);
    applyThreads(args, run);
    int bad = 0;
    const auto lines = readArchitectures(*file, predictor, run.config.space, bad);
    std::vector<space::Genotype> genotypes;
    for (const auto& line : lines) genotypes.push_back(line.genotype);
    const auto predictions = predictor.predict(genotypes);
    const auto supernet = predictor::scoreWithCache(run.config, run.checkpoint, genotypes, scoring,
                                                    run.scoreCachePath());
    nlohmann::json rows = nlohmann::json::array();
    if (!args.flag("json"))
        std::printf("%5s %10s %12s %9s %12s %14s %14s\n", "line", "predicted", "uncertainty",
                    "supernet", "params", "flops", "mac");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto cost = space::networkCost(lines[i].genotype, run.config.space, false);
        if (args.flag("json")) {
            rows.push_back({{"line", lines[i].number},
                            {"predicted", predictions[i].mean},
                            {"uncertainty", predictions[i].std},
                            {"supernet", (*supernet)[i]},
                            {"params", cost.params},
                            {"flops", cost.flops},
                            {"mac", cost.mac},
                            {"genotype", space::toJson(lines[i].genotype)}});
            continue;
        }
        std::printf("%5d %10.4f %12.4f %9.4f %12.0f %14.0f %14.0f\n", lines[i].number,
                    predictions[i].mean, predictions[i].std, (*supernet)[i], cost.params,
                    cost.flops, cost.mac);
    }
    if (args.flag("json")) std::printf("%s\n", rows.dump(2).c_str());
    return bad > 0 ? kExitFailed : kExitOk;
}

int predictorBestCommand(const Words& words) {
    const Arguments args(words, {"json"},
                         {"workspace", "threads", "model", "max-params", "max-flops", "max-mac",
                          "max-latency-ms", "device", "top", "pool", "seed", "rescore", "bn-mode"});
    const auto model = modelOption(args);
    predictor::SelectionOptions options;
    options.constraints.maxParams = limit(args, "max-params");
    options.constraints.maxFlops = limit(args, "max-flops");
    options.constraints.maxMac = limit(args, "max-mac");
    options.constraints.maxLatencyMs = limit(args, "max-latency-ms");
    const auto device = args.option("device", "auto");
    // The paper's last step, optional: the top K scored again on B validation batches.
    const int rescoreBatches = args.intOption("rescore", 0);
    if (rescoreBatches < 0) throw UsageError("--rescore must not be negative");
    auto scoring = scoringOptions(args);
    scoring.batches = std::max(1, rescoreBatches);
    options.top = args.intOption("top", options.top);
    if (options.top < 1) throw UsageError("--top must be at least 1");
    options.pool = args.intOption("pool", options.pool);
    if (options.pool < 1) throw UsageError("--pool must be at least 1");
    options.seed = args.seedOption("seed", 0);
    const auto run = openPredictorRun(args);
    // A limit below what every network of the run's size costs is a slip, not a search result.
    if (const auto problems = engine::constraintProblems(run.config.space, options.constraints);
        !problems.empty()) {
        std::string text =
            "no architecture of run " + std::to_string(run.id) + "'s space can meet ";
        for (std::size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i];
        throw UsageError(text);
    }
    const auto predictor = run.loadPredictor(model);
    applyThreads(args, run);
    scoring.device = device;
    if (options.constraints.maxLatencyMs) {
        options.measureLatencyMs = [&run, &device](const space::Genotype& genotype) {
            return *engine::inspectGenotype(genotype, run.config.space, false, true, device)
                        .latencyMs;
        };
    }
    auto selection = predictor::selectBest(predictor, run.config.space, options);
    if (selection.best.empty())
        throw std::runtime_error("none of the " + std::to_string(selection.pool) +
                                 " sampled architectures meets the limits" +
                                 (selection.latencyMeasured > 0
                                      ? " (" + std::to_string(selection.latencyMeasured) +
                                            " best predicted measured for latency)"
                                      : std::string()) +
                                 "; loosen them or raise --pool");
    if (rescoreBatches > 0)
        (void)predictor::rescoreBest(selection, run.config, run.checkpoint, scoring,
                                     run.scoreCachePath());
    if (args.flag("json")) {
        nlohmann::json best = nlohmann::json::array();
        for (const auto& c : selection.best) {
            nlohmann::json row = {{"predicted", c.prediction.mean},
                                  {"uncertainty", c.prediction.std},
                                  {"params", c.cost.params},
                                  {"flops", c.cost.flops},
                                  {"mac", c.cost.mac},
                                  {"genotype", space::toJson(c.genotype)}};
            if (c.latencyMs) row["latency_ms"] = *c.latencyMs;
            if (c.rescored) row["rescored"] = *c.rescored;
            best.push_back(row);
        }
        std::printf("%s\n", nlohmann::json({{"pool", selection.pool},
                                            {"feasible", selection.feasible},
                                            {"latency_measured", selection.latencyMeasured},
                                            {"best", best}})
                                .dump(2)
                                .c_str());
        return kExitOk;
    }
    std::printf("%d of %d sampled architectures meet the params/FLOPs/memory limits",
                selection.feasible, selection.pool);
    if (options.constraints.maxLatencyMs)
        std::printf("; the latency of the %d best predicted was measured on %s",
                    selection.latencyMeasured, device.c_str());
    std::printf(
        ";\nthe best %zu by %s:\n", selection.best.size(),
        rescoreBatches > 0 ? "shared-weight score on more validation batches" : "predicted score");
    const bool latency = options.constraints.maxLatencyMs.has_value();
    std::printf("%4s %10s %12s", "rank", "predicted", "uncertainty");
    if (rescoreBatches > 0) std::printf(" %9s", "rescored");
    std::printf(" %12s %14s %14s", "params", "flops", "mac");
    if (latency) std::printf(" %11s", "latency_ms");
    std::printf("  %s\n", "genotype");
    int rank = 0;
    for (const auto& c : selection.best) {
        const auto text = space::genotypeText(c.genotype);
        std::printf("%4d %10.4f %12.4f", ++rank, c.prediction.mean, c.prediction.std);
        if (c.rescored) std::printf(" %9.4f", *c.rescored);
        std::printf(" %12.0f %14.0f %14.0f", c.cost.params, c.cost.flops, c.cost.mac);
        if (c.latencyMs) std::printf(" %11.3f", *c.latencyMs);
        std::printf("  %s\n", text ? text->c_str() : space::toJson(c.genotype).dump().c_str());
    }
    return kExitOk;
}

}  // namespace nas::cli
