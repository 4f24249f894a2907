// The table of a run's candidates trained from scratch: only evaluated samples, best first, each
// with its size and its genotype as text.
#include "widgets/evaluations_table.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/evaluated_sample.h"
#include "space/genotype.h"

using namespace nas;

namespace {

engine::SampleRecord sample(const char* genotype, double accuracy, bool evaluated) {
    engine::SampleRecord s;
    s.architecture = space::toJson(*space::publishedGenotype(genotype)).dump();
    s.score = accuracy;
    if (evaluated)
        s.metrics = {{engine::kEvaluatedMetric, 1.0},
                     {"params", 52000.0},
                     {"flops", 3.1e6},
                     {"epochs", 20.0},
                     {"channels", 16.0},
                     {"layers", 8.0}};
    return s;
}

TEST(EvaluationsTable, ListsOnlyEvaluatedSamplesBestFirst) {
    widgets::EvaluationsTable table;
    // A shared-weight score of a search among them stays out.
    table.setSamples({sample("DARTS_V1", 0.81, true), sample("DARTS_V2", 0.99, false),
                      sample("DARTS_V2", 0.87, true)});
    ASSERT_EQ(table.rowCount(), 2);
    EXPECT_EQ(table.item(0, 0)->data(Qt::UserRole).toDouble(), 0.87);
    EXPECT_EQ(table.item(1, 0)->data(Qt::UserRole).toDouble(), 0.81);
    EXPECT_TRUE(table.item(0, 5)->text().startsWith(QStringLiteral("Genotype(normal=")));
    EXPECT_EQ(table.item(0, 4)->text(), QStringLiteral("16 × 8"));
    table.setSamples({});
    EXPECT_EQ(table.rowCount(), 0);
}

}  // namespace
