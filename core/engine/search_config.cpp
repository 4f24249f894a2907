#include "engine/search_config.h"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <type_traits>
#include <variant>

#include "search/registry/strategy_registry.h"
#include "space/cost_model.h"

namespace nas::engine {
namespace {

std::string joinLines(const std::vector<std::string>& lines) {
    std::string s = "invalid search configuration:";
    for (const auto& l : lines) s += "\n  - " + l;
    return s;
}

// Reads typed fields of one JSON object, collecting every problem instead of stopping at the first.
// Whether a JSON number is a whole number that T holds exactly.
template <typename T>
bool fitsInteger(const nlohmann::json& value) {
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <=
               static_cast<std::uint64_t>(std::numeric_limits<T>::max());
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (std::is_unsigned_v<T>)
            return v >= 0 && static_cast<std::uint64_t>(v) <= std::numeric_limits<T>::max();
        return v >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
               v <= static_cast<std::int64_t>(std::numeric_limits<T>::max());
    }
    return false;  // a fraction, even 4.0: counts are written as whole numbers
}

class FieldReader {
  public:
    FieldReader(const nlohmann::json& object, std::string prefix,
                std::vector<std::string>& problems)
        : m_object(object), m_prefix(std::move(prefix)), m_problems(problems) {
        if (!m_object.is_object())
            problem(m_prefix.empty() ? "the configuration" : m_prefix, "must be a JSON object");
    }

    template <typename T>
    void read(const std::string& key, T& target) {
        m_seen.insert(key);
        if (!m_object.is_object() || !m_object.contains(key)) return;
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            // nlohmann converts 1.9 to 1 and 3000000000 to a negative int without a word.
            const auto& value = m_object.at(key);
            if (value.is_number() && !fitsInteger<T>(value)) {
                // A whole number too large for 64 bits arrives as a double: it is out of range, not
                // a fraction.
                const bool fraction = value.is_number_float() &&
                                      std::trunc(value.get<double>()) != value.get<double>();
                const bool small = value.is_number_float() && std::abs(value.get<double>()) < 1e15;
                problem(path(key), fraction || small
                                       ? "must be a whole number (got " + value.dump() + ")"
                                       : "is out of range: " + value.dump() + " is not between " +
                                             std::to_string(std::numeric_limits<T>::min()) +
                                             " and " +
                                             std::to_string(std::numeric_limits<T>::max()));
                return;
            }
        }
        try {
            target = m_object.at(key).get<T>();
        } catch (const nlohmann::json::exception&) {
            problem(path(key),
                    std::string("has the wrong type (") + m_object.at(key).type_name() + ")");
        }
    }

    void readOptional(const std::string& key, std::optional<double>& target) {
        m_seen.insert(key);
        if (!m_object.is_object() || !m_object.contains(key) || m_object.at(key).is_null()) return;
        if (!m_object.at(key).is_number()) {
            problem(path(key), "must be a number or null");
            return;
        }
        target = m_object.at(key).get<double>();
    }

    // A nested object, read by `body`; absent objects keep their defaults.
    template <typename Body>
    void section(const std::string& key, Body body) {
        m_seen.insert(key);
        if (!m_object.is_object() || !m_object.contains(key)) return;
        FieldReader nested(m_object.at(key), path(key), m_problems);
        body(nested);
        nested.rejectUnknown();
    }

    void skip(const std::string& key) { m_seen.insert(key); }
    [[nodiscard]] bool has(const std::string& key) const {
        return m_object.is_object() && m_object.contains(key);
    }

    // Typos must not silently fall back to defaults.
    void rejectUnknown() {
        if (!m_object.is_object()) return;
        for (const auto& item : m_object.items())
            if (!m_seen.count(item.key())) problem(path(item.key()), "is not a known setting");
    }

    void check(bool ok, const std::string& key, const std::string& what) {
        if (!ok) problem(path(key), what);
    }

  private:
    std::string path(const std::string& key) const {
        return m_prefix.empty() ? key : m_prefix + "." + key;
    }
    void problem(const std::string& where, const std::string& what) {
        m_problems.push_back(where + " " + what);
    }

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::vector<std::string>& m_problems;
    std::set<std::string> m_seen;
};

void checkOps(const std::vector<std::string>& ops, const std::string& key,
              std::vector<std::string>& problems) {
    if (ops.empty()) problems.push_back("space." + key + " must list at least one op");
    std::set<std::string> unique;
    bool anyReal = false;
    for (const auto& op : ops) {
        try {
            (void)space::opKindFromName(op);
        } catch (const std::invalid_argument& e) {
            problems.push_back("space." + key + ": " + e.what());
        }
        if (!unique.insert(op).second)
            problems.push_back("space." + key + " lists '" + op + "' twice");
        if (op != "none") anyReal = true;
    }
    if (!ops.empty() && !anyReal)
        problems.push_back("space." + key + " needs an op other than 'none'");
}

// The keys of one strategy section under `prefix`: a key "memory_buffer.capacity" is read from
// the nested object "memory_buffer", so a group of settings stays together in the JSON.
void readStrategyKeys(FieldReader& reader, const search::StrategyDescriptor& strategy,
                      const std::string& prefix, std::map<std::string, OptionValue>& values) {
    std::set<std::string> groups;
    for (const auto& option : strategy.options) {
        if (option.key.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = option.key.substr(prefix.size());
        const auto dot = rest.find('.');
        if (dot != std::string::npos) {
            groups.insert(rest.substr(0, dot));
            continue;
        }
        if (!reader.has(rest)) {
            reader.skip(rest);
            continue;
        }
        std::visit(
            [&](auto defaultValue) {
                auto value = defaultValue;
                reader.read(rest, value);
                values[option.key] = value;
            },
            option.defaultValue);
    }
    for (const auto& group : groups)
        reader.section(group, [&](FieldReader& nested) {
            readStrategyKeys(nested, strategy, prefix + group + ".", values);
        });
}

}  // namespace

ConfigError::ConfigError(const std::vector<std::string>& problems)
    : std::runtime_error(joinLines(problems)), m_problems(problems) {}

bool isSingleLevel(const SearchConfig& config) {
    return search::strategyDescriptor(config.strategy).singleLevel;
}

double snasPresetStrength(const std::string& preset) {
    if (preset == "none") return 0.0;
    if (preset == "mild") return 1.5e-3;
    if (preset == "moderate") return 1e-2;
    if (preset == "aggressive") return 5e-2;
    throw std::invalid_argument("unknown SNAS constraint preset '" + preset +
                                "' (known: none, mild, moderate, aggressive)");
}

std::string defaultDatasetPath(const std::string& name) {
    if (name == "fashion-mnist") return "/usr/share/datasets/fashion-mnist";
    if (name == "cifar10") return "data/cifar-10-batches-bin";
    return {};
}

space::InputShape datasetInputShape(const DatasetConfig& dataset) {
    if (dataset.name == "fashion-mnist") return {1, 28, 28};
    if (dataset.name == "cifar10") return {3, 32, 32};
    return dataset.syntheticShape;
}

Constraints constraintsFromJson(const nlohmann::json& json) {
    std::vector<std::string> problems;
    Constraints c;
    FieldReader r(json, "constraints", problems);
    r.readOptional("max_params", c.maxParams);
    r.readOptional("max_flops", c.maxFlops);
    r.readOptional("max_mac", c.maxMac);
    r.readOptional("max_latency_ms", c.maxLatencyMs);
    r.readOptional("min_intensity", c.minIntensity);
    r.read("strength", c.strength);
    if (r.has("preset")) {
        std::string preset;
        r.read("preset", preset);
        try {
            c.strength = snasPresetStrength(preset);
        } catch (const std::invalid_argument& e) {
            problems.push_back(std::string("constraints.preset: ") + e.what());
        }
    }
    r.rejectUnknown();
    for (auto [key, value] : {std::pair{"max_params", c.maxParams},
                              {"max_flops", c.maxFlops},
                              {"max_mac", c.maxMac},
                              {"max_latency_ms", c.maxLatencyMs},
                              {"min_intensity", c.minIntensity}})
        r.check(!value || *value > 0, key, "must be positive");
    r.check(c.strength >= 0, "strength", "must not be negative");
    if (!problems.empty()) throw ConfigError(problems);
    return c;
}

nlohmann::json toJson(const Constraints& c) {
    nlohmann::json j = {{"strength", c.strength}};
    auto put = [&j](const char* key, const std::optional<double>& v) {
        j[key] = v ? nlohmann::json(*v) : nlohmann::json();
    };
    put("max_params", c.maxParams);
    put("max_flops", c.maxFlops);
    put("max_mac", c.maxMac);
    put("max_latency_ms", c.maxLatencyMs);
    put("min_intensity", c.minIntensity);
    return j;
}

SearchConfig parseSearchConfig(const nlohmann::json& json) {
    std::vector<std::string> problems;
    SearchConfig c;
    FieldReader r(json, "", problems);
    r.read("name", c.name);
    r.read("strategy", c.strategy);
    r.read("epochs", c.epochs);
    r.read("batch_size", c.batchSize);
    r.read("steps_per_epoch", c.stepsPerEpoch);
    r.read("seed", c.seed);
    r.read("device", c.device);
    r.read("deterministic", c.deterministic);
    r.read("threads", c.threads);
    r.read("event_rate_hz", c.eventRateHz);
    r.section("dataset", [&](FieldReader& d) {
        d.read("name", c.dataset.name);
        d.read("path", c.dataset.path);
        d.read("train_limit", c.dataset.trainLimit);
        d.read("test_limit", c.dataset.testLimit);
        d.read("valid_fraction", c.dataset.validFraction);
        d.read("augment", c.dataset.augment);
        d.read("synthetic_count", c.dataset.syntheticCount);
        std::vector<int> shape;
        d.read("synthetic_shape", shape);
        if (!shape.empty()) {
            d.check(shape.size() == 3, "synthetic_shape", "must be [channels, height, width]");
            if (shape.size() == 3) c.dataset.syntheticShape = {shape[0], shape[1], shape[2]};
        }
    });
    std::vector<std::string> ops;
    r.section("space", [&](FieldReader& s) {
        s.read("channels", c.space.channels);
        s.read("layers", c.space.layers);
        s.read("nodes", c.space.nodes);
        s.read("ops", ops);
        s.read("normal_ops", c.space.normalOps);
        s.read("reduce_ops", c.space.reduceOps);
        std::string opSet;
        s.read("op_set", opSet);
        if (opSet == "nasp") {
            c.space.normalOps = space::naspNormalOps();
            c.space.reduceOps = space::naspReduceOps();
        } else {
            s.check(opSet.empty() || opSet == "darts", "op_set", "must be 'darts' or 'nasp'");
        }
    });
    if (!ops.empty()) c.space.normalOps = c.space.reduceOps = ops;
    r.section("weights_optimizer", [&](FieldReader& w) {
        w.read("lr", c.weights.lr);
        w.read("lr_min", c.weights.lrMin);
        w.read("momentum", c.weights.momentum);
        w.read("weight_decay", c.weights.weightDecay);
        w.read("grad_clip", c.weights.gradClip);
    });
    r.section("evaluation", [&](FieldReader& e) {
        e.read("batches", c.evaluation.batches);
        e.read("batch_size", c.evaluation.batchSize);
    });
    r.section("arch_optimizer", [&](FieldReader& a) {
        a.read("lr", c.arch.lr);
        a.read("beta1", c.arch.beta1);
        a.read("beta2", c.arch.beta2);
        a.read("weight_decay", c.arch.weightDecay);
    });
    // Each registered strategy's section, typed by its keys' defaults.
    for (const auto* strategy : search::registeredStrategies())
        r.section(strategy->name, [&](FieldReader& section) {
            readStrategyKeys(section, *strategy, "", c.strategyOptions[strategy->name]);
        });
    r.skip("constraints");
    if (json.is_object() && json.contains("constraints")) {
        try {
            c.constraints = constraintsFromJson(json.at("constraints"));
        } catch (const ConfigError& e) {
            problems.insert(problems.end(), e.problems().begin(), e.problems().end());
        }
    }
    r.rejectUnknown();

    r.check(search::findStrategy(c.strategy) != nullptr, "strategy",
            "must be one of " + search::strategyNames(", ") + " (got '" + c.strategy + "')");
    const std::set<std::string> datasets{"fashion-mnist", "cifar10", "synthetic"};
    r.check(datasets.count(c.dataset.name) > 0, "dataset.name",
            "must be one of fashion-mnist, cifar10, synthetic (got '" + c.dataset.name + "')");
    r.check(c.dataset.validFraction > 0 && c.dataset.validFraction < 1, "dataset.valid_fraction",
            "must be in (0, 1)");
    r.check(c.dataset.trainLimit >= 0 && c.dataset.testLimit >= 0, "dataset.train_limit",
            "and test_limit must not be negative");
    r.check(c.dataset.syntheticCount >= 16, "dataset.synthetic_count", "must be at least 16");
    const auto& sh = c.dataset.syntheticShape;
    r.check(sh.channels > 0 && sh.height >= 8 && sh.width >= 8, "dataset.synthetic_shape",
            "needs channels >= 1 and sides >= 8");
    r.check(space::channelsProblem(c.space.channels).empty(), "space.channels",
            space::channelsProblem(c.space.channels));
    r.check(space::layersProblem(c.space.layers).empty(), "space.layers",
            space::layersProblem(c.space.layers));
    r.check(c.space.nodes >= 1 && c.space.nodes <= 8, "space.nodes", "must be between 1 and 8");
    checkOps(c.space.normalOps, "normal_ops", problems);
    checkOps(c.space.reduceOps, "reduce_ops", problems);
    r.check(c.epochs >= 1, "epochs", "must be at least 1");
    r.check(c.batchSize >= 2, "batch_size", "must be at least 2 (batch norm needs two samples)");
    r.check(c.stepsPerEpoch >= 0, "steps_per_epoch", "must not be negative");
    r.check(c.device == "auto" || c.device == "cpu" || c.device == "cuda", "device",
            "must be auto, cpu or cuda");
    r.check(c.threads >= 0 && c.threads <= kMaxThreads, "threads",
            "must be from 0 (one per core) to " + std::to_string(kMaxThreads));
    r.check(c.eventRateHz > 0, "event_rate_hz", "must be positive");
    r.check(c.weights.lr > 0 && c.weights.lrMin >= 0 && c.weights.lrMin <= c.weights.lr,
            "weights_optimizer.lr", "must be positive and at least lr_min");
    r.check(c.arch.lr > 0, "arch_optimizer.lr", "must be positive");
    r.check(c.evaluation.batches >= 1, "evaluation.batches", "must be at least 1");
    r.check(c.evaluation.batchSize == 0 || c.evaluation.batchSize >= 2, "evaluation.batch_size",
            "must be 0 (the search's batch size) or at least 2");
    for (const auto* strategy : search::registeredStrategies())
        if (strategy->validate) {
            const auto found = strategy->validate(c);
            problems.insert(problems.end(), found.begin(), found.end());
        }

    c.space.input = datasetInputShape(c.dataset);
    c.space.classes = 10;
    r.check(c.space.input.height % 4 == 0 && c.space.input.width % 4 == 0,
            "dataset.synthetic_shape", "sides must be multiples of 4 (two reductions halve them)");
    if (c.dataset.path.empty()) c.dataset.path = defaultDatasetPath(c.dataset.name);

    // A limit below what the space's fixed parts already cost can never be met.
    if (problems.empty()) {
        const auto impossible = constraintProblems(c.space, c.constraints,
                                                   search::strategyDescriptor(c.strategy).space);
        problems.insert(problems.end(), impossible.begin(), impossible.end());
    }
    if (!problems.empty()) throw ConfigError(problems);
    return c;
}

std::vector<std::string> constraintProblems(const space::SpaceConfig& space,
                                            const Constraints& constraints,
                                            const std::string& spaceName) {
    std::vector<std::string> problems;
    const space::Cost floor = space::searchSpace(spaceName).floorCost(space);
    const char* whatCosts =
        spaceName == space::kCellSpace ? " (stem, cell inputs and classifier)" : "";
    auto impossible = [&](const std::optional<double>& limit, double least, const char* key) {
        if (limit && *limit < least) {
            std::ostringstream msg;
            msg << "constraints." << key
                << " is impossible: the smallest network of this space needs "
                << static_cast<long long>(least) << whatCosts << ", above the limit " << *limit;
            problems.push_back(msg.str());
        }
    };
    impossible(constraints.maxParams, floor.params, "max_params");
    impossible(constraints.maxFlops, floor.flops, "max_flops");
    impossible(constraints.maxMac, floor.mac, "max_mac");
    // No cell-space strategy's objective sees compute intensity.
    if (constraints.minIntensity && spaceName == space::kCellSpace)
        problems.push_back(
            "constraints.min_intensity is a limit of editing strategies (rena); a cell search "
            "cannot keep it");
    return problems;
}

SearchConfig parseSearchConfigText(const std::string& text) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (
        const nlohmann::json::exception& e) {  // parse errors, and numbers too large for a double
        throw ConfigError({std::string("the configuration is not valid JSON: ") + e.what()});
    }
    return parseSearchConfig(json);
}

SearchConfig loadSearchConfig(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ConfigError({"cannot read configuration file '" + path + "'"});
    std::stringstream buf;
    buf << in.rdbuf();
    try {
        return parseSearchConfigText(buf.str());
    } catch (const ConfigError& e) {
        std::vector<std::string> problems;
        for (const auto& p : e.problems()) problems.push_back(path + ": " + p);
        throw ConfigError(problems);
    }
}

nlohmann::json toJson(const SearchConfig& c) {
    nlohmann::json j = {
        {"name", c.name},
        {"strategy", c.strategy},
        {"epochs", c.epochs},
        {"batch_size", c.batchSize},
        {"steps_per_epoch", c.stepsPerEpoch},
        {"seed", c.seed},
        {"device", c.device},
        {"deterministic", c.deterministic},
        {"threads", c.threads},
        {"event_rate_hz", c.eventRateHz},
        {"dataset",
         {{"name", c.dataset.name},
          {"path", c.dataset.path},
          {"train_limit", c.dataset.trainLimit},
          {"test_limit", c.dataset.testLimit},
          {"valid_fraction", c.dataset.validFraction},
          {"augment", c.dataset.augment},
          {"synthetic_count", c.dataset.syntheticCount},
          {"synthetic_shape",
           {c.dataset.syntheticShape.channels, c.dataset.syntheticShape.height,
            c.dataset.syntheticShape.width}}}},
        {"space",
         {{"channels", c.space.channels},
          {"layers", c.space.layers},
          {"nodes", c.space.nodes},
          {"normal_ops", c.space.normalOps},
          {"reduce_ops", c.space.reduceOps}}},
        {"weights_optimizer",
         {{"lr", c.weights.lr},
          {"lr_min", c.weights.lrMin},
          {"momentum", c.weights.momentum},
          {"weight_decay", c.weights.weightDecay},
          {"grad_clip", c.weights.gradClip}}},
        {"evaluation", {{"batches", c.evaluation.batches}, {"batch_size", c.evaluation.batchSize}}},
        {"arch_optimizer",
         {{"lr", c.arch.lr},
          {"beta1", c.arch.beta1},
          {"beta2", c.arch.beta2},
          {"weight_decay", c.arch.weightDecay}}},
        {"constraints", toJson(c.constraints)},
    };
    // Every registered strategy's section in full, so a saved config shows each key it can set.
    for (const auto* strategy : search::registeredStrategies()) {
        auto& section = j[strategy->name] = nlohmann::json::object();
        for (const auto& option : strategy->options)
            std::visit(
                [&](const auto& v) {
                    section[nlohmann::json::json_pointer(search::optionJsonPointer(option.key))] =
                        v;
                },
                search::strategyOption(c, strategy->name, option.key));
    }
    return j;
}

}  // namespace nas::engine
