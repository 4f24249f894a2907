#pragma once
// "Best under constraints" (issue 12): budgets in (BestCandidatesForm), the predictor's top-k of a
// sampled pool out, as a sortable table with small drawings of both cells, a scatter of predicted
// accuracy against a chosen cost with the Pareto front, and the selected candidate's cells drawn
// large. Selecting a row rings its point and a click on a point selects its row. The view computes
// nothing: Find emits findRequested, the studio runs the selection (BestCandidatesJob) and hands
// back setResults, showProgress or showError. Export… (button, or a row's context menu) emits
// exportRequested with the selected row's architecture.
#include <QString>
#include <QWidget>
#include <optional>

#include "space/cost_model.h"
#include "space/genotype.h"
#include "widgets/best_candidates_data.h"

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace nas::widgets {

class BestCandidatesForm;
class BestCandidatesModel;
class BestCandidatesPlot;
class CellDagView;

class BestCandidatesView final : public QWidget {
    Q_OBJECT
  public:
    explicit BestCandidatesView(QWidget* parent = nullptr);

    // The form's values (e.g. the run's constraints); starts nothing.
    void setRequest(const BestCandidatesRequest& request);
    [[nodiscard]] BestCandidatesRequest request() const;

    // A selection runs: Find is disabled and `text` says what is happening.
    void showProgress(const QString& text);
    // The selection's result (Find enabled again). No candidates: the message says that none of
    // the pool met the limits.
    void setResults(const BestCandidates& results);
    // The selection could not run (a limit no network of the space can meet, no predictor...):
    // results cleared, Find enabled, `text` shown as the reason.
    void showError(const QString& text);
    // Back to the empty view.
    void clear();

    // The candidate shown in the cell drawing and ringed in the plot, by index (rank - 1).
    void selectCandidate(int index);
    [[nodiscard]] std::optional<int> selectedCandidate() const;

    [[nodiscard]] QString message() const;
    [[nodiscard]] BestCandidatesForm* form() const { return m_form; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] BestCandidatesModel* model() const { return m_model; }
    [[nodiscard]] BestCandidatesPlot* plot() const { return m_plot; }
    [[nodiscard]] CellDagView* cells() const { return m_cells; }
    [[nodiscard]] QToolButton* exportButton() const { return m_export; }
    // Export… of the table's context menu and of the button: acts on the selected row.
    [[nodiscard]] QAction* exportAction() const { return m_exportAction; }

  signals:
    void findRequested(const nas::widgets::BestCandidatesRequest& request);
    // Export… on the candidate of rank `rank` (1-based); `cost` is that of the run's network.
    void exportRequested(const nas::space::Genotype& genotype, const nas::space::Cost& cost,
                         int rank);

  private:
    void setMessage(const QString& text, bool problem);
    // Table, plot and selection of `results`; Find enabled.
    void showCandidates(const BestCandidates& results);
    // Plot ring, cell drawing and Export… for the selected row (or none).
    void showSelection();
    // The table row of candidate `index` in the current sort order, and back.
    [[nodiscard]] int rowOf(int index) const;
    [[nodiscard]] int candidateAt(int row) const;

    BestCandidatesForm* m_form = nullptr;
    QLabel* m_message = nullptr;
    BestCandidatesModel* m_model = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_table = nullptr;
    BestCandidatesPlot* m_plot = nullptr;
    CellDagView* m_cells = nullptr;
    QLabel* m_noCells = nullptr;
    QStackedWidget* m_cellPages = nullptr;
    QAction* m_exportAction = nullptr;
    QToolButton* m_export = nullptr;
};

}  // namespace nas::widgets
