#pragma once
// The weight update of every trainer in the engine: SGD with momentum and weight decay after
// clipping the gradients' global norm. LibTorch's torch::optim::SGD::step and
// torch::nn::utils::clip_grad_norm_ make several calls per parameter, a GPU kernel each; a supernet
// has about 1,400 parameters, so that was a fifth of a DARTS step's 38,676 kernels on an H200. The
// multi-tensor (_foreach) calls here do the same arithmetic in a few calls per step, and the clip
// no longer waits for the GPU to report the norm.
#include <torch/optim/sgd.h>

#include <vector>

namespace nas::optim {

// The update optimizer.step() makes, parameter for parameter: grad + weight_decay * w into the
// momentum buffer (a copy of it on a parameter's first step), then w -= lr * buffer (Nesterov's
// form when asked). Parameters without a gradient are skipped. The buffers stay in the optimizer's
// state, so its save/load and sgdMomentumBuffer see them as before.
void sgdStep(torch::optim::SGD& optimizer);

// Scales the gradients of `parameters` so that their joint L2 norm is at most maxNorm, as
// clip_grad_norm_ does, without reading the norm back to the host.
void clipGradientNorm(const std::vector<torch::Tensor>& parameters, double maxNorm);

// The SGD momentum buffer of `param`; undefined before the optimizer's first step on it.
[[nodiscard]] torch::Tensor sgdMomentumBuffer(torch::optim::SGD& optimizer,
                                              const torch::Tensor& param);

}  // namespace nas::optim
