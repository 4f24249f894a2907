#include "train_progress.h"

#include <unistd.h>

#include <cstdio>

#include "progress_printer.h"

namespace nas::cli {

TrainProgressPrinter::TrainProgressPrinter(int epochs)
    : m_epochs(epochs), m_terminal(::isatty(STDERR_FILENO) != 0) {}

void TrainProgressPrinter::update(const engine::TrainEpoch& e, int step, int steps) {
    if (step < steps || e.seconds == 0) {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last <
            (m_terminal ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000)))
            return;
        m_last = now;
        std::fprintf(stderr,
                     m_terminal ? "\r\033[Kepoch %d/%d  step %d/%d  loss %.4f"
                                : "epoch %d/%d  step %d/%d  loss %.4f\n",
                     e.epoch + 1, m_epochs, step, steps, step ? e.trainLoss * steps / step : 0.0);
        return;
    }
    std::fprintf(stderr, "%sepoch %d/%d: train loss %.4f acc %.1f%% | test acc %.2f%% (%s)\n",
                 m_terminal ? "\r\033[K" : "", e.epoch + 1, m_epochs, e.trainLoss,
                 100 * e.trainAccuracy, 100 * e.testAccuracy, formatDuration(e.seconds).c_str());
}

}  // namespace nas::cli
