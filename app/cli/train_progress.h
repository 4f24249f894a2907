#pragma once
// Terminal progress of a training (train, evaluate): a live step line on a terminal (a line every
// few seconds otherwise) and a line per epoch, on stderr.
#include <chrono>

#include "engine/trainer.h"

namespace nas::cli {

class TrainProgressPrinter final {
  public:
    explicit TrainProgressPrinter(int epochs);
    void update(const engine::TrainEpoch& e, int step, int steps);

  private:
    int m_epochs;
    bool m_terminal;
    std::chrono::steady_clock::time_point m_last;
};

}  // namespace nas::cli
