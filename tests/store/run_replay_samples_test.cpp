// RunReplay carries a run's samples and truncateReplay trims them with the epochs: here because the
// samples come from the store, against a real v2 store file.
#include <gtest/gtest.h>

#include "store/run_store.h"
#include "v1_fixture.h"
#include "widgets/run_replay.h"

namespace nas::widgets {
namespace {

using namespace nas::store::testing;

TEST(RunReplaySamples, LoadsSamplesAndTruncatesThemWithTheirEpochs) {
    TempDir temp;
    store::RunStore store((temp.path() / "runs.sqlite").string());
    const auto run = store.createRun({"r", "random", "synthetic", "{}", "cpu", "0.2.0", 1});
    std::vector<engine::SampleRecord> samples;
    for (int epoch = 0; epoch < 3; ++epoch) {
        engine::SampleRecord s;
        s.step = epoch * 10;
        s.epoch = epoch;
        s.architecture = "{}";
        s.score = 0.1 * epoch;
        s.metrics = {{"epoch", static_cast<double>(epoch)}};
        samples.push_back(s);
    }
    store.recordSamples(run, samples);

    auto replay = loadRunReplay(store, run);
    ASSERT_TRUE(replay.has_value());
    ASSERT_EQ(replay->samples.size(), 3u);
    EXPECT_EQ(replay->samples[2].metrics, samples[2].metrics);
    truncateReplay(*replay, 1);
    ASSERT_EQ(replay->samples.size(), 1u);
    EXPECT_EQ(replay->samples[0].epoch, 0);
}

TEST(RunReplaySamples, AV1WorkspaceReplaysItsArchitecturesAsSamples) {
    TempDir temp;
    const auto db = copyV1Workspace(temp.path()) / "runs.sqlite";
    const store::RunStore store(db.string(), store::Access::ReadOnly);
    const auto replay = loadRunReplay(store, 1);
    ASSERT_TRUE(replay.has_value());
    EXPECT_EQ(replay->samples.size(), 16u);
}

}  // namespace
}  // namespace nas::widgets
