#pragma once
// The catalogue of candidate operations. Torch-free: widgets and the store use op names and kinds
// too.
#include <string>
#include <vector>

namespace nas::space {

enum class OpKind {
    None,
    MaxPool3x3,
    AvgPool3x3,
    SkipConnect,
    SepConv3x3,
    SepConv5x5,
    DilConv3x3,
    DilConv5x5,
    // Needed to import published genotypes.
    SepConv7x7,
    Conv7x1_1x7,
    // NASP's own operation set.
    Conv1x1,
    Conv3x3,
    Conv3x1_1x3,
    MaxPool5x5,
    MaxPool7x7,
};

// Throws std::invalid_argument naming the unknown op and listing the known ones.
[[nodiscard]] OpKind opKindFromName(const std::string& name);
[[nodiscard]] const std::string& opName(OpKind kind);
[[nodiscard]] bool isKnownOp(const std::string& name);
// Ops without learnable weights (none, pools, identity); a cell made mostly of these has collapsed.
[[nodiscard]] bool isParameterFree(OpKind kind);
[[nodiscard]] bool isPool(OpKind kind);

// The eight DARTS ops, in DARTS order (none first).
[[nodiscard]] const std::vector<std::string>& dartsOps();
// NASP's released op sets (no none op): one for normal cells, one for reduction cells.
[[nodiscard]] const std::vector<std::string>& naspNormalOps();
[[nodiscard]] const std::vector<std::string>& naspReduceOps();
[[nodiscard]] std::vector<std::string> allOpNames();
// `ops` in their order, none left out: what a sampler that always keeps an edge draws from.
[[nodiscard]] std::vector<std::string> withoutNone(const std::vector<std::string>& ops);

}  // namespace nas::space
