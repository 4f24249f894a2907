#include "widgets/best_candidates_view.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/best_candidates_form.h"
#include "widgets/best_candidates_model.h"
#include "widgets/best_candidates_plot.h"
#include "widgets/cell_dag_view.h"

namespace nas::widgets {

BestCandidatesView::BestCandidatesView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("bestCandidatesView"));
    m_form = new BestCandidatesForm(this);
    m_form->setObjectName(QStringLiteral("bestCandidatesForm"));
    connect(m_form, &BestCandidatesForm::findRequested, this, &BestCandidatesView::findRequested);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("bestCandidatesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model = new BestCandidatesModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(BestCandidatesModel::kSortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("bestCandidatesTable"));
    m_table->horizontalHeader()->setObjectName(QStringLiteral("bestCandidatesHeader"));
    m_table->verticalHeader()->setObjectName(QStringLiteral("bestCandidatesRowHeader"));
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BestCandidatesModel::kRank, Qt::AscendingOrder);
    // Right-clicking a row selects it, so its context menu acts on the selection.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_model->thumbnailSize().height() + 6);
    m_table->setIconSize(m_model->thumbnailSize());
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BestCandidatesView::showSelection);

    m_plot = new BestCandidatesPlot(this);
    m_plot->setObjectName(QStringLiteral("bestCandidatesScatter"));
    connect(m_plot, &BestCandidatesPlot::pointClicked, this, &BestCandidatesView::selectCandidate);

    m_exportAction = new QAction(tr("Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("bestExportAction"));
    m_exportAction->setToolTip(
        tr("Export the selected architecture (JSON, DARTS string, PyTorch "
           "module, cell picture)"));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (const auto index = selectedCandidate()) {
            const BestCandidate& c = m_model->candidate(*index);
            emit exportRequested(c.genotype, c.cost, *index + 1);
        }
    });
    m_table->addAction(m_exportAction);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("bestExportButton"));
    m_export->setDefaultAction(m_exportAction);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_cells = new CellDagView(this);
    m_cells->setObjectName(QStringLiteral("bestCandidatesCells"));
    m_noCells = new QLabel(tr("Select a candidate to draw its cells."), this);
    m_noCells->setObjectName(QStringLiteral("bestCandidatesNoCells"));
    m_noCells->setAlignment(Qt::AlignCenter);
    m_cellPages = new QStackedWidget(this);
    m_cellPages->addWidget(m_noCells);
    m_cellPages->addWidget(m_cells);
    m_cellPages->setMinimumSize(300, 160);

    auto* tableSide = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    tableLayout->addLayout(buttons);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(tableSide);
    top->addWidget(m_plot);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("bestCandidatesSplitter"));
    split->addWidget(top);
    split->addWidget(m_cellPages);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    clear();
}

void BestCandidatesView::setRequest(const BestCandidatesRequest& request) {
    m_form->setRequest(request);
}

BestCandidatesRequest BestCandidatesView::request() const { return m_form->request(); }

void BestCandidatesView::setMessage(const QString& text, bool problem) {
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;")
                                     : QString());
}

QString BestCandidatesView::message() const { return m_message->text(); }

void BestCandidatesView::showProgress(const QString& text) {
    m_form->setBusy(true);
    setMessage(text, false);
}

void BestCandidatesView::showCandidates(const BestCandidates& results) {
    m_form->setBusy(false);
    m_model->setCandidates(results.candidates);
    m_table->setColumnHidden(BestCandidatesModel::kLatency,
                             !m_model->hasValues(BestCandidatesModel::kLatency));
    m_table->setColumnHidden(BestCandidatesModel::kSupernet,
                             !m_model->hasValues(BestCandidatesModel::kSupernet));
    m_table->resizeColumnsToContents();
    m_plot->setCandidates(results.candidates, results.constraints);
    showSelection();  // a model reset leaves no selection, and says nothing about it
}

void BestCandidatesView::setResults(const BestCandidates& results) {
    showCandidates(results);
    const QString latency =
        results.latencyMeasured > 0
            ? QLatin1Char(' ') + tr("The latency of the %1 best predicted was measured.")
                                     .arg(results.latencyMeasured)
            : QString();
    if (results.candidates.empty()) {
        setMessage(tr("None of the %1 sampled architectures meets the limits. Loosen them, or "
                      "sample a larger pool.")
                           .arg(results.pool) +
                       latency,
                   true);
        return;
    }
    QString text = tr("%1 of %2 sampled architectures meet the limits; the best %3 by predicted "
                      "accuracy are listed.")
                       .arg(results.feasible)
                       .arg(results.pool)
                       .arg(results.candidates.size()) +
                   latency;
    if (m_model->hasValues(BestCandidatesModel::kSupernet))
        text += QLatin1Char(' ') +
                tr("They are ranked by their supernet score on more validation data.");
    setMessage(text, false);
    selectCandidate(0);
}

void BestCandidatesView::showError(const QString& text) {
    showCandidates({});
    setMessage(tr("No search: %1").arg(text), true);
}

void BestCandidatesView::clear() {
    showCandidates({});
    setMessage(tr("Set the limits and press Find: the predictor ranks a uniform sample of the "
                  "space and lists the best architectures within the limits."),
               false);
}

int BestCandidatesView::rowOf(int index) const {
    return m_sorted->mapFromSource(m_model->index(index, 0)).row();
}

int BestCandidatesView::candidateAt(int row) const {
    return m_sorted->mapToSource(m_sorted->index(row, 0)).row();
}

void BestCandidatesView::selectCandidate(int index) {
    if (index < 0 || index >= m_model->rowCount()) return;
    m_table->selectRow(rowOf(index));
    m_table->scrollTo(m_sorted->index(rowOf(index), 0));
}

std::optional<int> BestCandidatesView::selectedCandidate() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return std::nullopt;
    return candidateAt(rows.front().row());
}

void BestCandidatesView::showSelection() {
    const auto index = selectedCandidate();
    m_plot->setSelected(index);
    m_exportAction->setEnabled(index.has_value());
    if (index) m_cells->setGenotype(m_model->candidate(*index).genotype);
    m_cellPages->setCurrentWidget(index ? static_cast<QWidget*>(m_cells) : m_noCells);
}

}  // namespace nas::widgets
