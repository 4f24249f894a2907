#pragma once
// Writing out an architecture of a space other than the DARTS cell (a RENA layer chain): its JSON
// form with the space's name, summary, costs and the reproducibility manifest. Torch-free.
#include <optional>
#include <string>
#include <vector>

#include "export/genotype_export.h"
#include "space/search_space.h"

namespace nas::exporting {

// {"space": "layer-chain", "architecture": {...}, "summary": "stem16 | ...", "input": [C, H, W],
//  "classes": 10, "cost": {"params", "flops", "mac"}, "valid_accuracy": ..., "manifest": {...}}
// Throws std::invalid_argument when the space does not accept the architecture.
[[nodiscard]] nlohmann::json architectureDocument(const space::Architecture& architecture,
                                                  const space::SpaceConfig& space,
                                                  const Manifest& manifest,
                                                  std::optional<double> validAccuracy);

// Writes architecture.json, architecture.txt (the summary line) and, for a layer chain, model.py
// (export/layer_source.h) into `folder`, each atomically. Returns the paths written.
std::vector<std::string> exportArchitecture(const std::string& folder,
                                            const space::Architecture& architecture,
                                            const space::SpaceConfig& space,
                                            const Manifest& manifest,
                                            std::optional<double> validAccuracy);

}  // namespace nas::exporting
