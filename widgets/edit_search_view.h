#pragma once
// The views of an editing search (RENA): the current network as a strip (it changes as children
// are accepted), the derived network in a line, every child the policy tried in a sortable table
// (its edits, costs, reward and the limits it broke), and a scatter of the children's accuracy
// against a chosen resource with the limit drawn, the allowed side shaded, children that kept the
// limits in colour and accepted ones ringed. Fed with the
// run's sample records (each child's network JSON, accuracy and metrics) and its epochs.
#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "engine/events.h"

class QComboBox;
class QCustomPlot;
class QCPGraph;
class QCPItemRect;
class QLabel;
class QTableWidget;

namespace nas::widgets {

class ArchitectureStrip;

class EditSearchView final : public QWidget {
    Q_OBJECT
  public:
    // The scatter's x axis, in the combo box's order.
    enum class Resource { Params, Flops, Intensity };

    explicit EditSearchView(QWidget* parent = nullptr);

    void clear();
    // The run's search space (its networks' JSON is read through it) and limits.
    void setRun(const std::string& space, const engine::Constraints& constraints);
    // New limits mid-run: the scatter's limit line and allowed side follow them.
    void setConstraints(const engine::Constraints& constraints);
    void appendChildren(const std::vector<engine::SampleRecord>& children);
    void setChildren(const std::vector<engine::SampleRecord>& children);  // replay
    // The newest epoch's derived network (its architecture JSON and cost).
    void setDerived(const engine::EpochMetrics& epoch);
    void setResource(Resource resource);

    [[nodiscard]] int childCount() const { return static_cast<int>(m_children.size()); }
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    [[nodiscard]] QCustomPlot* plot() const { return m_plot; }
    [[nodiscard]] ArchitectureStrip* strip() const { return m_strip; }
    [[nodiscard]] QLabel* summary() const { return m_summary; }
    [[nodiscard]] QLabel* stripCaption() const { return m_stripCaption; }
    // Points drawn as kept (feasible) and as breaking a limit.
    [[nodiscard]] int keptPoints() const;
    [[nodiscard]] int brokenPoints() const;
    // The limit line's x, where the chosen resource has a limit.
    [[nodiscard]] std::optional<double> limitShown() const { return m_limitShown; }

  private:
    struct Child {
        engine::SampleRecord record;
        std::string text;  // the network as one line
    };
    [[nodiscard]] double resourceOf(const Child& child) const;
    void addRow(const Child& child);
    void redrawPlot();
    void showNetwork(const std::string& architecture, const QString& caption);

    std::string m_space;
    engine::Constraints m_constraints;
    std::vector<Child> m_children;
    Resource m_resource = Resource::Params;
    std::optional<double> m_limitShown;
    bool m_showsAccepted = false;  // the strip shows an accepted child, not the derived network

    QLabel* m_summary = nullptr;
    QLabel* m_stripCaption = nullptr;
    ArchitectureStrip* m_strip = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_resourceChoice = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_kept = nullptr;
    QCPGraph* m_broken = nullptr;
    QCPGraph* m_accepted = nullptr;
    QCPGraph* m_limit = nullptr;
    QCPItemRect* m_allowed = nullptr;  // the side of the limit that keeps it
};

}  // namespace nas::widgets
