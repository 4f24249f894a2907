#pragma once
// Precompiled for nas_core only. Narrow torch headers: no JIT, no autograd Python bindings.
#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules.h>
#include <torch/nn/functional.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize.h>
#include <torch/types.h>
#include <torch/utils.h>
