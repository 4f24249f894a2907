#pragma once
// Shared pieces of the studio tests: a tiny synthetic search and patient waiting.
#include <QEventLoop>
#include <QTimer>
#include <functional>
#include <nlohmann/json.hpp>

namespace nas::studio::fixtures {

// Two epochs of three steps on 64 synthetic 16x16 images with a 3-cell, 4-channel supernet.
inline nlohmann::json quickSearch(int epochs = 2) {
    auto json = nlohmann::json::parse(
        R"({"strategy":"darts","device":"cpu","threads":1,"epochs":2,"batch_size":8,
        "steps_per_epoch":3,"dataset":{"name":"synthetic","synthetic_count":64,"synthetic_shape":[3,16,16]},
        "space":{"channels":4,"layers":3}})");
    json["epochs"] = epochs;
    return json;
}

// The engine's speed depends on the machine and its load: wait generously, fail clearly.
inline constexpr int kEngineTimeoutMs = 10 * 60 * 1000;

// Like QTest::qWaitFor, but with a real event loop: qWaitFor sleeps 10 ms between passes, which
// would show up as stalls in a StallMeter running meanwhile.
inline bool waitFor(const std::function<bool()>& condition, int timeoutMs = kEngineTimeoutMs) {
    if (condition()) return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition()) loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return condition();
}

// Runs the event loop for `ms` milliseconds.
inline void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

}  // namespace nas::studio::fixtures
