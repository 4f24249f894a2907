#pragma once
// Terminal progress of a search: a live status line on a terminal, a line every few seconds
// otherwise (logs, CI), and one summary line per epoch. Writes to stderr; stdout stays for results.
#include <chrono>
#include <string>

#include "engine/search_session.h"

namespace nas::cli {

class ProgressPrinter final : public engine::SearchObserver {
  public:
    explicit ProgressPrinter(bool quiet);
    void onStarted(std::int64_t runId, const engine::SearchConfig& config, int startEpoch) override;
    void onStep(const engine::StepEvent& event) override;
    void onEpoch(const engine::EpochMetrics& metrics) override;
    void onStatus(engine::RunStatus status, const std::string& message) override;
    void onLog(const std::string& line) override;

  private:
    void endLiveLine();

    bool m_quiet;
    bool m_terminal;
    bool m_lineOpen = false;
    int m_epochs = 0;
    std::chrono::steady_clock::time_point m_lastPlainLine;
};

[[nodiscard]] std::string formatDuration(double seconds);

}  // namespace nas::cli
