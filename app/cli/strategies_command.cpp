// strategies: the search strategies this program knows, from the registry, with their settings.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <variant>

#include "arguments.h"
#include "commands.h"
#include "search/registry/strategy_registry.h"

namespace nas::cli {
namespace {

nlohmann::json optionJson(const search::StrategyOption& option) {
    nlohmann::json value;
    std::visit([&value](const auto& v) { value = v; }, option.defaultValue);
    return {{"key", option.key}, {"default", value}, {"description", option.description}};
}

nlohmann::json strategyJson(const search::StrategyDescriptor& d) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& option : d.options) options.push_back(optionJson(option));
    return {{"name", d.name},
            {"display_name", d.displayName},
            {"family", search::familyName(d.family)},
            {"space", d.space},
            {"description", d.description},
            {"single_level", d.singleLevel},
            {"config_section", d.name},
            {"options", options}};
}

void printText(const search::StrategyDescriptor& d) {
    std::printf("%-8s %-15s %s\n", d.name.c_str(), search::familyName(d.family).c_str(),
                d.description.c_str());
    for (const auto& option : d.options) {
        const auto setting =
            d.name + "." + option.key + " = " + search::optionText(option.defaultValue);
        std::printf("           %-36s %s\n", setting.c_str(), option.description.c_str());
    }
}

}  // namespace

int strategiesCommand(const Words& words) {
    const Arguments args(words, {"json"}, {});
    args.rejectPositional();
    if (args.flag("json")) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto* d : search::registeredStrategies()) all.push_back(strategyJson(*d));
        std::printf("%s\n", all.dump(2).c_str());
        return 0;
    }
    std::printf("strategy family          description\n");
    for (const auto* d : search::registeredStrategies()) printText(*d);
    std::printf(
        "\nA config sets a strategy's keys in its section, e.g. {\"strategy\": \"snas\", \"snas\": "
        "{\"tau0\": 2}}.\n");
    return 0;
}

}  // namespace nas::cli
