#pragma once
// The candidates of a run that were trained from scratch (`nas-studio-cli evaluate`, added with
// `import-results`): one row each with its test accuracy, size and genotype, sortable by any
// column.
#include <QTableWidget>
#include <vector>

#include "engine/events.h"

namespace nas::widgets {

class EvaluationsTable final : public QTableWidget {
    Q_OBJECT
  public:
    explicit EvaluationsTable(QWidget* parent = nullptr);
    // The evaluated samples among `samples`; the others are left out.
    void setSamples(const std::vector<engine::SampleRecord>& samples);
};

}  // namespace nas::widgets
