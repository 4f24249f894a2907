#include "evaluation_result.h"

#include <stdexcept>

#include "space/cost_model.h"

namespace nas::cli {

std::string toString(EvaluationStatus status) {
    switch (status) {
        case EvaluationStatus::Ok:
            return "ok";
        case EvaluationStatus::BadInput:
            return "bad_input";
        case EvaluationStatus::Diverged:
            return "diverged";
        case EvaluationStatus::OutOfMemory:
            return "out_of_memory";
        case EvaluationStatus::Interrupted:
            return "interrupted";
        case EvaluationStatus::Failed:
            break;
    }
    return "failed";
}

int exitCode(EvaluationStatus status) {
    switch (status) {
        case EvaluationStatus::Ok:
            return 0;
        case EvaluationStatus::BadInput:
            return 2;
        case EvaluationStatus::Diverged:
            return 3;
        case EvaluationStatus::OutOfMemory:
            return 4;
        case EvaluationStatus::Interrupted:
            return 130;
        case EvaluationStatus::Failed:
            break;
    }
    return 1;
}

void describeCandidate(nlohmann::json& result, const space::Genotype& genotype,
                       const engine::TrainConfig& config) {
    const auto text = space::genotypeText(genotype);
    result["genotype"] = text ? nlohmann::json(*text) : nlohmann::json();
    result["architecture"] = space::toJson(genotype);
    result["dataset"] = config.dataset.name;
    result["channels"] = config.channels;
    result["layers"] = config.layers;
    result["epochs"] = config.epochs;
    result["batch_size"] = config.batchSize;
    result["seed"] = config.seed;
    const auto cost = space::networkCost(genotype, engine::trainingSpace(config), false);
    result["params"] = cost.params;
    result["flops"] = cost.flops;
}

engine::SampleRecord evaluationSample(const nlohmann::json& result) {
    if (!result.is_object() || result.value("format", "") != kEvaluationFormat)
        throw std::invalid_argument("it is not an evaluation result (no \"format\": \"" +
                                    std::string(kEvaluationFormat) + "\")");
    auto number = [&](const char* key) {
        const auto it = result.find(key);
        if (it == result.end() || !it->is_number())
            throw std::invalid_argument(std::string("it has no number \"") + key + "\"");
        return it->get<double>();
    };
    engine::SampleRecord sample;
    try {
        sample.architecture =
            space::toJson(space::genotypeFromJson(result.at("architecture"))).dump();
    } catch (const std::exception& e) {
        throw std::invalid_argument(std::string("its \"architecture\" is not a genotype: ") +
                                    e.what());
    }
    sample.score = number("test_accuracy");
    sample.metrics = {{engine::kEvaluatedMetric, 1.0},    {"test_accuracy", sample.score},
                      {"test_loss", number("test_loss")}, {"params", number("params")},
                      {"flops", number("flops")},         {"epochs", number("epochs")},
                      {"channels", number("channels")},   {"layers", number("layers")}};
    return sample;
}

}  // namespace nas::cli
