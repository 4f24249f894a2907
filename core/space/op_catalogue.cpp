#include "space/op_catalogue.h"

#include <array>
#include <stdexcept>

namespace nas::space {
namespace {

struct OpEntry {
    OpKind kind;
    std::string name;
};

const std::array<OpEntry, 15>& catalogue() {
    static const std::array<OpEntry, 15> entries{{
        {OpKind::None, "none"},
        {OpKind::MaxPool3x3, "max_pool_3x3"},
        {OpKind::AvgPool3x3, "avg_pool_3x3"},
        {OpKind::SkipConnect, "skip_connect"},
        {OpKind::SepConv3x3, "sep_conv_3x3"},
        {OpKind::SepConv5x5, "sep_conv_5x5"},
        {OpKind::DilConv3x3, "dil_conv_3x3"},
        {OpKind::DilConv5x5, "dil_conv_5x5"},
        {OpKind::SepConv7x7, "sep_conv_7x7"},
        {OpKind::Conv7x1_1x7, "conv_7x1_1x7"},
        {OpKind::Conv1x1, "conv_1x1"},
        {OpKind::Conv3x3, "conv_3x3"},
        {OpKind::Conv3x1_1x3, "conv_3x1_1x3"},
        {OpKind::MaxPool5x5, "max_pool_5x5"},
        {OpKind::MaxPool7x7, "max_pool_7x7"},
    }};
    return entries;
}

}  // namespace

std::vector<std::string> allOpNames() {
    std::vector<std::string> names;
    for (const auto& e : catalogue()) names.push_back(e.name);
    return names;
}

OpKind opKindFromName(const std::string& name) {
    for (const auto& e : catalogue())
        if (e.name == name) return e.kind;
    std::string known;
    for (const auto& e : catalogue()) known += (known.empty() ? "" : ", ") + e.name;
    throw std::invalid_argument("unknown op '" + name + "' (known ops: " + known + ")");
}

const std::string& opName(OpKind kind) {
    for (const auto& e : catalogue())
        if (e.kind == kind) return e.name;
    throw std::logic_error("op kind missing from the catalogue");
}

bool isKnownOp(const std::string& name) {
    for (const auto& e : catalogue())
        if (e.name == name) return true;
    return false;
}

bool isPool(OpKind kind) {
    return kind == OpKind::MaxPool3x3 || kind == OpKind::AvgPool3x3 || kind == OpKind::MaxPool5x5 ||
           kind == OpKind::MaxPool7x7;
}

bool isParameterFree(OpKind kind) {
    return kind == OpKind::None || kind == OpKind::SkipConnect || isPool(kind);
}

const std::vector<std::string>& dartsOps() {
    static const std::vector<std::string> ops{"none",         "max_pool_3x3", "avg_pool_3x3",
                                              "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                              "dil_conv_3x3", "dil_conv_5x5"};
    return ops;
}

const std::vector<std::string>& naspNormalOps() {
    static const std::vector<std::string> ops{"skip_connect", "conv_3x1_1x3", "dil_conv_3x3",
                                              "conv_1x1",     "conv_3x3",     "sep_conv_3x3",
                                              "sep_conv_5x5", "sep_conv_7x7"};
    return ops;
}

const std::vector<std::string>& naspReduceOps() {
    static const std::vector<std::string> ops{"skip_connect", "avg_pool_3x3", "max_pool_3x3",
                                              "max_pool_5x5", "max_pool_7x7"};
    return ops;
}

std::vector<std::string> withoutNone(const std::vector<std::string>& ops) {
    std::vector<std::string> kept;
    for (const auto& op : ops)
        if (op != "none") kept.push_back(op);
    return kept;
}

}  // namespace nas::space
