#include "widgets/run_browser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "widgets/number_format.h"
#include "widgets/qt_text.h"
#include "widgets/sorted_table_item.h"
#include "widgets/status_text.h"

namespace nas::widgets {
namespace {

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

// A read-only cell that shows formatted text but sorts by a number (accuracy, parameters, ids).
QTableWidgetItem* sortedCell(const QString& text, double key) {
    auto* item = new SortedTableItem(text, key);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QString localTime(const std::string& iso) {
    QDateTime time = QDateTime::fromString(toQString(iso), Qt::ISODateWithMs);
    if (!time.isValid()) return toQString(iso);
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

}  // namespace

RunBrowser::RunBrowser(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runBrowser"));
    m_table = new QTableWidget(0, kColumns, this);
    m_table->setObjectName(QStringLiteral("runTable"));
    m_table->setHorizontalHeaderLabels({tr("ID"), tr("Name"), tr("Status"), tr("Strategy"),
                                        tr("Dataset"), tr("Best accuracy"), tr("Parameters"),
                                        tr("Epochs"), tr("Created")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setObjectName(QStringLiteral("runTableHeader"));
    m_table->verticalHeader()->setObjectName(QStringLiteral("runTableRowHeader"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(kName, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);

    auto button = [this](const QString& name, const QString& text, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_open = button(QStringLiteral("openRunButton"), tr("Open"),
                    tr("Replay the selected run in every view"));
    m_compare = button(QStringLiteral("compareRunsButton"), tr("Compare"),
                       tr("Show the curves of two selected runs side by side"));
    m_resume = button(QStringLiteral("resumeRunButton"), tr("Resume"),
                      tr("Continue an interrupted or stopped run from its last checkpoint"));
    m_delete = button(QStringLiteral("deleteRunButton"), tr("Delete\u2026"),
                      tr("Delete the selected run and its files"));
    m_refresh =
        button(QStringLiteral("refreshRunsButton"), tr("Refresh"), tr("Read the run list again"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_open, m_compare, m_resume, m_delete}) buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    m_confirmDelete = [this](const store::RunRecord& run) {
        return QMessageBox::question(
                   this, tr("Delete run"),
                   tr("Delete run %1 (%2) with all its metrics and checkpoints? This cannot "
                      "be undone.")
                       .arg(run.id)
                       .arg(toQString(run.name)),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };

    connect(m_open, &QPushButton::clicked, this, &RunBrowser::openSelected);
    connect(m_compare, &QPushButton::clicked, this, &RunBrowser::compareSelected);
    connect(m_resume, &QPushButton::clicked, this, &RunBrowser::resumeSelected);
    connect(m_delete, &QPushButton::clicked, this, &RunBrowser::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, this, &RunBrowser::refreshRequested);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunBrowser::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { openSelected(); });
    updateButtons();
}

void RunBrowser::setRuns(const std::vector<store::RunRecord>& runs) {
    const std::vector<std::int64_t> selected = selectedRunIds();
    m_runs = runs;
    m_table->setSortingEnabled(false);  // filling a sorted table reorders rows under our hands
    m_table->setRowCount(static_cast<int>(runs.size()));
    for (int row = 0; row < static_cast<int>(runs.size()); ++row) {
        const store::RunRecord& r = runs[static_cast<size_t>(row)];
        auto* id = sortedCell(QString::number(r.id), static_cast<double>(r.id));
        id->setData(Qt::UserRole + 1, QVariant::fromValue<qlonglong>(r.id));
        m_table->setItem(row, kId, id);
        m_table->setItem(row, kName, cell(toQString(r.name)));
        auto* status = cell(QString());
        showStatus(status, r);
        m_table->setItem(row, kStatus, status);
        m_table->setItem(row, kStrategy, cell(strategyText(r.strategy)));
        m_table->setItem(row, kDataset, cell(datasetText(r.dataset)));
        m_table->setItem(
            row, kBestAccuracy,
            sortedCell(r.bestValidAccuracy ? formatPercent(*r.bestValidAccuracy) : tr("\u2013"),
                       r.bestValidAccuracy.value_or(-1.0)));
        m_table->setItem(
            row, kParams,
            sortedCell(r.params ? formatCount(*r.params) : tr("\u2013"), r.params.value_or(-1.0)));
        m_table->setItem(row, kEpochs, sortedCell(QString::number(r.epochsDone), r.epochsDone));
        const QDateTime created = QDateTime::fromString(toQString(r.createdAt), Qt::ISODateWithMs);
        m_table->setItem(
            row, kCreated,
            sortedCell(localTime(r.createdAt),
                       created.isValid() ? static_cast<double>(created.toMSecsSinceEpoch()) : 0.0));
    }
    m_table->setSortingEnabled(true);
    selectRuns(selected);
    updateButtons();
}

void RunBrowser::setActiveRun(std::optional<std::int64_t> runId) {
    const std::optional<std::int64_t> previous = m_active;
    m_active = runId;
    // No live run, no pending pause. A new run keeps one: Pause may be pressed before the engine
    // has reported which run it works on.
    if (!runId) m_pausePending = false;
    refreshStatus(previous);
    refreshStatus(m_active);
    updateButtons();
}

void RunBrowser::setPausePending(bool pending) {
    if (pending == m_pausePending) return;
    m_pausePending = pending;
    refreshStatus(m_active);
}

void RunBrowser::showStatus(QTableWidgetItem* item, const store::RunRecord& r) const {
    const bool pausing =
        m_pausePending && m_active && *m_active == r.id && r.status == engine::RunStatus::Running;
    // Worded and coloured like the stored statuses (widgets/status_text.cpp), in their
    // translation context, and coloured like "paused", where it is heading.
    item->setText(pausing ? QCoreApplication::translate("nas::widgets::RunStatus", "pausing\u2026")
                          : statusText(r.status));
    item->setForeground(statusColor(pausing ? engine::RunStatus::Paused : r.status));
    item->setToolTip(toQString(r.error));
}

void RunBrowser::refreshStatus(std::optional<std::int64_t> id) {
    if (!id) return;
    const auto r = run(*id);
    if (!r) return;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, kId)->data(Qt::UserRole + 1).toLongLong() == *id)
            showStatus(m_table->item(row, kStatus), *r);
}

void RunBrowser::setDeleteConfirmation(std::function<bool(const store::RunRecord&)> confirm) {
    m_confirmDelete = std::move(confirm);
}

std::vector<std::int64_t> RunBrowser::selectedRunIds() const {
    std::set<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows.insert(index.row());
    std::vector<std::int64_t> ids;
    for (int row : rows)
        ids.push_back(m_table->item(row, kId)->data(Qt::UserRole + 1).toLongLong());
    return ids;
}

void RunBrowser::selectRuns(const std::vector<std::int64_t>& ids) {
    m_table->clearSelection();
    const std::set<std::int64_t> wanted(ids.begin(), ids.end());
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!wanted.count(m_table->item(row, kId)->data(Qt::UserRole + 1).toLongLong())) continue;
        m_table->selectionModel()->select(m_table->model()->index(row, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

int RunBrowser::rowCount() const { return m_table->rowCount(); }

std::optional<store::RunRecord> RunBrowser::run(std::int64_t id) const {
    for (const auto& r : m_runs)
        if (r.id == id) return r;
    return std::nullopt;
}

void RunBrowser::openSelected() {
    const auto ids = selectedRunIds();
    if (ids.size() == 1) emit openRequested(ids.front());
}

void RunBrowser::compareSelected() {
    const auto ids = selectedRunIds();
    if (ids.size() == 2) emit compareRequested(ids[0], ids[1]);
}

void RunBrowser::resumeSelected() {
    const auto ids = selectedRunIds();
    if (ids.size() != 1 || m_active) return;
    const auto r = run(ids.front());
    if (r && isResumable(r->status)) emit resumeRequested(r->id);
}

void RunBrowser::deleteSelected() {
    for (std::int64_t id : selectedRunIds()) {
        if (m_active && *m_active == id) continue;
        const auto r = run(id);
        if (r && m_confirmDelete && m_confirmDelete(*r)) emit deleteRequested(id);
    }
}

void RunBrowser::updateButtons() {
    const auto ids = selectedRunIds();
    const bool one = ids.size() == 1;
    const bool activeSelected =
        m_active && std::find(ids.begin(), ids.end(), *m_active) != ids.end();
    const auto r = one ? run(ids.front()) : std::nullopt;
    m_open->setEnabled(one);
    m_compare->setEnabled(ids.size() == 2);
    m_resume->setEnabled(one && !m_active && r && isResumable(r->status));
    m_delete->setEnabled(!ids.empty() && !activeSelected);
}

}  // namespace nas::widgets
