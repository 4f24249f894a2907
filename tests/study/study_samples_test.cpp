#include "study/study_samples.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "study_fixtures.h"

namespace {

using nas::engine::SampleRecord;
using nas::engine::SampleTensor;

SampleRecord record(std::int64_t step, std::vector<SampleTensor> tensors) {
    SampleRecord r;
    r.step = step;
    r.score = 0.1 * static_cast<double>(step);
    const auto g = nas::study::fixtures::genotype(nas::study::fixtures::baseCell(),
                                                  nas::study::fixtures::baseCell());
    r.architecture = nas::space::toJson(g).dump();
    r.tensors = std::move(tensors);
    return r;
}

}  // namespace

TEST(StudySamples, FindTheFinalHiddenStateByItsNames) {
    EXPECT_EQ(nas::study::finalHiddenState(record(0, {{"final_hidden", {2}, {1, 2}}})),
              (std::vector<float>{1, 2}));
    // The last row of the per-decision states.
    EXPECT_EQ(
        nas::study::finalHiddenState(record(0, {{"hidden_states", {3, 2}, {1, 2, 3, 4, 5, 6}}})),
        (std::vector<float>{5, 6}));
    // final_hidden wins over the others.
    EXPECT_EQ(nas::study::finalHiddenState(
                  record(0, {{"hidden_states", {1, 2}, {1, 2}}, {"final_hidden", {2}, {7, 8}}})),
              (std::vector<float>{7, 8}));
    EXPECT_EQ(nas::study::finalHiddenState(record(0, {{"hidden_state", {1}, {3}}})),
              (std::vector<float>{3}));
    EXPECT_FALSE(nas::study::finalHiddenState(record(0, {{"embedding", {1}, {3}}})));
}

TEST(StudySamples, KeepRecordsWithAStateAndAnArchitecture) {
    auto noArchitecture = record(2, {{"final_hidden", {1}, {1}}});
    noArchitecture.architecture.clear();
    const auto samples =
        nas::study::studySamples({record(1, {{"final_hidden", {1}, {4}}}), record(3, {}),
                                  noArchitecture, record(4, {{"final_hidden", {1}, {5}}})});
    ASSERT_EQ(samples.size(), 2u);
    EXPECT_EQ(samples[0].hiddenState, std::vector<float>{4});
    EXPECT_DOUBLE_EQ(samples[1].reward, 0.4);
    auto broken = record(9, {{"final_hidden", {1}, {1}}});
    broken.architecture = "{\"normal\": 3}";
    try {
        (void)nas::study::studySamples({broken});
        FAIL() << "a malformed architecture was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("step 9"), std::string::npos) << e.what();
    }
}
