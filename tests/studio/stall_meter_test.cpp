#include "app/studio/stall_meter.h"

#include <gtest/gtest.h>

#include <QTimer>
#include <chrono>
#include <thread>

#include "studio_test_support.h"

using nas::studio::StallMeter;

TEST(StallMeter, MeasuresABlockedEventLoop) {
    StallMeter meter;
    meter.start();
    nas::studio::fixtures::spin(50);
    // Block the GUI thread for 120 ms, as a slow repaint would.
    QTimer::singleShot(0, [] { std::this_thread::sleep_for(std::chrono::milliseconds(120)); });
    nas::studio::fixtures::spin(100);
    meter.stop();
    EXPECT_GE(meter.maxStallMs(), 100.0);
    EXPECT_GE(meter.maxGapMs(), meter.maxStallMs());
    EXPECT_GT(meter.ticks(), 5);
}

TEST(StallMeter, ResetForgetsTheMaximum) {
    StallMeter meter;
    meter.start();
    QTimer::singleShot(0, [] { std::this_thread::sleep_for(std::chrono::milliseconds(60)); });
    nas::studio::fixtures::spin(80);
    EXPECT_GE(meter.maxStallMs(), 40.0);
    meter.reset();
    EXPECT_EQ(meter.maxStallMs(), 0.0);
    EXPECT_TRUE(meter.isRunning());
}
