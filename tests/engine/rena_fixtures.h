#pragma once
// Small synthetic grey-scale tasks for RENA's tests: `trainCount` training images, then
// `validCount` held-out ones, `size` x `size`, `classes` classes.
#include "data/synthetic.h"
#include "data/tensor_data.h"

namespace nas::testing {

struct SplitData {
    data::TensorSet train;
    data::TensorSet valid;
};

inline SplitData syntheticSplit(int trainCount, int validCount, int size, int classes) {
    data::SyntheticSpec spec;
    spec.count = trainCount + validCount;
    spec.channels = 1;
    spec.height = spec.width = size;
    spec.classes = classes;
    const auto images = data::makeSynthetic(spec);
    const auto all = data::toTensors(images, data::channelStats(images), torch::kCPU);
    return {{all.images.narrow(0, 0, trainCount), all.labels.narrow(0, 0, trainCount), all.black},
            {all.images.narrow(0, trainCount, validCount),
             all.labels.narrow(0, trainCount, validCount), all.black}};
}

}  // namespace nas::testing
