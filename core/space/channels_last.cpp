#include "space/channels_last.h"

namespace nas::space {

void storeChannelsLast(torch::nn::Module& module) {
    torch::NoGradGuard noGrad;
    for (auto& p : module.parameters())
        if (p.dim() == 4) p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
}

torch::Tensor channelsLast(const torch::Tensor& images) {
    return images.dim() == 4 ? images.contiguous(torch::MemoryFormat::ChannelsLast) : images;
}

}  // namespace nas::space
