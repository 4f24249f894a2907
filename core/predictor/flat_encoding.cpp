#include "predictor/flat_encoding.h"

#include <algorithm>

#include "predictor/architecture_check.h"

namespace nas::predictor {

FlatEncoding::FlatEncoding(const space::SpaceConfig& space) : m_space(space) {}

int FlatEncoding::slotSize(bool reduction) const {
    const auto& ops = reduction ? m_space.reduceOps : m_space.normalOps;
    return m_space.nodes + 1 + static_cast<int>(ops.size());
}

int FlatEncoding::size() const { return 2 * m_space.nodes * (slotSize(false) + slotSize(true)); }

std::vector<float> FlatEncoding::encode(const space::Genotype& genotype) const {
    checkArchitecture(genotype, m_space);
    std::vector<float> out(static_cast<std::size_t>(size()), 0.0f);
    encodeCell(genotype.normal, false, out.data());
    encodeCell(genotype.reduce, true, out.data() + 2 * m_space.nodes * slotSize(false));
    return out;
}

void FlatEncoding::encodeCell(const space::CellGenotype& cell, bool reduction, float* out) const {
    const auto& ops = reduction ? m_space.reduceOps : m_space.normalOps;
    const int slot = slotSize(reduction);
    for (int node = 0; node < m_space.nodes; ++node) {
        auto edges = cell.edgesInto(node);
        std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
            return a.from != b.from ? a.from < b.from : a.op < b.op;
        });
        for (std::size_t k = 0; k < edges.size(); ++k) {
            float* s = out + (2 * node + static_cast<int>(k)) * slot;
            s[edges[k].from] = 1.0f;
            const auto op = std::find(ops.begin(), ops.end(), edges[k].op) - ops.begin();
            s[m_space.nodes + 1 + op] = 1.0f;
        }
    }
}

}  // namespace nas::predictor
