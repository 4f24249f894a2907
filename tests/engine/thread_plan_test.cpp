#include "engine/thread_plan.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace nas::engine;

TEST(ThreadPlan, ARequestedCountIsKeptWhateverTheLoad) {
    const ThreadPlan plan = planThreads(3, 2, 1.9);
    EXPECT_EQ(plan.threads, 3);
    EXPECT_TRUE(plan.requested);
    EXPECT_FALSE(plan.lowered());
    EXPECT_EQ(plan.note(), "");
}

TEST(ThreadPlan, AQuietMachineGetsOneThreadPerCore) {
    EXPECT_EQ(planThreads(0, 2, 0.0).threads, 2);
    EXPECT_EQ(planThreads(0, 2, 0.3).threads, 2);  // a terminal, an editor: not busy
    EXPECT_EQ(planThreads(0, 16, 0.0).threads, 16);
    // Unreadable figures (negative) count as a quiet machine.
    EXPECT_EQ(planThreads(0, 4, -1.0).threads, 4);
    EXPECT_EQ(planThreads(0, 2, 0.0).note(), "");
}

TEST(ThreadPlan, ABusyMachineGetsTheFreeCoresAndSaysSo) {
    // Another search with its two threads, or a build, on a two-core machine.
    const ThreadPlan busy = planThreads(0, 2, 1.8);
    EXPECT_EQ(busy.threads, 1);
    EXPECT_TRUE(busy.lowered());
    EXPECT_NE(busy.note().find("busy"), std::string::npos) << busy.note();
    EXPECT_NE(busy.note().find("1.8 of 2 cores"), std::string::npos) << busy.note();
    EXPECT_NE(busy.note().find("using 1 CPU thread,"), std::string::npos) << busy.note();
    EXPECT_NE(busy.note().find("--threads"), std::string::npos) << busy.note();
    EXPECT_EQ(planThreads(0, 2, 1.0).threads, 1);
    // Never fewer than one, even when more is busy than there are cores.
    EXPECT_EQ(planThreads(0, 2, 5.0).threads, 1);
    EXPECT_EQ(planThreads(0, 16, 4.4).threads, 12);
}

TEST(ThreadPlan, TheMachineFiguresArePlausible) {
    const int cores = usableCores();
    EXPECT_GE(cores, 1);
    // A thread of ours spinning meanwhile keeps about one core busy (the rest of the machine may
    // add more, never less).
    std::atomic<bool> stop{false};
    std::thread spinner([&] {
        while (!stop.load()) {
        }
    });
    const double busy = busyCores(std::chrono::milliseconds(300));
    stop = true;
    spinner.join();
    EXPECT_GE(busy, 0.5);
    EXPECT_LE(busy, cores + 0.05);
    const ThreadPlan plan = planThreads(0);
    EXPECT_GE(plan.threads, 1);
    EXPECT_LE(plan.threads, cores);
}
