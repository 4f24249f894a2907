#include "parallel/rank_setup.h"

#include <algorithm>
#include <stdexcept>

namespace nas::parallel {
namespace {

int wholeNumber(const std::string& text, const std::string& what) {
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || value < -1'000'000'000 || value > 1'000'000'000)
        throw std::invalid_argument(what + " must be a whole number (got '" + text + "')");
    return static_cast<int>(value);
}

}  // namespace

std::optional<RankSetup> rankSetupFromEnvironment(const EnvironmentLookup& lookup) {
    auto first = [&](std::initializer_list<const char*> names)
        -> std::optional<std::pair<std::string, std::string>> {
        for (const char* name : names)
            if (const char* value = lookup(name))
                return std::make_pair(std::string(name), std::string(value));
        return std::nullopt;
    };
    const auto size = first({"WORLD_SIZE", "OMPI_COMM_WORLD_SIZE"});
    if (!size) return std::nullopt;
    RankSetup setup;
    setup.worldSize = wholeNumber(size->second, size->first);
    if (const auto rank = first({"RANK", "OMPI_COMM_WORLD_RANK"}))
        setup.rank = wholeNumber(rank->second, rank->first);
    if (const char* address = lookup("MASTER_ADDR")) setup.masterAddress = address;
    if (const char* port = lookup("MASTER_PORT"))
        setup.masterPort = wholeNumber(port, "MASTER_PORT");
    return setup;
}

void setMaster(RankSetup& setup, const std::string& addressAndPort) {
    const auto colon = addressAndPort.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == addressAndPort.size())
        throw std::invalid_argument("--master must be ADDRESS:PORT (got '" + addressAndPort + "')");
    std::string host = addressAndPort.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    setup.masterAddress = host;
    setup.masterPort = wholeNumber(addressAndPort.substr(colon + 1), "the port of --master");
}

std::vector<std::string> rankSetupProblems(const RankSetup& setup) {
    std::vector<std::string> problems;
    if (setup.worldSize < 1)
        problems.push_back("the world size must be at least 1 (got " +
                           std::to_string(setup.worldSize) + ")");
    if (setup.rank < 0 || setup.rank >= std::max(setup.worldSize, 1))
        problems.push_back("the rank must be from 0 to world size - 1 (got rank " +
                           std::to_string(setup.rank) + " of " + std::to_string(setup.worldSize) +
                           ")");
    if (setup.masterPort < 1 || setup.masterPort > 65535)
        problems.push_back("the master port must be from 1 to 65535 (got " +
                           std::to_string(setup.masterPort) + ")");
    if (setup.masterAddress.empty()) problems.push_back("the master address is empty");
    if (setup.timeoutSeconds < 1)
        problems.push_back("the rank timeout must be at least 1 second (got " +
                           std::to_string(setup.timeoutSeconds) + ")");
    return problems;
}

}  // namespace nas::parallel
