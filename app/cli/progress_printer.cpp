#include "progress_printer.h"

#include <unistd.h>

#include <cstdio>

#include "messages.h"

namespace nas::cli {

std::string formatDuration(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
    } else if (s >= 60) {
        std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%lds", s);
    }
    return buf;
}

ProgressPrinter::ProgressPrinter(bool quiet)
    : m_quiet(quiet), m_terminal(::isatty(STDERR_FILENO) != 0) {}

void ProgressPrinter::endLiveLine() {
    if (m_lineOpen) std::fputs("\n", stderr);
    m_lineOpen = false;
}

void ProgressPrinter::onStarted(std::int64_t runId, const engine::SearchConfig& config,
                                int startEpoch) {
    m_epochs = config.epochs;
    // A rank other than 0 of a new data-parallel job records no run of its own.
    const std::string run =
        runId > 0 ? "run " + std::to_string(runId) : "this rank's part of the job";
    std::fprintf(
        stderr, "%s: %s search on %s, %d epochs%s\n", run.c_str(), config.strategy.c_str(),
        config.dataset.name.c_str(), config.epochs,
        startEpoch > 0 ? (", continuing at epoch " + std::to_string(startEpoch + 1)).c_str() : "");
}

void ProgressPrinter::onStep(const engine::StepEvent& e) {
    if (m_quiet) return;
    const auto now = std::chrono::steady_clock::now();
    if (!m_terminal && now - m_lastPlainLine < std::chrono::seconds(5)) return;
    m_lastPlainLine = now;
    char line[256];
    std::snprintf(
        line, sizeof line, "epoch %d/%d  step %d/%d  loss %.4f  acc %5.1f%%%s  %.2f s/step  ETA %s",
        e.epoch + 1, m_epochs, e.stepInEpoch + 1, e.stepsPerEpoch, e.loss, 100.0 * e.accuracy,
        e.temperature > 0 ? ("  tau " + std::to_string(e.temperature).substr(0, 5)).c_str() : "",
        e.secondsPerStep, formatDuration(e.etaSeconds).c_str());
    if (m_terminal) {
        std::fprintf(stderr, "\r\033[K%s", line);
        m_lineOpen = true;
    } else {
        std::fprintf(stderr, "%s\n", line);
    }
    std::fflush(stderr);
}

void ProgressPrinter::onEpoch(const engine::EpochMetrics& m) {
    endLiveLine();
    std::fprintf(
        stderr,
        "epoch %d/%d done in %s: train loss %.4f acc %.1f%% | valid loss %.4f acc %.1f%% | "
        "derived %s %.0f params, %.1f MFLOPs\n",
        m.epoch + 1, m_epochs, formatDuration(m.seconds).c_str(), m.trainLoss,
        100 * m.trainAccuracy, m.validLoss, 100 * m.validAccuracy,
        m.architecture.empty() ? "cell" : "network", m.cost.params, m.cost.flops / 1e6);
}

void ProgressPrinter::onStatus(engine::RunStatus status, const std::string& message) {
    if (status == engine::RunStatus::Running) return;
    endLiveLine();
    if (status == engine::RunStatus::Failed) {
        printError(message);
    } else {
        std::fprintf(stderr, "search %s\n", engine::toString(status).c_str());
    }
}

void ProgressPrinter::onLog(const std::string& line) {
    endLiveLine();
    std::fprintf(stderr, "%s\n", line.c_str());
}

}  // namespace nas::cli
