#include "widgets/export_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "export/pytorch_source.h"
#include "widgets/cell_dag_view.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

QString jsonText(const ExportSubject& s) {
    nlohmann::json j;
    j["genotype"] = space::toJson(s.genotype);
    const auto text = space::genotypeText(s.genotype);  // DARTS form, or SNAS's 14-edge form
    j["darts"] = text ? nlohmann::json(*text) : nlohmann::json();
    if (s.cost)
        j["cost"] = {{"params", s.cost->params}, {"flops", s.cost->flops}, {"mac", s.cost->mac}};
    j["space"] = {{"channels", s.space.channels},
                  {"layers", s.space.layers},
                  {"nodes", s.space.nodes},
                  {"classes", s.space.classes},
                  {"input", {s.space.input.channels, s.space.input.height, s.space.input.width}}};
    return toQString(j.dump(2) + "\n");
}

bool writeText(const QString& path, const QString& text, QString& error) {
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = ExportDialog::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace

void ExportDialog::findTrainedWeights() {
    // A command line: not translated.
    const QString train =
        QStringLiteral("nas-studio-cli train --run %1")
            .arg(m_subject.runId ? QString::number(*m_subject.runId) : QStringLiteral("RUN_ID"));
    m_weightsProblem =
        tr("No trained weights yet: train this cell from scratch with Run ▸ Train found cell, "
           "or “%1” on a terminal; its weights then appear here.")
            .arg(train);
    if (m_subject.runFolder.isEmpty()) return;
    try {
        m_trained = engine::readTrainedModel(m_subject.runFolder.toStdString());
    } catch (const std::exception& e) {
        m_weightsProblem = toQString(e.what());
        return;
    }
    if (!m_trained) return;
    if (m_trained->genotype != m_subject.genotype) {
        m_weightsProblem =
            tr("The run's trained weights belong to another of its genotypes (a different "
               "epoch); train this one with “%1 --epoch N”.")
                .arg(train);
        m_trained.reset();
        return;
    }
    m_weights = QDir(m_subject.runFolder).filePath(QLatin1String(engine::kTrainedWeightsFile));
    m_weightsProblem.clear();
}

ExportDialog::ExportDialog(ExportSubject subject, QWidget* parent)
    : QDialog(parent), m_subject(std::move(subject)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export architecture"));
    m_json = jsonText(m_subject);
    // A SNAS-built genotype is written in SNAS-Series' 14-edge form, which inspect reads back.
    if (const auto text = space::genotypeText(m_subject.genotype)) {
        m_darts = toQString(*text + "\n");
    } else {
        try {
            m_darts = toQString(space::toDartsString(m_subject.genotype) +
                                "\n");  // throws, naming the node
        } catch (const std::exception& e) {
            m_dartsProblem =
                tr("This genotype has no DARTS string form: %1").arg(toQString(e.what()));
        }
    }
    findTrainedWeights();
    try {
        // With trained weights, the module is written at their size so that they load into it.
        m_pytorch = toQString(exporting::pytorchSource(
            m_subject.genotype, m_trained ? m_trained->space : m_subject.space, {}));
    } catch (const std::exception& e) {
        m_pytorchProblem =
            tr("No PyTorch module can be written for this genotype: %1").arg(toQString(e.what()));
    }

    m_formats = new QListWidget(this);
    m_formats->setObjectName(QStringLiteral("exportFormatList"));
    m_formats->setMaximumWidth(240);
    const QStringList names{tr("Genotype and costs (JSON)"), tr("DARTS genotype string"),
                            tr("PyTorch module (.py)"),      tr("Cell picture (PNG)"),
                            tr("Cell picture (SVG)"),        tr("Trained weights")};
    for (int i = 0; i < names.size(); ++i) {
        auto* item = new QListWidgetItem(names[i], m_formats);
        const QString reason = unavailableReason(static_cast<Format>(i));
        if (!reason.isEmpty()) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(reason);
        }
    }

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_picture = new CellDagView(this);
    m_picture->setObjectName(QStringLiteral("exportPicture"));
    m_picture->setGenotype(m_subject.genotype);
    if (m_subject.alphas) m_picture->setAlphas(*m_subject.alphas);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_preview);
    m_pages->addWidget(m_picture);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("exportNote"));
    m_note->setWordWrap(true);

    m_save = new QPushButton(tr("Save\u2026"), this);
    m_save->setObjectName(QStringLiteral("exportSaveButton"));
    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("exportCopyButton"));
    m_copy->setToolTip(tr("Copy the text to the clipboard"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("exportButtons"));
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::saveCurrent);
    connect(m_copy, &QPushButton::clicked, this, &ExportDialog::copyCurrent);
    connect(m_formats, &QListWidget::currentRowChanged, this, &ExportDialog::showFormat);

    auto* right = new QVBoxLayout;
    right->addWidget(m_pages, 1);
    right->addWidget(m_note);
    auto* top = new QHBoxLayout;
    top->addWidget(m_formats);
    top->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(1000, 620);
    m_formats->setCurrentRow(0);
}

bool ExportDialog::isAvailable(Format format) const { return unavailableReason(format).isEmpty(); }

QString ExportDialog::unavailableReason(Format format) const {
    switch (format) {
        case Format::DartsString:
            return m_dartsProblem;
        case Format::PyTorch:
            return m_pytorchProblem;
        case Format::Weights:
            return m_weightsProblem;
        default:
            return {};
    }
}

QString ExportDialog::text(Format format) const {
    switch (format) {
        case Format::Json:
            return m_json;
        case Format::DartsString:
            return m_darts;
        case Format::PyTorch:
            return m_pytorch;
        default:
            return {};
    }
}

ExportDialog::Format ExportDialog::currentFormat() const {
    return static_cast<Format>(std::max(0, m_formats->currentRow()));
}

void ExportDialog::showFormat(int row) {
    const auto format = static_cast<Format>(row);
    const bool picture = format == Format::Png || format == Format::Svg;
    m_pages->setCurrentWidget(picture ? static_cast<QWidget*>(m_picture) : m_preview);
    m_preview->setPlainText(format == Format::Weights ? weightsSummary() : text(format));
    m_copy->setEnabled(!text(format).isEmpty());
    m_save->setEnabled(isAvailable(format));
    QString note = unavailableReason(format);
    if (format == Format::PyTorch)
        note = m_trained
                   ? tr("A standalone file that needs only PyTorch, written at the trained size "
                        "(C = %1, %2 layers): “python3 model.py weights.pt” loads the "
                        "trained weights.")
                         .arg(m_trained->space.channels)
                         .arg(m_trained->space.layers)
                   : tr("A standalone file that needs only PyTorch; running it prints the "
                        "parameter count.");
    m_note->setText(note);
}

bool ExportDialog::exportTo(Format format, const QString& path) {
    m_lastError.clear();
    if (!isAvailable(format)) {
        m_lastError = unavailableReason(format);
        return false;
    }
    switch (format) {
        case Format::Json:
        case Format::DartsString:
        case Format::PyTorch:
            return writeText(path, text(format), m_lastError);
        case Format::Png:
            if (m_picture->exportPng(path)) return true;
            break;
        case Format::Svg:
            if (m_picture->exportSvg(path)) return true;
            break;
        case Format::Weights:
            QFile::remove(path);  // QFile::copy does not overwrite
            if (QFile::copy(m_weights, path)) return true;
            break;
    }
    m_lastError = tr("Cannot write %1.").arg(path);
    return false;
}

void ExportDialog::saveCurrent() {
    const Format format = currentFormat();
    static const char* const kSuffix[] = {".json", ".txt", ".py", ".png", ".svg", ".pt"};
    const QString suffix = QLatin1String(kSuffix[static_cast<int>(format)]);
    QString path = QFileDialog::getSaveFileName(this, tr("Export"), m_subject.baseName + suffix,
                                                tr("Files (*%1);;All files (*)").arg(suffix));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += suffix;
    if (!exportTo(format, path)) QMessageBox::warning(this, tr("Export failed"), m_lastError);
}

QString ExportDialog::weightsSummary() const {
    if (!m_trained) return unavailableReason(Format::Weights);
    const auto& t = *m_trained;
    return tr("Weights file: %1\n\nTrained from scratch on %2 for %3 epochs at C = %4, %5 layers:\n"
              "%6 parameters, test accuracy %7% on %8 images.\n\n"
              "Load them in Python with the PyTorch module export:\n"
              "    net = load_nas_studio_weights(NasStudioNetwork(), \"weights.pt\")")
        .arg(m_weights, toQString(t.dataset))
        .arg(t.epochs)
        .arg(t.space.channels)
        .arg(t.space.layers)
        .arg(QLocale().toString(t.params, 'f', 0))
        .arg(QLocale().toString(100 * t.testAccuracy, 'f', 2))
        .arg(t.testImages);
}

void ExportDialog::copyCurrent() { QApplication::clipboard()->setText(text(currentFormat())); }

}  // namespace nas::widgets
