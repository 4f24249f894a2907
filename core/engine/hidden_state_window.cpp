#include "engine/hidden_state_window.h"

#include <cmath>
#include <cstdio>

#include "study/study_samples.h"

namespace nas::engine {

void HiddenStateWindow::add(const std::vector<SampleRecord>& samples) {
    for (auto& sample : study::studySamples(samples)) m_samples.push_back(std::move(sample));
    while (m_samples.size() > static_cast<size_t>(m_options.window)) m_samples.pop_front();
}

study::StudyResult HiddenStateWindow::study() const {
    return study::studyHiddenStates({m_samples.begin(), m_samples.end()}, m_options);
}

std::string studySummary(const study::StudyResult& result) {
    std::string line = "hidden-state study, last " + std::to_string(result.samples) +
                       " samples: Spearman of the state distance with";
    const char* separator = " ";
    for (const auto& [measure, c] : result.measures) {
        char text[96];
        if (std::isnan(c.spearman))
            std::snprintf(text, sizeof text, "%s%s undefined", separator, measure.c_str());
        else
            std::snprintf(text, sizeof text, "%s%s %+.3f [%+.3f, %+.3f]", separator,
                          measure.c_str(), c.spearman, c.spearmanCi.low, c.spearmanCi.high);
        line += text;
        separator = ", ";
    }
    return line;
}

}  // namespace nas::engine
