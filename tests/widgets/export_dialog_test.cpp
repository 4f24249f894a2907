#include "widgets/export_dialog.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QListWidget>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

using nas::widgets::ExportDialog;
using Format = ExportDialog::Format;

namespace {
nas::widgets::ExportSubject subject(const QString& runFolder = {}) {
    nas::widgets::ExportSubject s;
    s.genotype = *nas::space::publishedGenotype("DARTS_V2");
    s.space.channels = 8;
    s.space.layers = 5;
    s.cost = nas::space::Cost{1.5e5, 2e7, 3e6};
    s.runFolder = runFolder;
    return s;
}
}  // namespace

TEST(ExportDialog, OffersEveryTextFormat) {
    ExportDialog dialog(subject());
    const auto json = nlohmann::json::parse(dialog.text(Format::Json).toStdString());
    EXPECT_EQ(nas::space::genotypeFromJson(json.at("genotype")), subject().genotype);
    EXPECT_DOUBLE_EQ(json.at("cost").at("params").get<double>(), 1.5e5);
    EXPECT_EQ(dialog.text(Format::DartsString).trimmed().toStdString(),
              nas::space::toDartsString(subject().genotype));
    EXPECT_TRUE(dialog.text(Format::PyTorch).contains(QStringLiteral("class NasStudioNetwork")));
}

TEST(ExportDialog, WeightsAreOfferedOnlyWhenThisGenotypeWasTrained) {
    QTemporaryDir dir;
    auto s = subject(dir.path());
    s.runId = 4;
    {
        ExportDialog dialog(s);
        EXPECT_FALSE(dialog.isAvailable(Format::Weights));
        EXPECT_TRUE(
            dialog.unavailableReason(Format::Weights).contains(QStringLiteral("train --run 4")));
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("exportFormatList"));
        ASSERT_NE(list, nullptr);
        EXPECT_FALSE(list->item(static_cast<int>(Format::Weights))->flags() & Qt::ItemIsEnabled);
        EXPECT_FALSE(list->item(static_cast<int>(Format::Weights))->toolTip().isEmpty());
    }
    // What `train --run` leaves: weights.pt and trained.json, here at 12 channels and 6 layers.
    QFile weights(dir.filePath(QStringLiteral("weights.pt")));
    ASSERT_TRUE(weights.open(QIODevice::WriteOnly));
    weights.write("weights");
    weights.close();
    nas::engine::TrainedModel trained;
    trained.genotype = s.genotype;
    trained.space = s.space;
    trained.space.channels = 12;
    trained.space.layers = 6;
    trained.epochs = 3;
    trained.testAccuracy = 0.875;
    trained.dataset = "fashion-mnist";
    nas::engine::writeTrainedModel(dir.path().toStdString(), trained);
    {
        ExportDialog dialog(s);
        EXPECT_TRUE(dialog.isAvailable(Format::Weights));
        // The module is written at the trained size, so the weights load into it.
        EXPECT_TRUE(dialog.text(Format::PyTorch).contains(QStringLiteral("INIT_CHANNELS = 12")));
        EXPECT_TRUE(dialog.text(Format::PyTorch).contains(QStringLiteral("LAYERS = 6")));
        ASSERT_TRUE(dialog.exportTo(Format::Weights, dir.filePath(QStringLiteral("copy.pt"))));
        EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("copy.pt"))));
    }
    // Weights of another genotype of the run (another epoch) are not offered for this one.
    s.genotype.normal.edges[0].op = "max_pool_3x3";
    ExportDialog other(s);
    EXPECT_FALSE(other.isAvailable(Format::Weights));
    EXPECT_TRUE(other.unavailableReason(Format::Weights).contains(QStringLiteral("another")));
    EXPECT_TRUE(other.text(Format::PyTorch).contains(QStringLiteral("INIT_CHANNELS = 8")));
}

TEST(ExportDialog, WritesFilesOfEachFormat) {
    QTemporaryDir dir;
    ExportDialog dialog(subject());
    for (const auto& [format, name] : {std::pair{Format::Json, "a.json"},
                                       {Format::DartsString, "a.txt"},
                                       {Format::PyTorch, "a.py"},
                                       {Format::Png, "a.png"},
                                       {Format::Svg, "a.svg"}}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        ASSERT_TRUE(dialog.exportTo(format, path))
            << name << ": " << dialog.lastError().toStdString();
        EXPECT_GT(QFileInfo(path).size(), 100) << name;
    }
}

TEST(ExportDialog, GenotypeWithoutDartsFormSaysWhy) {
    auto s = subject();
    s.genotype.normal.edges.pop_back();  // node 3 now has one input: no DARTS string
    ExportDialog dialog(s);
    EXPECT_FALSE(dialog.isAvailable(Format::DartsString));
    EXPECT_FALSE(dialog.unavailableReason(Format::DartsString).isEmpty());
    EXPECT_TRUE(dialog.isAvailable(Format::Json));
}
