#pragma once
// The candidates of a best-under-constraints selection as a table: rank, small drawings of the
// normal and reduction cell, predicted accuracy ± uncertainty, params, FLOPs, memory access, and
// the measured latency and supernet score where the selection has them. kSortRole gives each
// cell's number, so a QSortFilterProxyModel sorts numerically.
#include <QAbstractTableModel>
#include <QPixmap>
#include <QSize>
#include <vector>

#include "widgets/best_candidates_data.h"

namespace nas::widgets {

class BestCandidatesModel final : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        kRank = 0,
        kNormalCell,
        kReduceCell,
        kPredicted,
        kParams,
        kFlops,
        kMac,
        kLatency,   // only filled where candidates carry a measured latency
        kSupernet,  // only filled where candidates carry a supernet score
        kColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole + 1;
    // The candidate's index (its rank - 1), whatever the column; the same in a sorted proxy.
    static constexpr int kCandidateRole = Qt::UserRole + 2;

    explicit BestCandidatesModel(QObject* parent = nullptr);

    void setCandidates(std::vector<BestCandidate> candidates);
    [[nodiscard]] const std::vector<BestCandidate>& candidates() const { return m_candidates; }
    [[nodiscard]] const BestCandidate& candidate(int row) const;
    // Whether any candidate has a value in `column` (the latency and supernet columns may be
    // empty).
    [[nodiscard]] bool hasValues(Column column) const;
    // Size of the cell drawings, in logical pixels.
    [[nodiscard]] static QSize thumbnailSize() { return {150, 46}; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    // The cell's edges as one line of text: "node 0: sep_conv_3x3 (c_{k-1}), skip_connect
    // (c_{k-2}); node 1: ...".
    [[nodiscard]] static QString cellSummary(const space::CellGenotype& cell);

  private:
    [[nodiscard]] QVariant displayText(const BestCandidate& c, int row, int column) const;
    [[nodiscard]] QVariant sortValue(const BestCandidate& c, int row, int column) const;
    [[nodiscard]] const QPixmap& thumbnail(int row, bool reduce) const;

    std::vector<BestCandidate> m_candidates;
    // Cell drawings, drawn on first use: [row * 2 + (reduce ? 1 : 0)].
    mutable std::vector<QPixmap> m_thumbnails;
};

}  // namespace nas::widgets
