#pragma once
// Every run in the workspace database: status, strategy, dataset, best accuracy, parameters and
// date; open one to replay it, compare two, resume an interrupted one, or delete one.
#include <QWidget>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "store/run_store.h"

class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace nas::widgets {

class RunBrowser final : public QWidget {
    Q_OBJECT
  public:
    enum Column {
        kId,
        kName,
        kStatus,
        kStrategy,
        kDataset,
        kBestAccuracy,
        kParams,
        kEpochs,
        kCreated,
        kColumns
    };

    explicit RunBrowser(QWidget* parent = nullptr);

    // Replaces the table's rows, keeping the selection where the runs still exist.
    void setRuns(const std::vector<store::RunRecord>& runs);
    // The run the engine is working on cannot be deleted or resumed twice.
    void setActiveRun(std::optional<std::int64_t> runId);
    // A pause of the active run was asked for and the engine has not reached its next step
    // boundary yet: the store still says "running", which would contradict the toolbar, so the
    // row says "pausing…" until the store says "paused" or the request is taken back.
    void setPausePending(bool pending);
    // Asks before a delete; the default shows a message box (tests replace it).
    void setDeleteConfirmation(std::function<bool(const store::RunRecord&)> confirm);

    [[nodiscard]] std::vector<std::int64_t> selectedRunIds() const;
    void selectRuns(const std::vector<std::int64_t>& ids);
    [[nodiscard]] int rowCount() const;
    [[nodiscard]] std::optional<store::RunRecord> run(std::int64_t id) const;
    [[nodiscard]] QTableWidget* table() const { return m_table; }

  public slots:
    void openSelected();
    void compareSelected();
    void resumeSelected();
    void deleteSelected();

  signals:
    void openRequested(std::int64_t runId);
    void compareRequested(std::int64_t first, std::int64_t second);
    void resumeRequested(std::int64_t runId);
    void deleteRequested(std::int64_t runId);
    void refreshRequested();

  private:
    void updateButtons();
    // Fills a status cell from the stored record, and from the pending pause for the active run.
    void showStatus(QTableWidgetItem* item, const store::RunRecord& r) const;
    // Re-fills the status cell of run `id`, if it is listed.
    void refreshStatus(std::optional<std::int64_t> id);

    QTableWidget* m_table = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_refresh = nullptr;
    std::vector<store::RunRecord> m_runs;
    std::optional<std::int64_t> m_active;
    bool m_pausePending = false;
    std::function<bool(const store::RunRecord&)> m_confirmDelete;
};

}  // namespace nas::widgets
