#pragma once
// Where this process stands in a data-parallel search: its rank, how many ranks the job has, and
// where rank 0 waits for the others. Torch-free, so the CLI and the configs can speak of it.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace nas::parallel {

struct RankSetup {
    int rank = 0;
    int worldSize = 1;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    // How long a collective waits for a rank that does not answer before the job stops.
    int timeoutSeconds = 120;

    [[nodiscard]] bool distributed() const { return worldSize > 1; }
};

// Reads a variable of the environment; nullptr when it is not set.
using EnvironmentLookup = std::function<const char*(const char*)>;

// The setup the launcher put in the environment: RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT as
// torchrun and most mpirun wrappers set them, or Open MPI's own OMPI_COMM_WORLD_RANK and
// OMPI_COMM_WORLD_SIZE. nullopt when no world size is set; std::invalid_argument naming the
// variable when one is not a number.
[[nodiscard]] std::optional<RankSetup> rankSetupFromEnvironment(const EnvironmentLookup& lookup);

// "ADDR:PORT" (the host may be a name, an IPv4 address or a bracketed IPv6 address) into `setup`;
// std::invalid_argument naming the problem otherwise.
void setMaster(RankSetup& setup, const std::string& addressAndPort);

// What is wrong with a setup (a rank outside the world, a port out of range), one line each.
[[nodiscard]] std::vector<std::string> rankSetupProblems(const RankSetup& setup);

}  // namespace nas::parallel
