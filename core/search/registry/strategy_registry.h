#pragma once
// The strategy registry: what the config parser, the CLI, the launch panel, the status text and
// the parameterised tests know about search strategies, they learn here. Torch-free; the factory
// that builds the running strategy is a plain function pointer over forward-declared types.
//
// Adding a strategy: a folder core/search/<name>/ whose <name>_descriptor.cpp defines
// nas::search::<name>::descriptor() and whose torch code defines
// nas::search::<name>::makeStrategy(), plus its name in NAS_STRATEGIES (core/CMakeLists.txt). A
// test or plug-in may also call registerStrategy() itself.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/option_value.h"

namespace nas::engine {
struct SearchConfig;
}

namespace nas::search {

class SearchStrategy;
struct StrategyContext;  // the device and what else a running strategy needs (search/strategy.h)

enum class StrategyFamily { Differentiable, Sampling, Controller, Editing };
[[nodiscard]] std::string familyName(StrategyFamily family);

// One key of a strategy's config section. The default's alternative is the key's type.
struct StrategyOption {
    StrategyOption(std::string optionKey, engine::OptionValue value, std::string text,
                   std::string flag = {})
        : key(std::move(optionKey)),
          defaultValue(std::move(value)),
          description(std::move(text)),
          searchFlag(std::move(flag)) {}
    std::string key;
    engine::OptionValue defaultValue;
    std::string description;
    // A flag of the CLI's search command that sets it ("min-intensity"); empty for none. The CLI
    // lists and parses these from the registry.
    std::string searchFlag;
};

using StrategyFactory = std::unique_ptr<SearchStrategy> (*)(const engine::SearchConfig&,
                                                            const StrategyContext&);
// Problems with a parsed config's section, each naming "section.key".
using StrategyValidator = std::vector<std::string> (*)(const engine::SearchConfig&);

struct StrategyDescriptor {
    std::string name;         // config and CLI key, also the name of its config section
    std::string displayName;  // as the studio shows it
    std::string description;  // one line
    StrategyFamily family = StrategyFamily::Differentiable;
    // The search space it searches (space/search_space.h); every built-in one searches DARTS cells.
    std::string space = "darts-cell";
    // Single-level strategies train weights and architecture on the same batches; every training
    // image but a monitor split (the section's `monitor_size` key) trains. The others split the
    // training images into a weight half and an architecture half.
    bool singleLevel = false;
    // Whether the strategy learns op probabilities per edge worth a heat map (not random search).
    bool learnsOpDistribution = true;
    bool hasTemperature = false;
    std::vector<StrategyOption> options;
    StrategyValidator validate = nullptr;
    StrategyFactory create = nullptr;  // null in a build without the engine (plain libraries only)
};

// Adds `descriptor`, or replaces the one of the same name.
void registerStrategy(StrategyDescriptor descriptor);
// Gives a registered strategy its engine (the torch library does this for the built-in ones).
void attachStrategyFactory(const std::string& name, StrategyFactory factory);

// Every registered strategy, built-in ones first, in registration order.
[[nodiscard]] std::vector<const StrategyDescriptor*> registeredStrategies();
[[nodiscard]] const StrategyDescriptor* findStrategy(const std::string& name);
// Throws std::invalid_argument naming the known strategies.
[[nodiscard]] const StrategyDescriptor& strategyDescriptor(const std::string& name);
// "snas, nasp, darts, random" (separator as given).
[[nodiscard]] std::string strategyNames(const std::string& separator);

// A config's value of one strategy setting, its default where the config leaves it out. Throws
// std::invalid_argument for a key the strategy does not have.
[[nodiscard]] engine::OptionValue strategyOption(const engine::SearchConfig& config,
                                                 const std::string& section,
                                                 const std::string& key);
[[nodiscard]] double realOption(const engine::SearchConfig& config, const std::string& section,
                                const std::string& key);
[[nodiscard]] std::int64_t wholeOption(const engine::SearchConfig& config,
                                       const std::string& section, const std::string& key);
[[nodiscard]] bool flagOption(const engine::SearchConfig& config, const std::string& section,
                              const std::string& key);
[[nodiscard]] std::string wordOption(const engine::SearchConfig& config, const std::string& section,
                                     const std::string& key);

// Where a key sits in its section's JSON, as a JSON pointer: a dotted key names a nested object
// ("memory_buffer.capacity" -> "/memory_buffer/capacity").
[[nodiscard]] std::string optionJsonPointer(const std::string& key);

// Text of a value for usage and help lines: 0.03, 1000, true, "local".
[[nodiscard]] std::string optionText(const engine::OptionValue& value);

}  // namespace nas::search
