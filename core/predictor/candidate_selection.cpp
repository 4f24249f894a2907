#include "predictor/candidate_selection.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "engine/search_config.h"
#include "predictor/architecture_sampler.h"
#include "predictor/constraint_filter.h"

namespace nas::predictor {

Selection selectBest(const Predictor& predictor, const space::SpaceConfig& space,
                     const SelectionOptions& options) {
    if (options.pool < 1 || options.top < 1)
        throw std::invalid_argument("the pool and the top count must be at least 1");
    if (const auto problems = engine::constraintProblems(space, options.constraints);
        !problems.empty()) {
        std::string text = "no architecture of this space can meet the limits: ";
        for (std::size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i];
        throw std::invalid_argument(text);
    }
    ArchitectureSampler sampler(space, options.seed);
    const auto pool = sampler.sampleDistinct(options.pool);
    auto feasible = withinConstraints(pool, space, options.constraints);
    Selection selection;
    selection.pool = static_cast<int>(pool.size());
    selection.feasible = static_cast<int>(feasible.size());
    if (feasible.empty()) return selection;
    std::vector<space::Genotype> genotypes;
    genotypes.reserve(feasible.size());
    for (const auto& c : feasible) genotypes.push_back(c.genotype);
    const auto predictions = predictor.predict(genotypes);
    std::vector<std::size_t> order(feasible.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto keep = std::min(order.size(), static_cast<std::size_t>(options.top));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          if (predictions[a].mean != predictions[b].mean)
                              return predictions[a].mean > predictions[b].mean;
                          return a < b;
                      });
    for (std::size_t i = 0; i < keep; ++i)
        selection.best.push_back(
            {feasible[order[i]].genotype, feasible[order[i]].cost, predictions[order[i]]});
    return selection;
}

}  // namespace nas::predictor
