#include "study/hidden_state_study.h"

#include <cmath>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace nas::study {
namespace {

void checkHiddenState(const std::vector<float>& state, std::size_t expectedSize) {
    if (state.empty()) throw std::invalid_argument("a study sample needs a hidden state");
    if (expectedSize != 0 && state.size() != expectedSize)
        throw std::invalid_argument("hidden states of " + std::to_string(state.size()) + " and " +
                                    std::to_string(expectedSize) + " values cannot be compared");
}

MeasureCorrelation correlate(const std::vector<double>& distance,
                             const std::vector<double>& measure,
                             const BootstrapOptions& bootstrap) {
    return {spearman(distance, measure),
            bootstrapInterval(Correlation::Spearman, distance, measure, bootstrap),
            pearson(distance, measure), kendallTauB(distance, measure)};
}

nlohmann::json figure(double value) {
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

}  // namespace

std::string toString(HiddenDistance distance) {
    return distance == HiddenDistance::Cosine ? "cosine" : "l2";
}

HiddenDistance hiddenDistanceFromString(const std::string& text) {
    if (text == "l2") return HiddenDistance::L2;
    if (text == "cosine") return HiddenDistance::Cosine;
    throw std::invalid_argument("unknown hidden-state distance '" + text + "' (known: l2, cosine)");
}

PairMeasures pairMeasures(const StudySample& a, const StudySample& b) {
    checkHiddenState(a.hiddenState, 0);
    checkHiddenState(b.hiddenState, a.hiddenState.size());
    double squared = 0, dot = 0, normA = 0, normB = 0;
    for (std::size_t i = 0; i < a.hiddenState.size(); ++i) {
        const double u = a.hiddenState[i], v = b.hiddenState[i];
        squared += (u - v) * (u - v), dot += u * v, normA += u * u, normB += v * v;
    }
    PairMeasures pair;
    pair.l2 = std::sqrt(squared);
    // A zero state has no direction: counted as orthogonal to everything, so that every pair
    // enters the correlation.
    pair.cosine = normA == 0 || normB == 0 ? 1.0 : 1.0 - dot / std::sqrt(normA * normB);
    pair.graph = graphMeasures(a.architecture, b.architecture);
    pair.rewardDifference = std::abs(a.reward - b.reward);
    return pair;
}

nlohmann::json toJson(const StudyResult& result) {
    nlohmann::json measures = nlohmann::json::object();
    for (const auto& [name, c] : result.measures)
        measures[name] = {{"spearman", figure(c.spearman)},
                          {"spearman_ci", {figure(c.spearmanCi.low), figure(c.spearmanCi.high)}},
                          {"pearson", figure(c.pearson)},
                          {"kendall", figure(c.kendall)}};
    return {{"samples", result.samples},
            {"pairs", result.pairs},
            {"distance", toString(result.distance)},
            {"measures", measures}};
}

StudyResult correlatePairs(const std::vector<PairMeasures>& pairs, int samples,
                           const StudyOptions& options) {
    std::vector<double> distance;
    for (const auto& p : pairs)
        distance.push_back(options.distance == HiddenDistance::Cosine ? p.cosine : p.l2);
    const auto column = [&](const std::function<double(const PairMeasures&)>& of) {
        std::vector<double> values;
        for (const auto& p : pairs) values.push_back(of(p));
        return values;
    };
    StudyResult result;
    result.samples = samples;
    result.pairs = static_cast<int>(pairs.size());
    result.distance = options.distance;
    const std::vector<std::pair<std::string, std::function<double(const PairMeasures&)>>> measures{
        {"ged", [](const PairMeasures& p) { return p.graph.ged; }},
        {"common_connections",
         [](const PairMeasures& p) { return static_cast<double>(p.graph.commonConnections); }},
        {"common_ops",
         [](const PairMeasures& p) { return static_cast<double>(p.graph.commonOps); }},
        {"reward_difference", [](const PairMeasures& p) { return p.rewardDifference; }},
    };
    for (const auto& [name, of] : measures)
        result.measures.emplace_back(name, correlate(distance, column(of), options.bootstrap));
    return result;
}

HiddenStateStudy::HiddenStateStudy(StudyOptions options) : m_options(options) {
    if (m_options.window < 1)
        throw std::invalid_argument("a hidden-state study window holds at least one sample");
}

void HiddenStateStudy::add(StudySample sample) {
    checkHiddenState(sample.hiddenState, 0);
    // The new pairs are measured before anything changes, so a refused sample (a state of another
    // size, a malformed architecture) leaves the study as it was.
    const bool full = static_cast<int>(m_window.size()) == m_options.window;
    Entry entry{std::move(sample), {}};
    for (std::size_t i = full ? 1 : 0; i < m_window.size(); ++i)
        entry.withEarlier.push_back(pairMeasures(m_window[i].sample, entry.sample));
    if (full) {
        m_window.pop_front();
        for (auto& kept : m_window) kept.withEarlier.pop_front();  // its pair with the one gone
    }
    m_window.push_back(std::move(entry));
}

std::vector<PairMeasures> HiddenStateStudy::pairs() const {
    std::vector<PairMeasures> pairs;
    for (const auto& entry : m_window)
        pairs.insert(pairs.end(), entry.withEarlier.begin(), entry.withEarlier.end());
    return pairs;
}

StudyResult HiddenStateStudy::result() const {
    return correlatePairs(pairs(), samples(), m_options);
}

StudyResult studyHiddenStates(const std::vector<StudySample>& samples,
                              const StudyOptions& options) {
    if (options.window < 1)
        throw std::invalid_argument("a hidden-state study window holds at least one sample");
    const std::size_t first = samples.size() > static_cast<std::size_t>(options.window)
                                  ? samples.size() - options.window
                                  : 0;
    std::vector<PairMeasures> pairs;
    for (std::size_t later = first; later < samples.size(); ++later)
        for (std::size_t earlier = first; earlier < later; ++earlier)
            pairs.push_back(pairMeasures(samples[earlier], samples[later]));
    return correlatePairs(pairs, static_cast<int>(samples.size() - first), options);
}

}  // namespace nas::study
