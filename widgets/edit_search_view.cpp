#include "widgets/edit_search_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "space/layers/layer_edits.h"
#include "space/search_space.h"
#include "widgets/architecture_strip.h"
#include "widgets/curve_plot.h"
#include "widgets/hidden_state_tracker.h"
#include "widgets/number_format.h"
#include "widgets/qt_text.h"
#include "widgets/sorted_table_item.h"

namespace nas::widgets {
namespace {

const QColor kKeptColour(0x1e, 0x88, 0xe5);
const QColor kBrokenColour(0xb0, 0xb0, 0xb0);
const QColor kAcceptedColour(0xe6, 0x55, 0x0d);
const QColor kLimitColour(0xc6, 0x28, 0x28);

enum Column {
    kUpdate,
    kChild,
    kEdits,
    kNetwork,
    kAccuracy,
    kReward,
    kParams,
    kFlops,
    kIntensity,
    kBroken,
    kAccepted,
    kColumns
};

// "scale 2: filters 32; insert sep5x5x32 at 3", from the child's "edits" tensor.
QString editsText(const engine::SampleRecord& sample) {
    for (const auto& tensor : sample.tensors) {
        if (tensor.name != "edits") continue;
        try {
            QStringList texts;
            for (const auto& e : space::layers::editsFromRows(tensor.values))
                texts << toQString(space::layers::editText(e));
            return texts.join(QStringLiteral("; "));
        } catch (const std::invalid_argument&) {
            return {};
        }
    }
    return {};
}

// A number, right-aligned, that sorts as a number.
QTableWidgetItem* sortedNumber(double value, const QString& text) {
    auto* item = new SortedTableItem(text, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

std::string summaryOf(const std::string& space, const std::string& json) {
    const auto* found = space::findSpace(space);
    if (!found || json.empty()) return json;
    try {
        return found->summary(nlohmann::json::parse(json));
    } catch (const std::exception&) {
        return json;  // an architecture this build cannot read is shown as it was stored
    }
}

}  // namespace

EditSearchView::EditSearchView(QWidget* parent) : QWidget(parent) {
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("editSearchSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stripCaption = new QLabel(this);
    m_stripCaption->setObjectName(QStringLiteral("networkStripCaption"));
    m_strip = new ArchitectureStrip(this);
    m_strip->setObjectName(QStringLiteral("derivedNetworkStrip"));
    auto* stripScroll = new QScrollArea(this);
    stripScroll->setObjectName(QStringLiteral("derivedNetworkScroll"));
    stripScroll->setWidget(m_strip);
    stripScroll->setWidgetResizable(false);
    stripScroll->setFixedHeight(m_strip->minimumHeight() + 22);

    m_table = new QTableWidget(0, kColumns, this);
    m_table->setObjectName(QStringLiteral("childrenTable"));
    m_table->horizontalHeader()->setObjectName(QStringLiteral("childrenTableHeader"));
    m_table->verticalHeader()->setObjectName(QStringLiteral("childrenTableRows"));
    m_table->setHorizontalHeaderLabels({tr("Update"), tr("Child"), tr("Edits"), tr("Network"),
                                        tr("Accuracy"), tr("Reward"), tr("Params"), tr("FLOPs"),
                                        tr("FLOPs/byte"), tr("Limits broken"), tr("Accepted")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(kNetwork, QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(kUpdate, Qt::AscendingOrder);

    m_resourceChoice = new QComboBox(this);
    m_resourceChoice->setObjectName(QStringLiteral("childrenResourceChoice"));
    m_resourceChoice->addItems({tr("Parameters"), tr("FLOPs"), tr("Compute intensity")});
    connect(m_resourceChoice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setResource(static_cast<Resource>(index)); });
    m_plot = makeCurvePlot(this, QStringLiteral("childrenScatter"),
                           tr("Children: accuracy against cost"), tr("parameters"),
                           tr("validation accuracy (%)"));
    auto scatter = [this](const QString& name, const QColor& colour,
                          QCPScatterStyle::ScatterShape shape, double size) {
        auto* graph = m_plot->addGraph();
        graph->setName(name);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(shape, colour, colour, size));
        return graph;
    };
    m_kept = scatter(tr("kept the limits"), kKeptColour, QCPScatterStyle::ssDisc, 6);
    m_broken = scatter(tr("broke a limit"), kBrokenColour, QCPScatterStyle::ssDisc, 6);
    m_accepted = scatter(tr("accepted"), kAcceptedColour, QCPScatterStyle::ssCircle, 12);
    m_limit = m_plot->addGraph();
    m_limit->setName(tr("limit"));
    m_limit->setPen(QPen(kLimitColour, 1.5, Qt::DashLine));
    m_allowed = new QCPItemRect(m_plot);
    m_allowed->setPen(Qt::NoPen);
    m_allowed->setBrush(QColor(0x43, 0xa0, 0x47, 28));
    m_allowed->setLayer(QStringLiteral("background"));

    auto* plotSide = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotSide);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    auto* choiceRow = new QHBoxLayout;
    choiceRow->addWidget(new QLabel(tr("Against:"), plotSide));
    choiceRow->addWidget(m_resourceChoice);
    choiceRow->addStretch(1);
    plotLayout->addLayout(choiceRow);
    plotLayout->addWidget(m_plot, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("editSearchSplit"));
    split->addWidget(m_table);
    split->addWidget(plotSide);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_stripCaption);
    layout->addWidget(stripScroll);
    layout->addWidget(split, 1);
    clear();
}

void EditSearchView::clear() {
    m_children.clear();
    m_table->setRowCount(0);
    m_strip->clear();
    m_showsAccepted = false;
    m_stripCaption->clear();
    m_summary->setText(tr("The derived network appears after the first update."));
    redrawPlot();
}

void EditSearchView::setRun(const std::string& space, const engine::Constraints& constraints) {
    m_space = space;
    setConstraints(constraints);
}

void EditSearchView::setConstraints(const engine::Constraints& constraints) {
    m_constraints = constraints;
    redrawPlot();
}

void EditSearchView::appendChildren(const std::vector<engine::SampleRecord>& children) {
    m_table->setSortingEnabled(false);  // rows land where they are added, then sort once
    for (const auto& record : children) {
        m_children.push_back({record, summaryOf(m_space, record.architecture)});
        addRow(m_children.back());
        // An accepted child is the network the policy edits from now on.
        if (sampleMetric(record, "accepted").value_or(0) == 1) {
            showNetwork(record.architecture, tr("Current network: child %1 of update %2, accepted")
                                                 .arg(sampleMetric(record, "child").value_or(0) + 1)
                                                 .arg(record.step + 1));
            m_showsAccepted = true;
        }
    }
    m_table->setSortingEnabled(true);
    redrawPlot();
}

void EditSearchView::setChildren(const std::vector<engine::SampleRecord>& children) {
    m_children.clear();
    m_table->setRowCount(0);
    appendChildren(children);
}

void EditSearchView::addRow(const Child& child) {
    const auto& r = child.record;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto metric = [&r](const char* name) { return sampleMetric(r, name).value_or(0); };
    const bool kept = metric("feasible") == 1;
    QStringList broken;
    if (metric("broke_params") == 1) broken << tr("params");
    if (metric("broke_flops") == 1) broken << tr("FLOPs");
    if (metric("broke_intensity") == 1) broken << tr("intensity");
    const bool accepted = metric("accepted") == 1;
    // Sorted by update, children within an update stay in their order: the table's default order
    // is the order they were tried in.
    m_table->setItem(row, kUpdate,
                     sortedNumber(static_cast<double>(r.step) + metric("child") / 1e4,
                                  QString::number(r.step + 1)));
    m_table->setItem(row, kChild,
                     sortedNumber(metric("child") + 1, QString::number(metric("child") + 1)));
    auto* edits = new QTableWidgetItem(editsText(r));
    edits->setToolTip(edits->text());
    m_table->setItem(row, kEdits, edits);
    auto* network = new QTableWidgetItem(toQString(child.text));
    network->setToolTip(toQString(child.text));
    m_table->setItem(row, kNetwork, network);
    m_table->setItem(row, kAccuracy, sortedNumber(r.score, formatPercent(r.score)));
    m_table->setItem(row, kReward,
                     sortedNumber(metric("reward"), QString::number(metric("reward"), 'f', 4)));
    m_table->setItem(row, kParams, sortedNumber(metric("params"), formatCount(metric("params"))));
    m_table->setItem(row, kFlops, sortedNumber(metric("flops"), formatCount(metric("flops"))));
    m_table->setItem(row, kIntensity,
                     sortedNumber(metric("intensity"), formatSignificant(metric("intensity"))));
    m_table->setItem(row, kBroken, new QTableWidgetItem(broken.join(QStringLiteral(", "))));
    m_table->setItem(row, kAccepted, new QTableWidgetItem(accepted ? tr("accepted") : QString()));
    if (!kept)
        for (int c = 0; c < kColumns; ++c) m_table->item(row, c)->setForeground(Qt::darkGray);
}

double EditSearchView::resourceOf(const Child& child) const {
    const char* names[] = {"params", "flops", "intensity"};
    return sampleMetric(child.record, names[static_cast<int>(m_resource)]).value_or(0);
}

void EditSearchView::setResource(Resource resource) {
    m_resource = resource;
    if (m_resourceChoice->currentIndex() != static_cast<int>(resource))
        m_resourceChoice->setCurrentIndex(static_cast<int>(resource));
    redrawPlot();
}

void EditSearchView::showNetwork(const std::string& architecture, const QString& caption) {
    const auto* space = space::findSpace(m_space);
    try {
        if (!space) throw std::invalid_argument("unknown space");
        m_strip->setPicture(space->picture(nlohmann::json::parse(architecture)));
        m_stripCaption->setText(caption);
    } catch (const std::exception&) {
        m_strip->clear();
        m_stripCaption->clear();
    }
}

void EditSearchView::setDerived(const engine::EpochMetrics& epoch) {
    if (epoch.architecture.empty()) return;
    // Until a child is accepted, the strip shows the network the run delivers.
    if (!m_showsAccepted) showNetwork(epoch.architecture, tr("Derived network"));
    m_summary->setText(tr("Derived network after epoch %1: %2 — %3 parameters, %4 FLOPs, "
                          "validation accuracy %5")
                           .arg(epoch.epoch + 1)
                           .arg(toQString(summaryOf(m_space, epoch.architecture)),
                                formatCount(epoch.cost.params), formatCount(epoch.cost.flops),
                                formatPercent(epoch.validAccuracy)));
}

int EditSearchView::keptPoints() const { return m_kept->data()->size(); }
int EditSearchView::brokenPoints() const { return m_broken->data()->size(); }

void EditSearchView::redrawPlot() {
    QVector<double> keptX, keptY, brokenX, brokenY, acceptedX, acceptedY;
    for (const auto& child : m_children) {
        const double x = resourceOf(child), y = 100 * child.record.score;
        const bool kept = sampleMetric(child.record, "feasible").value_or(0) == 1;
        (kept ? keptX : brokenX).push_back(x);
        (kept ? keptY : brokenY).push_back(y);
        if (sampleMetric(child.record, "accepted").value_or(0) == 1) {
            acceptedX.push_back(x);
            acceptedY.push_back(y);
        }
    }
    m_kept->setData(keptX, keptY);
    m_broken->setData(brokenX, brokenY);
    m_accepted->setData(acceptedX, acceptedY);
    const std::optional<double> limits[] = {m_constraints.maxParams, m_constraints.maxFlops,
                                            m_constraints.minIntensity};
    m_limitShown = limits[static_cast<int>(m_resource)];
    const QString labels[] = {tr("parameters"), tr("FLOPs"), tr("FLOPs per byte")};
    m_plot->xAxis->setLabel(labels[static_cast<int>(m_resource)]);
    m_plot->rescaleAxes();
    if (m_limitShown) {
        m_limit->setData({*m_limitShown, *m_limitShown}, {0, 100});
        const auto range = m_plot->xAxis->range();
        m_plot->xAxis->setRange(std::min(range.lower, *m_limitShown * 0.9),
                                std::max(range.upper, *m_limitShown * 1.1));
        // Params and FLOPs are maxima (allowed on the left), intensity a minimum (on the right).
        const bool floor = m_resource == Resource::Intensity;
        const auto x = m_plot->xAxis->range();
        m_allowed->topLeft->setCoords(floor ? *m_limitShown : x.lower - x.size(), 100);
        m_allowed->bottomRight->setCoords(floor ? x.upper + x.size() : *m_limitShown, 0);
        m_allowed->setVisible(true);
    } else {
        m_limit->data()->clear();
        m_allowed->setVisible(false);
    }
    if (!m_children.empty()) {
        const auto y = m_plot->yAxis->range();
        m_plot->yAxis->setRange(std::max(0.0, y.lower - 2), std::min(100.0, y.upper + 2));
    }
    m_plot->replot();
}

}  // namespace nas::widgets
