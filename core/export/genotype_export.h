#pragma once
// Writing a chosen architecture out: genotype JSON with cost figures and a reproducibility
// manifest, the DARTS string, and a standalone PyTorch module. Torch-free.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::exporting {

// What it takes to reproduce the architecture: the search config and the software that ran it.
struct Manifest {
    nlohmann::json config;  // the search configuration, as stored
    std::uint64_t seed = 0;
    std::string studioVersion;
    std::string libtorchVersion;
    std::string device;
    std::string commit;
    std::int64_t runId = 0;
    int epoch = -1;  // the epoch the genotype was derived at
};

[[nodiscard]] nlohmann::json toJson(const Manifest& manifest);

// {"genotype": ..., "darts": "Genotype(...)" (space::genotypeText: the DARTS form, or SNAS-Series'
// 14-edge form for a SNAS-built genotype) or null, "space": {...}, "cost": {...}, "manifest":
// {...}}
[[nodiscard]] nlohmann::json genotypeDocument(const space::Genotype& genotype,
                                              const space::SpaceConfig& space,
                                              const Manifest& manifest,
                                              std::optional<double> validAccuracy);

// Writes genotype.json, genotype.txt (space::genotypeText, when the genotype has such a form) and
// model.py into `folder` (created if needed), each atomically. Returns the paths written.
std::vector<std::string> exportGenotype(const std::string& folder, const space::Genotype& genotype,
                                        const space::SpaceConfig& space, const Manifest& manifest,
                                        std::optional<double> validAccuracy);

}  // namespace nas::exporting
