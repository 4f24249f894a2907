#pragma once
// The architecture distribution over time: heat maps of both cells at the scrubbed moment, and
// the selected edge's op probabilities as stacked areas over the whole search.
#include <QWidget>
#include <vector>

#include "engine/events.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace nas::widgets {

class AlphaHeatMap;
class AlphaEdgeHistory;

class AlphaDistributionView final : public QWidget {
    Q_OBJECT
  public:
    enum class Cell { Normal = 0, Reduce = 1 };

    explicit AlphaDistributionView(QWidget* parent = nullptr);

    // Live data; while the scrubber sits at the newest snapshot it follows new ones.
    void appendSnapshots(const std::vector<engine::AlphaSnapshot>& snapshots);
    void appendSnapshot(const engine::AlphaSnapshot& snapshot);
    // Replay: replaces everything and shows the newest snapshot.
    void setSnapshots(std::vector<engine::AlphaSnapshot> snapshots);
    void clear();

    void selectEdge(Cell cell, int edge);
    // Beyond this many snapshots every second one is dropped (the newest always stays).
    void setMaxSnapshots(int maximum);
    static constexpr int kDefaultMaxSnapshots = 4000;
    [[nodiscard]] int snapshotCount() const { return static_cast<int>(m_snapshots.size()); }
    [[nodiscard]] int scrubbedIndex() const;
    [[nodiscard]] const std::vector<engine::AlphaSnapshot>& snapshots() const {
        return m_snapshots;
    }
    [[nodiscard]] QSlider* scrubber() const { return m_scrubber; }
    [[nodiscard]] AlphaHeatMap* heatMap(Cell cell) const;
    [[nodiscard]] AlphaEdgeHistory* edgeHistory() const { return m_history; }

  signals:
    // The scrubbed snapshot changed (the cell DAG view can follow it).
    void snapshotScrubbed(const nas::engine::AlphaSnapshot& snapshot);

  private:
    void showScrubbed();
    // Halves the stored snapshots when there are too many; true when it did.
    bool thinOut();
    void rebuildHistory();
    void refillEdgeChoices();
    [[nodiscard]] const engine::CellAlphas& cellOf(const engine::AlphaSnapshot& s) const;

    std::vector<engine::AlphaSnapshot> m_snapshots;
    AlphaHeatMap* m_normalMap = nullptr;
    AlphaHeatMap* m_reduceMap = nullptr;
    AlphaEdgeHistory* m_history = nullptr;
    QComboBox* m_cellChoice = nullptr;
    QComboBox* m_edgeChoice = nullptr;
    QSlider* m_scrubber = nullptr;
    QCheckBox* m_scaleToData = nullptr;
    QLabel* m_position = nullptr;
    Cell m_cell = Cell::Normal;
    int m_edge = 0;
    int m_maxSnapshots = kDefaultMaxSnapshots;
};

}  // namespace nas::widgets
