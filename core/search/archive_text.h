#pragma once
// Text in a checkpoint (a generator's state, a genotype's JSON): stored as a uint8 tensor, since
// LibTorch archives hold tensors and modules only.
#include <torch/types.h>

#include <string>
#include <vector>

namespace nas::search {

[[nodiscard]] inline torch::Tensor textTensor(const std::string& text) {
    return torch::tensor(std::vector<uint8_t>(text.begin(), text.end()), torch::kUInt8);
}

[[nodiscard]] inline std::string tensorText(const torch::Tensor& t) {
    const auto c = t.contiguous();
    return std::string(reinterpret_cast<const char*>(c.data_ptr<uint8_t>()),
                       static_cast<size_t>(c.numel()));
}

}  // namespace nas::search
