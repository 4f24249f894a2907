#include "app/studio/train_job.h"

#include <QMetaObject>
#include <memory>

#include "engine/error_text.h"

namespace nas::studio {

TrainJob::TrainJob(QObject* parent) : QObject(parent) {}

TrainJob::~TrainJob() = default;  // m_worker cancels and joins

bool TrainJob::start(const space::Genotype& genotype, const engine::TrainConfig& config,
                     const QString& runFolder) {
    if (isRunning()) return false;
    const std::string folder = runFolder.toStdString();
    struct Result {
        bool ok = false, stopped = false;
        double accuracy = 0, params = 0;
        QString message;
    };
    auto result = std::make_shared<Result>();
    return m_worker.start(
        [this, genotype, config, folder, result] {
            try {
                const auto trained = engine::trainForRun(
                    genotype, config, folder,
                    [this, &config](const engine::TrainEpoch& e, int step, int steps) {
                        report(e, step, steps, config.epochs);
                    },
                    [this] { return m_worker.cancelRequested(); });
                result->stopped = trained.stopped;
                result->ok = !trained.stopped;
                result->accuracy = trained.testAccuracy;
                result->params = trained.params;
            } catch (const std::exception& e) {
                result->message = QString::fromStdString(engine::errorText(e));
            }
        },
        [this, result] {
            emit finished(result->ok, result->stopped, result->accuracy, result->params,
                          result->message);
        });
}

void TrainJob::report(const engine::TrainEpoch& e, int step, int steps, int epochs) {
    if (step == steps && e.seconds > 0) {  // the epoch's summary, after its test
        QMetaObject::invokeMethod(
            this,
            [this, e] {
                emit epochDone(e.epoch, e.trainLoss, e.trainAccuracy, e.testAccuracy, e.seconds);
            },
            Qt::QueuedConnection);
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastReport < std::chrono::milliseconds(100)) return;
    m_lastReport = now;
    const double fraction = (e.epoch + static_cast<double>(step) / steps) / epochs;
    const double loss = step ? e.trainLoss * steps / step : 0.0;
    QMetaObject::invokeMethod(
        this, [this, fraction, epoch = e.epoch, loss] { emit progress(fraction, epoch, loss); },
        Qt::QueuedConnection);
}

}  // namespace nas::studio
