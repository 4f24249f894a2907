// The torch-free parts of predictor.h: model names and file names.
#include <stdexcept>

#include "predictor/predictor.h"

namespace nas::predictor {

std::string toString(PredictorModel model) { return model == PredictorModel::Mlp ? "mlp" : "gcn"; }

PredictorModel predictorModelFromName(const std::string& name) {
    if (name == "gcn") return PredictorModel::Gcn;
    if (name == "mlp") return PredictorModel::Mlp;
    throw std::invalid_argument("unknown predictor model '" + name + "' (gcn or mlp)");
}

std::string predictorFileName(PredictorModel model) {
    return "predictor-" + toString(model) + ".pt";
}

}  // namespace nas::predictor
