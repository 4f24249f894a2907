#include "predictor/architecture_sampler.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_set>

namespace nas::predictor {
namespace {

std::vector<std::string> sampledOps(const std::vector<std::string>& ops, const char* which) {
    std::vector<std::string> kept;
    for (const auto& op : ops)
        if (op != "none") kept.push_back(op);
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
    // Raw engine outputs modulo small ranges: reproducible on every standard library.
    space::CellGenotype cell;
    for (int node = 0; node < m_space.nodes; ++node) {
        const int states = node + 2;
        const int first = static_cast<int>(pick(static_cast<std::size_t>(states)));
        int second = static_cast<int>(pick(static_cast<std::size_t>(states - 1)));
        if (second >= first) ++second;
        for (int from : {std::min(first, second), std::max(first, second)})
            cell.edges.push_back({ops[pick(ops.size())], from, node});
        cell.concat.push_back(node + 2);
    }
    return cell;
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
