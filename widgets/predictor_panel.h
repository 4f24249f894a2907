#pragma once
// The predictor panel: pick a run with a checkpoint, start from a cell (its derived one, one of its
// recorded samples, or a uniform sample), edit it by clicking an edge of the drawing (a menu
// changes the edge's op or its input state), and see at once the fitted predictor's accuracy with
// the ensemble's spread, the network's params, FLOPs and memory access (and its latency once
// measured), and whether it meets the limits set here. Invalid edits are refused with a message.
// Fitting a predictor is a job the studio runs; its progress shows in the fit box.
//
// Torch-free: the studio hands in the runs as plain data and each fitted predictor as a function.
#include <QWidget>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "engine/events.h"
#include "predictor/cell_edit.h"
#include "predictor/predictor.h"
#include "space/cost_model.h"
#include "space/genotype.h"
#include "space/space_config.h"

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;

namespace nas::widgets {

class CellDagView;
class LimitsEditor;
class PredictionBand;
class PredictorFitBox;

// A run in the panel's list.
struct PredictorRunEntry {
    std::int64_t id = 0;
    QString name;
    bool hasCheckpoint = false;  // only these can be scored, so fitted
    bool gcnFitted = false;
    bool mlpFitted = false;
};

// A chosen run's cells.
struct PredictorRunCells {
    std::int64_t id = 0;
    space::SpaceConfig space;
    engine::Constraints constraints;  // the run's own: the panel's first limits
    std::optional<space::Genotype> derived;
    struct Sample {
        QString label;
        space::Genotype genotype;
    };
    std::vector<Sample> samples;  // recorded ones the predictor can take, newest first
};

// A fitted predictor, as the panel asks it.
struct PanelPredictor {
    predictor::PredictorModel model = predictor::PredictorModel::Gcn;
    // Throws std::invalid_argument naming the problem for a cell the predictor cannot take.
    std::function<predictor::Prediction(const space::Genotype&)> predict;
    predictor::TrainingSummary summary;
};

class PredictorPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit PredictorPanel(QWidget* parent = nullptr);

    // The run list; keeps the chosen run when it is still there (runChosen is not emitted then).
    void setRuns(const std::vector<PredictorRunEntry>& runs);
    // Chooses run `id` in the list (emits runChosen); false when it is not listed.
    bool chooseRun(std::int64_t id);
    [[nodiscard]] std::optional<std::int64_t> chosenRun() const;
    // The chosen run's cells: the panel starts from its derived cell (or a uniform sample).
    void setRunCells(const PredictorRunCells& cells);
    // The chosen run's fitted predictors (none: predictions wait for a fit); keeps the cell.
    void setPredictors(std::vector<PanelPredictor> predictors);

    // The cell shown, and what the panel says about it.
    [[nodiscard]] const std::optional<space::Genotype>& genotype() const { return m_genotype; }
    [[nodiscard]] std::optional<predictor::Prediction> prediction() const { return m_prediction; }
    [[nodiscard]] QString genotypeText() const;
    [[nodiscard]] QString predictionText() const;
    [[nodiscard]] QString messageText() const;  // the last refusal, or empty
    [[nodiscard]] std::optional<space::Cost> cost() const { return m_cost; }
    [[nodiscard]] std::optional<double> latencyMs() const { return m_latencyMs; }
    // A latency measurement was requested and has not come back yet.
    [[nodiscard]] bool measuringLatency() const { return m_measuring; }
    // Whether the cell meets the limits (nullopt: no cell).
    [[nodiscard]] std::optional<bool> meetsConstraints() const;
    [[nodiscard]] QString constraintText() const;

    // The limits the cell is checked against.
    void setConstraints(const engine::Constraints& constraints);
    [[nodiscard]] engine::Constraints constraints() const;

    // Starts from this cell (no edit check: a start cell the predictor cannot take is shown with
    // the predictor's message).
    void setCell(const space::Genotype& genotype);
    // The edit a click on an edge and a menu choice make. False, with the cell unchanged and the
    // reason shown, when the result is not a cell of the run's space the predictor takes.
    bool editEdge(const predictor::EdgeEdit& edit);
    // The menu a click on edge `edge` of a cell opens: one action per op and per input state.
    [[nodiscard]] QMenu* edgeMenu(bool reduction, int edge);

    // A latency measured for `genotype` (ignored when the cell changed meanwhile); nullopt: the
    // measurement failed with `message`.
    void setLatency(const space::Genotype& genotype, std::optional<double> milliseconds,
                    const QString& message = {});

    [[nodiscard]] CellDagView* cellView() const { return m_cellView; }
    [[nodiscard]] PredictorFitBox* fitBox() const { return m_fitBox; }

  signals:
    void runChosen(std::int64_t runId);
    void latencyRequested(const nas::space::Genotype& genotype,
                          const nas::space::SpaceConfig& space);

  private:
    void buildLayout();
    void forgetRun();  // the run's cells, predictors and cell, before another run comes
    QWidget* buildLimits();
    void onStartChosen(int index);
    void onEdgeClicked(bool reduction, int edge, QPoint globalPos);
    void refresh();  // everything that follows from the cell
    void refreshPrediction();
    void refreshConstraints();
    void showMessage(const QString& text);
    [[nodiscard]] const PanelPredictor* currentPredictor() const;

    QComboBox* m_runs = nullptr;
    QLabel* m_fitted = nullptr;
    QComboBox* m_start = nullptr;
    QComboBox* m_model = nullptr;
    CellDagView* m_cellView = nullptr;
    QLabel* m_genotypeText = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_predictionText = nullptr;
    PredictionBand* m_band = nullptr;
    QLabel* m_params = nullptr;
    QLabel* m_flops = nullptr;
    QLabel* m_mac = nullptr;
    QLabel* m_latency = nullptr;
    QPushButton* m_measure = nullptr;
    LimitsEditor* m_limits = nullptr;
    QLabel* m_verdict = nullptr;
    PredictorFitBox* m_fitBox = nullptr;
    QMenu* m_menu = nullptr;

    std::vector<PredictorRunEntry> m_entries;
    std::optional<PredictorRunCells> m_cells;
    std::vector<PanelPredictor> m_predictors;
    std::optional<space::Genotype> m_genotype;
    std::optional<space::Cost> m_cost;
    std::optional<predictor::Prediction> m_prediction;
    std::optional<double> m_latencyMs;  // of m_genotype
    std::uint64_t m_uniformSeed = 1;    // each uniform start draws a new cell
    bool m_measuring = false;
};

}  // namespace nas::widgets
