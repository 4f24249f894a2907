#include "study/hidden_state_study.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "study_fixtures.h"

namespace {

using namespace nas::study;

// A hidden state that encodes the architecture: one-hot op and input per edge slot, so that the
// L2 distance of two states grows with the slots where the genotypes differ.
std::vector<float> encode(const nas::space::Genotype& g) {
    static const std::vector<std::string> kOps{"sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3",
                                               "max_pool_3x3", "avg_pool_3x3", "skip_connect"};
    std::vector<float> state;
    for (const auto* cell : {&g.normal, &g.reduce})
        for (const auto& e : cell->edges) {
            for (const auto& op : kOps) state.push_back(e.op == op ? 1.0f : 0.0f);
            for (int from = 0; from < 6; ++from) state.push_back(e.from == from ? 1.0f : 0.0f);
        }
    return state;
}

// `count` samples: random genotypes with random states, or (encoded) variants of one genotype,
// each with up to 12 ops changed, whose states encode them.
std::vector<StudySample> samples(int count, unsigned seed, bool encoded) {
    std::mt19937 random(seed);
    std::normal_distribution<float> gauss(0, 1);
    const auto base = fixtures::randomGenotype(random);
    std::vector<StudySample> all;
    for (int i = 0; i < count; ++i) {
        StudySample s;
        s.architecture = fixtures::randomGenotype(random);
        if (encoded) {
            auto variant = base;
            const auto changes = random() % 13;
            for (unsigned c = 0; c < changes; ++c) {
                auto& cell = random() % 2 ? variant.normal : variant.reduce;
                cell.edges[random() % cell.edges.size()].op =
                    s.architecture.normal.edges[random() % 8].op;
            }
            s.architecture = variant;
        }
        s.reward = 0.5 + 0.01 * static_cast<double>(random() % 30);
        if (encoded) {
            s.hiddenState = encode(s.architecture);
        } else {
            for (int d = 0; d < 8; ++d) s.hiddenState.push_back(gauss(random));
        }
        all.push_back(std::move(s));
    }
    return all;
}

StudyOptions smallOptions(HiddenDistance distance = HiddenDistance::L2) {
    StudyOptions options;
    options.window = 8;
    options.distance = distance;
    options.bootstrap.resamples = 200;
    return options;
}

}  // namespace

TEST(HiddenStateStudy, PairDistancesByHand) {
    StudySample a, b;
    a.hiddenState = {1, 0};
    b.hiddenState = {0, 1};
    a.reward = 0.75, b.reward = 0.5;
    a.architecture = b.architecture =
        fixtures::genotype(fixtures::baseCell(), fixtures::baseCell());
    auto p = pairMeasures(a, b);
    EXPECT_DOUBLE_EQ(p.l2, std::sqrt(2.0));
    EXPECT_DOUBLE_EQ(p.cosine, 1);  // orthogonal
    EXPECT_DOUBLE_EQ(p.rewardDifference, 0.25);
    EXPECT_EQ(p.graph.ged, 0);
    EXPECT_EQ(p.graph.commonConnections, 16);
    b.hiddenState = {2, 0};
    p = pairMeasures(a, b);
    EXPECT_DOUBLE_EQ(p.l2, 1);
    EXPECT_DOUBLE_EQ(p.cosine, 0);  // same direction
}

TEST(HiddenStateStudy, IncrementalEqualsBatchAsTheWindowSlides) {
    const auto all = samples(20, 1, false);
    for (const auto distance : {HiddenDistance::L2, HiddenDistance::Cosine}) {
        const auto options = smallOptions(distance);
        HiddenStateStudy study(options);
        for (std::size_t n = 1; n <= all.size(); ++n) {
            study.add(all[n - 1]);
            const std::vector<StudySample> seen(all.begin(), all.begin() + n);
            // Every figure to the last bit, bootstrap interval included (NaN reads as null).
            EXPECT_EQ(toJson(study.result()), toJson(studyHiddenStates(seen, options)))
                << "after " << n << " samples";
        }
        const auto last = study.result();
        EXPECT_EQ(last.samples, 8);
        EXPECT_EQ(last.pairs, 28);
    }
}

TEST(HiddenStateStudy, ResultHasTheDocumentedJsonForm) {
    const auto options = smallOptions();
    const auto doc = toJson(studyHiddenStates(samples(10, 2, false), options));
    EXPECT_EQ(doc.at("samples"), 8);
    EXPECT_EQ(doc.at("pairs"), 28);
    EXPECT_EQ(doc.at("distance"), "l2");
    const auto& measures = doc.at("measures");
    EXPECT_EQ(measures.size(), 4u);
    for (const char* name : {"ged", "common_connections", "common_ops", "reward_difference"}) {
        SCOPED_TRACE(name);
        const auto& m = measures.at(name);
        EXPECT_TRUE(m.at("spearman").is_number());
        ASSERT_EQ(m.at("spearman_ci").size(), 2u);
        EXPECT_LE(m.at("spearman_ci")[0].get<double>(), m.at("spearman").get<double>());
        EXPECT_GE(m.at("spearman_ci")[1].get<double>(), m.at("spearman").get<double>());
        EXPECT_TRUE(m.at("pearson").is_number());
        EXPECT_TRUE(m.at("kendall").is_number());
    }
}

TEST(HiddenStateStudy, StatesThatEncodeTheArchitectureCorrelateWithTheGraphMeasures) {
    // The distance of encoded states is sqrt(2 x the edge slots whose ops differ): with the inputs
    // all kept, the ops in common are 16 less those slots (a Spearman of -1), and the edit
    // distance is at most those slots (a renumbering can only lower it); random rewards are
    // unrelated.
    StudyOptions options;
    options.window = 30;
    options.bootstrap.resamples = 200;
    const auto result = studyHiddenStates(samples(30, 3, true), options);
    ASSERT_EQ(result.measures.size(), 4u);
    EXPECT_EQ(result.measures[0].first, "ged");
    EXPECT_GT(result.measures[0].second.spearman, 0.9);
    EXPECT_EQ(result.measures[2].first, "common_ops");
    EXPECT_DOUBLE_EQ(result.measures[2].second.spearman, -1);
    EXPECT_LT(std::abs(result.measures[3].second.spearman), 0.3);
}

TEST(HiddenStateStudy, TooFewPairsAreUndefined) {
    const auto doc = toJson(studyHiddenStates(samples(2, 4, false), smallOptions()));
    EXPECT_EQ(doc.at("pairs"), 1);
    EXPECT_TRUE(doc.at("measures").at("ged").at("spearman").is_null());
}

TEST(HiddenStateStudy, RefusesMismatchedStatesAndKeepsWhatItHad) {
    HiddenStateStudy study(smallOptions());
    auto all = samples(3, 5, false);
    study.add(all[0]);
    study.add(all[1]);
    const auto before = toJson(study.result());
    all[2].hiddenState.push_back(1);
    EXPECT_THROW(study.add(all[2]), std::invalid_argument);
    all[2].hiddenState.clear();
    EXPECT_THROW(study.add(all[2]), std::invalid_argument);
    EXPECT_EQ(study.samples(), 2);
    EXPECT_EQ(toJson(study.result()), before);
    EXPECT_THROW(HiddenStateStudy(StudyOptions{0}), std::invalid_argument);
}

TEST(HiddenStateStudy, DistanceNames) {
    EXPECT_EQ(hiddenDistanceFromString("l2"), HiddenDistance::L2);
    EXPECT_EQ(hiddenDistanceFromString("cosine"), HiddenDistance::Cosine);
    EXPECT_EQ(toString(HiddenDistance::Cosine), "cosine");
    EXPECT_THROW((void)hiddenDistanceFromString("manhattan"), std::invalid_argument);
}
