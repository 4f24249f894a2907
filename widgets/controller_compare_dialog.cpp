#include "widgets/controller_compare_dialog.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/hidden_state_scatter_view.h"
#include "widgets/hidden_state_tracker.h"
#include "widgets/run_compare_dialog.h"

namespace nas::widgets {
namespace {

const QColor kSideColor[2] = {QColor(0x31, 0x82, 0xbd), QColor(0xe6, 0x55, 0x0d)};
constexpr int kColumnsPerRun = 3;  // Spearman with its interval, Pearson, Kendall

QStringList measureNames() {
    return {ControllerCompareDialog::tr("Graph edit distance"),
            ControllerCompareDialog::tr("Common connections"),
            ControllerCompareDialog::tr("Common ops"),
            ControllerCompareDialog::tr("Reward difference")};
}

}  // namespace

std::vector<double> sampleRewards(const std::vector<engine::SampleRecord>& samples) {
    std::vector<double> rewards;
    for (const auto& record : samples)
        if (!isDeriveSample(record)) rewards.push_back(sampleReward(record));
    return rewards;
}

ControllerCompareDialog::ControllerCompareDialog(const RunReplay& first, const RunReplay& second,
                                                 QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("controllerCompareDialog"));
    setWindowTitle(tr("Compare controllers: %1 and %2")
                       .arg(runHeading(first.record), runHeading(second.record)));
    buildHistogram(first, second);
    buildTable(first, second);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("controllerCompareButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Hidden-state distance against each measure (Spearman "
                                    "\u03c1 with its 95 % interval, Pearson r, Kendall \u03c4):"),
                                 this));
    layout->addWidget(m_table);
    layout->addWidget(m_plot, 1);
    layout->addWidget(buttons);
    resize(1000, 700);
}

void ControllerCompareDialog::buildHistogram(const RunReplay& first, const RunReplay& second) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("controllerRewardHistogram"));
    m_plot->setMinimumSize(400, 260);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0,
                                     new QCPTextElement(m_plot, tr("Reward distributions"),
                                                        QFont(font().family(), -1, QFont::Bold)));
    m_plot->xAxis->setLabel(tr("reward"));
    m_plot->yAxis->setLabel(tr("share of samples (%)"));
    m_plot->legend->setVisible(true);
    m_rewards[0] = sampleRewards(first.samples);
    m_rewards[1] = sampleRewards(second.samples);

    double low = 0, high = 1;
    bool any = false;
    for (const auto& rewards : m_rewards)
        for (double r : rewards) {
            low = any ? std::min(low, r) : r, high = any ? std::max(high, r) : r;
            any = true;
        }
    if (high <= low) high = low + 1;
    const double width = (high - low) / kBins;
    const RunReplay* runs[2] = {&first, &second};
    for (int side = 0; side < 2; ++side) {
        // Shares rather than counts: runs of different lengths stay comparable.
        QVector<double> centres, shares(kBins, 0.0);
        for (int bin = 0; bin < kBins; ++bin) centres << low + (bin + 0.5) * width;
        for (double r : m_rewards[side])
            shares[std::clamp(static_cast<int>((r - low) / width), 0, kBins - 1)] +=
                100.0 / static_cast<double>(m_rewards[side].size());
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(tr("%1 (%n sample(s))", nullptr, static_cast<int>(m_rewards[side].size()))
                          .arg(runHeading(runs[side]->record)));
        bars->setWidth(width);
        QColor fill = kSideColor[side];
        fill.setAlpha(110);
        bars->setBrush(fill);
        bars->setPen(QPen(kSideColor[side]));
        bars->setData(centres, shares);
        m_bars[side] = bars;
    }
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(low - width, high + width);  // the outer bars whole
    m_plot->yAxis->setRangeLower(0);
}

void ControllerCompareDialog::buildTable(const RunReplay& first, const RunReplay& second) {
    const QStringList measures = measureNames();
    m_table = new QTableWidget(measures.size(), 1 + 2 * kColumnsPerRun, this);
    m_table->setObjectName(QStringLiteral("controllerCorrelationTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    QStringList headers{tr("Measure")};
    for (const RunReplay* run : {&first, &second})
        headers << tr("#%1 Spearman \u03c1 [95 %]").arg(run->record.id)
                << tr("#%1 Pearson r").arg(run->record.id)
                << tr("#%1 Kendall \u03c4").arg(run->record.id);
    m_table->setHorizontalHeaderLabels(headers);
    for (int row = 0; row < measures.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(measures[row]));
        for (int column = 1; column < m_table->columnCount(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(tr("computing\u2026")));
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMaximumHeight(m_table->verticalHeader()->length() +
                              m_table->horizontalHeader()->height() + 4);
}

void ControllerCompareDialog::setStudy(int side, const study::StudyResult& result) {
    const int first = 1 + side * kColumnsPerRun;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (static_cast<std::size_t>(row) >= result.measures.size()) break;
        const study::MeasureCorrelation& c = result.measures[static_cast<std::size_t>(row)].second;
        m_table->item(row, first)
            ->setText(QStringLiteral("%1 [%2, %3]")
                          .arg(formatCoefficient(c.spearman), formatCoefficient(c.spearmanCi.low),
                               formatCoefficient(c.spearmanCi.high)));
        m_table->item(row, first + 1)->setText(formatCoefficient(c.pearson));
        m_table->item(row, first + 2)->setText(formatCoefficient(c.kendall));
    }
    m_studied[side] = true;
}

void ControllerCompareDialog::setNoStudy(int side) {
    const int first = 1 + side * kColumnsPerRun;
    for (int row = 0; row < m_table->rowCount(); ++row)
        for (int column = first; column < first + kColumnsPerRun; ++column)
            m_table->item(row, column)->setText(tr("no hidden states"));
    m_studied[side] = false;
}

}  // namespace nas::widgets
