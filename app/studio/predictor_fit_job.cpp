#include "app/studio/predictor_fit_job.h"

#include <cmath>
#include <memory>

#include "engine/error_text.h"

namespace nas::studio {
namespace {
constexpr int kDeliveryIntervalMs = 40;
}  // namespace

PredictorFitJob::PredictorFitJob(QObject* parent)
    : QObject(parent), m_reports(this, kDeliveryIntervalMs, [this](Report report) {
          if (report.scored) emit scored(report.scored->first, report.scored->second);
          for (const auto& p : report.progress) emit progress(p);
      }) {}

PredictorFitJob::~PredictorFitJob() = default;  // m_worker cancels and joins

bool PredictorFitJob::start(predictor::FitRun run, predictor::FitJobOptions options,
                            QString savePath) {
    if (isRunning()) return false;
    struct Result {
        bool ok = false, cancelled = false;
        double heldOutSpearman = NAN;
        QString message;
    };
    auto result = std::make_shared<Result>();
    m_reports.reset();
    return m_worker.start(
        [this, run = std::move(run), options, path = savePath.toStdString(), result] {
            predictor::FitJobCallbacks callbacks;
            callbacks.scored = [this](int done, int total) {
                m_reports.post([&](Report& r) { r.scored = std::make_pair(done, total); });
            };
            callbacks.progress = [this](const predictor::FitProgress& p) {
                m_reports.post([&](Report& r) { r.progress.push_back(p); });
            };
            try {
                auto fitted = predictor::runFitJob(run, options, callbacks, m_worker.cancelFlag());
                if (!fitted) {
                    result->cancelled = true;
                    return;
                }
                fitted->predictor.save(path);
                result->ok = true;
                result->heldOutSpearman = fitted->heldOut.spearman;
            } catch (const std::exception& e) {
                result->message = QString::fromStdString(engine::errorText(e));
            }
        },
        [this, result] {
            m_reports.flush();
            emit finished(result->ok, result->cancelled, result->heldOutSpearman, result->message);
        });
}

}  // namespace nas::studio
