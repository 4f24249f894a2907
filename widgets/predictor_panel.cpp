#include "widgets/predictor_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "predictor/architecture_sampler.h"
#include "widgets/cell_dag_view.h"
#include "widgets/cell_labels.h"
#include "widgets/constraint_limits.h"
#include "widgets/limits_editor.h"
#include "widgets/number_format.h"
#include "widgets/prediction_band.h"
#include "widgets/predictor_fit_box.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

// Start-cell choices other than a recorded sample (whose data is its index).
constexpr int kStartDerived = -1;
constexpr int kStartUniform = -2;

QString modelName(predictor::PredictorModel model) {
    return model == predictor::PredictorModel::Gcn ? QStringLiteral("GCN") : QStringLiteral("MLP");
}

}  // namespace

PredictorPanel::PredictorPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("predictorPanel"));
    buildLayout();
    connect(m_runs, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        forgetRun();
        const bool valid = index >= 0 && index < static_cast<int>(m_entries.size());
        m_fitBox->setFitAvailable(valid && m_entries[static_cast<size_t>(index)].hasCheckpoint);
        refresh();
        if (valid) emit runChosen(m_entries[static_cast<size_t>(index)].id);
    });
    connect(m_start, qOverload<int>(&QComboBox::activated), this, &PredictorPanel::onStartChosen);
    connect(m_model, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { refreshPrediction(); });
    connect(m_cellView, &CellDagView::edgeClicked, this, &PredictorPanel::onEdgeClicked);
    connect(m_measure, &QPushButton::clicked, this, [this] {
        if (!m_genotype || !m_cells) return;
        m_latency->setText(tr("measuring\u2026"));
        m_measure->setEnabled(false);
        m_measuring = true;
        emit latencyRequested(*m_genotype, m_cells->space);
    });
    refresh();
}

void PredictorPanel::buildLayout() {
    m_runs = new QComboBox(this);
    m_runs->setObjectName(QStringLiteral("predictorRunChoice"));
    m_runs->setMinimumContentsLength(24);
    m_fitted = new QLabel(this);
    m_fitted->setObjectName(QStringLiteral("predictorFittedLabel"));
    m_start = new QComboBox(this);
    m_start->setObjectName(QStringLiteral("startCellChoice"));
    m_start->setMinimumContentsLength(24);
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("predictorModelChoice"));
    auto* top = new QGridLayout;
    top->addWidget(new QLabel(tr("Run:"), this), 0, 0);
    top->addWidget(m_runs, 0, 1);
    top->addWidget(m_fitted, 0, 2, 1, 2);
    top->addWidget(new QLabel(tr("Start from:"), this), 1, 0);
    top->addWidget(m_start, 1, 1);
    top->addWidget(new QLabel(tr("Predict with:"), this), 1, 2);
    top->addWidget(m_model, 1, 3);
    top->setColumnStretch(1, 1);
    top->setColumnStretch(3, 1);

    // Left: the cell, what it is, and what the predictor says.
    auto* left = new QWidget(this);
    m_cellView = new CellDagView(left);
    m_cellView->setObjectName(QStringLiteral("predictorCellView"));
    m_cellView->setEdgesClickable(true);
    m_cellView->setToolTip(tr("Click an edge to change its op or its input"));
    m_genotypeText = new QLabel(left);
    m_genotypeText->setObjectName(QStringLiteral("predictorGenotypeText"));
    m_genotypeText->setWordWrap(true);
    m_genotypeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The cell's text form, to copy: small and grey under the drawing that says the same.
    QFont small = m_genotypeText->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_genotypeText->setFont(small);
    m_genotypeText->setStyleSheet(QStringLiteral("color: #555555;"));
    m_message = new QLabel(left);
    m_message->setObjectName(QStringLiteral("predictorMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* predictionBox = new QGroupBox(tr("Predicted accuracy"), left);
    m_predictionText = new QLabel(predictionBox);
    m_predictionText->setObjectName(QStringLiteral("predictionText"));
    QFont big = m_predictionText->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_predictionText->setFont(big);
    m_band = new PredictionBand(predictionBox);
    m_band->setToolTip(tr("Mean of the ensemble's predictions, shaded: \u00b1 their spread"));
    auto* predictionLayout = new QVBoxLayout(predictionBox);
    predictionLayout->addWidget(m_predictionText);
    predictionLayout->addWidget(m_band);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_cellView, 1);
    leftLayout->addWidget(m_genotypeText);
    leftLayout->addWidget(m_message);
    leftLayout->addWidget(predictionBox);

    // Right: costs, limits and the fit.
    auto* right = new QWidget(this);
    auto* costs = new QGroupBox(tr("Costs of the network"), right);
    auto* costForm = new QFormLayout(costs);
    auto value = [costs](const QString& name) {
        auto* label = new QLabel(costs);
        label->setObjectName(name);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_params = value(QStringLiteral("predictorParams"));
    m_flops = value(QStringLiteral("predictorFlops"));
    m_mac = value(QStringLiteral("predictorMac"));
    m_latency = value(QStringLiteral("predictorLatency"));
    m_measure = new QPushButton(tr("Measure latency"), costs);
    m_measure->setObjectName(QStringLiteral("measureLatencyButton"));
    m_measure->setToolTip(tr("Time a forward pass of the network at batch 1 on the CPU"));
    auto* latencyRow = new QHBoxLayout;
    latencyRow->addWidget(m_latency, 1);
    latencyRow->addWidget(m_measure);
    costForm->addRow(tr("Parameters:"), m_params);
    costForm->addRow(tr("FLOPs:"), m_flops);
    costForm->addRow(tr("Memory access:"), m_mac);
    costForm->addRow(tr("Latency:"), latencyRow);
    m_fitBox = new PredictorFitBox(right);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(costs);
    rightLayout->addWidget(buildLimits());
    rightLayout->addWidget(m_fitBox, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
}

QWidget* PredictorPanel::buildLimits() {
    auto* group = new QGroupBox(tr("Constraints"), this);
    group->setObjectName(QStringLiteral("predictorLimitsGroup"));
    m_limits = new LimitsEditor(QStringLiteral("predictor"), group);
    connect(m_limits, &LimitsEditor::changed, this, &PredictorPanel::refreshConstraints);
    m_verdict = new QLabel(group);
    m_verdict->setObjectName(QStringLiteral("constraintVerdict"));
    m_verdict->setWordWrap(true);
    auto* layout = new QVBoxLayout(group);
    layout->addWidget(m_limits);
    layout->addWidget(m_verdict);
    return group;
}

void PredictorPanel::setRuns(const std::vector<PredictorRunEntry>& runs) {
    const auto chosen = chosenRun();
    m_entries = runs;
    {
        const QSignalBlocker block(m_runs);
        m_runs->clear();
        for (const auto& run : runs) {
            QString text = tr("Run %1: %2").arg(run.id).arg(run.name);
            QStringList fitted;
            if (run.gcnFitted) fitted << QStringLiteral("GCN");
            if (run.mlpFitted) fitted << QStringLiteral("MLP");
            if (!run.hasCheckpoint)
                text += tr(" (no checkpoint)");
            else if (!fitted.isEmpty())
                text += tr(" (fitted: %1)").arg(fitted.join(QStringLiteral(", ")));
            m_runs->addItem(text, QVariant::fromValue<qlonglong>(run.id));
        }
        m_runs->setCurrentIndex(-1);
        if (chosen)
            m_runs->setCurrentIndex(m_runs->findData(QVariant::fromValue<qlonglong>(*chosen)));
    }
    if (chosen && chosenRun() == chosen) {
        const auto& entry = m_entries[static_cast<size_t>(m_runs->currentIndex())];
        m_fitBox->setFitAvailable(entry.hasCheckpoint);
        refresh();
        return;
    }
    if (chosen) {  // the chosen run is gone
        forgetRun();
        m_fitBox->setFitAvailable(false);
        refresh();
    }
}

void PredictorPanel::forgetRun() {
    m_cells.reset();
    m_predictors.clear();
    m_genotype.reset();
    m_latencyMs.reset();
    m_start->clear();
}

bool PredictorPanel::chooseRun(std::int64_t id) {
    const int index = m_runs->findData(QVariant::fromValue<qlonglong>(id));
    if (index < 0) return false;
    if (index == m_runs->currentIndex()) {
        emit runChosen(id);  // chosen again: read it again
        return true;
    }
    m_runs->setCurrentIndex(index);
    return true;
}

std::optional<std::int64_t> PredictorPanel::chosenRun() const {
    if (m_runs->currentIndex() < 0) return std::nullopt;
    return m_runs->currentData().toLongLong();
}

void PredictorPanel::setRunCells(const PredictorRunCells& cells) {
    m_cells = cells;
    m_latencyMs.reset();
    {
        const QSignalBlocker block(m_start);
        m_start->clear();
        if (cells.derived) m_start->addItem(tr("Derived cell of the run"), kStartDerived);
        m_start->addItem(tr("Uniform sample (a new one each time)"), kStartUniform);
        for (std::size_t i = 0; i < cells.samples.size(); ++i)
            m_start->addItem(cells.samples[i].label, static_cast<int>(i));
        m_start->setCurrentIndex(0);
    }
    setConstraints(cells.constraints);
    onStartChosen(0);
}

void PredictorPanel::setPredictors(std::vector<PanelPredictor> predictors) {
    const QString previous = m_model->currentText();
    m_predictors = std::move(predictors);
    {
        const QSignalBlocker block(m_model);
        m_model->clear();
        for (const auto& p : m_predictors) m_model->addItem(modelName(p.model));
        const int keep = m_model->findText(previous);
        m_model->setCurrentIndex(keep >= 0 ? keep : 0);
        m_model->setEnabled(!m_predictors.empty());
        if (m_predictors.empty()) m_model->addItem(tr("none fitted"));
    }
    refresh();
}

void PredictorPanel::onStartChosen(int index) {
    if (!m_cells || index < 0) return;
    const int kind = m_start->itemData(index).toInt();
    if (kind == kStartDerived && m_cells->derived) {
        setCell(*m_cells->derived);
    } else if (kind >= 0 && kind < static_cast<int>(m_cells->samples.size())) {
        setCell(m_cells->samples[static_cast<size_t>(kind)].genotype);
    } else {
        try {
            predictor::ArchitectureSampler sampler(m_cells->space, m_uniformSeed++);
            setCell(sampler.sample());
        } catch (const std::exception& e) {
            showMessage(toQString(e.what()));
        }
    }
}

void PredictorPanel::setCell(const space::Genotype& genotype) {
    m_genotype = genotype;
    m_latencyMs.reset();
    showMessage(QString());
    refresh();
}

bool PredictorPanel::editEdge(const predictor::EdgeEdit& edit) {
    if (!m_genotype || !m_cells) {
        showMessage(tr("Edit refused: choose a run and a cell first."));
        return false;
    }
    space::Genotype edited;
    try {
        edited = predictor::applyEdgeEdit(*m_genotype, edit, m_cells->space);
    } catch (const std::exception& e) {
        showMessage(tr("Edit refused: %1").arg(toQString(e.what())));
        return false;
    }
    if (edited == *m_genotype) return true;
    m_genotype = std::move(edited);
    m_latencyMs.reset();
    showMessage(QString());
    refresh();
    return true;
}

QMenu* PredictorPanel::edgeMenu(bool reduction, int edge) {
    delete m_menu;
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("edgeEditMenu"));
    if (!m_genotype || !m_cells) return m_menu;
    const auto& cell = reduction ? m_genotype->reduce : m_genotype->normal;
    if (edge < 0 || edge >= static_cast<int>(cell.edges.size())) return m_menu;
    const space::GenotypeEdge current = cell.edges[static_cast<size_t>(edge)];
    m_menu->addSection(tr("Op of %1 \u2192 %2").arg(stateLabel(current.from)).arg(current.to));
    for (const std::string& op : predictor::editableOps(m_cells->space, reduction)) {
        QAction* action = m_menu->addAction(toQString(op));
        action->setObjectName(QStringLiteral("editOp_") + toQString(op));
        action->setCheckable(true);
        action->setChecked(op == current.op);
        connect(action, &QAction::triggered, this, [this, reduction, edge, op] {
            predictor::EdgeEdit e;
            e.reduction = reduction;
            e.edge = edge;
            e.op = op;
            editEdge(e);
        });
    }
    m_menu->addSection(tr("Input of node %1").arg(current.to));
    for (const int state : predictor::editableInputs(current.to)) {
        QAction* action = m_menu->addAction(stateLabel(state));
        action->setObjectName(QStringLiteral("editInput_%1").arg(state));
        action->setCheckable(true);
        action->setChecked(state == current.from);
        connect(action, &QAction::triggered, this, [this, reduction, edge, state] {
            predictor::EdgeEdit e;
            e.reduction = reduction;
            e.edge = edge;
            e.from = state;
            editEdge(e);
        });
    }
    return m_menu;
}

void PredictorPanel::onEdgeClicked(bool reduction, int edge, QPoint globalPos) {
    edgeMenu(reduction, edge)->popup(globalPos);
}

void PredictorPanel::setLatency(const space::Genotype& genotype, std::optional<double> milliseconds,
                                const QString& message) {
    m_measuring = false;
    m_measure->setEnabled(m_genotype.has_value());
    if (!m_genotype || genotype != *m_genotype) return;
    m_latencyMs = milliseconds;
    if (!milliseconds) {
        m_latency->setText(tr("not measured: %1").arg(message));
    } else {
        refresh();
    }
}

void PredictorPanel::refresh() {
    m_cellView->setEdgesClickable(true);
    if (m_genotype) {
        m_cellView->setGenotype(*m_genotype);
        const auto text = space::genotypeText(*m_genotype);
        m_genotypeText->setText(text ? toQString(*text)
                                     : toQString(space::toJson(*m_genotype).dump()));
    } else {
        m_cellView->clear();
        m_genotypeText->setText(m_cells ? QString() : tr("Choose a run with a checkpoint."));
    }
    m_cost.reset();
    if (m_genotype && m_cells) {
        try {
            m_cost = space::networkCost(*m_genotype, m_cells->space, false);
        } catch (const std::exception& e) {
            showMessage(toQString(e.what()));
        }
    }
    m_params->setText(m_cost ? formatCount(m_cost->params) : QStringLiteral("\u2014"));
    m_flops->setText(m_cost ? formatCount(m_cost->flops) : QStringLiteral("\u2014"));
    m_mac->setText(m_cost ? formatCount(m_cost->mac) : QStringLiteral("\u2014"));
    m_latency->setText(m_latencyMs ? tr("%1 ms").arg(formatSignificant(*m_latencyMs))
                                   : tr("not measured"));
    m_measure->setEnabled(m_genotype.has_value() && m_cells.has_value() && !m_measuring);

    QStringList fitted;
    if (const auto run = chosenRun()) {
        for (const auto& entry : m_entries) {
            if (entry.id != *run) continue;
            fitted << (entry.gcnFitted ? tr("GCN fitted") : tr("no GCN"));
            fitted << (entry.mlpFitted ? tr("MLP fitted") : tr("no MLP"));
        }
    }
    m_fitted->setText(fitted.join(QStringLiteral(" \u00b7 ")));
    refreshPrediction();
    refreshConstraints();
}

const PanelPredictor* PredictorPanel::currentPredictor() const {
    const int index = m_model->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_predictors.size())) return nullptr;
    return &m_predictors[static_cast<size_t>(index)];
}

void PredictorPanel::refreshPrediction() {
    m_prediction.reset();
    const PanelPredictor* p = currentPredictor();
    if (!m_genotype) {
        m_predictionText->setText(QStringLiteral("\u2014"));
    } else if (!p) {
        m_predictionText->setText(tr("No fitted predictor: fit one below"));
    } else {
        m_band->setRange(p->summary.scoreMin, p->summary.scoreMax);
        try {
            m_prediction = p->predict(*m_genotype);
            // The spread to two significant digits: a close ensemble still shows its spread.
            m_predictionText->setText(tr("%1 \u00b1 %2 %")
                                          .arg(formatPercent(m_prediction->mean),
                                               formatSignificant(m_prediction->std * 100.0, 2)));
        } catch (const std::exception& e) {
            m_predictionText->setText(tr("No prediction"));
            showMessage(tr("The predictor cannot take this cell: %1").arg(toQString(e.what())));
        }
    }
    if (p && p->summary.heldOutSpearman && std::isfinite(*p->summary.heldOutSpearman))
        m_predictionText->setToolTip(tr("%1 fitted on %2 architectures; held-out Spearman %3")
                                         .arg(modelName(p->model))
                                         .arg(p->summary.count)
                                         .arg(*p->summary.heldOutSpearman, 0, 'f', 3));
    else
        m_predictionText->setToolTip(QString());
    m_band->setPrediction(m_prediction);
}

engine::Constraints PredictorPanel::constraints() const { return m_limits->constraints(); }

void PredictorPanel::setConstraints(const engine::Constraints& constraints) {
    m_limits->setConstraints(constraints);
}

std::optional<bool> PredictorPanel::meetsConstraints() const {
    if (!m_cost) return std::nullopt;
    const auto limits = constraints();
    if (!limits.violations(*m_cost).empty()) return false;
    if (limits.maxLatencyMs && m_latencyMs && *m_latencyMs > *limits.maxLatencyMs) return false;
    return true;
}

QString PredictorPanel::constraintText() const { return m_verdict->text(); }

void PredictorPanel::refreshConstraints() {
    const auto meets = meetsConstraints();
    if (!meets || !m_cost) {
        m_verdict->setText(QString());
        return;
    }
    const auto limits = constraints();
    QStringList broken;
    const std::pair<CostMetric, QString> metrics[] = {{CostMetric::Params, tr("parameters")},
                                                      {CostMetric::Flops, tr("FLOPs")},
                                                      {CostMetric::Mac, tr("memory access")}};
    for (const auto& [metric, name] : metrics) {
        const auto limit = limitOf(limits, metric);
        const double cost = costOf(*m_cost, metric);
        if (limit && cost > *limit)
            broken << tr("%1 %2 > %3").arg(name, formatCount(cost), formatCount(*limit));
    }
    if (limits.maxLatencyMs && m_latencyMs && *m_latencyMs > *limits.maxLatencyMs)
        broken << tr("latency %1 ms > %2 ms")
                      .arg(formatSignificant(*m_latencyMs),
                           formatSignificant(*limits.maxLatencyMs));
    QString text;
    if (*meets) {
        text = tr("\u2714 Meets the constraints");
        if (limits.maxLatencyMs && !m_latencyMs) text += tr(" (latency not measured yet)");
        m_verdict->setStyleSheet(QStringLiteral("color: #1b7a2f; font-weight: bold;"));
    } else {
        text = tr("\u2718 Breaks the constraints: %1").arg(broken.join(QStringLiteral(", ")));
        m_verdict->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    }
    m_verdict->setText(text);
}

void PredictorPanel::showMessage(const QString& text) { m_message->setText(text); }

QString PredictorPanel::genotypeText() const { return m_genotypeText->text(); }
QString PredictorPanel::predictionText() const { return m_predictionText->text(); }
QString PredictorPanel::messageText() const { return m_message->text(); }

}  // namespace nas::widgets
