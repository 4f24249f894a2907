#pragma once
// One strategy setting's value, as a config holds it: whole number, real number, flag or word.
// Torch- and JSON-free, so the launch panel and the store can carry strategy settings they do not
// know by name.
#include <cstdint>
#include <map>
#include <string>
#include <variant>

namespace nas::engine {

using OptionValue = std::variant<bool, std::int64_t, double, std::string>;

// The settings of each strategy section that a config sets: section ("snas") -> key -> value.
// Keys a config leaves out take the strategy's defaults.
using StrategyOptionValues = std::map<std::string, std::map<std::string, OptionValue>>;

}  // namespace nas::engine
