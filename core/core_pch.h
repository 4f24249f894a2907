#pragma once
// Precompiled for the torch code only. Narrower than torch/torch.h: no JIT, no data loaders.
#include <ATen/ATen.h>
#include <torch/nn.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize.h>
#include <torch/types.h>
#include <torch/utils.h>
