#pragma once
// Exporting a derived architecture: genotype JSON with its costs, the DARTS Genotype string, a
// standalone PyTorch module, the cell picture (PNG/SVG) and, once the run's cell was trained
// (`nas-studio-cli train --run`), its weights, with the module written at the trained size.
#include <QDialog>
#include <optional>

#include "engine/events.h"
#include "engine/trained_model.h"
#include "space/cost_model.h"
#include "space/genotype.h"
#include "space/space_config.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace nas::widgets {

class CellDagView;

struct ExportSubject {
    space::Genotype genotype;
    space::SpaceConfig space;
    std::optional<space::Cost> cost;
    std::optional<engine::AlphaSnapshot> alphas;  // widths and tooltips of the picture
    QString runFolder;                            // where trained weights would be; may be empty
    std::optional<std::int64_t> runId;
    QString baseName = QStringLiteral("architecture");
};

class ExportDialog final : public QDialog {
    Q_OBJECT
  public:
    enum class Format { Json = 0, DartsString, PyTorch, Png, Svg, Weights };

    explicit ExportDialog(ExportSubject subject, QWidget* parent = nullptr);

    [[nodiscard]] bool isAvailable(Format format) const;
    // Why a format cannot be exported (empty when it can).
    [[nodiscard]] QString unavailableReason(Format format) const;
    // Text of the text formats (JSON, DARTS string, PyTorch source).
    [[nodiscard]] QString text(Format format) const;
    // Writes `format` to `path`; false with a message box-free error in lastError().
    [[nodiscard]] bool exportTo(Format format, const QString& path);
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // The trained weights of this genotype in the run folder (empty when none).
    [[nodiscard]] QString weightsFile() const { return m_weights; }

  private:
    void showFormat(int row);
    void saveCurrent();
    void copyCurrent();
    void findTrainedWeights();
    [[nodiscard]] QString weightsSummary() const;
    [[nodiscard]] Format currentFormat() const;

    ExportSubject m_subject;
    QString m_json, m_darts, m_pytorch;
    QString m_dartsProblem, m_pytorchProblem;
    QString m_weights;
    QString m_weightsProblem;
    std::optional<engine::TrainedModel> m_trained;
    QString m_lastError;
    QListWidget* m_formats = nullptr;
    QStackedWidget* m_pages = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    CellDagView* m_picture = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_copy = nullptr;
};

}  // namespace nas::widgets
