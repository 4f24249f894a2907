#include "export/manifest.h"

#include "engine/runtime.h"

namespace nas::exporting {

Manifest currentManifest(const nlohmann::json& config, std::uint64_t seed,
                         const std::string& device) {
    Manifest m;
    m.config = config;
    m.seed = seed;
    m.studioVersion = engine::studioVersion();
    m.libtorchVersion = engine::libtorchVersion();
    m.device = device;
    m.commit = engine::gitCommit();
    return m;
}

}  // namespace nas::exporting
