#pragma once
// The result of one `evaluate` task, as a JSON document, and what `import-results` makes of it: a
// sample of the run it joins, with the candidate's trained test accuracy as its score.
#include <nlohmann/json.hpp>
#include <string>

#include "engine/evaluated_sample.h"
#include "engine/events.h"
#include "engine/trainer.h"
#include "space/genotype.h"

namespace nas::cli {

inline constexpr const char* kEvaluationFormat = "nas-studio-evaluation";

// How an evaluation ended; each has its own exit status, so that a scheduler can tell them apart.
enum class EvaluationStatus { Ok, BadInput, Diverged, OutOfMemory, Interrupted, Failed };
[[nodiscard]] std::string toString(EvaluationStatus status);
// 0, 2, 3, 4, 130 and 1, in the order above.
[[nodiscard]] int exitCode(EvaluationStatus status);

// The candidate and its training setting into `result`: its genotype (text and JSON), dataset,
// size, epochs, seed, and its params and FLOPs as deployed (no auxiliary head).
void describeCandidate(nlohmann::json& result, const space::Genotype& genotype,
                       const engine::TrainConfig& config);

// A successful result as a sample (architecture, score = test accuracy, metrics); throws
// std::invalid_argument naming what is missing or malformed.
[[nodiscard]] engine::SampleRecord evaluationSample(const nlohmann::json& result);

}  // namespace nas::cli
