// New constraints sent to a running search: the engine applies those a network can meet and
// refuses the others itself, whoever sent them (GUI, CLI, a script driving SearchControl).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "engine/search_session.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "test_configs.h"

using namespace nas;

namespace {

struct ConstraintRecorder : engine::SearchObserver {
    std::vector<std::vector<std::string>> refusals;
    std::vector<engine::Constraints> applied;
    std::vector<engine::SearchPhase> phases;
    std::function<void(const engine::StepEvent&)> onEachStep;
    void onStep(const engine::StepEvent& e) override {
        if (onEachStep) onEachStep(e);
    }
    void onConstraintsRefused(const std::vector<std::string>& problems) override {
        refusals.push_back(problems);
    }
    void onConstraints(std::int64_t, const engine::Constraints& c) override {
        applied.push_back(c);
    }
    void onPhase(engine::SearchPhase phase) override { phases.push_back(phase); }
};

std::string freshRoot(const char* tag) {
    const auto root = std::filesystem::temp_directory_path() /
                      (std::string("nas-constraints-") + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    return root.string();
}

}  // namespace

TEST(SessionConstraints, AnImpossibleLimitSentMidRunNeverReachesTheStrategy) {
    const std::string root = freshRoot("impossible");
    auto config = fixtures::tinySearch("snas", 1, 4);
    engine::SearchSession session(config, root);
    engine::SearchControl control;
    ConstraintRecorder rec;
    engine::Constraints impossible;
    impossible.maxParams = 10;  // the stem and classifier alone have more
    impossible.strength = 0.5;
    rec.onEachStep = [&](const engine::StepEvent& e) {
        if (e.step == 0) control.setConstraints(impossible);
    };
    const auto outcome = session.run(rec, control);
    ASSERT_TRUE(outcome.ok()) << outcome.message;

    ASSERT_EQ(rec.refusals.size(), 1u);
    ASSERT_EQ(rec.refusals[0].size(), 1u);
    // The same words the config validation uses before a start.
    const auto atStart = engine::constraintProblems(config.space, impossible);
    ASSERT_EQ(atStart.size(), 1u);
    EXPECT_EQ(rec.refusals[0][0], atStart[0]);
    EXPECT_NE(atStart[0].find("constraints.max_params is impossible"), std::string::npos)
        << atStart[0];
    EXPECT_TRUE(rec.applied.empty());
    store::RunStore store(engine::Workspace(root).databasePath());
    EXPECT_TRUE(store.constraintChanges(outcome.runId).empty()) << "nothing recorded as applied";
    std::filesystem::remove_all(root);
}

TEST(SessionConstraints, AFeasibleLimitIsAppliedAndPhasesAreReportedInOrder) {
    const std::string root = freshRoot("feasible");
    engine::SearchSession session(fixtures::tinySearch("snas", 1, 4), root);
    engine::SearchControl control;
    ConstraintRecorder rec;
    engine::Constraints loose;
    loose.maxParams = 1e9;
    rec.onEachStep = [&](const engine::StepEvent& e) {
        if (e.step == 0) control.setConstraints(loose);
    };
    const auto outcome = session.run(rec, control);
    ASSERT_TRUE(outcome.ok()) << outcome.message;
    EXPECT_TRUE(rec.refusals.empty());
    ASSERT_EQ(rec.applied.size(), 1u);
    EXPECT_EQ(rec.applied[0], loose);
    const std::vector<engine::SearchPhase> expected{engine::SearchPhase::LoadingData,
                                                    engine::SearchPhase::BuildingSupernet,
                                                    engine::SearchPhase::FirstStep};
    EXPECT_EQ(rec.phases, expected);
    std::filesystem::remove_all(root);
}
