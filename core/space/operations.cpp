#include "space/operations.h"

#include <stdexcept>

namespace nas::space {
namespace nn = torch::nn;

torch::Tensor ZeroImpl::forward(const torch::Tensor& x) {
    if (m_stride == 1) return torch::zeros_like(x);
    using torch::indexing::None;
    using torch::indexing::Slice;
    return torch::zeros_like(
        x.index({Slice(), Slice(), Slice(None, None, m_stride), Slice(None, None, m_stride)}));
}

FactorizedReduceImpl::FactorizedReduceImpl(int channelsIn, int channelsOut, bool affine) {
    if (channelsOut % 2 != 0)
        throw std::invalid_argument("factorized reduce needs an even number of output channels");
    auto conv = [&] {
        return nn::Conv2d(nn::Conv2dOptions(channelsIn, channelsOut / 2, 1).stride(2).bias(false));
    };
    m_conv1 = register_module("conv_1", conv());
    m_conv2 = register_module("conv_2", conv());
    m_bn =
        register_module("bn", nn::BatchNorm2d(nn::BatchNorm2dOptions(channelsOut).affine(affine)));
}

torch::Tensor FactorizedReduceImpl::forward(const torch::Tensor& x) {
    auto h = torch::relu(x);
    // The map shifted by one pixel: its first row and column cropped (a negative pad). Odd height
    // or width: one zero row or column padded at the far end, so both halves have ceil(size / 2)
    // pixels and concatenate (a 7x7 map reduces to 4x4). One pad does both; slicing instead cost
    // a zero-filled full-size gradient per sliced dimension in backward.
    const int64_t padH = h.size(2) % 2, padW = h.size(3) % 2;
    const auto shifted = torch::constant_pad_nd(h, {-1, padW, -1, padH});
    return m_bn(torch::cat({m_conv1(h), m_conv2(shifted)}, 1));
}

nn::Sequential reluConvBn(int cIn, int cOut, int kernel, int stride, int padding, bool affine) {
    return nn::Sequential(
        nn::ReLU(),
        nn::Conv2d(
            nn::Conv2dOptions(cIn, cOut, kernel).stride(stride).padding(padding).bias(false)),
        nn::BatchNorm2d(nn::BatchNorm2dOptions(cOut).affine(affine)));
}

namespace {

nn::BatchNorm2d batchNorm(int c, bool affine) {
    return nn::BatchNorm2d(nn::BatchNorm2dOptions(c).affine(affine));
}

// Depthwise k x k then pointwise 1x1, each without bias.
void addDepthwiseSeparable(nn::Sequential& seq, int c, int kernel, int stride, int padding,
                           int dilation) {
    seq->push_back(nn::Conv2d(nn::Conv2dOptions(c, c, kernel)
                                  .stride(stride)
                                  .padding(padding)
                                  .dilation(dilation)
                                  .groups(c)
                                  .bias(false)));
    seq->push_back(nn::Conv2d(nn::Conv2dOptions(c, c, 1).bias(false)));
}

nn::Sequential sepConv(int c, int kernel, int stride, bool affine) {
    nn::Sequential seq;
    seq->push_back(nn::ReLU());
    addDepthwiseSeparable(seq, c, kernel, stride, kernel / 2, 1);
    seq->push_back(batchNorm(c, affine));
    seq->push_back(nn::ReLU());
    addDepthwiseSeparable(seq, c, kernel, 1, kernel / 2, 1);
    seq->push_back(batchNorm(c, affine));
    return seq;
}

nn::Sequential dilConv(int c, int kernel, int stride, bool affine) {
    nn::Sequential seq;
    seq->push_back(nn::ReLU());
    addDepthwiseSeparable(seq, c, kernel, stride, kernel - 1, 2);
    seq->push_back(batchNorm(c, affine));
    return seq;
}

// ReLU, 1 x k conv then k x 1 conv (stride split between them), BN.
nn::Sequential factorizedConv(int c, int k, int stride, bool affine) {
    return nn::Sequential(
        nn::ReLU(),
        nn::Conv2d(
            nn::Conv2dOptions(c, c, {1, k}).stride({1, stride}).padding({0, k / 2}).bias(false)),
        nn::Conv2d(
            nn::Conv2dOptions(c, c, {k, 1}).stride({stride, 1}).padding({k / 2, 0}).bias(false)),
        batchNorm(c, affine));
}

nn::Sequential pool(bool max, int kernel, int c, int stride, bool affine) {
    nn::Sequential seq;
    if (max) {
        seq->push_back(
            nn::MaxPool2d(nn::MaxPool2dOptions(kernel).stride(stride).padding(kernel / 2)));
    } else {
        seq->push_back(nn::AvgPool2d(nn::AvgPool2dOptions(kernel)
                                         .stride(stride)
                                         .padding(kernel / 2)
                                         .count_include_pad(false)));
    }
    if (!affine) seq->push_back(batchNorm(c, false));
    return seq;
}

}  // namespace

nn::Sequential makeOp(OpKind kind, int c, int stride, bool affine) {
    switch (kind) {
        case OpKind::None:
            return nn::Sequential(Zero(stride));
        case OpKind::MaxPool3x3:
            return pool(true, 3, c, stride, affine);
        case OpKind::MaxPool5x5:
            return pool(true, 5, c, stride, affine);
        case OpKind::MaxPool7x7:
            return pool(true, 7, c, stride, affine);
        case OpKind::AvgPool3x3:
            return pool(false, 3, c, stride, affine);
        case OpKind::SkipConnect:
            return stride == 1 ? nn::Sequential(nn::Identity())
                               : nn::Sequential(FactorizedReduce(c, c, affine));
        case OpKind::SepConv3x3:
            return sepConv(c, 3, stride, affine);
        case OpKind::SepConv5x5:
            return sepConv(c, 5, stride, affine);
        case OpKind::SepConv7x7:
            return sepConv(c, 7, stride, affine);
        case OpKind::DilConv3x3:
            return dilConv(c, 3, stride, affine);
        case OpKind::DilConv5x5:
            return dilConv(c, 5, stride, affine);
        case OpKind::Conv7x1_1x7:
            return factorizedConv(c, 7, stride, affine);
        case OpKind::Conv3x1_1x3:
            return factorizedConv(c, 3, stride, affine);
        case OpKind::Conv1x1:
            return reluConvBn(c, c, 1, stride, 0, affine);
        case OpKind::Conv3x3:
            return reluConvBn(c, c, 3, stride, 1, affine);
    }
    throw std::logic_error("makeOp: unhandled op kind");
}

std::int64_t parameterCount(const torch::nn::Module& module) {
    std::int64_t n = 0;
    for (const auto& p : module.parameters()) n += p.numel();
    return n;
}

}  // namespace nas::space
