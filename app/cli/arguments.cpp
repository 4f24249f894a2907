#include "arguments.h"

#include <cctype>

#include "engine/search_config.h"
#include "space/space_config.h"

namespace nas::cli {

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& flags,
                     const std::set<std::string>& options) {
    for (size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        if (w.rfind("--", 0) != 0) {
            m_positional.push_back(w);
            continue;
        }
        const std::string name = w.substr(2);
        if (flags.count(name)) {
            m_flags.insert(name);
        } else if (options.count(name)) {
            if (i + 1 >= words.size()) throw UsageError("option --" + name + " needs a value");
            // Which of two values was meant cannot be known; taking the last would hide the slip.
            if (m_options.count(name)) throw UsageError("option --" + name + " is given twice");
            m_options[name] = words[++i];
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::optional<std::string> Arguments::option(const std::string& name) const {
    const auto it = m_options.find(name);
    if (it == m_options.end()) return std::nullopt;
    return it->second;
}

std::string Arguments::option(const std::string& name, const std::string& fallback) const {
    return option(name).value_or(fallback);
}

int Arguments::intOption(const std::string& name, int fallback) const {
    const auto v = option(name);
    if (!v) return fallback;
    try {
        size_t used = 0;
        const int n = std::stoi(*v, &used);
        if (used == v->size()) return n;
    } catch (const std::out_of_range&) {
        throw UsageError("--" + name + " " + *v + " is out of range (too " +
                         (v->find('-') != std::string::npos ? "small" : "large") + ")");
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + " needs an integer, not '" + *v + "'");
}

double Arguments::doubleOption(const std::string& name, double fallback) const {
    const auto v = option(name);
    if (!v) return fallback;
    try {
        size_t used = 0;
        const double n = std::stod(*v, &used);
        if (used == v->size()) return n;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + " needs a number, not '" + *v + "'");
}

std::uint64_t Arguments::seedOption(const std::string& name, std::uint64_t fallback) const {
    const auto v = option(name);
    if (!v) return fallback;
    const std::string range = "a whole number from 0 to 18446744073709551615";
    // std::stoull reads "-1" as 2^64 - 1, so a sign or space is refused before it gets there.
    if (!v->empty() && std::isdigit(static_cast<unsigned char>(v->front()))) {
        try {
            size_t used = 0;
            const unsigned long long n = std::stoull(*v, &used);
            if (used == v->size()) return n;
        } catch (const std::out_of_range&) {
            throw UsageError("--" + name + " " + *v + " is out of range: it must be " + range);
        } catch (const std::exception&) {
        }
    }
    throw UsageError("--" + name + " needs " + range + ", not '" + *v + "'");
}

std::int64_t Arguments::runId() const {
    if (m_positional.size() != 1) throw UsageError("give exactly one run id");
    return parseRunId(m_positional[0]);
}

std::int64_t parseRunId(const std::string& word) {
    try {
        size_t used = 0;
        const long long id = std::stoll(word, &used);
        if (used == word.size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    throw UsageError("'" + word + "' is not a run id");
}

void Arguments::rejectPositional() const {
    if (!m_positional.empty()) throw UsageError("unexpected argument '" + m_positional[0] + "'");
}

void checkNetworkSize(int channels, int layers) {
    if (const auto problem = space::channelsProblem(channels); !problem.empty())
        throw UsageError("--channels " + problem);
    if (const auto problem = space::layersProblem(layers); !problem.empty())
        throw UsageError("--layers " + problem);
}

void checkThreadCount(int threads) {
    if (threads < 0 || threads > engine::kMaxThreads)
        throw UsageError("--threads must be from 0 (one per core) to " +
                         std::to_string(engine::kMaxThreads));
}

}  // namespace nas::cli
