// RENA through the engine: a search of the layer-chain space runs, stops, resumes and stores its
// children as samples and its derived network as the epoch's architecture, on real LibTorch and a
// real SQLite store.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/search_session.h"
#include "engine/workspace.h"
#include "search/rena/rena_strategy.h"
#include "space/layers/layer_network.h"
#include "space/layers/layer_space.h"
#include "store/run_store.h"
#include "temp_workspace.h"
#include "test_configs.h"

using namespace nas;

namespace {

using fixtures::TempWorkspace;

struct Observer : engine::SearchObserver {
    std::vector<engine::EpochMetrics> epochs;
    std::vector<engine::SampleRecord> samples;
    int alphas = 0;
    std::function<void()> onFirstStep;
    void onEpoch(const engine::EpochMetrics& m) override { epochs.push_back(m); }
    void onSamples(const std::vector<engine::SampleRecord>& s) override {
        samples.insert(samples.end(), s.begin(), s.end());
    }
    void onAlphas(const engine::AlphaSnapshot&) override { ++alphas; }
    void onPhase(engine::SearchPhase phase) override {
        if (phase == engine::SearchPhase::FirstStep && onFirstStep) onFirstStep();
    }
};

// Two children of one edit per update, one update an epoch, each child one pass over 64 images.
engine::SearchConfig renaSearch(int epochs) {
    auto c = fixtures::tinySearch("rena", epochs);
    c.setOption("rena", "children_per_update", 2);
    c.setOption("rena", "edits_per_child", 1);
    c.setOption("rena", "child.batch_size", 16);
    c.setOption("rena", "policy.hidden", 8);
    c.setOption("rena", "policy.embedding", 8);
    return c;
}

double metric(const engine::SampleRecord& s, const std::string& name) {
    for (const auto& [key, value] : s.metrics)
        if (key == name) return value;
    ADD_FAILURE() << "no metric " << name;
    return 0;
}

std::vector<double> scores(const std::vector<engine::SampleRecord>& samples) {
    std::vector<double> out;
    for (const auto& s : samples) out.push_back(s.score);
    return out;
}

}  // namespace

TEST(RenaSession, RunsStoresItsChildrenAndDerivesALayerNetworkUnderTheLimit) {
    TempWorkspace root;
    auto config = renaSearch(2);
    // Tight enough that some children break it: the reward then says so.
    config.constraints.maxParams = 20000;
    engine::SearchSession session(config, root.root());
    Observer seen;
    engine::SearchControl control;
    const auto outcome = session.run(seen, control);
    ASSERT_EQ(outcome.status, engine::RunStatus::Finished) << outcome.message;
    ASSERT_EQ(seen.epochs.size(), 2u);
    EXPECT_EQ(seen.alphas, 0) << "a layer chain has no op distributions";

    const auto& last = seen.epochs.back();
    EXPECT_EQ(last.genotype, space::Genotype{});
    const auto network =
        space::layers::layerNetworkFromJson(nlohmann::json::parse(last.architecture));
    EXPECT_NO_THROW(space::layers::validate(network));
    const auto& layers = space::searchSpace(space::layers::kLayerSpace);
    EXPECT_EQ(last.cost.params,
              layers.cost(nlohmann::json::parse(last.architecture), config.space).params);
    EXPECT_GE(last.validAccuracy, 0.0);
    EXPECT_LE(last.validAccuracy, 1.0);

    ASSERT_EQ(seen.samples.size(), 4u);  // 2 updates x 2 children
    bool anyFeasible = false;
    for (const auto& s : seen.samples) {
        EXPECT_NO_THROW(space::layers::validate(
            space::layers::layerNetworkFromJson(nlohmann::json::parse(s.architecture))));
        const bool feasible = metric(s, "feasible") == 1;
        EXPECT_EQ(feasible, metric(s, "params") <= 20000) << s.architecture;
        if (!feasible) EXPECT_EQ(metric(s, "reward"), 0) << "hard limits floor the reward";
        anyFeasible = anyFeasible || feasible;
    }
    if (anyFeasible) EXPECT_LE(last.cost.params, 20000);

    const auto store = root.store();
    const auto stored = store.epochs(outcome.runId);
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[1].architecture, last.architecture);
    EXPECT_EQ(store.findRun(outcome.runId)->params, last.cost.params);
    EXPECT_EQ(scores(store.samples(outcome.runId)), scores(seen.samples));
    EXPECT_TRUE(store.alphaSnapshots(outcome.runId).empty());
    const auto steps = store.steps(outcome.runId);
    ASSERT_EQ(steps.size(), 2u);  // one update an epoch
    std::vector<std::string> names;
    for (const auto& [name, value] : steps[0].scalars) names.push_back(name);
    EXPECT_NE(std::find(names.begin(), names.end(), "reward"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "baseline"), names.end());
}

TEST(RenaSession, AStopInsideAnUpdateOrBetweenEpochsResumesToTheSameSearch) {
    TempWorkspace straightRoot, stoppedRoot;
    const auto config = renaSearch(3);
    Observer straight;
    engine::SearchControl straightControl;
    const auto reference =
        engine::SearchSession(config, straightRoot.root()).run(straight, straightControl);
    ASSERT_EQ(reference.status, engine::RunStatus::Finished) << reference.message;

    // A stop at the first update's start cuts it short: nothing of it is recorded.
    std::int64_t run = 0;
    {
        Observer seen;
        engine::SearchControl control;
        seen.onFirstStep = [&] { control.requestStop(); };
        const auto outcome = engine::SearchSession(config, stoppedRoot.root()).run(seen, control);
        ASSERT_EQ(outcome.status, engine::RunStatus::Stopped) << outcome.message;
        run = outcome.runId;
        EXPECT_TRUE(stoppedRoot.store().steps(run).empty());
        EXPECT_TRUE(stoppedRoot.store().samples(run).empty());
    }
    // Resumed, then stopped again after its first epoch.
    Observer resumed;
    {
        engine::SearchControl control;
        struct StopAfterFirstEpoch : Observer {
            engine::SearchControl* control = nullptr;
            void onEpoch(const engine::EpochMetrics& m) override {
                Observer::onEpoch(m);
                control->requestStop();
            }
        } seen;
        seen.control = &control;
        const auto outcome = engine::SearchSession(run, stoppedRoot.root()).run(seen, control);
        ASSERT_EQ(outcome.status, engine::RunStatus::Stopped) << outcome.message;
        EXPECT_EQ(seen.epochs.size(), 1u);
    }
    engine::SearchControl control;
    const auto outcome = engine::SearchSession(run, stoppedRoot.root()).run(resumed, control);
    ASSERT_EQ(outcome.status, engine::RunStatus::Finished) << outcome.message;

    const auto store = stoppedRoot.store();
    const auto epochs = store.epochs(run);
    ASSERT_EQ(epochs.size(), 3u);
    EXPECT_EQ(epochs.back().architecture, straight.epochs.back().architecture);
    EXPECT_EQ(epochs.back().validAccuracy, straight.epochs.back().validAccuracy);
    EXPECT_EQ(scores(store.samples(run)), scores(straight.samples));
}

TEST(RenaConfig, RefusesLimitsItCannotSeeOrMeetAndUnknownModes) {
    auto problemsOf = [](engine::SearchConfig c) {
        try {
            (void)engine::parseSearchConfig(engine::toJson(c));
        } catch (const engine::ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    auto mac = renaSearch(1);
    mac.constraints.maxMac = 1e6;
    EXPECT_NE(problemsOf(mac).find("constraints.max_mac is not one of RENA's limits"),
              std::string::npos);
    auto mode = renaSearch(1);
    mode.setOption("rena", "constraint_mode", std::string("sometimes"));
    EXPECT_NE(problemsOf(mode).find("rena.constraint_mode must be hard or soft"),
              std::string::npos);
    // Every strategy's checks run on every config: RENA's must not refuse another's limits...
    auto snas = fixtures::tinySearch("snas");
    snas.constraints.maxMac = 1e6;
    EXPECT_EQ(problemsOf(snas), "");
    // ...and a floor on compute intensity is a limit only editing strategies keep.
    snas.constraints.minIntensity = 2;
    EXPECT_NE(problemsOf(snas).find("constraints.min_intensity is a limit of editing strategies"),
              std::string::npos);
    auto floor = renaSearch(1);
    floor.constraints.minIntensity = 2;
    EXPECT_EQ(problemsOf(floor), "");
    auto tiny = renaSearch(1);
    tiny.constraints.maxParams = 10;  // below a 4-filter stem and the classifier
    const auto message = problemsOf(tiny);
    EXPECT_NE(message.find("constraints.max_params is impossible"), std::string::npos) << message;
    EXPECT_EQ(message.find("cell inputs"), std::string::npos) << "a layer chain has no cells";
    EXPECT_EQ(problemsOf(renaSearch(1)), "");
    // The seed network is the user's to choose, checked like any network of the space.
    auto seeded = renaSearch(1);
    seeded.setOption("rena", "seed_network",
                     R"({"stem_filters": 8, "layers": [{"type": "conv", "kernel": 4,
                         "filters": 8, "stride": 1, "skip_from": -1}]})");
    EXPECT_NE(problemsOf(seeded).find("rena.seed_network: "), std::string::npos)
        << problemsOf(seeded);
    const std::string seed =
        R"({"stem_filters": 8, "layers": [{"type": "sep_conv", "kernel": 5, "filters": 12,
            "stride": 2, "skip_from": -1}]})";
    seeded.setOption("rena", "seed_network", seed.c_str());
    EXPECT_EQ(problemsOf(seeded), "");
    EXPECT_EQ(search::rena::renaSettings(seeded).seedNetwork,
              space::layers::layerNetworkFromJson(nlohmann::json::parse(seed)));
}
