#include "widgets/launch_panel.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "search/registry/strategy_registry.h"

using nas::widgets::LaunchPanel;

namespace {

const char* const kSynthetic =
    R"({"strategy":"darts","device":"cpu","epochs":2,"batch_size":8,"steps_per_epoch":3,
  "dataset":{"name":"synthetic","synthetic_count":64,"synthetic_shape":[3,16,16]},
  "space":{"channels":4,"layers":3}})";

constexpr double kPlentyOfMemory = 64.0 * 1024 * 1024 * 1024;

struct Panel {
    LaunchPanel panel;
    Panel() {
        panel.setMemoryProbe([] { return std::optional<double>(kPlentyOfMemory); });
        EXPECT_TRUE(panel.setConfigJson(nlohmann::json::parse(kSynthetic)));
    }
    template <typename T>
    T* child(const char* name) {
        auto* w = panel.findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }
};

}  // namespace

TEST(LaunchPanel, ValidSyntheticConfigShowsNoProblems) {
    Panel p;
    ASSERT_TRUE(p.panel.validate().has_value());
    EXPECT_TRUE(p.panel.problems().isEmpty());
    EXPECT_EQ(p.child<QComboBox>("strategyChoice")->currentData().toString(),
              QStringLiteral("darts"));
    EXPECT_EQ(p.child<QSpinBox>("channelsSpin")->value(), 4);
    EXPECT_TRUE(p.panel.memoryText().contains(QStringLiteral("available")));
}

TEST(LaunchPanel, ARenaSearchHidesTheCellSettingsAndTakesAnIntensityFloor) {
    Panel p;
    p.panel.show();
    auto* strategy = p.child<QComboBox>("strategyChoice");
    EXPECT_TRUE(p.child<QSpinBox>("channelsSpin")->isVisible());
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("rena")));
    EXPECT_FALSE(p.child<QSpinBox>("channelsSpin")->isVisible()) << "RENA edits layer chains";
    EXPECT_FALSE(p.child<QComboBox>("opSetChoice")->isVisible());
    p.child<QCheckBox>("minIntensityCheck")->setChecked(true);
    p.child<QDoubleSpinBox>("minIntensitySpin")->setValue(12);
    const auto config = p.panel.validate();
    ASSERT_TRUE(config.has_value()) << p.panel.problems().join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(config->constraints.minIntensity, 12);
    // A cell search cannot keep the floor: the panel says so before anything starts.
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("darts")));
    EXPECT_TRUE(p.child<QSpinBox>("channelsSpin")->isVisible());
    EXPECT_FALSE(p.panel.validate().has_value());
    EXPECT_TRUE(p.panel.problems()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("constraints.min_intensity")));
}

TEST(LaunchPanel, OddChannelsAreReportedBeforeStart) {
    Panel p;
    QSignalSpy started(&p.panel, &LaunchPanel::startRequested);
    p.child<QSpinBox>("channelsSpin")->setValue(5);
    EXPECT_FALSE(p.panel.validate().has_value());
    ASSERT_FALSE(p.panel.problems().isEmpty());
    EXPECT_TRUE(
        p.panel.problems().join(QLatin1Char('\n')).contains(QStringLiteral("space.channels")));
    EXPECT_TRUE(p.panel.messageText().contains(QStringLiteral("space.channels")));
    EXPECT_FALSE(p.panel.requestStart());
    EXPECT_EQ(started.count(), 0);
}

TEST(LaunchPanel, EveryProblemIsListed) {
    Panel p;
    p.child<QSpinBox>("channelsSpin")->setValue(5);
    p.child<QSpinBox>("layersSpin")->setValue(2);
    p.child<QSpinBox>("batchSizeSpin")->setValue(1);
    EXPECT_FALSE(p.panel.validate().has_value());
    const QString all = p.panel.problems().join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("space.channels")));
    EXPECT_TRUE(all.contains(QStringLiteral("space.layers")));
    EXPECT_TRUE(all.contains(QStringLiteral("batch_size")));
}

TEST(LaunchPanel, StartEmitsTheValidatedConfig) {
    Panel p;
    QSignalSpy started(&p.panel, &LaunchPanel::startRequested);
    ASSERT_TRUE(p.panel.requestStart());
    ASSERT_EQ(started.count(), 1);
    const auto config = started.at(0).at(0).value<nas::engine::SearchConfig>();
    EXPECT_EQ(config.strategy, "darts");
    EXPECT_EQ(config.dataset.name, "synthetic");
    EXPECT_EQ(config.space.channels, 4);
    EXPECT_EQ(config.stepsPerEpoch, 3);
}

TEST(LaunchPanel, RefusesARunThatCannotFitInMemory) {
    Panel p;
    p.panel.setMemoryProbe([] { return std::optional<double>(1024.0 * 1024.0); });  // 1 MiB free
    QSignalSpy started(&p.panel, &LaunchPanel::startRequested);
    p.child<QSpinBox>("batchSizeSpin")->setValue(512);
    EXPECT_FALSE(p.panel.requestStart());
    EXPECT_EQ(started.count(), 0);
    EXPECT_TRUE(p.panel.problems().join(QLatin1Char(' ')).contains(QStringLiteral("memory")));
}

TEST(LaunchPanel, ConfigSurvivesSaveAndLoad) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("search.json"));
    Panel first;
    first.child<QComboBox>("strategyChoice")->setCurrentIndex(0);  // SNAS
    first.child<QSpinBox>("epochsSpin")->setValue(7);
    first.child<QSpinBox>("seedSpin")->setValue(1234);
    first.child<QCheckBox>("maxParamsCheck")->setChecked(true);
    first.child<QDoubleSpinBox>("maxParamsSpin")->setValue(1.5);
    first.child<QComboBox>("presetChoice")->setCurrentIndex(2);  // moderate
    ASSERT_TRUE(first.panel.saveConfig(path));

    LaunchPanel second;
    ASSERT_TRUE(second.loadConfig(path)) << second.messageText().toStdString();
    EXPECT_EQ(second.configJson(), first.panel.configJson());
    const auto config = nas::engine::parseSearchConfig(second.configJson());
    EXPECT_EQ(config.strategy, "snas");
    EXPECT_EQ(config.epochs, 7);
    EXPECT_EQ(config.seed, 1234u);
    ASSERT_TRUE(config.constraints.maxParams.has_value());
    EXPECT_DOUBLE_EQ(*config.constraints.maxParams, 1.5e6);
    EXPECT_DOUBLE_EQ(config.constraints.strength, nas::engine::snasPresetStrength("moderate"));
}

TEST(LaunchPanel, LoadingSettingsTheFormLacksKeepsThem) {
    nlohmann::json json = nlohmann::json::parse(kSynthetic);
    json["weights_optimizer"] = {{"lr", 0.05}};
    json["snas"] = {{"tau0", 2.0}};
    Panel p;
    ASSERT_TRUE(p.panel.setConfigJson(json));
    const auto config = nas::engine::parseSearchConfig(p.panel.configJson());
    EXPECT_DOUBLE_EQ(config.weights.lr, 0.05);
    EXPECT_DOUBLE_EQ(nas::search::realOption(config, "snas", "tau0"), 2.0);
}

TEST(LaunchPanel, EachStrategyShowsItsOwnSettingsAndKeepsTheirEditsAcrossSwitches) {
    Panel p;
    auto* strategy = p.child<QComboBox>("strategyChoice");
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("darts")));
    auto* order = p.panel.findChild<QSpinBox*>(QStringLiteral("option_darts_order"));
    ASSERT_NE(order, nullptr) << "DARTS's settings are not shown";
    EXPECT_EQ(p.panel.findChild<QWidget*>(QStringLiteral("option_snas_tau0")), nullptr);
    EXPECT_EQ(order->value(), 1);
    order->setValue(2);
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("random")));
    auto* none = p.panel.findChild<QCheckBox*>(QStringLiteral("option_random_sample_none"));
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->isChecked());
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("darts")));
    order = p.panel.findChild<QSpinBox*>(QStringLiteral("option_darts_order"));
    ASSERT_NE(order, nullptr);
    EXPECT_EQ(order->value(), 2) << "the edit was lost when switching strategies";
    const auto config = nas::engine::parseSearchConfig(p.panel.configJson());
    EXPECT_EQ(nas::search::wholeOption(config, "darts", "order"), 2);
}

TEST(LaunchPanel, BrokenFileIsReportedNotLoaded) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    Panel p;
    EXPECT_FALSE(p.panel.loadConfig(path));
    EXPECT_FALSE(p.panel.problems().isEmpty());
}

TEST(LaunchPanel, PresetSetsStrengthAndRunningLocksTheSearchFields) {
    Panel p;
    p.child<QComboBox>("presetChoice")->setCurrentIndex(3);  // aggressive
    EXPECT_DOUBLE_EQ(p.child<QDoubleSpinBox>("strengthSpin")->value(),
                     nas::engine::snasPresetStrength("aggressive"));
    p.panel.setRunning(true);
    EXPECT_FALSE(p.child<QSpinBox>("channelsSpin")->isEnabled());
    EXPECT_TRUE(p.child<QPushButton>("applyConstraintsButton")->isEnabled());
    EXPECT_FALSE(p.child<QPushButton>("startButton")->isEnabled());
    QSignalSpy applied(&p.panel, &LaunchPanel::constraintsApplied);
    p.child<QCheckBox>("maxFlopsCheck")->setChecked(true);
    p.child<QDoubleSpinBox>("maxFlopsSpin")->setValue(50.0);
    p.child<QPushButton>("applyConstraintsButton")->click();
    ASSERT_EQ(applied.count(), 1);
    const auto constraints = applied.at(0).at(0).value<nas::engine::Constraints>();
    ASSERT_TRUE(constraints.maxFlops.has_value());
    EXPECT_DOUBLE_EQ(*constraints.maxFlops, 50e6);
}

namespace {

// Types `text` into a spin box as a user would: select all, type, leave the field.
void typeInto(QSpinBox* spin, const QString& text) {
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Tab);
    spin->clearFocus();  // offscreen windows are never active: editingFinished comes from here
}

}  // namespace

TEST(LaunchPanel, TypedValuesOutsideTheRangeAreRefusedVisiblyNotCut) {
    Panel p;
    auto* channels = p.child<QSpinBox>("channelsSpin");
    typeInto(channels, QStringLiteral("4096"));
    EXPECT_EQ(channels->value(), 4096) << "the last keystroke was not dropped";
    auto* epochs = p.child<QSpinBox>("epochsSpin");
    typeInto(epochs, QStringLiteral("0"));
    EXPECT_EQ(epochs->value(), 0) << "0 epochs did not silently revert";
    p.panel.setConfigJson(nlohmann::json::parse(kSynthetic));
    p.child<QComboBox>("datasetChoice")->setCurrentIndex(2);  // synthetic: the side field is on
    auto* side = p.child<QSpinBox>("syntheticSideSpin");
    typeInto(side, QStringLiteral("1000"));
    EXPECT_EQ(side->value(), 1000);
    typeInto(channels, QStringLiteral("4096"));
    typeInto(epochs, QStringLiteral("0"));
    EXPECT_FALSE(p.panel.validate().has_value());
    const QString all = p.panel.problems().join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("space.channels")) &&
                all.contains(QStringLiteral("1024")))
        << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("epochs must be at least 1"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("at most 256, not 1000"))) << all.toStdString();
    EXPECT_TRUE(p.panel.messageText().contains(QStringLiteral("4096")));
    EXPECT_FALSE(p.panel.requestStart());
}

TEST(LaunchPanel, AMissingDatasetFolderIsAProblemBeforeStart) {
    Panel p;
    QTemporaryDir dir;
    auto json = nlohmann::json::parse(kSynthetic);
    json["dataset"] = {{"name", "fashion-mnist"},
                       {"path", (dir.path() + "/no-such-folder").toStdString()}};
    EXPECT_FALSE(p.panel.setConfigJson(json) && p.panel.validate().has_value());
    EXPECT_FALSE(p.panel.messageText().contains(QStringLiteral("The configuration is valid")));
    EXPECT_TRUE(
        p.panel.problems().join(QLatin1Char('\n')).contains(QStringLiteral("does not exist")))
        << p.panel.problems().join(QLatin1Char('\n')).toStdString();
    // A folder without the dataset's files is named with what it lacks.
    json["dataset"]["path"] = dir.path().toStdString();
    p.panel.setConfigJson(json);
    EXPECT_FALSE(p.panel.validate().has_value());
    EXPECT_TRUE(p.panel.problems()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("train-images-idx3-ubyte")));
}

TEST(LaunchPanel, AnImpossibleConstraintIsRefusedMidRunWithTheStartMessage) {
    Panel p;
    // What Start says about a limit below the space's fixed cost.
    p.child<QCheckBox>("maxParamsCheck")->setChecked(true);
    p.child<QDoubleSpinBox>("maxParamsSpin")->setValue(0.00001);  // 10 parameters
    EXPECT_FALSE(p.panel.validate().has_value());
    const QStringList atStart = p.panel.problems();
    ASSERT_EQ(atStart.size(), 1);
    EXPECT_TRUE(atStart.front().contains(QStringLiteral("is impossible")));

    const auto running = nas::engine::parseSearchConfig(nlohmann::json::parse(kSynthetic));
    p.child<QCheckBox>("maxParamsCheck")->setChecked(false);
    p.panel.setRunning(true, running.space);
    QSignalSpy applied(&p.panel, &LaunchPanel::constraintsApplied);
    auto* apply = p.child<QPushButton>("applyConstraintsButton");
    ASSERT_TRUE(apply->isEnabled());
    p.child<QCheckBox>("maxParamsCheck")->setChecked(true);
    apply->click();  // before the delayed re-validation: the click itself must check
    EXPECT_EQ(applied.count(), 0);
    EXPECT_EQ(p.panel.problems(), atStart);
    EXPECT_TRUE(p.panel.messageText().contains(QStringLiteral("is impossible")));
    p.panel.validate();  // what the re-validation after typing does
    EXPECT_FALSE(apply->isEnabled());

    // A limit that can be met goes through, and its message goes with the run.
    p.child<QDoubleSpinBox>("maxParamsSpin")->setValue(5.0);
    p.panel.validate();
    EXPECT_TRUE(apply->isEnabled());
    apply->click();
    ASSERT_EQ(applied.count(), 1);
    EXPECT_TRUE(p.panel.messageText().contains(QStringLiteral("New constraints sent")));
    p.panel.setRunning(false);
    EXPECT_FALSE(p.panel.messageText().contains(QStringLiteral("New constraints sent")));
}

TEST(LaunchPanel, StrengthAndThreadsFieldsAreLabelledAndSaved) {
    Panel p;
    auto* label = p.child<QLabel>("strengthLabel");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QChar(0x03bb)));
    EXPECT_EQ(label->buddy(), p.child<QDoubleSpinBox>("strengthSpin"));
    auto* threads = p.child<QSpinBox>("threadsSpin");
    threads->setValue(3);
    EXPECT_EQ(p.panel.configJson().at("threads").get<int>(), 3);
    auto json = nlohmann::json::parse(kSynthetic);
    json["threads"] = 2;
    ASSERT_TRUE(p.panel.setConfigJson(json));
    EXPECT_EQ(threads->value(), 2);
}

TEST(LaunchPanel, LimitsShowNoTrailingZerosButKeepSmallValues) {
    Panel p;
    auto* params = p.child<QDoubleSpinBox>("maxParamsSpin");
    params->setValue(0.04);
    EXPECT_EQ(params->text(), QStringLiteral("0.04 M"));
    params->setValue(0.00001);  // 10 parameters: still six decimals underneath
    EXPECT_DOUBLE_EQ(params->value(), 0.00001);
    EXPECT_EQ(params->text(), QStringLiteral("0.00001 M"));
    params->setValue(2.0);
    EXPECT_EQ(params->text(), QStringLiteral("2 M"));
}
