// Resident memory of one studio process across several searches: opens the real main window, runs
// N short searches one after another through the engine bridge (as a user pressing Start again and
// again would), opens each finished run in the views, and prints the process's resident set
// (VmRSS from /proc/self/status) while the first search runs and after each one ends. With
// train_between=1, "Train found cell" trains each run's derived cell (one small epoch) before the
// next search starts, as a user trying what they found would. A process that keeps what a finished
// job held grows with every line. Needs a display (or QT_QPA_PLATFORM=offscreen).
//   usage: bench_memory_across_runs [runs=4] [dataset=fashion-mnist|synthetic] [steps=10]
//                                   [threads=2] [train_limit=10000] [train_between=0]
#include <QApplication>
#include <QFile>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <string>

#include "app/studio/main_window.h"
#include "app/studio/train_dialog.h"
#include "app/studio/train_job.h"
#include "engine/search_config.h"
#include "util/freed_memory.h"

namespace {

// Resident set size in MiB, or -1 where /proc is missing.
double residentMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return -1;
}

// Trains the shown run's derived cell through the real dialog (small: 8 channels, 3 cells, one
// epoch on 1,000 images), then calls `next` with whether it worked.
void trainFoundCell(nas::studio::MainWindow& window, const std::function<void(bool)>& next) {
    window.trainFoundCell();
    auto* dialog = window.findChild<nas::studio::TrainDialog*>(QStringLiteral("trainDialog"));
    if (!dialog) return next(false);
    const std::pair<const char*, int> sizes[] = {
        {"trainChannels", 8}, {"trainLayers", 3}, {"trainEpochs", 1}, {"trainImages", 1000}};
    for (const auto& [name, value] : sizes)
        dialog->findChild<QSpinBox*>(QLatin1String(name))->setValue(value);
    QObject::connect(dialog->job(), &nas::studio::TrainJob::finished, dialog,
                     [dialog, next](bool ok, bool, double, double, const QString&) {
                         // After the job's own clean-up, as a user closing the dialog.
                         QTimer::singleShot(0, dialog, [dialog, next, ok] {
                             dialog->close();
                             next(ok);
                         });
                     });
    dialog->startTraining();
}

}  // namespace

int main(int argc, char** argv) {
    nas::util::keepFreedMemoryForReuse();  // as the studio does
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 4;
    const std::string dataset = argc > 2 ? argv[2] : "fashion-mnist";
    const int steps = argc > 3 ? std::atoi(argv[3]) : 10;
    const int threads = argc > 4 ? std::atoi(argv[4]) : 2;
    const int trainLimit = argc > 5 ? std::atoi(argv[5]) : 10000;
    const bool trainBetween = argc > 6 && std::atoi(argv[6]) != 0;
    QTemporaryDir workspace;
    nas::studio::MainWindow window(workspace.path());
    window.resize(1600, 1000);
    window.show();

    nas::engine::SearchConfig config;
    config.strategy = "snas";
    config.dataset.name = dataset;
    config.dataset.path = nas::engine::defaultDatasetPath(dataset);
    config.dataset.syntheticCount = 2048;
    config.dataset.trainLimit = trainLimit;
    config.dataset.syntheticShape = {3, 16, 16};
    config.space.input = nas::engine::datasetInputShape(config.dataset);
    config.space.channels = 8;
    config.space.layers = 5;
    config.batchSize = 32;
    config.epochs = 1;
    config.stepsPerEpoch = steps;
    config.threads = threads;

    std::printf("before any search: %.0f MiB resident\n", residentMiB());
    std::fflush(stdout);
    int done = 0;
    double peakDuringFirst = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
        if (done == 0) peakDuringFirst = std::max(peakDuringFirst, residentMiB());
    });
    sampler.start(100);
    QObject::connect(&window, &nas::studio::MainWindow::searchEnded, &app,
                     [&](const nas::engine::SearchOutcome& outcome) {
                         if (!outcome.ok()) {
                             std::printf("search failed: %s\n", outcome.message.c_str());
                             QApplication::exit(1);
                             return;
                         }
                         // Shown in the views as a user reopening it would.
                         window.openRun(outcome.runId);
                         ++done;
                         if (done == 1)
                             std::printf("during search 1 (peak): %.0f MiB resident\n",
                                         peakDuringFirst);
                         std::printf("after search %d: %.0f MiB resident\n", done, residentMiB());
                         std::fflush(stdout);
                         if (done == runs) {
                             QApplication::exit(0);
                             return;
                         }
                         if (!trainBetween) {
                             QTimer::singleShot(0, &window, [&] { window.startSearch(config); });
                             return;
                         }
                         trainFoundCell(window, [&](bool ok) {
                             std::printf("after training search %d's cell%s: %.0f MiB resident\n",
                                         done, ok ? "" : " (failed)", residentMiB());
                             std::fflush(stdout);
                             window.startSearch(config);
                         });
                     });
    window.startSearch(config);
    return QApplication::exec();
}
