#include "export/architecture_export.h"

#include <filesystem>

#include "export/layer_source.h"
#include "space/layers/layer_space.h"
#include "util/atomic_file.h"

namespace nas::exporting {

nlohmann::json architectureDocument(const space::Architecture& architecture,
                                    const space::SpaceConfig& space, const Manifest& manifest,
                                    std::optional<double> validAccuracy) {
    const auto& searchSpace = space::searchSpace(architecture.space);
    searchSpace.validate(architecture.form, space);
    const auto cost = searchSpace.cost(architecture.form, space);
    nlohmann::json doc;
    doc["space"] = architecture.space;
    doc["architecture"] = architecture.form;
    doc["summary"] = searchSpace.summary(architecture.form);
    doc["input"] = {space.input.channels, space.input.height, space.input.width};
    doc["classes"] = space.classes;
    doc["cost"] = {{"params", cost.params}, {"flops", cost.flops}, {"mac", cost.mac}};
    doc["valid_accuracy"] = validAccuracy ? nlohmann::json(*validAccuracy) : nlohmann::json();
    doc["manifest"] = toJson(manifest);
    return doc;
}

std::vector<std::string> exportArchitecture(const std::string& folder,
                                            const space::Architecture& architecture,
                                            const space::SpaceConfig& space,
                                            const Manifest& manifest,
                                            std::optional<double> validAccuracy) {
    namespace fs = std::filesystem;
    // Both texts first: a refused architecture leaves nothing behind.
    const auto doc = architectureDocument(architecture, space, manifest, validAccuracy);
    // A PyTorch module where this build can write one for the space.
    std::string source;
    if (architecture.space == space::layers::kLayerSpace)
        source = layerNetworkSource(space::layers::layerNetworkFromJson(architecture.form),
                                    space.input, space.classes);
    fs::create_directories(folder);
    std::vector<std::string> written{(fs::path(folder) / "architecture.json").string(),
                                     (fs::path(folder) / "architecture.txt").string()};
    util::writeTextAtomically(written[0], doc.dump(2) + "\n");
    util::writeTextAtomically(written[1], doc["summary"].get<std::string>() + "\n");
    if (!source.empty()) {
        written.push_back((fs::path(folder) / "model.py").string());
        util::writeTextAtomically(written.back(), source);
    }
    return written;
}

}  // namespace nas::exporting
