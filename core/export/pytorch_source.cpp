#include "export/pytorch_source.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "space/cost_model.h"
#include "space/op_catalogue.h"

namespace nas::exporting {
namespace {

// Names the emitted file defines or imports at module level; the network class may not reuse them.
const std::vector<std::string>& reservedNames() {
    static const std::vector<std::string> names{
        // Python keywords and the builtins the file uses.
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield", "print", "isinstance", "len", "max", "int", "str", "tuple",
        "range", "sum", "zip", "super",
        // Module-level names of the emitted file.
        "torch", "nn", "F", "INPUT_SHAPE", "NUM_CLASSES", "INIT_CHANNELS", "LAYERS",
        "STEM_MULTIPLIER", "REDUCTION_LAYERS", "POOL_BATCHNORM", "pool", "AUXILIARY_LAYER",
        "AUXILIARY", "DROP_PATH_PROB", "PARAMETERS_WITHOUT_AUXILIARY", "PARAMETERS_WITH_AUXILIARY",
        "NORMAL_EDGES", "NORMAL_CONCAT", "REDUCE_EDGES", "REDUCE_CONCAT", "drop_path", "Zero",
        "ReLUConvBN", "FactorizedReduce", "SepConv", "DilConv", "AsymmetricConv", "OPS", "Cell",
        "AuxiliaryHead", "count_parameters", "load_nas_studio_weights", "main", "sys"};
    return names;
}

void checkClassName(const std::string& name) {
    const bool identifier = !name.empty() &&
                            !std::isdigit(static_cast<unsigned char>(name.front())) &&
                            std::all_of(name.begin(), name.end(), [](char ch) {
                                return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
                            });
    if (!identifier)
        throw std::invalid_argument("PyTorch export: class name '" + name +
                                    "' is not a Python identifier (letters, digits and '_', not "
                                    "starting with a digit)");
    const auto& reserved = reservedNames();
    if (std::find(reserved.begin(), reserved.end(), name) != reserved.end())
        throw std::invalid_argument("PyTorch export: class name '" + name +
                                    "' clashes with a name the exported file already uses");
}

void checkInputs(const space::Genotype& genotype, const space::SpaceConfig& space,
                 const PyTorchSourceOptions& options) {
    space::validate(genotype);
    for (int state : genotype.reduce.concat)
        if (state < 2)
            throw std::invalid_argument(
                "PyTorch export: the reduction cell concatenates cell input " +
                std::to_string(state) +
                ", which is not reduced and so cannot be concatenated with the halved nodes");
    if (space.channels <= 0 || space.layers <= 0 || space.stemMultiplier <= 0 ||
        space.classes <= 0 || space.input.channels <= 0 || space.input.height <= 0 ||
        space.input.width <= 0)
        throw std::invalid_argument(
            "PyTorch export: channels, layers, stem multiplier, classes and the input shape must "
            "all be positive");
    if (!(options.dropPath >= 0.0 && options.dropPath < 1.0))
        throw std::invalid_argument("PyTorch export: drop-path probability must be in [0, 1)");
    checkClassName(options.className);
}

// A float as a Python literal that reads back the same value.
std::string pythonFloat(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    // Prefer the shortest form that round-trips (0.2 rather than 0.20000000000000001).
    for (int digits = 1; digits <= 17; ++digits) {
        char shorter[64];
        std::snprintf(shorter, sizeof shorter, "%.*g", digits, value);
        if (std::strtod(shorter, nullptr) == value) {
            std::snprintf(buf, sizeof buf, "%s", shorter);
            break;
        }
    }
    std::string text = buf;
    if (text.find_first_of(".eE") == std::string::npos) text += ".0";
    return text;
}

std::string joinInts(const std::vector<int>& values, const std::string& prefix = "") {
    std::string out;
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) out += ", ";
        out += prefix + std::to_string(values[i]);
    }
    return out;
}

long long roundCount(double value) { return std::llround(value); }

// "# node 0 (state 2) = sep_conv_3x3(s0) + sep_conv_3x3(s1)" lines for one cell.
void writeCellSummary(std::ostringstream& out, const space::CellGenotype& cell,
                      const std::string& title) {
    const int nodes = cell.nodeCount();
    out << "# " << title << " (" << nodes << " node" << (nodes == 1 ? "" : "s")
        << ", output = concat of states " << joinInts(cell.concat) << "):\n";
    for (int node = 0; node < nodes; ++node) {
        out << "#   node " << node << " (state " << node + 2 << ") = ";
        const auto into = cell.edgesInto(node);
        if (into.empty()) out << "zeros (no incoming edge)";
        for (size_t i = 0; i < into.size(); ++i)
            out << (i ? " + " : "") << into[i].op << "(state " << into[i].from << ")";
        out << "\n";
    }
}

void writeEdges(std::ostringstream& out, const std::string& name, const space::CellGenotype& cell) {
    out << name << "_EDGES = [\n";
    for (const auto& e : cell.edges)
        out << "    (\"" << e.op << "\", " << e.from << ", " << e.to << "),\n";
    out << "]\n";
    out << name << "_CONCAT = [" << joinInts(cell.concat) << "]\n";
}

// Op classes, the op table, drop path and the cell: identical for every export.
constexpr const char* kOpsAndCell = R"PY(

def drop_path(x, drop_prob):
    """Zeroes whole samples with probability drop_prob and scales the kept ones by 1 / keep."""
    keep = 1.0 - drop_prob
    mask = torch.empty(x.size(0), 1, 1, 1, dtype=x.dtype, device=x.device).bernoulli_(keep)
    return x * mask / keep


class Zero(nn.Module):
    """The 'none' op: zeros of the output shape (stride 2 halves height and width)."""

    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        if self.stride == 1:
            return x.mul(0.0)
        return x[:, :, :: self.stride, :: self.stride].mul(0.0)


# The op modules are nn.Sequential subclasses and keep NAS Studio's module names, so the
# parameter names equal those of NAS Studio's trained weights (see load_nas_studio_weights).
class ReLUConvBN(nn.Sequential):
    """ReLU, convolution without bias, BatchNorm."""

    def __init__(self, c_in, c_out, kernel, stride, padding):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, bias=False),
            nn.BatchNorm2d(c_out, affine=True),
        )


class FactorizedReduce(nn.Module):
    """Halves height and width: ReLU, two 1x1 stride-2 convolutions with c_out / 2 outputs each,
    the second on the input shifted by one pixel, concatenated, then BatchNorm."""

    def __init__(self, c_in, c_out):
        super().__init__()
        assert c_out % 2 == 0, "FactorizedReduce needs an even number of output channels"
        self.relu = nn.ReLU(inplace=False)
        self.conv_1 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, padding=0, bias=False)
        self.conv_2 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, padding=0, bias=False)
        self.bn = nn.BatchNorm2d(c_out, affine=True)

    def forward(self, x):
        x = self.relu(x)
        shifted = x[:, :, 1:, 1:]
        # NAS Studio's choice: for an odd height or width, pad the shifted map back to the input
        # size with one zero row or column, so both halves have ceil(size / 2) pixels. For even
        # sizes this changes nothing (the padded row and column are never sampled).
        pad_h, pad_w = x.size(2) % 2, x.size(3) % 2
        if pad_h or pad_w:
            shifted = F.pad(shifted, (0, pad_w, 0, pad_h))
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(shifted)], dim=1))


class SepConv(nn.Sequential):
    """Separable convolution, twice: ReLU, depthwise k x k (stride s, then 1), 1x1, BatchNorm."""

    def __init__(self, c, kernel, stride):
        padding = kernel // 2
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c, c, kernel, stride=stride, padding=padding, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False),
            nn.BatchNorm2d(c, affine=True),
            nn.ReLU(inplace=False),
            nn.Conv2d(c, c, kernel, stride=1, padding=padding, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False),
            nn.BatchNorm2d(c, affine=True),
        )


class DilConv(nn.Sequential):
    """Dilated separable convolution: ReLU, depthwise k x k with dilation 2, 1x1, BatchNorm."""

    def __init__(self, c, kernel, stride):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c, c, kernel, stride=stride, padding=kernel - 1, dilation=2, groups=c,
                      bias=False),
            nn.Conv2d(c, c, 1, bias=False),
            nn.BatchNorm2d(c, affine=True),
        )


class AsymmetricConv(nn.Sequential):
    """ReLU, 1 x k convolution (stride 1 x s), k x 1 convolution (stride s x 1), BatchNorm."""

    def __init__(self, c, kernel, stride):
        super().__init__(
            nn.ReLU(inplace=False),
            nn.Conv2d(c, c, (1, kernel), stride=(1, stride), padding=(0, kernel // 2), bias=False),
            nn.Conv2d(c, c, (kernel, 1), stride=(stride, 1), padding=(kernel // 2, 0), bias=False),
            nn.BatchNorm2d(c, affine=True),
        )


def pool(module, c):
    """A pool; followed by a BatchNorm when POOL_BATCHNORM (SNAS-Series' ops), named as NAS Studio names it."""
    return nn.Sequential(module, nn.BatchNorm2d(c, affine=True)) if POOL_BATCHNORM else module


# Every op maps (channels, stride) to a module with `channels` inputs and outputs.
OPS = {
    "none": lambda c, stride: Zero(stride),
    "max_pool_3x3": lambda c, stride: pool(nn.MaxPool2d(3, stride=stride, padding=1), c),
    "max_pool_5x5": lambda c, stride: pool(nn.MaxPool2d(5, stride=stride, padding=2), c),
    "max_pool_7x7": lambda c, stride: pool(nn.MaxPool2d(7, stride=stride, padding=3), c),
    "avg_pool_3x3": lambda c, stride: pool(nn.AvgPool2d(3, stride=stride, padding=1,
                                                        count_include_pad=False), c),
    # A one-element nn.Sequential, as in NAS Studio's module tree, so the weight names match.
    "skip_connect": lambda c, stride: nn.Identity() if stride == 1 else nn.Sequential(FactorizedReduce(c, c)),
    "sep_conv_3x3": lambda c, stride: SepConv(c, 3, stride),
    "sep_conv_5x5": lambda c, stride: SepConv(c, 5, stride),
    "sep_conv_7x7": lambda c, stride: SepConv(c, 7, stride),
    "dil_conv_3x3": lambda c, stride: DilConv(c, 3, stride),
    "dil_conv_5x5": lambda c, stride: DilConv(c, 5, stride),
    "conv_7x1_1x7": lambda c, stride: AsymmetricConv(c, 7, stride),
    "conv_3x1_1x3": lambda c, stride: AsymmetricConv(c, 3, stride),
    "conv_1x1": lambda c, stride: ReLUConvBN(c, c, 1, stride, 0),
    "conv_3x3": lambda c, stride: ReLUConvBN(c, c, 3, stride, 1),
}


class Cell(nn.Module):
    """A cell built from an explicit edge list of (op, from, to). States 0 and 1 are the two cell
    inputs (preprocessed to c channels), state 2 + i is intermediate node i. Node i sums the
    outputs of the edges into it (zeros when there are none). In a reduction cell the edges from
    states 0 and 1 have stride 2. The output concatenates the states listed in `concat`."""

    def __init__(self, edges, concat, c_prev_prev, c_prev, c, reduction, reduction_prev):
        super().__init__()
        self.reduction = reduction
        if reduction_prev:
            self.preprocess0 = nn.Sequential(FactorizedReduce(c_prev_prev, c))
        else:
            self.preprocess0 = ReLUConvBN(c_prev_prev, c, 1, 1, 0)
        self.preprocess1 = ReLUConvBN(c_prev, c, 1, 1, 0)
        self.edges = [(str(op), int(src), int(dst)) for op, src, dst in edges]
        self.concat = [int(state) for state in concat]
        self.nodes = max([dst + 1 for _, _, dst in self.edges] + [state - 1 for state in self.concat])
        self.ops = []  # registered as op0, op1, ... in edge order, NAS Studio's names
        self.is_identity = []
        for index, (op, src, dst) in enumerate(self.edges):
            assert 0 <= src < dst + 2, "edge into node %d reads state %d, not an earlier one" % (dst, src)
            stride = 2 if reduction and src < 2 else 1
            module = OPS[op](c, stride)
            self.add_module("op%d" % index, module)
            self.ops.append(module)
            self.is_identity.append(isinstance(module, nn.Identity))

    def forward(self, s0, s1, drop_prob):
        states = [self.preprocess0(s0), self.preprocess1(s1)]
        for node in range(self.nodes):
            total = None
            for (_, src, dst), module, identity in zip(self.edges, self.ops, self.is_identity):
                if dst != node:
                    continue
                h = module(states[src])
                if self.training and drop_prob > 0.0 and not identity:
                    h = drop_path(h, drop_prob)
                total = h if total is None else total + h
            if total is None:
                # A node without incoming edges outputs zeros of the node shape.
                ref = states[1][:, :, ::2, ::2] if self.reduction else states[1]
                total = ref.mul(0.0)
            states.append(total)
        return torch.cat([states[i] for i in self.concat], dim=1)
)PY";

constexpr const char* kAuxiliaryHeadStart = R"PY(

class AuxiliaryHead(nn.Module):
    """Auxiliary classifier on the output of cell AUXILIARY_LAYER (used in training only)."""

    def __init__(self, c_in, num_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.ReLU(inplace=False),
)PY";

constexpr const char* kAuxiliaryHeadEnd = R"PY(            nn.Conv2d(c_in, 128, 1, bias=False),
            nn.BatchNorm2d(128, affine=True),
            nn.ReLU(inplace=False),
            nn.Conv2d(128, 768, 2, bias=False),
            nn.BatchNorm2d(768, affine=True),
            nn.ReLU(inplace=False),
        )
        self.classifier = nn.Linear(768, num_classes)

    def forward(self, x):
        x = self.features(x)
        return self.classifier(x.flatten(1))
)PY";

// The network class; "@CLASS@" stands for the class name.
constexpr const char* kNetwork = R"PY(

class @CLASS@(nn.Module):
    """The derived network: stem, LAYERS cells (reductions at REDUCTION_LAYERS, each doubling the
    channels), global average pool, linear classifier; optionally the auxiliary head.
    In training mode with the auxiliary head, forward returns (logits, auxiliary logits);
    otherwise it returns the logits. Set `drop_path_prob` to change drop path while training."""

    def __init__(self, auxiliary=AUXILIARY, drop_path_prob=DROP_PATH_PROB):
        super().__init__()
        self.drop_path_prob = drop_path_prob
        c_curr = STEM_MULTIPLIER * INIT_CHANNELS
        self.stem = nn.Sequential(
            nn.Conv2d(INPUT_SHAPE[0], c_curr, 3, padding=1, bias=False),
            nn.BatchNorm2d(c_curr, affine=True),
        )
        c_prev_prev, c_prev, c = c_curr, c_curr, INIT_CHANNELS
        reduction_prev = False
        self.cells = []  # registered as cell0, cell1, ..., NAS Studio's names
        self.auxiliary = None
        for layer in range(LAYERS):
            reduction = layer in REDUCTION_LAYERS
            if reduction:
                c *= 2
            edges, concat = (REDUCE_EDGES, REDUCE_CONCAT) if reduction else (NORMAL_EDGES, NORMAL_CONCAT)
            cell = Cell(edges, concat, c_prev_prev, c_prev, c, reduction, reduction_prev)
            self.add_module("cell%d" % layer, cell)
            self.cells.append(cell)
            c_prev_prev, c_prev = c_prev, len(concat) * c
            reduction_prev = reduction
            if auxiliary and layer == AUXILIARY_LAYER:
                self.auxiliary = AuxiliaryHead(c_prev, NUM_CLASSES)
        self.global_pooling = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(c_prev, NUM_CLASSES)

    def forward(self, x):
        logits_aux = None
        s0 = s1 = self.stem(x)
        for layer, cell in enumerate(self.cells):
            s0, s1 = s1, cell(s0, s1, self.drop_path_prob)
            if layer == AUXILIARY_LAYER and self.auxiliary is not None and self.training:
                logits_aux = self.auxiliary(s1)
        logits = self.classifier(self.global_pooling(s1).flatten(1))
        if logits_aux is not None:
            return logits, logits_aux
        return logits


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


def load_nas_studio_weights(model, path):
    """Loads weights NAS Studio saved for this network (`nas-studio-cli train --save-weights` or a
    run's weights.pt). Their names equal this file's module names; the auxiliary head's weights are
    skipped when the model has none. Raises on any missing, unexpected or mis-shaped tensor."""
    state = torch.jit.load(path, map_location="cpu").state_dict()
    if model.auxiliary is None:
        state = {k: v for k, v in state.items() if not k.startswith("auxiliary.")}
    model.load_state_dict(state, strict=True)
    return model


if __name__ == "__main__":
    import sys

    torch.manual_seed(0)
    model = @CLASS@()
    if len(sys.argv) > 1:
        load_nas_studio_weights(model, sys.argv[1])
        print("loaded weights from %s" % sys.argv[1])
    parameters = count_parameters(model)
    print("parameters: %d" % parameters)
    expected = PARAMETERS_WITH_AUXILIARY if model.auxiliary is not None else PARAMETERS_WITHOUT_AUXILIARY
    if parameters != expected:
        print("warning: NAS Studio's cost model expected %d parameters" % expected)
    x = torch.randn(2, *INPUT_SHAPE)
    # Inference first, while the BatchNorm statistics are still the loaded ones.
    model.eval()
    with torch.no_grad():
        logits = model(x)
    print("logits shape: %s" % (tuple(logits.shape),))
    model.train()
    out = model(x)
    if isinstance(out, tuple):
        print("training logits shape: %s, auxiliary logits shape: %s"
              % (tuple(out[0].shape), tuple(out[1].shape)))
        loss = out[0].sum() + 0.4 * out[1].sum()
    else:
        print("training logits shape: %s" % (tuple(out.shape),))
        loss = out.sum()
    loss.backward()
)PY";

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

}  // namespace

std::string pytorchSource(const space::Genotype& genotype, const space::SpaceConfig& space,
                          const PyTorchSourceOptions& options) {
    checkInputs(genotype, space, options);
    const auto shapes = space::cellShapes(space, static_cast<int>(genotype.normal.concat.size()),
                                          static_cast<int>(genotype.reduce.concat.size()));
    const int auxLayer = 2 * space.layers / 3;
    const auto& auxShape = shapes.at(static_cast<size_t>(auxLayer));
    const bool auxPoolIsDarts = auxShape.outH == 8 && auxShape.outW == 8;
    const long long paramsPlain = roundCount(space::networkCost(genotype, space, false).params);
    const long long paramsAux = roundCount(space::networkCost(genotype, space, true).params);

    std::vector<int> reductionLayers;
    for (int layer = 0; layer < space.layers; ++layer)
        if (space.isReductionLayer(layer)) reductionLayers.push_back(layer);
    std::string reductions;
    for (size_t i = 0; i < reductionLayers.size(); ++i)
        reductions += (i ? (i + 1 == reductionLayers.size() ? " and " : ", ") : "") +
                      std::to_string(reductionLayers[i]);

    std::ostringstream out;
    out << "# Generated by NAS Studio: the derived (evaluation) network of a searched genotype.\n"
        << "# Standalone: needs only PyTorch. `python3 <this file> [weights.pt]` builds the "
           "network,\n"
        << "# loads NAS Studio's trained weights if given, prints its parameter count and runs a\n"
        << "# forward pass on a random batch of 2.\n"
        << "#\n"
        << "# Space: C = " << space.channels << ", " << space.layers << " cells (reductions at cell"
        << (reductionLayers.size() == 1 ? " " : "s ") << reductions << "), stem multiplier "
        << space.stemMultiplier << ", input " << space.input.channels << "x" << space.input.height
        << "x" << space.input.width << ", " << space.classes << " classes.\n"
        << "# Auxiliary head (after cell " << auxLayer
        << "): " << (options.auxiliary ? "on" : "off")
        << " by default. Drop path: " << pythonFloat(options.dropPath) << ".\n"
        << "# Parameters (NAS Studio cost model): " << paramsPlain
        << " without the auxiliary head, " << paramsAux << " with it.\n"
        << "#\n"
        << "# States 0 and 1 are the cell inputs, state 2 + i is node i; in the reduction cell "
           "the\n"
        << "# edges from states 0 and 1 have stride 2.\n";
    writeCellSummary(out, genotype.normal, "Normal cell");
    writeCellSummary(out, genotype.reduce, "Reduction cell");
    out << "\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        << "INPUT_SHAPE = (" << space.input.channels << ", " << space.input.height << ", "
        << space.input.width << ")  # channels, height, width\n"
        << "NUM_CLASSES = " << space.classes << "\n"
        << "INIT_CHANNELS = " << space.channels << "\n"
        << "LAYERS = " << space.layers << "\n"
        << "STEM_MULTIPLIER = " << space.stemMultiplier << "\n"
        << "REDUCTION_LAYERS = (" << joinInts(reductionLayers)
        << (reductionLayers.size() == 1 ? "," : "") << ")\n"
        << "AUXILIARY_LAYER = " << auxLayer << "  # the auxiliary head reads this cell's output\n"
        << "AUXILIARY = " << (options.auxiliary ? "True" : "False") << "\n"
        << "# Pools followed by an affine BatchNorm, as SNAS-Series' code builds its genotypes "
           "(DARTS's "
           "does not).\n"
        << "POOL_BATCHNORM = " << (genotype.style == space::BuildStyle::Snas ? "True" : "False")
        << "\n"
        << "DROP_PATH_PROB = " << pythonFloat(options.dropPath) << "\n"
        << "PARAMETERS_WITHOUT_AUXILIARY = " << paramsPlain << "\n"
        << "PARAMETERS_WITH_AUXILIARY = " << paramsAux << "\n\n"
        << "# The genotype: (op, from state, to node) per edge, and the states each cell "
           "concatenates.\n";
    writeEdges(out, "NORMAL", genotype.normal);
    writeEdges(out, "REDUCE", genotype.reduce);
    out << kOpsAndCell << kAuxiliaryHeadStart;
    if (auxPoolIsDarts) {
        out << "            # The map is 8x8 here: DARTS's pooling, down to 2x2.\n"
            << "            nn.AvgPool2d(5, stride=3, padding=0, count_include_pad=False),\n";
    } else {
        out << "            # The map is " << auxShape.outH << "x" << auxShape.outW
            << " here, not the 8x8 DARTS's AvgPool2d(5, stride=3) expects: NAS Studio's choice is\n"
            << "            # an adaptive average pool down to 2x2, so any input size (28x28 too) "
               "works.\n"
            << "            nn.AdaptiveAvgPool2d(2),\n";
    }
    out << kAuxiliaryHeadEnd << replaceAll(kNetwork, "@CLASS@", options.className);
    return out.str();
}

}  // namespace nas::exporting
