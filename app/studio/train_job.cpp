#include "app/studio/train_job.h"

#include <QMetaObject>

#include "engine/error_text.h"

namespace nas::studio {

TrainJob::TrainJob(QObject* parent) : QObject(parent) {}

TrainJob::~TrainJob() {
    m_stop = true;
    if (m_worker.joinable()) m_worker.join();
}

bool TrainJob::start(const space::Genotype& genotype, const engine::TrainConfig& config,
                     const QString& runFolder) {
    if (isRunning()) return false;
    m_stop = false;
    const std::string folder = runFolder.toStdString();
    m_worker = std::thread([this, genotype, config, folder] {
        bool ok = false, stopped = false;
        double accuracy = 0, params = 0;
        QString message;
        try {
            const auto result = engine::trainForRun(
                genotype, config, folder,
                [this, &config](const engine::TrainEpoch& e, int step, int steps) {
                    report(e, step, steps, config.epochs);
                },
                [this] { return m_stop.load(); });
            stopped = result.stopped;
            ok = !stopped;
            accuracy = result.testAccuracy;
            params = result.params;
        } catch (const std::exception& e) {
            message = QString::fromStdString(engine::errorText(e));
        }
        // Queued to the GUI thread; dropped if the job is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, ok, stopped, accuracy, params, message] {
                if (m_worker.joinable()) m_worker.join();
                emit finished(ok, stopped, accuracy, params, message);
            },
            Qt::QueuedConnection);
    });
    return true;
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
