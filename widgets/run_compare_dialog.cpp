#include "widgets/run_compare_dialog.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "widgets/cell_labels.h"
#include "widgets/number_format.h"
#include "widgets/op_palette.h"
#include "widgets/qt_text.h"
#include "widgets/status_text.h"

namespace nas::widgets {
namespace {

const QColor kSideColor[2] = {QColor(0x31, 0x82, 0xbd), QColor(0xe6, 0x55, 0x0d)};
const QColor kDifferent(0xff, 0xe8, 0xa3);

QString summary(const RunReplay& replay) {
    const auto& r = replay.record;
    return RunCompareDialog::tr("%1, best validation accuracy %2")
        .arg(statusText(r.status), r.bestValidAccuracy ? formatPercent(*r.bestValidAccuracy)
                                                       : RunCompareDialog::tr("none yet"));
}

// The edges into node `node` as text: "sep 3x3 ← c_{k-1}, skip ← 0".
QString edgesText(const space::CellGenotype& cell, int node) {
    QStringList parts;
    for (const auto& e : cell.edgesInto(node))
        parts << QStringLiteral("%1 \u2190 %2").arg(opShortLabel(e.op), stateLabel(e.from));
    return parts.isEmpty() ? RunCompareDialog::tr("(no edges)") : parts.join(QStringLiteral(", "));
}

// Same edges into the node, in any order.
bool sameEdges(const space::CellGenotype& a, const space::CellGenotype& b, int node) {
    auto key = [](const space::CellGenotype& c, int n) {
        std::multiset<std::pair<std::string, int>> k;
        for (const auto& e : c.edgesInto(n)) k.emplace(e.op, e.from);
        return k;
    };
    return key(a, node) == key(b, node);
}

QString concatText(const space::CellGenotype& cell) {
    QStringList parts;
    for (int state : cell.concat) parts << stateLabel(state);
    return parts.join(QStringLiteral(", "));
}

}  // namespace

QString runHeading(const store::RunRecord& run) {
    return RunCompareDialog::tr("#%1 %2 (%3, %4)")
        .arg(run.id)
        .arg(toQString(run.name), strategyText(run.strategy), datasetText(run.dataset));
}

std::optional<space::Cost> derivedCost(const RunReplay& replay) {
    if (replay.epochs.empty()) return std::nullopt;
    const engine::EpochMetrics& last = replay.epochs.back();
    if (!replay.config) return last.cost;
    try {
        return space::networkCost(last.genotype, replay.config->space, false);
    } catch (const std::exception&) {
        return last.cost;  // a genotype the current cost model refuses: the figure stored then
    }
}

RunCompareDialog::RunCompareDialog(const RunReplay& first, const RunReplay& second, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("runCompareDialog"));
    setWindowTitle(tr("Compare runs %1 and %2").arg(first.record.id).arg(second.record.id));

    auto* headings = new QHBoxLayout;
    int side = 0;
    for (const RunReplay* replay : {&first, &second}) {
        auto* heading = new QLabel(this);
        heading->setObjectName(side == 0 ? QStringLiteral("compareHeadingLeft")
                                         : QStringLiteral("compareHeadingRight"));
        heading->setText(QStringLiteral("<span style='color:%1'>\u25a0</span> <b>%2</b><br/>%3")
                             .arg(kSideColor[side].name(),
                                  runHeading(replay->record).toHtmlEscaped(),
                                  summary(*replay).toHtmlEscaped()));
        headings->addWidget(heading, 1);
        ++side;
    }
    m_costs[0] = derivedCost(first);
    m_costs[1] = derivedCost(second);

    buildPlots(first, second);
    buildGenotypeTable(first, second);

    auto* plots = new QWidget(this);
    auto* plotRow = new QHBoxLayout(plots);
    plotRow->setContentsMargins(0, 0, 0, 0);
    for (QCustomPlot* p : m_plots) plotRow->addWidget(p, 1);
    auto* genotypes = new QWidget(this);
    auto* genotypeBox = new QVBoxLayout(genotypes);
    genotypeBox->setContentsMargins(0, 0, 0, 0);
    genotypeBox->addWidget(m_costLabel);
    genotypeBox->addWidget(m_table, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(plots);
    split->addWidget(genotypes);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("compareButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(headings);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1400, 860);
}

void RunCompareDialog::buildPlots(const RunReplay& first, const RunReplay& second) {
    const QString titles[3] = {tr("Validation loss"), tr("Validation accuracy (%)"),
                               tr("Parameters of the derived network")};
    const char* names[3] = {"compareLossPlot", "compareAccuracyPlot", "compareCostPlot"};
    // One epoch range for both: the longer of the two runs (as configured, or as recorded).
    double lastEpoch = 1.0;
    for (const RunReplay* r : {&first, &second}) {
        if (r->config) lastEpoch = std::max(lastEpoch, static_cast<double>(r->config->epochs));
        if (!r->epochs.empty()) lastEpoch = std::max(lastEpoch, r->epochs.back().epoch + 1.0);
    }
    for (int p = 0; p < 3; ++p) {
        auto* plot = new QCustomPlot(this);
        plot->setObjectName(QLatin1String(names[p]));
        plot->setMinimumSize(300, 220);
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(
            0, 0, new QCPTextElement(plot, titles[p], QFont(font().family(), -1, QFont::Bold)));
        plot->xAxis->setLabel(tr("epoch"));
        plot->legend->setVisible(true);
        plot->legend->setBorderPen(Qt::NoPen);
        plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        plot->axisRect()->insetLayout()->take(plot->legend);
        plot->plotLayout()->addElement(2, 0, plot->legend);
        plot->plotLayout()->setRowStretchFactor(2, 0.001);
        int side = 0;
        for (const RunReplay* r : {&first, &second}) {
            QCPGraph* graph = plot->addGraph();
            graph->setName(tr("#%1").arg(r->record.id));
            graph->setPen(QPen(kSideColor[side], 2));
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
            for (const auto& e : r->epochs) {
                const double y = p == kLossPlot       ? e.validLoss
                                 : p == kAccuracyPlot ? e.validAccuracy * 100.0
                                                      : e.cost.params;
                graph->addData(e.epoch + 1.0, y);
            }
            ++side;
        }
        plot->rescaleAxes();
        const QCPRange y = plot->yAxis->range();
        const double pad = std::max(y.size() * 0.08, std::max(std::abs(y.upper) * 0.02, 1e-6));
        plot->yAxis->setRange(p == kLossPlot ? y.lower - pad : 0.0, y.upper + pad);
        plot->xAxis->setRange(0.0, lastEpoch + 0.25);
        plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
        m_plots[p] = plot;
    }
}

void RunCompareDialog::buildGenotypeTable(const RunReplay& first, const RunReplay& second) {
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(QStringLiteral("compareCostLabel"));
    auto costText = [](const std::optional<space::Cost>& c) {
        return c ? tr("%1 parameters, %2 FLOPs").arg(formatCount(c->params), formatCount(c->flops))
                 : tr("no derived network yet");
    };
    m_costLabel->setText(tr("Derived networks (highlighted: nodes that differ). #%1: %2. #%3: %4.")
                             .arg(first.record.id)
                             .arg(costText(m_costs[0]))
                             .arg(second.record.id)
                             .arg(costText(m_costs[1])));
    m_costLabel->setWordWrap(true);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("compareGenotypeTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels(
        {tr("Node"), runHeading(first.record), runHeading(second.record)});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);

    const space::Genotype none;
    const space::Genotype& a = first.epochs.empty() ? none : first.epochs.back().genotype;
    const space::Genotype& b = second.epochs.empty() ? none : second.epochs.back().genotype;
    auto addRow = [&](const QString& name, const QString& left, const QString& right, bool same) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(left));
        m_table->setItem(row, 2, new QTableWidgetItem(right));
        if (same) return;
        ++m_differing;
        for (int c = 0; c < 3; ++c) {
            m_table->item(row, c)->setBackground(kDifferent);
            QFont bold = m_table->item(row, c)->font();
            bold.setBold(true);
            m_table->item(row, c)->setFont(bold);
        }
    };
    for (int cell = 0; cell < 2; ++cell) {
        const space::CellGenotype& ca = cell == 0 ? a.normal : a.reduce;
        const space::CellGenotype& cb = cell == 0 ? b.normal : b.reduce;
        const QString cellName = cell == 0 ? tr("normal") : tr("reduction");
        const int nodes = std::max(ca.nodeCount(), cb.nodeCount());
        for (int n = 0; n < nodes; ++n)
            addRow(tr("%1, node %2").arg(cellName).arg(n), edgesText(ca, n), edgesText(cb, n),
                   sameEdges(ca, cb, n));
        if (nodes > 0)
            addRow(tr("%1, output").arg(cellName), concatText(ca), concatText(cb),
                   ca.concat == cb.concat);
    }
}

}  // namespace nas::widgets
