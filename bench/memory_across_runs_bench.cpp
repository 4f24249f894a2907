// Resident memory of one studio process across several searches: opens the real main window, runs
// N short searches one after another through the engine bridge (as a user pressing Start again and
// again would), opens each finished run in the views, and prints the process's resident set
// (VmRSS from /proc/self/status) while the first search runs and after each one ends. A process
// that keeps what a finished run held grows with every line. Needs a display (or
// QT_QPA_PLATFORM=offscreen).
//   usage: bench_memory_across_runs [runs=4] [dataset=fashion-mnist|synthetic] [steps=10]
//   [threads=2]
//                                   [train_limit=10000]
#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <string>

#include "app/studio/main_window.h"
#include "engine/search_config.h"

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

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 4;
    const std::string dataset = argc > 2 ? argv[2] : "fashion-mnist";
    const int steps = argc > 3 ? std::atoi(argv[3]) : 10;
    const int threads = argc > 4 ? std::atoi(argv[4]) : 2;
    const int trainLimit = argc > 5 ? std::atoi(argv[5]) : 10000;
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
                         QTimer::singleShot(0, &window, [&] { window.startSearch(config); });
                     });
    window.startSearch(config);
    return QApplication::exec();
}
