#include "app/studio/train_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/studio/train_job.h"

namespace nas::studio {
namespace {

QSpinBox* spinBox(QWidget* parent, const char* name, int min, int max, int value, int step = 1) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setValue(value);
    return box;
}

}  // namespace

TrainDialog::TrainDialog(TrainSubject subject, QWidget* parent)
    : QDialog(parent), m_subject(std::move(subject)) {
    setObjectName(QStringLiteral("trainDialog"));
    setWindowTitle(tr("Train found cell (run %1)").arg(m_subject.runId));
    m_job = new TrainJob(this);

    auto* intro = new QLabel(
        tr("Trains the run's derived network from scratch (DARTS evaluation recipe: "
           "cosine SGD, auxiliary head, drop path) on the run's dataset, reports test "
           "accuracy, and keeps the weights in the run folder; Export then offers them."),
        this);
    intro->setWordWrap(true);
    const engine::TrainConfig defaults;
    m_channels = spinBox(this, "trainChannels", 2, 256, defaults.channels, 2);
    m_layers = spinBox(this, "trainLayers", 3, 50, defaults.layers);
    m_epochs = spinBox(this, "trainEpochs", 1, 1000, defaults.epochs);
    m_batch = spinBox(this, "trainBatchSize", 2, 1024, defaults.batchSize);
    m_trainImages = spinBox(this, "trainImages", 0, 10'000'000, 10'000, 1000);
    m_trainImages->setSpecialValueText(tr("all"));
    auto* form = new QFormLayout;
    form->addRow(tr("Initial channels:"), m_channels);
    form->addRow(tr("Cells (layers):"), m_layers);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Training images:"), m_trainImages);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("trainProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("trainLog"));
    m_log->setReadOnly(true);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("trainResult"));
    m_result->setWordWrap(true);

    m_train = new QPushButton(tr("&Train"), this);
    m_train->setObjectName(QStringLiteral("trainStartButton"));
    m_stop = new QPushButton(tr("S&top"), this);
    m_stop->setObjectName(QStringLiteral("trainStopButton"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_train, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &TrainDialog::reject);
    connect(m_train, &QPushButton::clicked, this, &TrainDialog::startTraining);
    connect(m_stop, &QPushButton::clicked, m_job, &TrainJob::requestStop);

    connect(m_job, &TrainJob::progress, this, [this](double fraction, int epoch, double loss) {
        m_progress->setValue(static_cast<int>(1000 * fraction));
        m_progress->setFormat(
            tr("epoch %1/%2, loss %3").arg(epoch + 1).arg(m_epochs->value()).arg(loss, 0, 'f', 4));
    });
    connect(m_job, &TrainJob::epochDone, this,
            [this](int epoch, double loss, double trainAcc, double testAcc, double seconds) {
                m_progress->setValue(1000 * (epoch + 1) / m_epochs->value());
                m_log->appendPlainText(
                    tr("epoch %1: train loss %2, train accuracy %3%, test accuracy %4% (%5 s)")
                        .arg(epoch + 1)
                        .arg(loss, 0, 'f', 4)
                        .arg(100 * trainAcc, 0, 'f', 1)
                        .arg(100 * testAcc, 0, 'f', 2)
                        .arg(seconds, 0, 'f', 0));
            });
    connect(m_job, &TrainJob::finished, this, &TrainDialog::onFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(560, 480);
    setRunning(false);
}

void TrainDialog::startTraining() {
    if (m_channels->value() % 2) {
        m_result->setText(tr("The channel count must be even (the reduction cells halve it)."));
        return;
    }
    engine::TrainConfig config;
    config.dataset = m_subject.dataset;
    config.dataset.trainLimit = m_trainImages->value();
    config.dataset.testLimit = 0;
    config.channels = m_channels->value();
    config.layers = m_layers->value();
    config.epochs = m_epochs->value();
    config.batchSize = m_batch->value();
    m_log->clear();
    m_result->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("loading data\u2026"));
    if (m_job->start(m_subject.genotype, config, m_subject.runFolder)) setRunning(true);
}

void TrainDialog::onFinished(bool ok, bool stopped, double testAccuracy, double params,
                             const QString& message) {
    setRunning(false);
    if (ok) {
        m_progress->setValue(1000);
        m_progress->setFormat(tr("done"));
        m_result->setText(tr("Test accuracy %1% with %2 parameters. The weights are kept in %3; "
                             "File \u25b8 Export architecture offers them.")
                              .arg(100 * testAccuracy, 0, 'f', 2)
                              .arg(QLocale().toString(params, 'f', 0), m_subject.runFolder));
        emit trained(m_subject.runId);
    } else if (stopped) {
        m_progress->setFormat(tr("stopped"));
        m_result->setText(tr("Stopped; no weights were kept."));
    } else {
        m_progress->setFormat(tr("failed"));
        m_result->setText(tr("Training failed: %1").arg(message));
    }
}

QString TrainDialog::resultText() const { return m_result->text(); }

void TrainDialog::setRunning(bool running) {
    m_train->setEnabled(!running);
    m_stop->setEnabled(running);
    for (QSpinBox* box : {m_channels, m_layers, m_epochs, m_batch, m_trainImages})
        box->setEnabled(!running);
}

void TrainDialog::reject() {
    if (m_job->isRunning()) {
        m_job->requestStop();
        m_result->setText(tr("Stopping\u2026"));
    }
    QDialog::reject();
}

}  // namespace nas::studio
