// "Train found cell" in the studio: a finished tiny search's derived cell is trained from scratch
// on a worker thread, and the export dialog then offers its weights at the trained size.
#include "app/studio/train_dialog.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

#include "app/studio/engine_bridge.h"
#include "app/studio/main_window.h"
#include "app/studio/run_views.h"
#include "app/studio/train_job.h"
#include "engine/trained_model.h"
#include "studio_test_support.h"
#include "widgets/export_dialog.h"
#include "widgets/launch_panel.h"

using namespace nas::studio;
using nas::studio::fixtures::waitFor;

namespace {

void setSpin(QDialog* dialog, const char* name, int value) {
    auto* box = dialog->findChild<QSpinBox*>(QLatin1String(name));
    ASSERT_NE(box, nullptr) << name;
    box->setValue(value);
}

}  // namespace

TEST(TrainFoundCell, TrainsTheRunsCellAndTheExportOffersItsWeights) {
    QSettings().clear();
    QTemporaryDir workspace;
    MainWindow window(workspace.path());
    window.launchPanel()->setMemoryProbe([] { return std::optional<double>(64.0 * (1ull << 30)); });
    window.show();
    QSignalSpy ended(&window, &MainWindow::searchEnded);
    ASSERT_TRUE(window.launchPanel()->setConfigJson(fixtures::quickSearch(1)));
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    ASSERT_TRUE(waitFor([&] { return ended.count() == 1; })) << window.lastError().toStdString();
    const std::int64_t runId = *window.views()->runId();

    window.findChild<QAction*>(QStringLiteral("actionTrainCell"))->trigger();
    auto* dialog = window.findChild<TrainDialog*>(QStringLiteral("trainDialog"));
    ASSERT_NE(dialog, nullptr);
    setSpin(dialog, "trainChannels", 4);
    setSpin(dialog, "trainLayers", 3);
    setSpin(dialog, "trainEpochs", 2);
    setSpin(dialog, "trainBatchSize", 16);
    QSignalSpy done(dialog->job(), &TrainJob::finished);
    QSignalSpy epochs(dialog->job(), &TrainJob::epochDone);
    dialog->findChild<QPushButton*>(QStringLiteral("trainStartButton"))->click();
    EXPECT_TRUE(dialog->job()->isRunning());
    EXPECT_FALSE(dialog->findChild<QPushButton*>(QStringLiteral("trainStartButton"))->isEnabled());
    ASSERT_TRUE(waitFor([&] { return done.count() == 1; }));
    EXPECT_TRUE(done.at(0).at(0).toBool()) << done.at(0).at(4).toString().toStdString();
    EXPECT_EQ(epochs.count(), 2);
    EXPECT_TRUE(dialog->resultText().contains(QStringLiteral("Test accuracy")));

    const QString folder = workspace.path() + QStringLiteral("/runs/") + QString::number(runId);
    const auto record = nas::engine::readTrainedModel(folder.toStdString());
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->genotype, window.views()->lastEpoch()->genotype);
    EXPECT_EQ(record->space.channels, 4);
    EXPECT_TRUE(QFile::exists(folder + QStringLiteral("/weights.pt")));

    window.findChild<QAction*>(QStringLiteral("actionExport"))->trigger();
    auto* exporter = window.findChild<nas::widgets::ExportDialog*>(QStringLiteral("exportDialog"));
    ASSERT_NE(exporter, nullptr);
    using Format = nas::widgets::ExportDialog::Format;
    EXPECT_TRUE(exporter->isAvailable(Format::Weights))
        << exporter->unavailableReason(Format::Weights).toStdString();
    EXPECT_TRUE(exporter->text(Format::PyTorch).contains(QStringLiteral("INIT_CHANNELS = 4")));
}

TEST(TrainFoundCell, StoppingKeepsNoWeights) {
    QTemporaryDir folder;
    TrainSubject subject;
    subject.runId = 1;
    subject.genotype = *nas::space::publishedGenotype("DARTS_V2");
    subject.dataset.name = "synthetic";
    subject.dataset.syntheticCount = 512;
    subject.runFolder = folder.path();
    TrainDialog dialog(subject);
    setSpin(&dialog, "trainChannels", 4);
    setSpin(&dialog, "trainLayers", 3);
    setSpin(&dialog, "trainEpochs", 50);
    setSpin(&dialog, "trainBatchSize", 8);
    QSignalSpy done(dialog.job(), &TrainJob::finished);
    QSignalSpy progress(dialog.job(), &TrainJob::progress);
    dialog.startTraining();
    ASSERT_TRUE(waitFor([&] { return progress.count() > 0; }));
    dialog.findChild<QPushButton*>(QStringLiteral("trainStopButton"))->click();
    ASSERT_TRUE(waitFor([&] { return done.count() == 1; }));
    EXPECT_FALSE(done.at(0).at(0).toBool());
    EXPECT_TRUE(done.at(0).at(1).toBool()) << "ended as stopped";
    EXPECT_FALSE(nas::engine::readTrainedModel(folder.path().toStdString()).has_value());
}
