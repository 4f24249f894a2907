// A strategy registered from this test folder alone shows up everywhere a user meets strategies:
// the CLI usage, `strategies --json`, config parsing (its section and its checks), the launch
// panel's list and settings, and a real search run through the CLI.
#include "toy_strategy.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "cli.h"
#include "engine/search_config.h"
#include "search/registry/strategy_registry.h"
#include "widgets/launch_panel_form.h"
#include "widgets/status_text.h"

namespace {

using nlohmann::json;

class ToyStrategy : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { nas::fixtures::registerToyStrategy(); }
};

struct Output {
    int status = -1;
    std::string out;
};

// The CLI in-process, as `nas-studio-cli <words>` would run.
Output runCli(std::vector<std::string> words) {
    words.insert(words.begin(), "nas-studio-cli");
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    testing::internal::CaptureStdout();
    Output o;
    o.status = nas::cli::run(static_cast<int>(argv.size()), argv.data());
    o.out = testing::internal::GetCapturedStdout();
    return o;
}

TEST_F(ToyStrategy, AppearsInTheCliUsage) {
    EXPECT_NE(nas::cli::usage().find("--strategy snas|nasp|darts|random|enas|rena|toy"),
              std::string::npos)
        << nas::cli::usage();
}

TEST_F(ToyStrategy, IsListedByStrategiesJsonWithItsSettings) {
    const auto o = runCli({"strategies", "--json"});
    ASSERT_EQ(o.status, 0);
    const auto all = json::parse(o.out);
    std::vector<std::string> names;
    for (const auto& s : all) names.push_back(s.at("name"));
    EXPECT_EQ(names,
              (std::vector<std::string>{"snas", "nasp", "darts", "random", "enas", "rena", "toy"}));
    const auto& toy = all.back();
    EXPECT_EQ(toy.at("family"), "editing");
    EXPECT_EQ(toy.at("description"), "a test-only strategy that trains one fixed genotype");
    ASSERT_EQ(toy.at("options").size(), 1u);
    EXPECT_EQ(toy.at("options")[0].at("key"), "width_scale");
    EXPECT_DOUBLE_EQ(toy.at("options")[0].at("default").get<double>(), 0.5);
}

TEST_F(ToyStrategy, ConfigParsingReadsAndChecksItsSection) {
    const auto config = nas::engine::parseSearchConfig(
        json::parse(R"({"strategy":"toy","toy":{"width_scale":0.25}})"));
    EXPECT_EQ(config.strategy, "toy");
    EXPECT_DOUBLE_EQ(nas::search::realOption(config, "toy", "width_scale"), 0.25);
    EXPECT_DOUBLE_EQ(nas::engine::toJson(config).at("toy").at("width_scale").get<double>(), 0.25);
    try {
        (void)nas::engine::parseSearchConfig(
            json::parse(R"({"strategy":"toy","toy":{"width_scale":2,"depth":1}})"));
        FAIL() << "an out-of-range toy setting and an unknown key were accepted";
    } catch (const nas::engine::ConfigError& e) {
        const std::string text = e.what();
        EXPECT_NE(text.find("toy.width_scale must be in (0, 1]"), std::string::npos) << text;
        EXPECT_NE(text.find("toy.depth is not a known setting"), std::string::npos) << text;
    }
}

TEST_F(ToyStrategy, TheLaunchPanelOffersItAndItsSetting) {
    nas::widgets::LaunchForm form;
    auto* strategy = form.findChild<QComboBox*>(QStringLiteral("strategyChoice"));
    ASSERT_NE(strategy, nullptr);
    const int index = strategy->findData(QStringLiteral("toy"));
    ASSERT_GE(index, 0) << "the toy strategy is not in the launch panel's list";
    EXPECT_EQ(strategy->itemText(index), QStringLiteral("Toy"));
    strategy->setCurrentIndex(index);
    auto* group = form.findChild<QGroupBox*>(QStringLiteral("strategyOptionsGroup"));
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->title(), QStringLiteral("Toy settings"));
    auto* scale = form.findChild<QDoubleSpinBox*>(QStringLiteral("option_toy_width_scale"));
    ASSERT_NE(scale, nullptr);
    EXPECT_DOUBLE_EQ(scale->value(), 0.5);
    scale->setValue(0.75);
    const auto config = nas::engine::parseSearchConfig(form.toJson());
    EXPECT_EQ(config.strategy, "toy");
    EXPECT_DOUBLE_EQ(nas::search::realOption(config, "toy", "width_scale"), 0.75);
    EXPECT_EQ(nas::widgets::strategyText("toy"), QStringLiteral("Toy"));
}

TEST_F(ToyStrategy, RunsARealSearchThroughTheCli) {
    const auto workspace =
        std::filesystem::temp_directory_path() / ("nas-toy-" + std::to_string(::getpid()));
    std::filesystem::remove_all(workspace);
    const auto o = runCli(
        {"search", "--strategy",        "toy",         "--dataset",       "synthetic", "--epochs",
         "1",      "--steps-per-epoch", "2",           "--batch-size",    "8",         "--channels",
         "4",      "--layers",          "3",           "--threads",       "1",         "--device",
         "cpu",    "--quiet",           "--workspace", workspace.string()});
    EXPECT_EQ(o.status, 0) << o.out;
    const auto shown = runCli({"runs", "--json", "--workspace", workspace.string()});
    ASSERT_EQ(shown.status, 0);
    const auto runs = json::parse(shown.out);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].at("strategy"), "toy");
    EXPECT_EQ(runs[0].at("status"), "finished");
    std::filesystem::remove_all(workspace);
}

}  // namespace
