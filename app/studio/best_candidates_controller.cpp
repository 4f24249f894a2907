#include "app/studio/best_candidates_controller.h"

#include "app/studio/best_candidates_job.h"
#include "engine/error_text.h"
#include "engine/search_config.h"
#include "engine/workspace.h"
#include "store/run_store.h"
#include "widgets/best_candidates_view.h"
#include "widgets/export_dialog.h"
#include "widgets/qt_text.h"

namespace nas::studio {

BestCandidatesController::BestCandidatesController(store::RunStore& store, QString workspaceRoot,
                                                   widgets::BestCandidatesView* view,
                                                   QObject* parent)
    : QObject(parent),
      m_store(store),
      m_root(std::move(workspaceRoot)),
      m_view(view),
      m_job(new BestCandidatesJob(this)) {
    connect(m_job, &BestCandidatesJob::progress, m_view,
            &widgets::BestCandidatesView::showProgress);
    connect(m_job, &BestCandidatesJob::finished, m_view, &widgets::BestCandidatesView::setResults);
    connect(m_job, &BestCandidatesJob::failed, m_view, &widgets::BestCandidatesView::showError);
    connect(m_view, &widgets::BestCandidatesView::findRequested, this,
            &BestCandidatesController::find);
    connect(m_view, &widgets::BestCandidatesView::exportRequested, this,
            &BestCandidatesController::exportCandidate);
}

std::string BestCandidatesController::runFolder(std::int64_t runId) const {
    return engine::Workspace(m_root.toStdString()).runFolder(runId);
}

void BestCandidatesController::setRun(std::int64_t runId, const engine::Constraints& limits) {
    if (m_run == runId) return;
    m_run = runId;
    auto request = m_view->request();
    request.selection.constraints = limits;
    m_view->setRequest(request);
}

void BestCandidatesController::find(const widgets::BestCandidatesRequest& request) {
    if (!m_run) {
        m_view->showError(tr("Choose a run with a fitted predictor first."));
        return;
    }
    try {
        if (m_job->start(loadBestCandidatesInput(m_store, *m_run, runFolder(*m_run)), request))
            m_resultsRun = m_run;
    } catch (const std::exception& e) {
        m_view->showError(widgets::toQString(engine::errorText(e)));
    }
}

void BestCandidatesController::exportCandidate(const space::Genotype& genotype,
                                               const space::Cost& cost, int rank) {
    if (!m_resultsRun) return;
    widgets::ExportSubject subject;
    subject.genotype = genotype;
    subject.cost = cost;
    try {
        const auto record = m_store.findRun(*m_resultsRun);
        if (!record) return;
        subject.space = engine::parseSearchConfigText(record->configJson).space;
    } catch (const std::exception& e) {
        m_view->showError(widgets::toQString(engine::errorText(e)));
        return;
    }
    subject.runId = m_resultsRun;
    subject.runFolder = QString::fromStdString(runFolder(*m_resultsRun));
    subject.baseName = QStringLiteral("run-%1-predicted-%2").arg(*m_resultsRun).arg(rank);
    auto* dialog = new widgets::ExportDialog(subject, m_view);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

}  // namespace nas::studio
