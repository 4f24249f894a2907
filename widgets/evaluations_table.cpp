#include "widgets/evaluations_table.h"

#include <QHeaderView>
#include <nlohmann/json.hpp>

#include "engine/evaluated_sample.h"
#include "space/genotype.h"
#include "widgets/hidden_state_tracker.h"
#include "widgets/number_format.h"
#include "widgets/qt_text.h"
#include "widgets/sorted_table_item.h"

namespace nas::widgets {
namespace {

enum Column { kAccuracy, kParams, kFlops, kEpochs, kSize, kGenotype, kColumns };

// The genotype as `inspect` and `train` read it back, or its JSON where no text form holds it.
QString genotypeText(const std::string& architecture) {
    try {
        const auto genotype = space::genotypeFromJson(nlohmann::json::parse(architecture));
        const auto text = space::genotypeText(genotype);
        return toQString(text ? *text : architecture);
    } catch (const std::exception&) {
        return toQString(architecture);
    }
}

}  // namespace

EvaluationsTable::EvaluationsTable(QWidget* parent) : QTableWidget(0, kColumns, parent) {
    setObjectName(QStringLiteral("evaluationsTable"));
    setHorizontalHeaderLabels({tr("Test accuracy"), tr("Params"), tr("FLOPs"), tr("Epochs"),
                               tr("Channels × cells"), tr("Genotype")});
    horizontalHeader()->setObjectName(QStringLiteral("evaluationsTableHeader"));
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setObjectName(QStringLiteral("evaluationsTableRows"));
    verticalHeader()->setVisible(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSortingEnabled(true);
}

void EvaluationsTable::setSamples(const std::vector<engine::SampleRecord>& samples) {
    setSortingEnabled(false);  // rows are filled unsorted, then sorted once
    setRowCount(0);
    for (const auto& sample : samples) {
        if (!engine::isEvaluated(sample)) continue;
        const int row = rowCount();
        insertRow(row);
        auto value = [&](const char* name) { return sampleMetric(sample, name).value_or(0.0); };
        setItem(row, kAccuracy, new SortedTableItem(formatPercent(sample.score), sample.score));
        setItem(row, kParams, new SortedTableItem(formatCount(value("params")), value("params")));
        setItem(row, kFlops, new SortedTableItem(formatCount(value("flops")), value("flops")));
        setItem(row, kEpochs,
                new SortedTableItem(QString::number(value("epochs")), value("epochs")));
        setItem(row, kSize,
                new SortedTableItem(QStringLiteral("%1 × %2")
                                        .arg(static_cast<int>(value("channels")))
                                        .arg(static_cast<int>(value("layers"))),
                                    value("channels") * 1000 + value("layers")));
        setItem(row, kGenotype, new QTableWidgetItem(genotypeText(sample.architecture)));
    }
    setSortingEnabled(true);
    sortItems(kAccuracy, Qt::DescendingOrder);
    resizeColumnsToContents();
}

}  // namespace nas::widgets
