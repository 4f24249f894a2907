// The multi-tensor weight update against LibTorch's own SGD and gradient clipping, which it
// replaces: the same numbers, the same optimizer state.
#include "optim/weight_update.h"

#include <gtest/gtest.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/sgd.h>
#include <torch/serialize.h>

#include <cmath>
#include <sstream>
#include <vector>

namespace {

using nas::optim::clipGradientNorm;
using nas::optim::sgdMomentumBuffer;
using nas::optim::sgdStep;

// Parameters shaped as a cell's: a channels-last convolution kernel, a depthwise one, a vector.
std::vector<torch::Tensor> makeParameters() {
    torch::manual_seed(3);
    return {torch::randn({8, 4, 3, 3}).contiguous(torch::MemoryFormat::ChannelsLast),
            torch::randn({4, 1, 5, 5}), torch::randn({10})};
}

std::vector<torch::Tensor> copies(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> out;
    for (const auto& t : tensors) out.push_back(t.detach().clone().requires_grad_(true));
    return out;
}

// The same gradients for both sets; parameter `skip` gets none this step.
void setGradients(std::vector<torch::Tensor>& a, std::vector<torch::Tensor>& b, int step,
                  size_t skip) {
    torch::manual_seed(100 + step);
    for (size_t i = 0; i < a.size(); ++i) {
        if (i == skip) {
            a[i].mutable_grad() = torch::Tensor();
            b[i].mutable_grad() = torch::Tensor();
            continue;
        }
        const auto g = torch::randn_like(a[i]);
        a[i].mutable_grad() = g.clone();
        b[i].mutable_grad() = g.clone();
    }
}

void expectSameUpdates(const torch::optim::SGDOptions& options) {
    auto ours = copies(makeParameters());
    auto theirs = copies(makeParameters());
    torch::optim::SGD ourOptimizer(ours, options);
    torch::optim::SGD theirOptimizer(theirs, options);
    // The third parameter has no gradient on the first step: its buffer starts on the second.
    const size_t skipped[] = {2, 0, 5, 1};
    for (int step = 0; step < 4; ++step) {
        setGradients(ours, theirs, step, skipped[step]);
        sgdStep(ourOptimizer);
        theirOptimizer.step();
        for (size_t i = 0; i < ours.size(); ++i) {
            EXPECT_TRUE(torch::allclose(ours[i], theirs[i], 1e-6, 1e-7))
                << "step " << step << " parameter " << i;
            const auto a = sgdMomentumBuffer(ourOptimizer, ours[i]);
            const auto b = sgdMomentumBuffer(theirOptimizer, theirs[i]);
            ASSERT_EQ(a.defined(), b.defined()) << "step " << step << " parameter " << i;
            if (a.defined()) EXPECT_TRUE(torch::allclose(a, b, 1e-6, 1e-7));
        }
    }
}

TEST(WeightUpdate, SgdStepIsLibTorchsSgdWithMomentumAndWeightDecay) {
    expectSameUpdates(torch::optim::SGDOptions(0.05).momentum(0.9).weight_decay(3e-4));
}

TEST(WeightUpdate, SgdStepIsLibTorchsSgdWithNesterovDampeningOrNoMomentum) {
    expectSameUpdates(torch::optim::SGDOptions(0.1).momentum(0.9).nesterov(true));
    expectSameUpdates(torch::optim::SGDOptions(0.1).momentum(0.5).dampening(0.3));
    expectSameUpdates(torch::optim::SGDOptions(0.1).weight_decay(1e-2));
}

TEST(WeightUpdate, BuffersSurviveTheOptimizersSaveAndLoad) {
    auto params = copies(makeParameters());
    auto other = copies(makeParameters());
    const auto options = torch::optim::SGDOptions(0.05).momentum(0.9);
    torch::optim::SGD optimizer(params, options);
    setGradients(params, other, 0, 99);
    sgdStep(optimizer);
    std::stringstream saved;
    torch::serialize::OutputArchive out;
    optimizer.save(out);
    out.save_to(saved);
    torch::optim::SGD restored(other, options);
    torch::serialize::InputArchive in;
    in.load_from(saved);
    restored.load(in);
    for (size_t i = 0; i < params.size(); ++i) {
        const auto buffer = sgdMomentumBuffer(restored, other[i]);
        ASSERT_TRUE(buffer.defined()) << i;
        EXPECT_TRUE(torch::equal(buffer, sgdMomentumBuffer(optimizer, params[i]))) << i;
    }
}

TEST(WeightUpdate, ClipScalesTheJointNormToTheBoundAsLibTorchDoes) {
    for (const double bound : {0.5, 1e6}) {
        auto ours = copies(makeParameters());
        auto theirs = copies(makeParameters());
        setGradients(ours, theirs, 0, 1);  // one parameter without a gradient is left out
        clipGradientNorm(ours, bound);
        const double before = torch::nn::utils::clip_grad_norm_(theirs, bound);
        double after = 0;
        for (size_t i = 0; i < ours.size(); ++i) {
            ASSERT_EQ(ours[i].grad().defined(), theirs[i].grad().defined());
            if (!ours[i].grad().defined()) continue;
            EXPECT_TRUE(torch::allclose(ours[i].grad(), theirs[i].grad(), 1e-5, 1e-7));
            after += ours[i].grad().pow(2).sum().item<double>();
        }
        // Above the bound the norm becomes the bound; below it nothing changes.
        EXPECT_NEAR(std::sqrt(after), std::min(before, bound), 1e-4 * bound);
    }
}

}  // namespace
