#pragma once
// One decision of a policy: a draw from the softmax of its logits with some choices ruled out,
// taken from the caller's own generator (so that a seeded search, resumed, draws the same), with
// the log-probability REINFORCE needs and the entropy it may reward. Torch code.
#include <torch/types.h>

#include <random>
#include <vector>

namespace nas::search {

struct CategoricalDraw {
    int choice = 0;
    torch::Tensor logProb;  // of `choice`, differentiable
    double entropy = 0;     // of the allowed choices' distribution
    std::vector<double> probabilities;
};

// `allowed` (empty: all) rules out choices with false; at least one must be allowed
// (std::invalid_argument otherwise). With `forced` >= 0 that choice is taken instead of a draw (a
// replay); it must be allowed.
[[nodiscard]] CategoricalDraw drawCategorical(const torch::Tensor& logits, std::mt19937_64& rng,
                                              const std::vector<bool>& allowed = {},
                                              int forced = -1);

// A uniform draw from [0, 1) taken from the top 53 bits: the same on every standard library.
[[nodiscard]] double uniformUnit(std::mt19937_64& rng);

}  // namespace nas::search
