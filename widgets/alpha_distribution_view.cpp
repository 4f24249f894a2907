#include "widgets/alpha_distribution_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include "widgets/alpha_edge_history.h"
#include "widgets/alpha_heat_map.h"
#include "widgets/cell_labels.h"

namespace nas::widgets {

AlphaDistributionView::AlphaDistributionView(QWidget* parent) : QWidget(parent) {
    m_normalMap = new AlphaHeatMap(tr("Normal cell"), this);
    m_normalMap->setObjectName(QStringLiteral("normalHeatMap"));
    m_reduceMap = new AlphaHeatMap(tr("Reduction cell"), this);
    m_reduceMap->setObjectName(QStringLiteral("reduceHeatMap"));
    m_history = new AlphaEdgeHistory(this);
    m_history->setObjectName(QStringLiteral("edgeHistoryPlot"));

    m_cellChoice = new QComboBox(this);
    m_cellChoice->setObjectName(QStringLiteral("alphaCellChoice"));
    m_cellChoice->addItem(tr("Normal cell"));
    m_cellChoice->addItem(tr("Reduction cell"));
    m_edgeChoice = new QComboBox(this);
    m_edgeChoice->setObjectName(QStringLiteral("alphaEdgeChoice"));
    m_edgeChoice->setToolTip(tr("Edge whose op probabilities are plotted over time"));
    m_scrubber = new QSlider(Qt::Horizontal, this);
    m_scrubber->setObjectName(QStringLiteral("alphaScrubber"));
    m_scrubber->setToolTip(
        tr("Move through the stored snapshots of the architecture distribution"));
    m_scrubber->setRange(0, 0);
    m_scrubber->setEnabled(false);
    m_position = new QLabel(tr("No snapshots yet"), this);
    m_position->setObjectName(QStringLiteral("alphaPositionLabel"));
    m_position->setMinimumWidth(180);

    m_scaleToData = new QCheckBox(tr("Scale colours to data"), this);
    m_scaleToData->setObjectName(QStringLiteral("scaleToDataCheck"));
    m_scaleToData->setToolTip(
        tr("Spread the colours over each cell's lowest to highest probability instead of 0 to 1, "
           "so early, small differences between ops show"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Edge:"), this));
    controls->addWidget(m_cellChoice);
    controls->addWidget(m_edgeChoice);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Time:"), this));
    controls->addWidget(m_scrubber, 1);
    controls->addWidget(m_position);
    controls->addSpacing(12);
    controls->addWidget(m_scaleToData);

    auto* maps = new QSplitter(Qt::Horizontal, this);
    maps->addWidget(m_normalMap);
    maps->addWidget(m_reduceMap);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(maps);
    split->addWidget(m_history);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    connect(m_scaleToData, &QCheckBox::toggled, this, [this](bool on) {
        m_normalMap->setScaleToData(on);
        m_reduceMap->setScaleToData(on);
    });
    connect(m_scrubber, &QSlider::valueChanged, this, &AlphaDistributionView::showScrubbed);
    connect(m_cellChoice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { selectEdge(static_cast<Cell>(index), m_edge); });
    connect(m_edgeChoice, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        if (index >= 0) selectEdge(m_cell, index);
    });
    connect(m_normalMap, &AlphaHeatMap::edgeClicked, this,
            [this](int edge) { selectEdge(Cell::Normal, edge); });
    connect(m_reduceMap, &AlphaHeatMap::edgeClicked, this,
            [this](int edge) { selectEdge(Cell::Reduce, edge); });
}

const engine::CellAlphas& AlphaDistributionView::cellOf(const engine::AlphaSnapshot& s) const {
    return m_cell == Cell::Normal ? s.normal : s.reduce;
}

AlphaHeatMap* AlphaDistributionView::heatMap(Cell cell) const {
    return cell == Cell::Normal ? m_normalMap : m_reduceMap;
}

int AlphaDistributionView::scrubbedIndex() const {
    return m_snapshots.empty() ? -1 : m_scrubber->value();
}

void AlphaDistributionView::appendSnapshot(const engine::AlphaSnapshot& snapshot) {
    appendSnapshots({snapshot});
}

void AlphaDistributionView::appendSnapshots(const std::vector<engine::AlphaSnapshot>& snapshots) {
    if (snapshots.empty()) return;
    const bool wasEmpty = m_snapshots.empty();
    const bool following = wasEmpty || m_scrubber->value() == m_scrubber->maximum();
    const size_t firstNew = m_snapshots.size();
    m_snapshots.insert(m_snapshots.end(), snapshots.begin(), snapshots.end());
    const bool thinned = thinOut();
    if (wasEmpty || thinned) {
        refillEdgeChoices();
        rebuildHistory();
    } else {
        for (size_t i = firstNew; i < m_snapshots.size(); ++i) {
            const auto& rows = cellOf(m_snapshots[i]).probs;
            if (m_edge < static_cast<int>(rows.size()))
                m_history->append(static_cast<double>(m_snapshots[i].step),
                                  rows[static_cast<size_t>(m_edge)]);
        }
    }
    {
        // One repaint per batch: move the scrubber silently, then show once.
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setEnabled(true);
        m_scrubber->setRange(0, snapshotCount() - 1);
        if (following) m_scrubber->setValue(m_scrubber->maximum());
    }
    showScrubbed();
}

bool AlphaDistributionView::thinOut() {
    if (static_cast<int>(m_snapshots.size()) <= m_maxSnapshots) return false;
    // Keep every second snapshot (always the newest): memory stays bounded over a long search
    // and the time axis keeps its full span at half the resolution. Amortised O(1) per append.
    const int held = m_scrubber->value();
    std::vector<engine::AlphaSnapshot> kept;
    kept.reserve(m_snapshots.size() / 2 + 1);
    const size_t last = m_snapshots.size() - 1;
    for (size_t i = last % 2; i <= last; i += 2) kept.push_back(std::move(m_snapshots[i]));
    m_snapshots = std::move(kept);
    const QSignalBlocker block(m_scrubber);
    m_scrubber->setRange(0, snapshotCount() - 1);
    m_scrubber->setValue(held / 2);
    return true;
}

void AlphaDistributionView::setMaxSnapshots(int maximum) {
    m_maxSnapshots = std::max(maximum, 2);
    if (thinOut()) {
        rebuildHistory();
        showScrubbed();
    }
}

void AlphaDistributionView::setSnapshots(std::vector<engine::AlphaSnapshot> snapshots) {
    clear();
    appendSnapshots(snapshots);
}

void AlphaDistributionView::clear() {
    m_snapshots.clear();
    {
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setRange(0, 0);
        m_scrubber->setEnabled(false);
    }
    m_normalMap->setCell({});
    m_reduceMap->setCell({});
    m_history->reset({}, QString());
    m_history->refresh();
    m_position->setText(tr("No snapshots yet"));
}

void AlphaDistributionView::selectEdge(Cell cell, int edge) {
    const bool cellChanged = cell != m_cell;
    m_cell = cell;
    if (cellChanged) refillEdgeChoices();  // the two cells may have different op lists
    m_edge = std::clamp(edge, 0, std::max(0, m_edgeChoice->count() - 1));
    {
        const QSignalBlocker blockCell(m_cellChoice);
        const QSignalBlocker blockEdge(m_edgeChoice);
        m_cellChoice->setCurrentIndex(static_cast<int>(m_cell));
        m_edgeChoice->setCurrentIndex(m_edge);
    }
    m_normalMap->setSelectedEdge(m_cell == Cell::Normal ? m_edge : -1);
    m_reduceMap->setSelectedEdge(m_cell == Cell::Reduce ? m_edge : -1);
    rebuildHistory();
    showScrubbed();
}

void AlphaDistributionView::refillEdgeChoices() {
    const QSignalBlocker block(m_edgeChoice);
    m_edgeChoice->clear();
    if (m_snapshots.empty()) return;
    const int edges = static_cast<int>(cellOf(m_snapshots.back()).probs.size());
    for (int e = 0; e < edges; ++e) m_edgeChoice->addItem(edgeLabel(e));
    m_edgeChoice->setCurrentIndex(std::clamp(m_edge, 0, std::max(0, edges - 1)));
}

void AlphaDistributionView::rebuildHistory() {
    const QString cellName = m_cell == Cell::Normal ? tr("normal cell") : tr("reduction cell");
    if (m_snapshots.empty()) {
        m_history->reset({}, QString());
        m_history->refresh();
        return;
    }
    m_history->reset(cellOf(m_snapshots.back()).ops,
                     tr("Edge %1 of the %2 over time").arg(edgeLabel(m_edge), cellName));
    for (const auto& snapshot : m_snapshots) {
        const auto& rows = cellOf(snapshot).probs;
        if (m_edge < static_cast<int>(rows.size()))
            m_history->append(static_cast<double>(snapshot.step),
                              rows[static_cast<size_t>(m_edge)]);
    }
}

void AlphaDistributionView::showScrubbed() {
    if (m_snapshots.empty()) return;
    const auto& snapshot =
        m_snapshots[static_cast<size_t>(std::clamp(m_scrubber->value(), 0, snapshotCount() - 1))];
    m_normalMap->setCell(snapshot.normal);
    m_reduceMap->setCell(snapshot.reduce);
    m_normalMap->setSelectedEdge(m_cell == Cell::Normal ? m_edge : -1);
    m_reduceMap->setSelectedEdge(m_cell == Cell::Reduce ? m_edge : -1);
    m_history->setMarker(static_cast<double>(snapshot.step));
    m_history->refresh();
    m_position->setText(tr("Step %1, epoch %2 (%3 of %4)")
                            .arg(snapshot.step)
                            .arg(snapshot.epoch + 1)
                            .arg(m_scrubber->value() + 1)
                            .arg(snapshotCount()));
    emit snapshotScrubbed(snapshot);
}

}  // namespace nas::widgets
