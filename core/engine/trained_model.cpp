#include "engine/trained_model.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "util/atomic_file.h"

namespace nas::engine {

void writeTrainedModel(const std::string& runFolder, const TrainedModel& m) {
    const nlohmann::json j = {
        {"genotype", space::toJson(m.genotype)},
        {"channels", m.space.channels},
        {"layers", m.space.layers},
        {"nodes", m.space.nodes},
        {"classes", m.space.classes},
        {"input", {m.space.input.channels, m.space.input.height, m.space.input.width}},
        {"auxiliary", m.auxiliary},
        {"epochs", m.epochs},
        {"test_accuracy", m.testAccuracy},
        {"test_images", m.testImages},
        {"params", m.params},
        {"dataset", m.dataset},
        {"weights", kTrainedWeightsFile}};
    util::writeTextAtomically((std::filesystem::path(runFolder) / kTrainedModelFile).string(),
                              j.dump(2) + "\n");
}

std::optional<TrainedModel> readTrainedModel(const std::string& runFolder) {
    const auto path = std::filesystem::path(runFolder) / kTrainedModelFile;
    std::ifstream in(path);
    // A record without its weights describes nothing that can be exported.
    if (!in || !std::filesystem::exists(std::filesystem::path(runFolder) / kTrainedWeightsFile))
        return std::nullopt;
    try {
        std::stringstream text;
        text << in.rdbuf();
        const auto j = nlohmann::json::parse(text.str());
        TrainedModel m;
        m.genotype = space::genotypeFromJson(j.at("genotype"));
        m.space.channels = j.at("channels").get<int>();
        m.space.layers = j.at("layers").get<int>();
        m.space.nodes = j.value("nodes", m.space.nodes);
        m.space.classes = j.at("classes").get<int>();
        const auto& input = j.at("input");
        m.space.input = {input.at(0).get<int>(), input.at(1).get<int>(), input.at(2).get<int>()};
        m.auxiliary = j.value("auxiliary", false);
        m.epochs = j.value("epochs", 0);
        m.testAccuracy = j.value("test_accuracy", 0.0);
        m.testImages = j.value("test_images", 0);
        m.params = j.value("params", 0.0);
        m.dataset = j.value("dataset", std::string());
        return m;
    } catch (const std::exception& e) {
        throw std::runtime_error(path.string() +
                                 " is not a valid trained-model record: " + e.what());
    }
}

}  // namespace nas::engine
