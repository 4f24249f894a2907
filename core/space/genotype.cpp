#include "space/genotype.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "space/op_catalogue.h"

namespace nas::space {

int CellGenotype::nodeCount() const {
    int nodes = 0;
    for (const auto& e : edges) nodes = std::max(nodes, e.to + 1);
    for (int c : concat) nodes = std::max(nodes, c - 1);
    return nodes;
}

std::vector<GenotypeEdge> CellGenotype::edgesInto(int to) const {
    std::vector<GenotypeEdge> into;
    for (const auto& e : edges)
        if (e.to == to) into.push_back(e);
    return into;
}

namespace {

// A SNAS-built genotype holds no 'none' edges: they add zeros and no parameters, SNAS's own search
// leaves them out, and its 14-edge form writes one wherever a pair of states has no edge.
void makeSnasBuilt(Genotype& g) {
    g.style = BuildStyle::Snas;
    for (CellGenotype* cell : {&g.normal, &g.reduce})
        cell->edges.erase(std::remove_if(cell->edges.begin(), cell->edges.end(),
                                         [](const GenotypeEdge& e) { return e.op == "none"; }),
                          cell->edges.end());
}

void validateCell(const CellGenotype& cell, const std::string& which) {
    const int nodes = cell.nodeCount();
    if (nodes == 0) throw std::invalid_argument(which + " cell has no intermediate nodes");
    for (const auto& e : cell.edges) {
        (void)opKindFromName(e.op);  // throws naming the unknown op and the known ones
        if (e.to < 0) throw std::invalid_argument(which + " cell: negative node index");
        if (e.from < 0 || e.from >= e.to + 2)
            throw std::invalid_argument(which + " cell: node " + std::to_string(e.to) +
                                        " takes input " + std::to_string(e.from) +
                                        ", which is not an earlier state");
    }
    if (cell.concat.empty()) throw std::invalid_argument(which + " cell concatenates no state");
    for (int c : cell.concat)
        if (c < 0)
            throw std::invalid_argument(which + " cell: concat names state " + std::to_string(c));
    // Bounded first, so that a typo such as [2, 3, 4000] fails here rather than allocating
    // thousands of empty nodes.
    if (nodes > kMaxCellNodes)
        throw std::invalid_argument(
            which + " cell: state " + std::to_string(nodes + 1) +
            " is named, but a cell has at most " + std::to_string(kMaxCellNodes) +
            " intermediate nodes (states 2 to " + std::to_string(kMaxCellNodes + 1) + ")");
    // A node without incoming edges is a node of zeros. SNAS derives such nodes (every edge into
    // them chose 'none') and every strategy concatenates all nodes, so an unfed node is accepted
    // when it is part of the output; one that is neither fed nor concatenated exists only because a
    // larger index was named, which is a typo (concat [9] in a one-node cell).
    for (int node = 0; node < nodes; ++node) {
        const bool fed = std::any_of(cell.edges.begin(), cell.edges.end(),
                                     [&](const GenotypeEdge& e) { return e.to == node; });
        const bool output =
            std::find(cell.concat.begin(), cell.concat.end(), node + 2) != cell.concat.end();
        if (!fed && !output) {
            const int lastConcat = *std::max_element(cell.concat.begin(), cell.concat.end());
            const std::string named = lastConcat == nodes + 1
                                          ? "the concat names state " + std::to_string(lastConcat)
                                          : "an edge goes into node " + std::to_string(nodes - 1);
            throw std::invalid_argument(which + " cell: node " + std::to_string(node) + " (state " +
                                        std::to_string(node + 2) +
                                        ") has no incoming edge and is not concatenated, yet " +
                                        named + ": the cell does not have that many nodes");
        }
    }
}

nlohmann::json cellToJson(const CellGenotype& cell) {
    auto edges = nlohmann::json::array();
    for (const auto& e : cell.edges)
        edges.push_back({{"op", e.op}, {"from", e.from}, {"to", e.to}});
    return edges;
}

CellGenotype cellFromJson(const nlohmann::json& json, const std::string& which) {
    if (!json.contains(which) || !json.at(which).is_array())
        throw std::invalid_argument("genotype JSON: '" + which + "' must be an array of edges");
    CellGenotype cell;
    for (const auto& e : json.at(which)) {
        if (!e.is_object() || !e.contains("op") || !e.contains("from") || !e.contains("to"))
            throw std::invalid_argument("genotype JSON: each '" + which +
                                        "' edge needs \"op\", \"from\" and \"to\"");
        cell.edges.push_back(
            {e.at("op").get<std::string>(), e.at("from").get<int>(), e.at("to").get<int>()});
    }
    const std::string concatKey = which + "_concat";
    if (json.contains(concatKey)) {
        cell.concat = json.at(concatKey).get<std::vector<int>>();
    } else {
        for (int i = 0; i < cell.nodeCount(); ++i) cell.concat.push_back(i + 2);
    }
    return cell;
}

// A small recursive-descent reader for the DARTS Genotype(...) text.
class DartsReader {
  public:
    explicit DartsReader(std::string text) : m_text(std::move(text)) {}

    Genotype read() {
        expectWord("Genotype");
        expect('(');
        std::map<std::string, std::vector<std::pair<std::string, int>>> lists;
        std::map<std::string, std::vector<int>> concats;
        sequence(')', [&] {
            const std::string key = word();
            expect('=');
            if (key == "normal" || key == "reduce") {
                lists[key] = pairList();
            } else if (key == "normal_concat" || key == "reduce_concat") {
                concats[key] = intListOrRange();
            } else {
                fail("unknown field '" + key + "'");
            }
        });
        for (const char* key : {"normal", "reduce", "normal_concat", "reduce_concat"})
            if (!lists.count(key) && !concats.count(key))
                fail(std::string("missing field '") + key + "'");
        skipSpace();
        if (m_pos < m_text.size()) fail("unexpected text after the closing ')' of Genotype(...)");
        Genotype g;
        bool snasForm = false;
        g.normal = toCell(lists["normal"], concats["normal_concat"], "normal", snasForm);
        g.reduce = toCell(lists["reduce"], concats["reduce_concat"], "reduce", snasForm);
        if (snasForm) makeSnasBuilt(g);
        return g;
    }

  private:
    using Pairs = std::vector<std::pair<std::string, int>>;

    // Nodes of a cell in SNAS-Series' edge_all form (2 + 3 + ... + (n + 1) edges, node i reading
    // each of states 0 to i + 1 once, a concat within states 0 to n + 1); 0 when the pairs are not
    // in it. One node is left to the DARTS form, which reads two edges the same way.
    static int snasFormNodes(const Pairs& pairs, const std::vector<int>& concat) {
        int nodes = 0;
        size_t edges = 0;
        while (edges < pairs.size()) edges += static_cast<size_t>(++nodes) + 1;
        if (edges != pairs.size() || nodes < 2) return 0;
        size_t next = 0;
        for (int node = 0; node < nodes; ++node) {
            std::vector<bool> seen(static_cast<size_t>(node) + 2, false);
            for (int k = 0; k < node + 2; ++k) {
                const int from = pairs[next++].second;
                if (from < 0 || from > node + 1 || seen[static_cast<size_t>(from)]) return 0;
                seen[static_cast<size_t>(from)] = true;
            }
        }
        for (int state : concat)
            if (state < 0 || state > nodes + 1) return 0;
        return nodes;
    }

    static CellGenotype toCell(const Pairs& pairs, std::vector<int> concat,
                               const std::string& which, bool& snasForm) {
        CellGenotype cell;
        if (const int nodes = snasFormNodes(pairs, concat)) {
            snasForm = true;
            size_t next = 0;
            for (int node = 0; node < nodes; ++node)
                for (int k = 0; k < node + 2; ++k, ++next)
                    if (pairs[next].first != "none")
                        cell.edges.push_back({pairs[next].first, pairs[next].second, node});
            cell.concat = std::move(concat);
            return cell;
        }
        if (pairs.size() % 2 != 0)
            throw std::invalid_argument(
                "DARTS genotype string: the " + which + " cell lists " +
                std::to_string(pairs.size()) +
                " edges, neither two per node nor SNAS's 2 + 3 + ... per node");
        // 'none' edges stay: DARTS's code builds them (as zeros), and the string reads back the
        // same.
        for (size_t i = 0; i < pairs.size(); ++i)
            cell.edges.push_back({pairs[i].first, pairs[i].second, static_cast<int>(i / 2)});
        // Here every node is given by its two edges, so the states that exist are known exactly.
        const int lastState = static_cast<int>(pairs.size() / 2) + 1;
        for (int state : concat)
            if (state < 0 || state > lastState)
                throw std::invalid_argument(
                    "DARTS genotype string: the " + which + " concat names state " +
                    std::to_string(state) + ", but the cell has states 0 to " +
                    std::to_string(lastState) + " (its edges, two per node, make " +
                    std::to_string(pairs.size() / 2) + " intermediate " +
                    (pairs.size() == 2 ? "node)" : "nodes)"));
        cell.concat = std::move(concat);
        return cell;
    }

    // Comma-separated items up to `close` (consumed); Python allows a trailing comma and no items.
    template <typename ReadItem>
    void sequence(char close, ReadItem readItem) {
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            return;
        }
        while (true) {
            readItem();
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                skipSpace();
                if (peek() != close) continue;
            }
            expect(close);
            return;
        }
    }

    std::vector<std::pair<std::string, int>> pairList() {
        std::vector<std::pair<std::string, int>> out;
        expect('[');
        sequence(']', [&] {
            expect('(');
            std::string op = quoted();
            expect(',');
            const int index = integer();
            expect(')');
            out.emplace_back(op, index);
        });
        return out;
    }

    std::vector<int> intListOrRange() {
        skipSpace();
        std::vector<int> out;
        if (peek() == 'r') {
            expectWord("range");
            expect('(');
            const int lo = integer();
            expect(',');
            const int hi = integer();
            expect(')');
            // Bounded before it is expanded: no cell has more states than this.
            if (static_cast<long long>(hi) - lo > kMaxCellNodes + 2)
                fail("range(" + std::to_string(lo) + ", " + std::to_string(hi) + ") is too long");
            for (int i = lo; i < hi; ++i) out.push_back(i);
            return out;
        }
        expect('[');
        sequence(']', [&] { out.push_back(integer()); });
        return out;
    }

    std::string quoted() {
        skipSpace();
        const char q = peek();
        if (q != '\'' && q != '"') fail("expected a quoted op name");
        const size_t end = m_text.find(q, m_pos + 1);
        if (end == std::string::npos) fail("unterminated op name");
        std::string s = m_text.substr(m_pos + 1, end - m_pos - 1);
        m_pos = end + 1;
        return s;
    }

    int integer() {
        skipSpace();
        size_t start = m_pos;
        if (peek() == '-') ++m_pos;
        while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
        if (start == m_pos) fail("expected an integer");
        return std::stoi(m_text.substr(start, m_pos - start));
    }

    std::string word() {
        skipSpace();
        size_t start = m_pos;
        while (m_pos < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'))
            ++m_pos;
        if (start == m_pos) fail("expected a field name");
        return m_text.substr(start, m_pos - start);
    }

    void expectWord(const std::string& w) {
        if (word() != w) fail("expected '" + w + "'");
    }
    void expect(char c) {
        skipSpace();
        if (peek() != c) fail(std::string("expected '") + c + "'");
        ++m_pos;
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void skipSpace() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw std::invalid_argument("DARTS genotype string: " + what + " at character " +
                                    std::to_string(m_pos));
    }

    std::string m_text;
    size_t m_pos = 0;
};

std::string pairText(const std::string& op, int from) {
    return "('" + op + "', " + std::to_string(from) + ")";
}

std::string dartsPairs(const CellGenotype& cell) {
    std::string s = "[";
    for (int node = 0; node < cell.nodeCount(); ++node)
        for (const auto& e : cell.edgesInto(node))
            s += (s.size() > 1 ? ", " : "") + pairText(e.op, e.from);
    return s + "]";
}

// Every pair of states once, node by node: the node's edges in their order (which the reader
// keeps), then 'none' from each state no edge reads.
std::string snasPairs(const CellGenotype& cell) {
    std::string s = "[";
    for (int node = 0; node < cell.nodeCount(); ++node) {
        const auto into = cell.edgesInto(node);
        for (const auto& e : into) s += (s.size() > 1 ? ", " : "") + pairText(e.op, e.from);
        for (int from = 0; from < node + 2; ++from)
            if (std::none_of(into.begin(), into.end(),
                             [&](const GenotypeEdge& e) { return e.from == from; }))
                s += (s.size() > 1 ? ", " : "") + pairText("none", from);
    }
    return s + "]";
}

// SNAS-Series writes a concat of every node as range(2, n + 2).
std::string snasConcat(const CellGenotype& cell) {
    const int nodes = cell.nodeCount();
    bool everyNode = static_cast<int>(cell.concat.size()) == nodes;
    for (size_t i = 0; everyNode && i < cell.concat.size(); ++i)
        everyNode = cell.concat[i] == static_cast<int>(i) + 2;
    return everyNode ? "range(2, " + std::to_string(nodes + 2) + ")" : "";
}

bool hasRepeatedPair(const CellGenotype& cell) {
    for (size_t i = 0; i < cell.edges.size(); ++i)
        for (size_t j = i + 1; j < cell.edges.size(); ++j)
            if (cell.edges[i].from == cell.edges[j].from && cell.edges[i].to == cell.edges[j].to)
                return true;
    return false;
}

std::string intList(const std::vector<int>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

}  // namespace

void validate(const Genotype& genotype) {
    validateCell(genotype.normal, "normal");
    validateCell(genotype.reduce, "reduce");
}

nlohmann::json toJson(const Genotype& g) {
    nlohmann::json json = {{"normal", cellToJson(g.normal)},
                           {"normal_concat", g.normal.concat},
                           {"reduce", cellToJson(g.reduce)},
                           {"reduce_concat", g.reduce.concat}};
    // Only when it differs from the default, so that DARTS-built genotypes keep their old JSON.
    if (g.style == BuildStyle::Snas) json["style"] = "snas";
    return json;
}

Genotype genotypeFromJson(const nlohmann::json& json) {
    if (!json.is_object()) throw std::invalid_argument("genotype JSON must be an object");
    Genotype g{cellFromJson(json, "normal"), cellFromJson(json, "reduce")};
    if (json.contains("style")) {
        const auto& style = json.at("style");
        if (style == "snas") {
            makeSnasBuilt(g);
        } else if (style != "darts") {
            throw std::invalid_argument(
                "genotype JSON: 'style' must be \"darts\" or \"snas\", not " + style.dump());
        }
    }
    validate(g);
    return g;
}

bool hasDartsForm(const Genotype& g) {
    for (const CellGenotype* cell : {&g.normal, &g.reduce})
        for (int node = 0; node < cell->nodeCount(); ++node)
            if (cell->edgesInto(node).size() != 2) return false;
    return true;
}

std::string toDartsString(const Genotype& g) {
    for (const CellGenotype* cell : {&g.normal, &g.reduce})
        for (int node = 0; node < cell->nodeCount(); ++node)
            if (cell->edgesInto(node).size() != 2)
                throw std::invalid_argument(
                    std::string("the DARTS string form needs two edges per node; ") +
                    (cell == &g.normal ? "normal" : "reduce") + " node " + std::to_string(node) +
                    " has " + std::to_string(cell->edgesInto(node).size()));
    return "Genotype(normal=" + dartsPairs(g.normal) +
           ", normal_concat=" + intList(g.normal.concat) + ", reduce=" + dartsPairs(g.reduce) +
           ", reduce_concat=" + intList(g.reduce.concat) + ")";
}

bool hasSnasForm(const Genotype& g) {
    return !hasRepeatedPair(g.normal) && !hasRepeatedPair(g.reduce) &&
           std::max(g.normal.nodeCount(), g.reduce.nodeCount()) >= 2;
}

std::string toSnasString(const Genotype& g) {
    if (!hasSnasForm(g))
        throw std::invalid_argument(
            "the SNAS string form lists each pair of states once, and needs a cell of two or more "
            "nodes");
    auto concat = [](const CellGenotype& cell) {
        const std::string range = snasConcat(cell);
        return range.empty() ? intList(cell.concat) : range;
    };
    return "Genotype(normal=" + snasPairs(g.normal) + ", normal_concat=" + concat(g.normal) +
           ", reduce=" + snasPairs(g.reduce) + ", reduce_concat=" + concat(g.reduce) + ")";
}

std::optional<std::string> genotypeText(const Genotype& g) {
    if (g.style == BuildStyle::Snas && hasSnasForm(g)) return toSnasString(g);
    // A SNAS-built genotype without the SNAS form would read back as DARTS-built: JSON keeps it.
    if (g.style == BuildStyle::Darts && hasDartsForm(g)) return toDartsString(g);
    return std::nullopt;
}

Genotype parseDartsString(const std::string& text) {
    Genotype g = DartsReader(text).read();
    validate(g);
    return g;
}

namespace {

struct PublishedGenotype {
    const char* name;
    const char* text;
    BuildStyle style;
};

// Copied from the authors' genotypes.py files (facts, written in the Genotype(...) form they use).
const std::vector<PublishedGenotype>& publishedTable() {
    static const std::vector<PublishedGenotype> table{
        // DARTS (Liu et al. 2019), cnn/genotypes.py: NASNet-A and AmoebaNet-A as DARTS writes them,
        // then
        // DARTS first and second order.
        {"NASNet",
         "Genotype(normal=[('sep_conv_5x5', 1), ('sep_conv_3x3', 0), ('sep_conv_5x5', 0), "
         "('sep_conv_3x3', 0), "
         "('avg_pool_3x3', 1), ('skip_connect', 0), ('avg_pool_3x3', 0), ('avg_pool_3x3', 0), "
         "('sep_conv_3x3', 1), "
         "('skip_connect', 1)], normal_concat=[2, 3, 4, 5, 6], reduce=[('sep_conv_5x5', 1), "
         "('sep_conv_7x7', 0), "
         "('max_pool_3x3', 1), ('sep_conv_7x7', 0), ('avg_pool_3x3', 1), ('sep_conv_5x5', 0), "
         "('skip_connect', 3), "
         "('avg_pool_3x3', 2), ('sep_conv_3x3', 2), ('max_pool_3x3', 1)], reduce_concat=[4, 5, 6])",
         BuildStyle::Darts},
        {"AmoebaNet",
         "Genotype(normal=[('avg_pool_3x3', 0), ('max_pool_3x3', 1), ('sep_conv_3x3', 0), "
         "('sep_conv_5x5', 2), "
         "('sep_conv_3x3', 0), ('avg_pool_3x3', 3), ('sep_conv_3x3', 1), ('skip_connect', 1), "
         "('skip_connect', 0), "
         "('avg_pool_3x3', 1)], normal_concat=[4, 5, 6], reduce=[('avg_pool_3x3', 0), "
         "('sep_conv_3x3', 1), "
         "('max_pool_3x3', 0), ('sep_conv_7x7', 2), ('sep_conv_7x7', 0), ('avg_pool_3x3', 1), "
         "('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('conv_7x1_1x7', 0), ('sep_conv_3x3', 5)], reduce_concat=[3, 4, 6])",
         BuildStyle::Darts},
        {"DARTS_V1",
         "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), "
         "('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
         "('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), "
         "('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, "
         "5])",
         BuildStyle::Darts},
        {"DARTS_V2",
         "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
         "('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), "
         "('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), "
         "('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, "
         "5])",
         BuildStyle::Darts},
        // PC-DARTS (Xu et al. 2020), genotypes.py: searched on CIFAR-10 and on ImageNet.
        {"PC_DARTS_cifar",
         "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 0), "
         "('dil_conv_3x3', 1), "
         "('sep_conv_5x5', 0), ('sep_conv_3x3', 1), ('avg_pool_3x3', 0), ('dil_conv_3x3', 1)], "
         "normal_concat=range(2, 6), reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), "
         "('sep_conv_5x5', 1), "
         "('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), "
         "('sep_conv_3x3', 2)], "
         "reduce_concat=range(2, 6))",
         BuildStyle::Darts},
        {"PC_DARTS_image",
         "Genotype(normal=[('skip_connect', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 0), "
         "('skip_connect', 1), "
         "('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('dil_conv_5x5', 4)], "
         "normal_concat=range(2, 6), reduce=[('sep_conv_3x3', 0), ('skip_connect', 1), "
         "('dil_conv_5x5', 2), "
         "('max_pool_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 1), ('sep_conv_5x5', 0), "
         "('sep_conv_3x3', 3)], "
         "reduce_concat=range(2, 6))",
         BuildStyle::Darts},
        // SNAS (Xie et al. 2019), SNAS-Series' SNAS/genotypes.py: mild, moderate and aggressive
        // resource
        // constraints, each in the 8-edge form and the 14-edge edge_all form its evaluation code
        // reads.
        {"SNAS_mild",
         "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), "
         "('dil_conv_3x3', 1), "
         "('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 0), ('sep_conv_3x3', 1)], "
         "normal_concat=range(2, 6), reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), "
         "('max_pool_3x3', 1), "
         "('skip_connect', 2), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), "
         "('dil_conv_5x5', 2)], "
         "reduce_concat=range(2, 6))",
         BuildStyle::Snas},
        {"SNAS_mild_edge_all",
         "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), "
         "('dil_conv_3x3', 1), "
         "('none', 2), ('skip_connect', 0), ('skip_connect', 1), ('none', 3), ('none', 2), "
         "('skip_connect', 0), "
         "('sep_conv_3x3', 1), ('none', 4), ('none', 3), ('none', 2)], normal_concat=range(2, 6), "
         "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('none', 0), ('max_pool_3x3', 1), "
         "('skip_connect', 2), "
         "('none', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('none', 3), ('max_pool_3x3', 0), "
         "('dil_conv_5x5', 2), ('none', 1), ('none', 3), ('none', 4)], reduce_concat=range(2, 6))",
         BuildStyle::Snas},
        {"SNAS_moderate",
         "Genotype(normal=[('dil_conv_5x5', 0), ('skip_connect', 1), ('sep_conv_3x3', 0), "
         "('skip_connect', 1), "
         "('skip_connect', 0), ('skip_connect', 1), ('sep_conv_3x3', 0), ('dil_conv_5x5', 1)], "
         "normal_concat=range(2, 6), reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), "
         "('sep_conv_5x5', 0), "
         "('dil_conv_5x5', 1), ('sep_conv_5x5', 0), ('sep_conv_5x5', 1), ('sep_conv_5x5', 0), "
         "('sep_conv_5x5', 1)], "
         "reduce_concat=range(2, 6))",
         BuildStyle::Snas},
        {"SNAS_moderate_edge_all",
         "Genotype(normal=[('dil_conv_5x5', 0), ('skip_connect', 1), ('sep_conv_3x3', 0), "
         "('skip_connect', 1), "
         "('none', 2), ('skip_connect', 0), ('none', 3), ('none', 2), ('skip_connect', 1), "
         "('sep_conv_3x3', 0), "
         "('dil_conv_5x5', 1), ('none', 4), ('none', 3), ('none', 2)], normal_concat=range(2, 6), "
         "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('sep_conv_5x5', 0), ('none', 2), "
         "('dil_conv_5x5', 1), "
         "('none', 3), ('none', 2), ('sep_conv_5x5', 0), ('sep_conv_5x5', 1), ('none', 4), "
         "('none', 3), ('none', 2), "
         "('sep_conv_5x5', 0), ('sep_conv_5x5', 1)], reduce_concat=range(2, 6))",
         BuildStyle::Snas},
        {"SNAS_aggressive",
         "Genotype(normal=[('sep_conv_5x5', 0), ('skip_connect', 1), ('skip_connect', 0), "
         "('skip_connect', 1), "
         "('dil_conv_5x5', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_5x5', 1)], "
         "normal_concat=range(2, 6), reduce=[('sep_conv_5x5', 0), ('none', 1), ('sep_conv_5x5', "
         "0), ('none', 1), "
         "('none', 1), ('none', 0), ('none', 1), ('none', 0)], reduce_concat=range(2, 6))",
         BuildStyle::Snas},
        {"SNAS_aggressive_edge_all",
         "Genotype(normal=[('sep_conv_5x5', 0), ('skip_connect', 1), ('skip_connect', 0), "
         "('skip_connect', 1), "
         "('none', 2), ('dil_conv_5x5', 1), ('skip_connect', 0), ('none', 2), ('none', 3), "
         "('skip_connect', 0), "
         "('dil_conv_5x5', 1), ('none', 2), ('none', 3), ('none', 4)], normal_concat=range(2, 6), "
         "reduce=[('sep_conv_5x5', 0), ('none', 1), ('sep_conv_5x5', 0), ('none', 1), ('none', 2), "
         "('none', 0), "
         "('none', 1), ('none', 2), ('none', 3), ('none', 0), ('none', 1), ('none', 2), ('none', "
         "3), ('none', 4)], "
         "reduce_concat=range(2, 6))",
         BuildStyle::Snas},
    };
    return table;
}

// Aliases the authors' files define: DARTS = DARTS_V2, PCDARTS = PC_DARTS_cifar.
std::string canonicalName(const std::string& name) {
    if (name == "DARTS") return "DARTS_V2";
    if (name == "PCDARTS") return "PC_DARTS_cifar";
    return name;
}

}  // namespace

std::optional<Genotype> publishedGenotype(const std::string& name) {
    const std::string wanted = canonicalName(name);
    for (const auto& entry : publishedTable()) {
        if (wanted != entry.name) continue;
        Genotype g = parseDartsString(entry.text);
        // The 8-edge SNAS form does not say that SNAS's code builds it.
        if (entry.style == BuildStyle::Snas) makeSnasBuilt(g);
        return g;
    }
    return std::nullopt;
}

const std::vector<std::string>& publishedGenotypeNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& entry : publishedTable()) out.push_back(entry.name);
        out.insert(out.begin() + 4, "DARTS");
        out.insert(out.begin() + 7, "PCDARTS");
        return out;
    }();
    return names;
}

Genotype loadGenotype(const std::string& source) {
    if (auto g = publishedGenotype(source)) return *g;
    std::string text = source;
    const auto firstChar = source.find_first_not_of(" \t\r\n");
    const bool inlineText =
        firstChar != std::string::npos &&
        (source[firstChar] == '{' || source.compare(firstChar, 8, "Genotype") == 0);
    if (!inlineText) {
        // A folder opens as a stream that reads nothing, which would then be reported as a
        // malformed DARTS string at character 0.
        std::error_code ignored;
        if (std::filesystem::is_directory(source, ignored))
            throw std::invalid_argument("genotype '" + source +
                                        "' is a folder, not a genotype file");
        std::ifstream in(source);
        if (!in) {
            std::string names;
            for (const auto& name : publishedGenotypeNames())
                names += (names.empty() ? "" : ", ") + name;
            throw std::invalid_argument("genotype '" + source + "' is neither a published name (" +
                                        names +
                                        "), a Genotype(...) string, JSON, nor a readable file");
        }
        std::stringstream buf;
        buf << in.rdbuf();
        text = buf.str();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            throw std::invalid_argument("genotype file '" + source + "' is empty");
    }
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start != std::string::npos && text[start] == '{') {
        nlohmann::json json;
        try {
            json = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            throw std::invalid_argument(
                "genotype " + (inlineText ? std::string("JSON") : "file '" + source + "'") +
                " is not valid JSON: " + e.what());
        }
        // Exports wrap the genotype with cost figures and a manifest.
        return genotypeFromJson(json.contains("genotype") ? json.at("genotype") : json);
    }
    return parseDartsString(text);
}

}  // namespace nas::space
