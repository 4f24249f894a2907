#include "search/registry/strategy_registry.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "engine/search_config.h"

// The built-in strategies' descriptors, one declaration each, from the NAS_STRATEGIES list.
#define NAS_STRATEGY(name)           \
    namespace nas::search::name {    \
    StrategyDescriptor descriptor(); \
    }
#include "strategy_list.inc"
#undef NAS_STRATEGY

namespace nas::search {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<std::unique_ptr<StrategyDescriptor>> entries;  // stable addresses for callers
};

Registry& registry() {
    static Registry* instance = [] {
        auto* r = new Registry;  // never destroyed: descriptors outlive static destructors
#define NAS_STRATEGY(name) \
    r->entries.push_back(std::make_unique<StrategyDescriptor>(name::descriptor()));
#include "strategy_list.inc"
#undef NAS_STRATEGY
        return r;
    }();
    return *instance;
}

StrategyDescriptor* findLocked(Registry& r, const std::string& name) {
    for (auto& e : r.entries)
        if (e->name == name) return e.get();
    return nullptr;
}

const StrategyOption& optionOf(const std::string& section, const std::string& key) {
    const auto& d = strategyDescriptor(section);
    for (const auto& o : d.options)
        if (o.key == key) return o;
    throw std::invalid_argument("strategy " + section + " has no setting '" + key + "'");
}

}  // namespace

std::string familyName(StrategyFamily family) {
    switch (family) {
        case StrategyFamily::Differentiable:
            return "differentiable";
        case StrategyFamily::Sampling:
            return "sampling";
        case StrategyFamily::Controller:
            return "controller";
        case StrategyFamily::Editing:
            return "editing";
    }
    return "unknown";
}

void registerStrategy(StrategyDescriptor descriptor) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    if (auto* existing = findLocked(r, descriptor.name)) {
        *existing = std::move(descriptor);
        return;
    }
    r.entries.push_back(std::make_unique<StrategyDescriptor>(std::move(descriptor)));
}

void attachStrategyFactory(const std::string& name, StrategyFactory factory) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    auto* d = findLocked(r, name);
    if (!d)
        throw std::invalid_argument("cannot attach an engine to unknown strategy '" + name + "'");
    d->create = factory;
}

std::vector<const StrategyDescriptor*> registeredStrategies() {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    std::vector<const StrategyDescriptor*> all;
    for (const auto& e : r.entries) all.push_back(e.get());
    return all;
}

const StrategyDescriptor* findStrategy(const std::string& name) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    return findLocked(r, name);
}

const StrategyDescriptor& strategyDescriptor(const std::string& name) {
    if (const auto* d = findStrategy(name)) return *d;
    throw std::invalid_argument("unknown search strategy '" + name +
                                "' (known: " + strategyNames(", ") + ")");
}

std::string strategyNames(const std::string& separator) {
    std::string names;
    for (const auto* d : registeredStrategies())
        names += (names.empty() ? "" : separator) + d->name;
    return names;
}

engine::OptionValue strategyOption(const engine::SearchConfig& config, const std::string& section,
                                   const std::string& key) {
    const auto& option = optionOf(section, key);
    const auto s = config.strategyOptions.find(section);
    if (s != config.strategyOptions.end()) {
        const auto k = s->second.find(key);
        if (k != s->second.end()) return k->second;
    }
    return option.defaultValue;
}

double realOption(const engine::SearchConfig& config, const std::string& section,
                  const std::string& key) {
    const auto v = strategyOption(config, section, key);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    throw std::invalid_argument(section + "." + key + " is not a number");
}

std::int64_t wholeOption(const engine::SearchConfig& config, const std::string& section,
                         const std::string& key) {
    const auto v = strategyOption(config, section, key);
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v); d && std::trunc(*d) == *d)
        return static_cast<std::int64_t>(*d);
    throw std::invalid_argument(section + "." + key + " is not a whole number");
}

bool flagOption(const engine::SearchConfig& config, const std::string& section,
                const std::string& key) {
    const auto v = strategyOption(config, section, key);
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    throw std::invalid_argument(section + "." + key + " is not true or false");
}

std::string wordOption(const engine::SearchConfig& config, const std::string& section,
                       const std::string& key) {
    const auto v = strategyOption(config, section, key);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    throw std::invalid_argument(section + "." + key + " is not text");
}

std::string optionText(const engine::OptionValue& value) {
    struct Text {
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const {
            std::ostringstream out;
            out << d;
            return out.str();
        }
        std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
    };
    return std::visit(Text{}, value);
}

std::string optionJsonPointer(const std::string& key) {
    std::string pointer = "/" + key;
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    return pointer;
}

}  // namespace nas::search
