#pragma once
// Study samples from stored sample records: where a record keeps the controller's final hidden
// state, and which records the study can use. Torch-free (the CLI and the studio both read runs).
#include <optional>
#include <vector>

#include "engine/events.h"
#include "study/hidden_state_study.h"

namespace nas::study {

// The tensor names a controller's hidden state is stored under, in the order they are looked for.
inline const char* const kFinalHiddenTensor = "final_hidden";    // shape [H]
inline const char* const kHiddenStatesTensor = "hidden_states";  // [decisions, H]: the last row
inline const char* const kHiddenStateTensor = "hidden_state";    // [H]: store::sampleOf's name

// The final hidden state a record carries, from the first of the tensors above that it has with
// a usable shape; nullopt when it has none.
[[nodiscard]] std::optional<std::vector<float>> finalHiddenState(
    const engine::SampleRecord& record);

// The records that carry both a hidden state and an architecture, in their order, with the score
// as the reward. Throws std::invalid_argument naming the step of a record whose architecture is
// not a cell genotype.
[[nodiscard]] std::vector<StudySample> studySamples(
    const std::vector<engine::SampleRecord>& records);

}  // namespace nas::study
