#pragma once
// A table cell that shows formatted text but sorts by a number (ids, accuracies, costs): sorting
// "9.4 %" after "10.9 %" by text would be wrong.
#include <QTableWidgetItem>

namespace nas::widgets {

class SortedTableItem final : public QTableWidgetItem {
  public:
    SortedTableItem(const QString& text, double key) : QTableWidgetItem(text) {
        setData(Qt::UserRole, key);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

}  // namespace nas::widgets
