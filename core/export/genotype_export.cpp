#include "export/genotype_export.h"

#include <filesystem>

#include "export/pytorch_source.h"
#include "space/cost_model.h"
#include "util/atomic_file.h"

namespace nas::exporting {

nlohmann::json toJson(const Manifest& m) {
    return {{"config", m.config},
            {"seed", m.seed},
            {"nas_studio_version", m.studioVersion},
            {"libtorch_version", m.libtorchVersion},
            {"device", m.device},
            {"commit", m.commit},
            {"run_id", m.runId},
            {"epoch", m.epoch}};
}

nlohmann::json genotypeDocument(const space::Genotype& genotype, const space::SpaceConfig& space,
                                const Manifest& manifest, std::optional<double> validAccuracy) {
    const auto cost = space::networkCost(genotype, space, false);
    const auto withAux = space::networkCost(genotype, space, true);
    nlohmann::json doc;
    doc["genotype"] = space::toJson(genotype);
    const auto text = space::genotypeText(genotype);
    doc["darts"] = text ? nlohmann::json(*text) : nlohmann::json();
    doc["space"] = {{"channels", space.channels},
                    {"layers", space.layers},
                    {"input", {space.input.channels, space.input.height, space.input.width}},
                    {"classes", space.classes}};
    doc["cost"] = {{"params", cost.params},
                   {"params_with_auxiliary", withAux.params},
                   {"flops", cost.flops},
                   {"mac", cost.mac}};
    doc["valid_accuracy_shared_weights"] =
        validAccuracy ? nlohmann::json(*validAccuracy) : nlohmann::json();
    doc["manifest"] = toJson(manifest);
    return doc;
}

std::vector<std::string> exportGenotype(const std::string& folder, const space::Genotype& genotype,
                                        const space::SpaceConfig& space, const Manifest& manifest,
                                        std::optional<double> validAccuracy) {
    namespace fs = std::filesystem;
    fs::create_directories(folder);
    // Build every text first: a failure then leaves no partial export behind.
    const std::string json =
        genotypeDocument(genotype, space, manifest, validAccuracy).dump(2) + "\n";
    const std::string source = pytorchSource(genotype, space, PyTorchSourceOptions{});
    std::vector<std::string> written;
    const auto jsonPath = (fs::path(folder) / "genotype.json").string();
    util::writeTextAtomically(jsonPath, json);
    written.push_back(jsonPath);
    if (const auto text = space::genotypeText(genotype)) {
        const auto textPath = (fs::path(folder) / "genotype.txt").string();
        util::writeTextAtomically(textPath, *text + "\n");
        written.push_back(textPath);
    }
    const auto modelPath = (fs::path(folder) / "model.py").string();
    util::writeTextAtomically(modelPath, source);
    written.push_back(modelPath);
    return written;
}

}  // namespace nas::exporting
