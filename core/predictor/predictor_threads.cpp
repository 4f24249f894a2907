#include "predictor/predictor_threads.h"

#include "engine/runtime.h"

namespace nas::predictor {

std::string usePredictorThreads(int threads) { return engine::configureThreads(threads).note(); }

}  // namespace nas::predictor
