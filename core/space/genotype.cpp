#include "space/genotype.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

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
        if (c < 0) throw std::invalid_argument(which + " cell: concat names state " + std::to_string(c));
    // Bounded first, so that a typo such as [2, 3, 4000] fails here rather than allocating thousands
    // of empty nodes.
    if (nodes > kMaxCellNodes)
        throw std::invalid_argument(which + " cell: state " + std::to_string(nodes + 1) + " is named, but a cell has at most " +
                                    std::to_string(kMaxCellNodes) + " intermediate nodes (states 2 to " +
                                    std::to_string(kMaxCellNodes + 1) + ")");
    // A node without incoming edges is a node of zeros. SNAS derives such nodes (every edge into
    // them chose 'none') and every strategy concatenates all nodes, so an unfed node is accepted
    // when it is part of the output; one that is neither fed nor concatenated exists only because a
    // larger index was named, which is a typo (concat [9] in a one-node cell).
    for (int node = 0; node < nodes; ++node) {
        const bool fed = std::any_of(cell.edges.begin(), cell.edges.end(), [&](const GenotypeEdge& e) { return e.to == node; });
        const bool output = std::find(cell.concat.begin(), cell.concat.end(), node + 2) != cell.concat.end();
        if (!fed && !output)
            throw std::invalid_argument(which + " cell: node " + std::to_string(node) + " (state " + std::to_string(node + 2) +
                                        ") has no incoming edge and is not concatenated, yet a later state is named: "
                                        "the cell does not have that many nodes");
    }
}

nlohmann::json cellToJson(const CellGenotype& cell) {
    auto edges = nlohmann::json::array();
    for (const auto& e : cell.edges) edges.push_back({{"op", e.op}, {"from", e.from}, {"to", e.to}});
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
        cell.edges.push_back({e.at("op").get<std::string>(), e.at("from").get<int>(),
                              e.at("to").get<int>()});
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
            if (!lists.count(key) && !concats.count(key)) fail(std::string("missing field '") + key + "'");
        Genotype g;
        g.normal = toCell(lists["normal"], concats["normal_concat"]);
        g.reduce = toCell(lists["reduce"], concats["reduce_concat"]);
        return g;
    }

private:
    static CellGenotype toCell(const std::vector<std::pair<std::string, int>>& pairs,
                               std::vector<int> concat) {
        if (pairs.size() % 2 != 0)
            throw std::invalid_argument("DARTS genotype string: a cell lists an odd number of edges");
        CellGenotype cell;
        for (size_t i = 0; i < pairs.size(); ++i)
            cell.edges.push_back({pairs[i].first, pairs[i].second, static_cast<int>(i / 2)});
        // Here every node is given by its two edges, so the states that exist are known exactly.
        const int lastState = static_cast<int>(pairs.size() / 2) + 1;
        for (int state : concat)
            if (state < 0 || state > lastState)
                throw std::invalid_argument("DARTS genotype string: a concat names state " + std::to_string(state) +
                                            ", but the cell has states 0 to " + std::to_string(lastState) +
                                            " (its edges, two per node, make " + std::to_string(pairs.size() / 2) +
                                            " intermediate " + (pairs.size() == 2 ? "node)" : "nodes)"));
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
            if (static_cast<long long>(hi) - lo > kMaxCellNodes + 2) fail("range(" + std::to_string(lo) + ", " + std::to_string(hi) + ") is too long");
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
        while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
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
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw std::invalid_argument("DARTS genotype string: " + what + " at character " +
                                    std::to_string(m_pos));
    }

    std::string m_text;
    size_t m_pos = 0;
};

std::string cellPairs(const CellGenotype& cell) {
    std::string s = "[";
    bool first = true;
    for (int node = 0; node < cell.nodeCount(); ++node) {
        for (const auto& e : cell.edgesInto(node)) {
            s += (first ? "" : ", ") + std::string("('") + e.op + "', " + std::to_string(e.from) + ")";
            first = false;
        }
    }
    return s + "]";
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
    return {{"normal", cellToJson(g.normal)},
            {"normal_concat", g.normal.concat},
            {"reduce", cellToJson(g.reduce)},
            {"reduce_concat", g.reduce.concat}};
}

Genotype genotypeFromJson(const nlohmann::json& json) {
    if (!json.is_object()) throw std::invalid_argument("genotype JSON must be an object");
    Genotype g{cellFromJson(json, "normal"), cellFromJson(json, "reduce")};
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
    return "Genotype(normal=" + cellPairs(g.normal) + ", normal_concat=" + intList(g.normal.concat) +
           ", reduce=" + cellPairs(g.reduce) + ", reduce_concat=" + intList(g.reduce.concat) + ")";
}

Genotype parseDartsString(const std::string& text) {
    Genotype g = DartsReader(text).read();
    validate(g);
    return g;
}

std::optional<Genotype> publishedGenotype(const std::string& name) {
    // Genotypes published with DARTS (Liu et al. 2019), first and second order.
    static const std::map<std::string, std::string> published{
        {"DARTS_V1",
         "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), "
         "('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
         "('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), "
         "('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])"},
        {"DARTS_V2",
         "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
         "('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), "
         "('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), "
         "('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])"},
    };
    auto it = published.find(name == "DARTS" ? "DARTS_V2" : name);
    if (it == published.end()) return std::nullopt;
    return parseDartsString(it->second);
}

Genotype loadGenotype(const std::string& source) {
    if (auto g = publishedGenotype(source)) return *g;
    std::string text = source;
    const auto firstChar = source.find_first_not_of(" \t\r\n");
    const bool inlineText = firstChar != std::string::npos &&
                            (source[firstChar] == '{' || source.compare(firstChar, 8, "Genotype") == 0);
    if (!inlineText) {
        // A folder opens as a stream that reads nothing, which would then be reported as a malformed
        // DARTS string at character 0.
        std::error_code ignored;
        if (std::filesystem::is_directory(source, ignored))
            throw std::invalid_argument("genotype '" + source + "' is a folder, not a genotype file");
        std::ifstream in(source);
        if (!in) throw std::invalid_argument("genotype '" + source +
                                             "' is neither a published name, a DARTS string, JSON, "
                                             "nor a readable file");
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
            throw std::invalid_argument("genotype " + (inlineText ? std::string("JSON") : "file '" + source + "'") +
                                        " is not valid JSON: " + e.what());
        }
        // Exports wrap the genotype with cost figures and a manifest.
        return genotypeFromJson(json.contains("genotype") ? json.at("genotype") : json);
    }
    return parseDartsString(text);
}

}  // namespace nas::space
