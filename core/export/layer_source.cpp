#include "export/layer_source.h"

#include <sstream>

namespace nas::exporting {
namespace {

// The module's body: the layer list as data, then the builder that reads it. Mirrors
// space/layers/layer_model.cpp op for op, so parameter names and counts agree.
constexpr const char* kBuilder = R"py(

def conv(c_in, c_out, kernel, stride, dilation=1, groups=1):
    # "same" padding: the output is ceil(size / stride)
    return nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=dilation * (kernel - 1) // 2,
                     dilation=dilation, groups=groups, bias=False)


def layer_ops(layer, c_in):
    kind, k, s, c_out = layer["kind"], layer["kernel"], layer["stride"], layer["filters"]
    if kind == "conv":
        return nn.Sequential(nn.ReLU(), conv(c_in, c_out, k, s), nn.BatchNorm2d(c_out))
    if kind == "dil_conv":
        return nn.Sequential(nn.ReLU(), conv(c_in, c_in, k, s, 2, c_in), conv(c_in, c_out, 1, 1),
                             nn.BatchNorm2d(c_out))
    if kind == "sep_conv":
        return nn.Sequential(nn.ReLU(), conv(c_in, c_in, k, s, 1, c_in), conv(c_in, c_in, 1, 1),
                             nn.BatchNorm2d(c_in), nn.ReLU(), conv(c_in, c_in, k, 1, 1, c_in),
                             conv(c_in, c_out, 1, 1), nn.BatchNorm2d(c_out))
    if kind == "max_pool":
        return nn.Sequential(nn.MaxPool2d(k, stride=s, padding=k // 2))
    return nn.Sequential(nn.AvgPool2d(k, stride=s, padding=k // 2, count_include_pad=False))


class LayerNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        channels, size = [STEM_FILTERS], [INPUT_SHAPE[1]]
        self.stem = nn.Sequential(conv(INPUT_SHAPE[0], STEM_FILTERS, 3, 1),
                                  nn.BatchNorm2d(STEM_FILTERS))
        self.skips = {}
        for i, layer in enumerate(LAYERS):
            name = str(i + 1)
            setattr(self, "layer" + name, layer_ops(layer, channels[-1]))
            out = channels[-1] if layer["kind"] in ("max_pool", "avg_pool") else layer["filters"]
            channels.append(out)
            size.append((size[-1] + layer["stride"] - 1) // layer["stride"])
            source = layer["skip_from"]
            if source >= 0:
                self.skips[i] = source
                if channels[source] != out or size[source] != size[-1]:
                    stride = 1
                    for j in range(source, i + 1):
                        stride *= LAYERS[j]["stride"]
                    setattr(self, "skip" + name, nn.Sequential(
                        nn.ReLU(), conv(channels[source], out, 1, stride), nn.BatchNorm2d(out)))
        self.classifier = nn.Linear(channels[-1], NUM_CLASSES)

    def forward(self, images):
        states = [self.stem(images)]
        for i in range(len(LAYERS)):
            out = getattr(self, "layer" + str(i + 1))(states[-1])
            if i in self.skips:
                source = states[self.skips[i]]
                projection = getattr(self, "skip" + str(i + 1), None)
                out = out + (projection(source) if projection is not None else source)
            states.append(out)
        return self.classifier(states[-1].mean((2, 3)))


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


if __name__ == "__main__":
    model = LayerNetwork()
    print("parameters:", count_parameters(model))
    model.eval()
    with torch.no_grad():
        print("logits:", tuple(model(torch.randn(2, *INPUT_SHAPE)).shape))
)py";

}  // namespace

std::string layerNetworkSource(const space::layers::LayerNetwork& network,
                               const space::InputShape& input, int classes) {
    space::layers::validate(network);
    if (classes <= 0 || input.channels <= 0 || input.height <= 0 || input.width <= 0)
        throw std::invalid_argument("PyTorch export: classes and the input shape must be positive");
    std::ostringstream out;
    out << "# A layer-chain network exported by NAS Studio: " << space::layers::networkText(network)
        << "\nimport torch\nimport torch.nn as nn\n\n"
        << "INPUT_SHAPE = (" << input.channels << ", " << input.height << ", " << input.width
        << ")\nNUM_CLASSES = " << classes << "\nSTEM_FILTERS = " << network.stemFilters
        << "\nLAYERS = [\n";
    for (const auto& layer : network.layers)
        out << "    {\"kind\": \"" << space::layers::toString(layer.kind)
            << "\", \"kernel\": " << layer.kernel << ", \"filters\": " << layer.filters
            << ", \"stride\": " << layer.stride << ", \"skip_from\": " << layer.skipFrom << "},\n";
    out << "]\n" << kBuilder;
    return out.str();
}

}  // namespace nas::exporting
