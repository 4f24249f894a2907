#pragma once
// The memory layout the cell networks run in on a CPU. Channels-last (NHWC) lets oneDNN run the
// depthwise convolutions, pooling and batch norm of the DARTS ops several times faster than the
// default NCHW layout (bench/step_profile_bench.cpp and trace_summary.py show where a step's time
// goes). Values are the same; only strides differ.
#include <torch/nn/module.h>

namespace nas::space {

// Whether networks on `device` run channels-last: on a CPU. On a GPU they stay NCHW (cuDNN's
// depthwise kernels are written for it).
[[nodiscard]] inline bool runsChannelsLast(const torch::Device& device) { return device.is_cpu(); }
// Stores every 4-D parameter (the convolution kernels) of `module` channels-last.
void storeChannelsLast(torch::nn::Module& module);
// `images` channels-last; layers fed channels-last input keep that layout to the classifier.
[[nodiscard]] torch::Tensor channelsLast(const torch::Tensor& images);

}  // namespace nas::space
