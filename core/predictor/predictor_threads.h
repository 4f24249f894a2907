#pragma once
// LibTorch's CPU threads for the predictor's work, from code that includes no torch (the CLI).
#include <string>

namespace nas::predictor {

// engine::configureThreads(threads) (0: one per free core); returns its note on a busy machine,
// else an empty string.
std::string usePredictorThreads(int threads);

}  // namespace nas::predictor
