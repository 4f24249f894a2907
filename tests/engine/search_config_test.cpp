#include "engine/search_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "search/registry/strategy_registry.h"

using nas::engine::ConfigError;
using nas::engine::parseSearchConfig;
using nas::engine::parseSearchConfigText;
using nlohmann::json;

namespace {
std::string problemsOf(const json& j) {
    try {
        (void)parseSearchConfig(j);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(SearchConfig, DefaultsAreValidAndFollowTheDataset) {
    const auto c = parseSearchConfig(json::object());
    EXPECT_EQ(c.strategy, "snas");
    EXPECT_EQ(c.dataset.name, "fashion-mnist");
    EXPECT_EQ(c.dataset.path, "/usr/share/datasets/fashion-mnist");
    EXPECT_EQ(c.space.input.channels, 1);
    EXPECT_EQ(c.space.input.height, 28);
    EXPECT_EQ(c.space.edgesPerCell(), 14);
}

TEST(SearchConfig, RoundTripsThroughJson) {
    const auto c = parseSearchConfig(json::parse(
        R"({"strategy":"nasp","epochs":3,"deterministic":true,"space":{"op_set":"nasp","channels":8},
        "constraints":{"max_params":1e6,"preset":"moderate"},"dataset":{"name":"synthetic","synthetic_shape":[1,16,16]}})"));
    EXPECT_EQ(c.space.normalOps.size(), 8u);
    EXPECT_EQ(c.space.reduceOps.size(), 5u);
    EXPECT_DOUBLE_EQ(c.constraints.strength, 1e-2);
    EXPECT_TRUE(c.deterministic);
    const auto again = parseSearchConfig(nas::engine::toJson(c));
    EXPECT_EQ(nas::engine::toJson(again), nas::engine::toJson(c));
    EXPECT_EQ(again.constraints, c.constraints);
}

TEST(SearchConfig, ReportsEveryProblemByKey) {
    const auto text = problemsOf(json::parse(
        R"({"strategy":"evolution","epochs":0,"space":{"channels":7,"ops":["sep_conv_3x3","warp_conv"]},"batchsize":64})"));
    EXPECT_NE(text.find("strategy must be one of"), std::string::npos) << text;
    EXPECT_NE(text.find("epochs must be at least 1"), std::string::npos) << text;
    EXPECT_NE(text.find("space.channels must be a positive even number"), std::string::npos)
        << text;
    EXPECT_NE(text.find("unknown op 'warp_conv'"), std::string::npos) << text;
    EXPECT_NE(text.find("batchsize is not a known setting"), std::string::npos) << text;
}

TEST(SearchConfig, WrongTypesAndImpossibleConstraintsAreRefused) {
    EXPECT_NE(problemsOf(json::parse(R"({"epochs":"ten"})")).find("epochs has the wrong type"),
              std::string::npos);
    EXPECT_NE(problemsOf(json::parse(R"({"deterministic":"yes"})"))
                  .find("deterministic has the wrong type"),
              std::string::npos);
    const auto impossible = problemsOf(json::parse(R"({"constraints":{"max_params":100}})"));
    EXPECT_NE(impossible.find("constraints.max_params is impossible"), std::string::npos)
        << impossible;
    EXPECT_NE(problemsOf(json::parse(R"({"constraints":{"preset":"extreme"}})"))
                  .find("unknown SNAS constraint preset"),
              std::string::npos);
    EXPECT_NE(problemsOf(json::parse(R"({"space":{"ops":["none"]}})"))
                  .find("needs an op other than 'none'"),
              std::string::npos);
    EXPECT_NE(problemsOf(json::parse(R"({"nasp":{"inactive_batch_fraction":0}})"))
                  .find("nasp.inactive_batch_fraction must be in (0, 1]"),
              std::string::npos);
}

TEST(SearchConfig, WholeNumbersAreNeitherTruncatedNorWrapped) {
    const auto fraction = problemsOf(json::parse(R"({"epochs":1.9,"space":{"channels":4.0}})"));
    EXPECT_NE(fraction.find("epochs must be a whole number (got 1.9)"), std::string::npos)
        << fraction;
    EXPECT_NE(fraction.find("space.channels must be a whole number"), std::string::npos)
        << fraction;
    const auto huge =
        problemsOf(json::parse(R"({"epochs":3000000000,"batch_size":-3000000000,"seed":-1})"));
    EXPECT_NE(huge.find("epochs is out of range: 3000000000"), std::string::npos) << huge;
    EXPECT_NE(huge.find("batch_size is out of range: -3000000000"), std::string::npos) << huge;
    EXPECT_NE(huge.find("seed is out of range: -1"), std::string::npos) << huge;
    // The whole 64-bit seed range is accepted.
    EXPECT_EQ(parseSearchConfig(json::parse(R"({"seed":18446744073709551615})")).seed,
              18446744073709551615ULL);
    EXPECT_THROW((void)parseSearchConfigText(R"({"epochs": 1e400})"), ConfigError);
    // Sizes far past any network are refused before anything is allocated.
    const auto giant = problemsOf(json::parse(R"({"space":{"channels":100000,"layers":100000}})"));
    EXPECT_NE(giant.find("space.channels must be a positive even number up to 1024"),
              std::string::npos)
        << giant;
    EXPECT_NE(
        giant.find("space.layers must be from 3 (two reduction cells and a normal cell) to 100"),
        std::string::npos)
        << giant;
    EXPECT_NE(
        problemsOf(json::parse(R"({"space":{"layers":2}})")).find("space.layers must be from 3"),
        std::string::npos);
}

TEST(SearchConfig, MalformedJsonTextNamesTheProblem) {
    try {
        (void)parseSearchConfigText("{\"epochs\": 3,");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos);
    }
    EXPECT_THROW((void)nas::engine::loadSearchConfig("/nonexistent/config.json"), ConfigError);
}

TEST(SearchConfig, TheShippedConfigsAreValid) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(NAS_CONFIGS_DIR)) {
        if (entry.path().extension() != ".json") continue;
        EXPECT_NO_THROW((void)nas::engine::loadSearchConfig(entry.path().string())) << entry.path();
        ++count;
    }
    EXPECT_GE(count, 3);
    EXPECT_DOUBLE_EQ(
        nas::search::realOption(
            nas::engine::loadSearchConfig(std::string(NAS_CONFIGS_DIR) + "/fashion-quick.json"),
            "nasp", "inactive_batch_fraction"),
        0.25);
}

TEST(SearchConfig, RandomSearchSelectionFollowsTheAuthorsAndIsChecked) {
    const auto c = parseSearchConfig(json::object());
    using nas::search::flagOption;
    using nas::search::wholeOption;
    using nas::search::wordOption;
    EXPECT_EQ(wholeOption(c, "random", "candidates"), 1000);  // Li & Talwalkar's final selection
    EXPECT_EQ(wholeOption(c, "random", "candidate_batches"), 10);
    EXPECT_EQ(wholeOption(c, "random", "rerank"), 10);
    EXPECT_EQ(wordOption(c, "random", "bn_mode"), "eval");
    EXPECT_TRUE(flagOption(c, "random", "sample_none"));
    const auto text = problemsOf(json::parse(
        R"({"random":{"candidates":5,"rerank":6,"candidate_batches":0,"epoch_candidates":-1,"bn_mode":"train",
            "calibration_batches":0}})"));
    EXPECT_NE(text.find("random.rerank must be from 1 to random.candidates (5)"), std::string::npos)
        << text;
    EXPECT_NE(text.find("random.candidate_batches must be at least 1"), std::string::npos) << text;
    EXPECT_NE(text.find("random.epoch_candidates must be from 0"), std::string::npos) << text;
    EXPECT_NE(text.find("random.bn_mode must be eval, recalibrate or batch (got 'train')"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("random.calibration_batches must be at least 1"), std::string::npos)
        << text;
    EXPECT_NE(problemsOf(json::parse(R"({"random":{"candidates":0}})"))
                  .find("random.candidates must be from 1"),
              std::string::npos);
    const auto again = parseSearchConfig(json::parse(
        R"({"random":{"candidates":50,"rerank":5,"bn_mode":"recalibrate","calibration_batches":3,"sample_none":false}})"));
    EXPECT_EQ(wholeOption(again, "random", "rerank"), 5);
    EXPECT_EQ(wordOption(again, "random", "bn_mode"), "recalibrate");
    EXPECT_FALSE(flagOption(again, "random", "sample_none"));
    EXPECT_EQ(nas::engine::toJson(parseSearchConfig(nas::engine::toJson(again))),
              nas::engine::toJson(again));
}

TEST(SearchConfig, EvaluationBatchesAndSizeComeFromTheConfig) {
    const auto defaults = parseSearchConfig(json::object());
    EXPECT_EQ(defaults.evaluation.batches, 64);
    EXPECT_EQ(defaults.evaluation.batchSize, 0);  // the search's batch size
    const auto set =
        parseSearchConfig(json::parse(R"({"evaluation":{"batches":8,"batch_size":256}})"));
    EXPECT_EQ(set.evaluation.batches, 8);
    EXPECT_EQ(set.evaluation.batchSize, 256);
    EXPECT_EQ(nas::engine::toJson(parseSearchConfig(nas::engine::toJson(set))),
              nas::engine::toJson(set));
    const auto text = problemsOf(json::parse(R"({"evaluation":{"batches":0,"batch_size":1}})"));
    EXPECT_NE(text.find("evaluation.batches must be at least 1"), std::string::npos) << text;
    EXPECT_NE(text.find("evaluation.batch_size must be 0 (the search's batch size) or at least 2"),
              std::string::npos)
        << text;
}

TEST(SearchConfig, EnasMemoryBufferSettingsSitInANestedObject) {
    const auto c = parseSearchConfig(json::parse(R"({"strategy": "enas", "enas": {
        "lstm_size": 32, "memory_buffer": {"enabled": true, "capacity": 500}}})"));
    EXPECT_EQ(nas::search::wholeOption(c, "enas", "lstm_size"), 32);
    EXPECT_TRUE(nas::search::flagOption(c, "enas", "memory_buffer.enabled"));
    EXPECT_EQ(nas::search::wholeOption(c, "enas", "memory_buffer.capacity"), 500);
    // Keys left out keep Adam & Lorraine's defaults.
    EXPECT_EQ(nas::search::wholeOption(c, "enas", "memory_buffer.start_epoch"), 5);
    EXPECT_EQ(nas::search::wholeOption(c, "enas", "memory_buffer.loss_start_epoch"), 10);
    // The JSON form nests them again and reads back the same.
    const auto j = nas::engine::toJson(c);
    EXPECT_EQ(j["enas"]["memory_buffer"]["capacity"], 500);
    EXPECT_FALSE(j["enas"].contains("memory_buffer.capacity"));
    EXPECT_EQ(nas::engine::toJson(parseSearchConfig(j)), j);
    // A typo inside the group and a bad value are named with their full path.
    const auto problems = problemsOf(json::parse(R"({"strategy": "enas", "enas": {
        "memory_buffer": {"capasity": 5, "start_epoch": 12}}})"));
    EXPECT_NE(problems.find("enas.memory_buffer.capasity is not a known setting"),
              std::string::npos)
        << problems;
    EXPECT_NE(problems.find("enas.memory_buffer.loss_start_epoch must not come before"),
              std::string::npos)
        << problems;
}
