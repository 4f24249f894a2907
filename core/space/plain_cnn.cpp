#include "space/plain_cnn.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/pooling.h>

#include <cmath>

namespace nas::space {
namespace nn = torch::nn;
namespace {

// Three stages of two 3x3 conv-BN-ReLU blocks, widths w, 2w, 4w; max pooling between stages.
void addBlock(nn::Sequential& seq, int in, int out) {
    seq->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)));
    seq->push_back(nn::BatchNorm2d(out));
    seq->push_back(nn::ReLU());
}

}  // namespace

PlainCnnImpl::PlainCnnImpl(int inputChannels, int width, int classes) {
    nn::Sequential seq;
    int in = inputChannels;
    for (int stage = 0; stage < 3; ++stage) {
        const int out = width << stage;
        addBlock(seq, in, out);
        addBlock(seq, out, out);
        in = out;
        if (stage < 2) seq->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2)));
    }
    m_features = register_module("features", seq);
    m_classifier = register_module("classifier", nn::Linear(in, classes));
}

torch::Tensor PlainCnnImpl::forward(const torch::Tensor& x) {
    return m_classifier(torch::adaptive_avg_pool2d(m_features->forward(x), {1, 1}).flatten(1));
}

double plainCnnParams(int inputChannels, int width, int classes) {
    double total = 0;
    int in = inputChannels;
    for (int stage = 0; stage < 3; ++stage) {
        const double out = width << stage;
        total += 9.0 * in * out + 2 * out;
        total += 9.0 * out * out + 2 * out;
        in = static_cast<int>(out);
    }
    return total + static_cast<double>(in) * classes + classes;
}

int plainCnnWidthFor(double params, int inputChannels, int classes) {
    int best = 1;
    for (int w = 1; w <= 512; ++w)
        if (std::abs(plainCnnParams(inputChannels, w, classes) - params) <
            std::abs(plainCnnParams(inputChannels, best, classes) - params))
            best = w;
    return best;
}

}  // namespace nas::space
