#include "optim/weight_update.h"

#include <ATen/ops/_foreach_add.h>
#include <ATen/ops/_foreach_mul.h>
#include <ATen/ops/_foreach_norm.h>
#include <torch/version.h>

#include <memory>
#include <sstream>
#include <string>
#include <type_traits>

namespace nas::optim {
namespace {

// LibTorch keys an optimizer's state by the parameter's TensorImpl: as its address printed (1.x)
// or as the pointer itself (2.x); a template so only the matching branch compiles.
template <typename StateMap>
typename StateMap::key_type stateKey(const StateMap&, const torch::Tensor& param) {
    using Key = typename StateMap::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream address;
        address << param.unsafeGetTensorImpl();
        return address.str();
    } else {
        return param.unsafeGetTensorImpl();
    }
}

torch::optim::SGDParamState* momentumState(torch::optim::SGD& optimizer,
                                           const torch::Tensor& param) {
    auto& state = optimizer.state();
    const auto it = state.find(stateKey(state, param));
    return it == state.end() ? nullptr
                             : static_cast<torch::optim::SGDParamState*>(it->second.get());
}

void stepGroup(torch::optim::SGD& optimizer, torch::optim::OptimizerParamGroup& group) {
    const auto& o = static_cast<const torch::optim::SGDOptions&>(group.options());
    std::vector<torch::Tensor> params, grads;
    for (const auto& p : group.params()) {
        if (!p.grad().defined()) continue;
        params.push_back(p);
        grads.push_back(p.grad());
    }
    if (params.empty()) return;
    if (o.weight_decay() != 0) grads = at::_foreach_add(grads, params, o.weight_decay());
    if (o.momentum() != 0) {
        // Buffers that exist take momentum * buffer + (1 - dampening) * grad; a parameter's first
        // step starts its buffer at the gradient itself, as LibTorch's SGD does.
        std::vector<torch::Tensor> buffers(params.size()), held, heldGrads;
        for (size_t i = 0; i < params.size(); ++i) {
            if (auto* state = momentumState(optimizer, params[i])) {
                buffers[i] = state->momentum_buffer();
                held.push_back(buffers[i]);
                heldGrads.push_back(grads[i]);
            } else {
                buffers[i] = grads[i].clone().detach();
                auto fresh = std::make_unique<torch::optim::SGDParamState>();
                fresh->momentum_buffer(buffers[i]);
                auto& states = optimizer.state();
                states[stateKey(states, params[i])] = std::move(fresh);
            }
        }
        if (!held.empty()) {
            at::_foreach_mul_(held, o.momentum());
            at::_foreach_add_(held, heldGrads, 1.0 - o.dampening());
        }
        grads = o.nesterov() ? at::_foreach_add(grads, buffers, o.momentum()) : buffers;
    }
    at::_foreach_add_(params, grads, -o.lr());
}

}  // namespace

void sgdStep(torch::optim::SGD& optimizer) {
    torch::NoGradGuard noGrad;
    for (auto& group : optimizer.param_groups()) stepGroup(optimizer, group);
}

void clipGradientNorm(const std::vector<torch::Tensor>& parameters, double maxNorm) {
    std::vector<torch::Tensor> grads;
    for (const auto& p : parameters)
        if (p.grad().defined()) grads.push_back(p.grad());
    if (grads.empty()) return;
    torch::NoGradGuard noGrad;
    const auto norms = at::_foreach_norm(grads);
    const auto total = torch::stack(norms).norm();
    const auto scale = (maxNorm / (total + 1e-6)).clamp_max(1.0);
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    at::_foreach_mul_(grads, scale);  // a tensor factor: no read-back
#else
    for (auto& g : grads) g.mul_(scale);  // LibTorch 1.x has no tensor-factor _foreach_mul_
#endif
}

torch::Tensor sgdMomentumBuffer(torch::optim::SGD& optimizer, const torch::Tensor& param) {
    const auto* state = momentumState(optimizer, param);
    return state ? state->momentum_buffer() : torch::Tensor();
}

}  // namespace nas::optim
