#pragma once
// A discrete cell architecture. Torch-free: it crosses into widgets, the store and exports.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace nas::space {

// One kept edge of a cell: `op` applied to state `from` (0 and 1 are the cell inputs, 2+i is
// intermediate node i) and summed into intermediate node `to` (0-based).
struct GenotypeEdge {
    std::string op;
    int from = 0;
    int to = 0;
    bool operator==(const GenotypeEdge& o) const {
        return op == o.op && from == o.from && to == o.to;
    }
};

// More intermediate nodes than any cell space uses (DARTS: 4; the search config allows up to 8).
inline constexpr int kMaxCellNodes = 32;

struct CellGenotype {
    std::vector<GenotypeEdge> edges;  // ordered by `to`, then as derived
    std::vector<int> concat;          // states concatenated into the cell output
    bool operator==(const CellGenotype& o) const { return edges == o.edges && concat == o.concat; }
    // Intermediate nodes: one more than the largest node an edge or concat entry names.
    [[nodiscard]] int nodeCount() const;
    // Edges feeding node `to`.
    [[nodiscard]] std::vector<GenotypeEdge> edgesInto(int to) const;
};

struct Genotype {
    CellGenotype normal;
    CellGenotype reduce;
    bool operator==(const Genotype& o) const { return normal == o.normal && reduce == o.reduce; }
    bool operator!=(const Genotype& o) const { return !(*this == o); }
};

// Checks ops exist and indices are in range; throws std::invalid_argument saying what is wrong.
void validate(const Genotype& genotype);

// JSON form: {"normal": [{"op": "sep_conv_3x3", "from": 0, "to": 0}, ...], "normal_concat": [2, 3, 4, 5],
//             "reduce": [...], "reduce_concat": [...]}
[[nodiscard]] nlohmann::json toJson(const Genotype& genotype);
[[nodiscard]] Genotype genotypeFromJson(const nlohmann::json& json);

// DARTS string form: Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], ...).
// Each node takes exactly two edges there, so a genotype with another in-degree has no such form:
// toDartsString then throws std::invalid_argument naming the node.
[[nodiscard]] bool hasDartsForm(const Genotype& genotype);
[[nodiscard]] std::string toDartsString(const Genotype& genotype);
// Accepts `normal_concat=[2, 3, 4, 5]` and `normal_concat=range(2, 6)`; throws on malformed text.
[[nodiscard]] Genotype parseDartsString(const std::string& text);

// Published genotypes by name (DARTS_V1, DARTS_V2); nullopt when unknown.
[[nodiscard]] std::optional<Genotype> publishedGenotype(const std::string& name);
// A genotype given as a published name, a DARTS string, a JSON text, or a path to a file holding one.
[[nodiscard]] Genotype loadGenotype(const std::string& nameTextOrPath);

}  // namespace nas::space
