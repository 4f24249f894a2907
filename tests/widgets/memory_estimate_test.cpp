#include "widgets/memory_estimate.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

using namespace nas::widgets;

namespace {
nas::engine::SearchConfig tinySpace(int batch) {
    nlohmann::json json = nlohmann::json::parse(R"({"strategy": "darts",
        "dataset": {"name": "synthetic", "synthetic_shape": [3, 16, 16]},
        "space": {"channels": 4, "layers": 3, "nodes": 4}})");
    json["batch_size"] = batch;
    return nas::engine::parseSearchConfig(json);
}
}  // namespace

TEST(MemoryEstimate, FollowsTheDocumentedFormula) {
    // Three cells: normal (C=4, 16x16), reduction (C=8, 8x8), reduction (C=16, 4x4); 14 edges, 8
    // ops.
    const double perImage = 14.0 * 8.0 * (4 * 16 * 16 + 8 * 8 * 8 + 16 * 4 * 4);
    EXPECT_DOUBLE_EQ(estimateSupernetActivationBytes(tinySpace(8)), 8 * perImage * 4.0 * 3.0);
}

TEST(MemoryEstimate, GrowsLinearlyWithTheBatch) {
    EXPECT_DOUBLE_EQ(estimateSupernetActivationBytes(tinySpace(64)),
                     8 * estimateSupernetActivationBytes(tinySpace(8)));
}

TEST(MemoryEstimate, ReadsMemAvailable) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("meminfo"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        "MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    2048 kB\n");
    file.close();
    const auto available = availableMemoryBytes(path);
    ASSERT_TRUE(available.has_value());
    EXPECT_DOUBLE_EQ(*available, 2048.0 * 1024.0);
    EXPECT_FALSE(availableMemoryBytes(dir.filePath(QStringLiteral("missing"))).has_value());
}

TEST(MemoryEstimate, LeavesHeadroom) {
    EXPECT_TRUE(fitsInMemory(50.0, 100.0));
    EXPECT_FALSE(fitsInMemory(95.0, 100.0));
}
