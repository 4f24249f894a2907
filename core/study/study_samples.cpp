#include "study/study_samples.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace nas::study {
namespace {

const engine::SampleTensor* tensorNamed(const engine::SampleRecord& record, const char* name) {
    for (const auto& tensor : record.tensors)
        if (tensor.name == name) return &tensor;
    return nullptr;
}

// A vector's values: shape [H] with H > 0.
std::optional<std::vector<float>> vectorOf(const engine::SampleTensor* tensor) {
    if (!tensor || tensor->shape.size() != 1 || tensor->shape[0] < 1 ||
        tensor->values.size() != static_cast<std::size_t>(tensor->shape[0]))
        return std::nullopt;
    return tensor->values;
}

// The last row of a [rows, H] matrix.
std::optional<std::vector<float>> lastRowOf(const engine::SampleTensor* tensor) {
    if (!tensor || tensor->shape.size() != 2 || tensor->shape[0] < 1 || tensor->shape[1] < 1)
        return std::nullopt;
    const auto rows = static_cast<std::size_t>(tensor->shape[0]);
    const auto width = static_cast<std::size_t>(tensor->shape[1]);
    if (tensor->values.size() != rows * width) return std::nullopt;
    const auto start = tensor->values.begin() + static_cast<std::ptrdiff_t>((rows - 1) * width);
    return std::vector<float>(start, tensor->values.end());
}

}  // namespace

std::optional<std::vector<float>> finalHiddenState(const engine::SampleRecord& record) {
    if (auto state = vectorOf(tensorNamed(record, kFinalHiddenTensor))) return state;
    if (auto state = lastRowOf(tensorNamed(record, kHiddenStatesTensor))) return state;
    return vectorOf(tensorNamed(record, kHiddenStateTensor));
}

std::vector<StudySample> studySamples(const std::vector<engine::SampleRecord>& records) {
    std::vector<StudySample> samples;
    for (const auto& record : records) {
        auto state = finalHiddenState(record);
        // A record without an architecture is a step that derived no genotype.
        if (!state || record.architecture.empty()) continue;
        StudySample sample;
        try {
            sample.architecture =
                space::genotypeFromJson(nlohmann::json::parse(record.architecture));
        } catch (const std::exception& e) {
            throw std::invalid_argument("the sample of step " + std::to_string(record.step) +
                                        " holds no cell genotype: " + e.what());
        }
        sample.reward = record.score;
        sample.hiddenState = std::move(*state);
        samples.push_back(std::move(sample));
    }
    return samples;
}

}  // namespace nas::study
