#pragma once
// A discrete cell architecture. Torch-free: it crosses into widgets, the store and exports.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

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

// Whose evaluation code the network of a genotype follows. SNAS-Series' code follows every pool
// with an affine BatchNorm (2C parameters) and writes its genotypes with all 14 edges, 'none'
// included; DARTS's code (and PC-DARTS', which copies it) has neither. Published figures differ
// accordingly.
enum class BuildStyle { Darts, Snas };

struct Genotype {
    CellGenotype normal;
    CellGenotype reduce;
    BuildStyle style = BuildStyle::Darts;
    bool operator==(const Genotype& o) const {
        return normal == o.normal && reduce == o.reduce && style == o.style;
    }
    bool operator!=(const Genotype& o) const { return !(*this == o); }
};

// Checks ops exist and indices are in range; throws std::invalid_argument saying what is wrong.
void validate(const Genotype& genotype);

// JSON form: {"normal": [{"op": "sep_conv_3x3", "from": 0, "to": 0}, ...], "normal_concat": [2, 3,
// 4, 5],
//             "reduce": [...], "reduce_concat": [...]}, plus "style": "snas" for a SNAS-built
//             genotype.
[[nodiscard]] nlohmann::json toJson(const Genotype& genotype);
[[nodiscard]] Genotype genotypeFromJson(const nlohmann::json& json);

// DARTS string form: Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], ...).
// Each node takes exactly two edges there, so a genotype with another in-degree has no such form:
// toDartsString then throws std::invalid_argument naming the node.
[[nodiscard]] bool hasDartsForm(const Genotype& genotype);
[[nodiscard]] std::string toDartsString(const Genotype& genotype);
// SNAS-Series' "edge_all" form: the same Genotype(...) text listing every edge of the cell, node i
// taking one edge from each of states 0 to i + 1 ('none' where the cell has no edge), so 14 edges
// for 4 nodes, with `normal_concat=range(2, 6)`. It needs at most one edge per pair of states and a
// cell of two or more nodes (a one-node cell reads as the DARTS form).
[[nodiscard]] bool hasSnasForm(const Genotype& genotype);
[[nodiscard]] std::string toSnasString(const Genotype& genotype);
// The text `loadGenotype` reads back as this same genotype: the SNAS form for a SNAS-built
// genotype, otherwise the DARTS form; nullopt when neither can hold it (JSON still can).
[[nodiscard]] std::optional<std::string> genotypeText(const Genotype& genotype);
// Reads both forms. Accepts `normal_concat=[2, 3, 4, 5]` and `normal_concat=range(2, 6)`. A cell of
// 2 + 3 + ... + (n + 1) edges (n >= 2) whose node i reads each of states 0 to i + 1 once, with a
// concat within its states, is in the SNAS form and makes the genotype SNAS-built; otherwise edges
// go two per node. A SNAS-built genotype keeps no 'none' edges (they add zeros and hold no
// parameters; a node left without edges outputs zeros, as in SNAS's code), so both SNAS forms of a
// cell read as the same genotype. Throws on malformed text, including any text after the closing
// parenthesis.
[[nodiscard]] Genotype parseDartsString(const std::string& text);

// Published genotypes by name: DARTS's genotypes.py (NASNet, AmoebaNet, DARTS_V1, DARTS_V2, DARTS),
// PC-DARTS' (PC_DARTS_cifar, PC_DARTS_image, PCDARTS) and SNAS-Series' (SNAS_mild, SNAS_moderate,
// SNAS_aggressive, each also as *_edge_all; SNAS-built); nullopt when unknown.
[[nodiscard]] std::optional<Genotype> publishedGenotype(const std::string& name);
[[nodiscard]] const std::vector<std::string>& publishedGenotypeNames();
// A genotype given as a published name, a DARTS string, a JSON text, or a path to a file holding
// one.
[[nodiscard]] Genotype loadGenotype(const std::string& nameTextOrPath);

}  // namespace nas::space
