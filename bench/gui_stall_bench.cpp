// The longest GUI event-loop stall while a search runs in the studio: opens the real main window,
// runs a short synthetic search through the engine bridge, and prints the longest time the event
// loop was late for its 5 ms tick (aim: under 50 ms). Needs a display (or
// QT_QPA_PLATFORM=offscreen).
//   usage: bench_gui_stall [epochs=3]
#include <QApplication>
#include <QTemporaryDir>
#include <cstdio>

#include "app/studio/main_window.h"
#include "app/studio/stall_meter.h"
#include "engine/search_config.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int epochs = argc > 1 ? std::atoi(argv[1]) : 3;
    QTemporaryDir workspace;
    nas::studio::MainWindow window(workspace.path());
    window.resize(1600, 1000);
    window.show();

    nas::engine::SearchConfig config;
    config.strategy = "snas";
    config.dataset.name = "synthetic";
    config.dataset.syntheticCount = 512;
    config.dataset.syntheticShape = {3, 16, 16};
    config.space.input = config.dataset.syntheticShape;
    config.space.channels = 8;
    config.space.layers = 5;
    config.batchSize = 32;
    config.epochs = epochs;
    QObject::connect(
        &window, &nas::studio::MainWindow::searchEnded, &app,
        [&](const nas::engine::SearchOutcome& outcome) {
            const auto* meter = window.stallMeter();
            std::printf(
                "search %s; event-loop ticks %lld; longest GUI stall %.1f ms (aim: < 50 ms)\n",
                nas::engine::toString(outcome.status).c_str(), meter->ticks(), meter->maxStallMs());
            QApplication::exit(outcome.ok() ? 0 : 1);
        });
    window.startSearch(config);
    return QApplication::exec();
}
