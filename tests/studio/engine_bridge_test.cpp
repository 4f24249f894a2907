#include "app/studio/engine_bridge.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <atomic>
#include <optional>
#include <thread>

#include "app/studio/stall_meter.h"
#include "app/studio/worker_thread.h"
#include "studio_test_support.h"

using namespace nas::studio;
using nas::studio::fixtures::waitFor;

TEST(EngineBridge, CoalescesReportsIntoFewBatchesAndFinishes) {
    QTemporaryDir workspace;
    EngineBridge bridge;
    StallMeter meter;
    QSignalSpy batches(&bridge, &EngineBridge::batchReady);
    QSignalSpy finished(&bridge, &EngineBridge::finished);
    int steps = 0, alphas = 0, epochs = 0;
    bool started = false;
    QObject::connect(&bridge, &EngineBridge::batchReady, [&](const EngineBatch& b) {
        started |= b.started.has_value();
        steps += static_cast<int>(b.steps.size());
        alphas += static_cast<int>(b.alphas.size());
        epochs += static_cast<int>(b.epochs.size());
    });
    meter.start();
    ASSERT_TRUE(bridge.startNew(nas::engine::parseSearchConfig(fixtures::quickSearch(2)),
                                workspace.path()));
    EXPECT_FALSE(
        bridge.startNew(nas::engine::parseSearchConfig(fixtures::quickSearch(2)), workspace.path()))
        << "one search at a time";
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    meter.stop();
    const auto outcome = finished.at(0).at(0).value<nas::engine::SearchOutcome>();
    EXPECT_EQ(outcome.status, nas::engine::RunStatus::Finished) << outcome.message;
    EXPECT_FALSE(bridge.isRunning());
    EXPECT_TRUE(started);
    EXPECT_EQ(epochs, 2);
    EXPECT_GT(steps, 0);
    EXPECT_GT(alphas, 0);
    EXPECT_EQ(bridge.flushCount(), batches.count());
    // Every batch carried something, and no more batches than the timer allows.
    EXPECT_LE(batches.count(), steps + alphas + epochs + 8);
    std::printf("longest GUI stall during the search: %.1f ms over %lld ticks\n",
                meter.maxStallMs(), meter.ticks());
}

TEST(EngineBridge, UnknownRunToResumeFailsReadably) {
    QTemporaryDir workspace;
    EngineBridge bridge;
    QSignalSpy finished(&bridge, &EngineBridge::finished);
    ASSERT_TRUE(bridge.startResume(424242, workspace.path()));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 60000));
    const auto outcome = finished.at(0).at(0).value<nas::engine::SearchOutcome>();
    EXPECT_EQ(outcome.status, nas::engine::RunStatus::Failed);
    EXPECT_FALSE(outcome.message.empty());
}

TEST(EngineBridge, StopAndWaitEndsAPausedSearch) {
    QTemporaryDir workspace;
    EngineBridge bridge;
    QSignalSpy finished(&bridge, &EngineBridge::finished);
    QSignalSpy batches(&bridge, &EngineBridge::batchReady);
    ASSERT_TRUE(bridge.startNew(nas::engine::parseSearchConfig(fixtures::quickSearch(3)),
                                workspace.path()));
    bridge.requestPause();
    ASSERT_TRUE(waitFor([&] { return bridge.isPaused(); }));
    bridge.stopAndWait();
    EXPECT_FALSE(bridge.isRunning());
    EXPECT_FALSE(bridge.isPaused());
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).value<nas::engine::SearchOutcome>().status,
              nas::engine::RunStatus::Stopped);
    fixtures::spin(100);  // the worker's queued done-notice must now be a no-op
    EXPECT_EQ(finished.count(), 1);
}

TEST(EngineBridge, AnswersAScoreQueryBetweenStepsOfARunningSearch) {
    QTemporaryDir workspace;
    EngineBridge bridge;
    QSignalSpy finished(&bridge, &EngineBridge::finished);
    const auto genotype = *nas::space::publishedGenotype("DARTS_V1");
    EXPECT_FALSE(bridge.scoreArchitecture(genotype, 1, [](const nas::engine::SubnetScore&) {}))
        << "no search runs yet";
    ASSERT_TRUE(bridge.startNew(nas::engine::parseSearchConfig(fixtures::quickSearch(3)),
                                workspace.path()));
    bridge.requestPause();  // the answer must come while the search waits, not only after it
    ASSERT_TRUE(waitFor([&] { return bridge.isPaused(); }));
    std::optional<nas::engine::SubnetScore> answer;
    ASSERT_TRUE(bridge.scoreArchitecture(genotype, 2,
                                         [&](const nas::engine::SubnetScore& s) { answer = s; }));
    ASSERT_TRUE(waitFor([&] { return answer.has_value(); }, 120000))
        << "the paused search never answered";
    EXPECT_TRUE(bridge.isPaused());
    EXPECT_EQ(answer->batches, 2);
    EXPECT_GE(answer->accuracy, 0.0);
    EXPECT_LE(answer->accuracy, 1.0);
    bridge.stopAndWait();
    EXPECT_EQ(finished.count(), 1);
}

TEST(WorkerThread, CancelsJoinsAndRunsItsDoneOnceOnTheGuiThread) {
    WorkerThread worker;
    std::atomic<bool> started{false};
    int done = 0;
    ASSERT_TRUE(worker.start(
        [&] {
            started = true;
            while (!worker.cancelRequested())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        },
        [&] { ++done; }));
    EXPECT_FALSE(worker.start([] {}, [] {})) << "one worker at a time";
    ASSERT_TRUE(waitFor([&] { return started.load(); }));
    worker.requestCancel();
    worker.join();
    EXPECT_FALSE(worker.isRunning());
    EXPECT_EQ(done, 1);
    fixtures::spin(100);  // the worker's own queued notice arrives now and must change nothing
    EXPECT_EQ(done, 1);
    // A fresh start clears the cancel request; this time the notice itself ends the worker.
    ASSERT_TRUE(worker.start([&] { EXPECT_FALSE(worker.cancelRequested()); }, [&] { ++done; }));
    ASSERT_TRUE(waitFor([&] { return done == 2; }));
    EXPECT_FALSE(worker.isRunning());
}
