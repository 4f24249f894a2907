#include "predictor/architecture_sampler.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_set>

#include "space/op_catalogue.h"
#include "space/uniform_cell.h"

namespace nas::predictor {
namespace {

std::vector<std::string> sampledOps(const std::vector<std::string>& ops, const char* which) {
    auto kept = space::withoutNone(ops);
    if (kept.empty())
        throw std::invalid_argument(std::string("the space's ") + which +
                                    " cells have no op but 'none' to sample");
    return kept;
}

}  // namespace

ArchitectureSampler::ArchitectureSampler(const space::SpaceConfig& space, std::uint64_t seed)
    : m_space(space),
      m_normalOps(sampledOps(space.normalOps, "normal")),
      m_reduceOps(sampledOps(space.reduceOps, "reduction")),
      m_rng(seed) {}

space::CellGenotype ArchitectureSampler::sampleCell(const std::vector<std::string>& ops) {
    return space::sampleUniformCell(ops, m_space.nodes, m_rng);
}

space::Genotype ArchitectureSampler::sample() {
    auto normal = sampleCell(m_normalOps);
    auto reduce = sampleCell(m_reduceOps);
    return {std::move(normal), std::move(reduce)};
}

std::vector<space::Genotype> ArchitectureSampler::sampleDistinct(int count) {
    std::vector<space::Genotype> out;
    std::unordered_set<std::string> seen;
    // Far more draws than a space of more than a few hundred architectures ever needs.
    const long long draws = 20LL * std::max(count, 1) + 100;
    for (long long i = 0; i < draws && static_cast<int>(out.size()) < count; ++i) {
        auto genotype = sample();
        if (seen.insert(space::toJson(genotype).dump()).second) out.push_back(std::move(genotype));
    }
    return out;
}

}  // namespace nas::predictor
