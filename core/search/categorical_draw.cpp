#include "search/categorical_draw.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace nas::search {

double uniformUnit(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

CategoricalDraw drawCategorical(const torch::Tensor& logits, std::mt19937_64& rng,
                                const std::vector<bool>& allowed, int forced) {
    auto flat = logits.reshape({-1});
    const auto n = static_cast<int>(flat.numel());
    if (!allowed.empty()) {
        if (static_cast<int>(allowed.size()) != n)
            throw std::invalid_argument("a mask of " + std::to_string(allowed.size()) + " for " +
                                        std::to_string(n) + " choices");
        std::vector<float> mask(allowed.size());
        bool any = false;
        for (std::size_t k = 0; k < allowed.size(); ++k) {
            mask[k] = allowed[k] ? 0.0F : -std::numeric_limits<float>::infinity();
            any = any || allowed[k];
        }
        if (!any) throw std::invalid_argument("every choice is ruled out");
        flat = flat + torch::tensor(mask, flat.options());
    }
    const auto logp = torch::log_softmax(flat, 0);
    const auto p = logp.detach().exp().to(torch::kDouble).contiguous();
    const auto* probs = p.data_ptr<double>();
    CategoricalDraw draw;
    draw.probabilities.assign(probs, probs + n);
    if (forced >= 0) {
        if (forced >= n || probs[forced] <= 0)
            throw std::invalid_argument("choice " + std::to_string(forced) +
                                        " is not one this decision can make");
        draw.choice = forced;
    } else {
        // Inverse CDF over the allowed choices.
        const double u = uniformUnit(rng);
        double cumulative = 0;
        draw.choice = -1;
        for (int k = 0; k < n; ++k) {
            if (probs[k] <= 0) continue;
            cumulative += probs[k];
            draw.choice = k;
            if (u < cumulative) break;
        }
    }
    for (int k = 0; k < n; ++k)
        if (probs[k] > 0) draw.entropy -= probs[k] * std::log(probs[k]);
    draw.logProb = logp[draw.choice];
    return draw;
}

}  // namespace nas::search
