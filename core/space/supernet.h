#pragma once
// The weight-sharing supernet of the DARTS cell space: every edge holds every candidate op, and a
// forward mixes them with per-edge weights the search strategy supplies.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

#include <vector>

#include "space/space_config.h"

namespace nas::space {

// How one cell type mixes its candidate ops. Strategies differ only in what they put here.
struct EdgeMixing {
    static constexpr int kAllOps = -1;   // compute every op, weighted
    static constexpr int kEdgeOff = -2;  // the edge contributes nothing

    torch::Tensor weights;    // [edges, ops]; row e weights edge e's op outputs
    std::vector<int> active;  // per edge: kAllOps, kEdgeOff, or the one op index to compute;
                              // empty means kAllOps everywhere
    // When only one op per edge is active, still evaluate the others without an autograd graph so
    // their weights get a gradient (NASP's architecture step): their outputs are constants, so
    // backward runs through the active op alone.
    bool inactiveWithoutGraph = false;
    // With inactiveWithoutGraph: evaluate those ops on the first `inactiveBatch` samples only
    // (0: all) and scale their term by batch / inactiveBatch, an unbiased estimate of their
    // weights' gradient at a fraction of the cost. Their term is zero in the forward value anyway.
    int64_t inactiveBatch = 0;
    // Drop path on each edge's mixed output in training mode (SNAS searches with 0.3): a sample's
    // whole edge output is zeroed with this probability and the survivors scaled up to match.
    double dropPath = 0.0;

    [[nodiscard]] int activeOp(int edge) const {
        return active.empty() ? kAllOps : active[static_cast<size_t>(edge)];
    }
};

struct CellInputWork;

class SearchCellImpl final : public torch::nn::Module {
  public:
    SearchCellImpl(const SpaceConfig& space, int cPrevPrev, int cPrev, int c, bool reduction,
                   bool reductionPrev);
    torch::Tensor forward(const torch::Tensor& s0, const torch::Tensor& s1,
                          const EdgeMixing& mixing);
    [[nodiscard]] bool reduction() const { return m_reduction; }
    // Whether the edges that read the same state compute the stateless layer their ops begin with
    // once: the ReLU most ops start with, a pool op's pooling. Batch norms stay per edge, as each
    // keeps its own running statistics. On by default; the values are the same either way, up to
    // the order of float sums in backward.
    void shareInputWork(bool share) { m_shareInputWork = share; }

  private:
    // `weights`: mixing.weights as one scalar per (edge, op), edge-major.
    torch::Tensor edgeOutput(int edge, CellInputWork& work, const EdgeMixing& mixing,
                             const std::vector<torch::Tensor>& weights);
    // Op `op` of `edge` on the state in `work` (its first `part` samples when part > 0).
    torch::Tensor opOutput(int edge, size_t op, CellInputWork& work, int64_t part);

    bool m_reduction;
    int m_nodes;
    bool m_shareInputWork = true;
    std::vector<OpKind> m_kinds;
    std::vector<std::vector<int>> m_sharedFirstLayer;  // [edge][op], see supernet.cpp
    torch::nn::Sequential m_preprocess0{nullptr};
    torch::nn::Sequential m_preprocess1{nullptr};
    std::vector<std::vector<torch::nn::Sequential>> m_ops;  // [edge][op]
};
TORCH_MODULE(SearchCell);

class SupernetImpl final : public torch::nn::Module {
  public:
    explicit SupernetImpl(const SpaceConfig& space);
    // Logits for a batch, each cell mixing its ops with the mixing of its type.
    torch::Tensor forward(const torch::Tensor& x, const EdgeMixing& normal,
                          const EdgeMixing& reduce);
    [[nodiscard]] const SpaceConfig& space() const { return m_space; }
    // Runs in the channels-last layout from here on (space/channels_last.h): the CPU's fast one.
    void useChannelsLast();
    // SearchCellImpl::shareInputWork for every cell.
    void shareInputWork(bool share);

  private:
    SpaceConfig m_space;
    bool m_channelsLast = false;
    torch::nn::Sequential m_stem{nullptr};
    std::vector<SearchCell> m_cells;
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(Supernet);

}  // namespace nas::space
