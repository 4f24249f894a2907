#include "widgets/hidden_state_tracker.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "space/cost_model.h"
#include "study/pca.h"
#include "study/study_samples.h"

namespace nas::widgets {
std::optional<double> sampleMetric(const engine::SampleRecord& record, const std::string& name) {
    for (const auto& [key, value] : record.metrics)
        if (key == name) return value;
    return std::nullopt;
}

int skipConnections(const space::Genotype& genotype) {
    int count = 0;
    for (const space::CellGenotype* cell : {&genotype.normal, &genotype.reduce})
        for (const auto& edge : cell->edges) count += edge.op == "skip_connect";
    return count;
}

double sampleReward(const engine::SampleRecord& record) {
    return sampleMetric(record, "reward").value_or(record.score);
}

bool isDeriveSample(const engine::SampleRecord& record) {
    return sampleMetric(record, "derive").value_or(0.0) != 0.0;
}

bool hasHiddenState(const engine::SampleRecord& record) {
    return study::finalHiddenState(record).has_value();
}

HiddenStateTracker::HiddenStateTracker(study::StudyOptions options,
                                       std::optional<space::SpaceConfig> space)
    : m_study(options), m_space(std::move(space)) {}

bool HiddenStateTracker::add(const engine::SampleRecord& record) {
    auto state = study::finalHiddenState(record);
    if (!state) return false;
    HiddenStatePoint point;
    try {
        point.architecture = space::genotypeFromJson(nlohmann::json::parse(record.architecture));
        if (m_space) point.params = space::networkCost(point.architecture, *m_space, false).params;
    } catch (const std::exception&) {
        return false;  // not a cell genotype, or one this space cannot price
    }
    point.step = record.step;
    point.epoch = record.epoch;
    point.reward = sampleReward(record);
    try {
        m_study.add({point.architecture, record.score, *state});
    } catch (const std::invalid_argument&) {
        return false;  // a state of another size: the study keeps what it had
    }
    m_points.push_back(std::move(point));
    m_states.push_back(std::move(*state));
    if (samples() > window()) {
        m_points.pop_front();
        m_states.pop_front();
    }
    return true;
}

HiddenStateSnapshot HiddenStateTracker::snapshot() const {
    HiddenStateSnapshot snapshot;
    snapshot.result = m_study.result();
    snapshot.pairs = m_study.pairs();
    snapshot.points.assign(m_points.begin(), m_points.end());
    const auto pca = study::pcaProjection({m_states.begin(), m_states.end()});
    for (std::size_t i = 0; i < pca.points.size(); ++i) snapshot.points[i].position = pca.points[i];
    snapshot.variance = pca.variance;
    snapshot.totalVariance = pca.totalVariance;
    return snapshot;
}

std::vector<engine::SampleRecord> lastStudied(const std::vector<engine::SampleRecord>& records,
                                              int window) {
    std::vector<engine::SampleRecord> kept;
    for (auto it = records.rbegin(); it != records.rend() && static_cast<int>(kept.size()) < window;
         ++it)
        if (hasHiddenState(*it)) kept.push_back(*it);
    return {kept.rbegin(), kept.rend()};
}

}  // namespace nas::widgets
