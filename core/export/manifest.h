#pragma once
// A manifest filled with this build's versions. Torch-free header.
#include "engine/search_config.h"
#include "export/genotype_export.h"

namespace nas::exporting {

[[nodiscard]] Manifest currentManifest(const nlohmann::json& config, std::uint64_t seed,
                                       const std::string& device);

}  // namespace nas::exporting
