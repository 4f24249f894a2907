#include "space/layers/layer_edits.h"

#include <algorithm>
#include <stdexcept>

namespace nas::space::layers {
namespace {

std::string layerNumber(int position) { return "layer " + std::to_string(position + 1); }

EditResult refuse(std::string reason) { return {std::nullopt, std::move(reason)}; }

std::optional<std::string> scaleProblem(const Layer& layer, const Edit& edit) {
    if (edit.filters == 0 && edit.kernel == 0) return "a scale must change the filters or kernel";
    if (edit.filters != 0 && isPool(layer.kind)) return "a pooling has no filters to scale";
    if ((edit.filters == 0 || edit.filters == layer.filters) &&
        (edit.kernel == 0 || edit.kernel == layer.kernel))
        return "the layer already has those filters and that kernel";
    return std::nullopt;
}

}  // namespace

std::string toString(EditKind kind) {
    switch (kind) {
        case EditKind::Scale:
            return "scale";
        case EditKind::Insert:
            return "insert";
        case EditKind::Remove:
            return "remove";
    }
    return "?";
}

EditResult applyEdit(const LayerNetwork& network, const Edit& edit, const LayerRules& rules) {
    const auto count = static_cast<int>(network.layers.size());
    LayerNetwork edited = network;
    switch (edit.kind) {
        case EditKind::Scale: {
            if (edit.position < 0 || edit.position >= count)
                return refuse("no " + layerNumber(edit.position) + " to scale");
            auto& layer = edited.layers[static_cast<std::size_t>(edit.position)];
            if (const auto problem = scaleProblem(layer, edit)) return refuse(*problem);
            if (edit.filters != 0) layer.filters = edit.filters;
            if (edit.kernel != 0) layer.kernel = edit.kernel;
            break;
        }
        case EditKind::Insert: {
            if (edit.position < 0 || edit.position > count)
                return refuse("a layer can be inserted at 1 to " + std::to_string(count + 1) +
                              ", not " + std::to_string(edit.position + 1));
            for (auto& layer : edited.layers)
                if (layer.skipFrom > edit.position) ++layer.skipFrom;
            edited.layers.insert(edited.layers.begin() + edit.position, edit.layer);
            break;
        }
        case EditKind::Remove: {
            if (edit.position < 0 || edit.position >= count)
                return refuse("no " + layerNumber(edit.position) + " to remove");
            edited.layers.erase(edited.layers.begin() + edit.position);
            // The removed layer wrote state position + 1; its input, state position, takes its
            // place.
            for (auto& layer : edited.layers)
                if (layer.skipFrom > edit.position) --layer.skipFrom;
            break;
        }
    }
    try {
        validate(edited, rules);
    } catch (const std::invalid_argument& e) {
        return refuse(e.what());
    }
    return {edited, ""};
}

std::string editText(const Edit& edit) {
    switch (edit.kind) {
        case EditKind::Scale: {
            std::string text = "scale " + layerNumber(edit.position) + ":";
            if (edit.filters != 0) text += " filters " + std::to_string(edit.filters);
            if (edit.filters != 0 && edit.kernel != 0) text += ",";
            if (edit.kernel != 0) text += " kernel " + std::to_string(edit.kernel);
            return text;
        }
        case EditKind::Insert:
            return "insert " + layerText(edit.layer) + " at " + std::to_string(edit.position + 1);
        case EditKind::Remove:
            return "remove " + layerNumber(edit.position);
    }
    return "?";
}

nlohmann::json toJson(const Edit& edit) {
    nlohmann::json json = {{"kind", toString(edit.kind)}, {"position", edit.position}};
    if (edit.kind == EditKind::Scale) {
        json["filters"] = edit.filters;
        json["kernel"] = edit.kernel;
    }
    if (edit.kind == EditKind::Insert) {
        LayerNetwork one;
        one.layers = {edit.layer};
        json["layer"] = toJson(one)["layers"][0];
    }
    return json;
}

Edit editFromJson(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("kind") || !json["kind"].is_string() ||
        !json.contains("position") || !json["position"].is_number_integer())
        throw std::invalid_argument("an edit needs a 'kind' and a whole-number 'position'");
    Edit edit;
    const auto kind = json["kind"].get<std::string>();
    if (kind == "scale") {
        edit.kind = EditKind::Scale;
        edit.filters = json.value("filters", 0);
        edit.kernel = json.value("kernel", 0);
    } else if (kind == "insert") {
        edit.kind = EditKind::Insert;
        if (!json.contains("layer"))
            throw std::invalid_argument("an insert edit needs its 'layer'");
        edit.layer =
            layerNetworkFromJson({{"stem_filters", 0}, {"layers", {json["layer"]}}}).layers[0];
    } else if (kind == "remove") {
        edit.kind = EditKind::Remove;
    } else {
        throw std::invalid_argument("unknown edit kind '" + kind + "' (scale, insert, remove)");
    }
    edit.position = json["position"].get<int>();
    return edit;
}

std::vector<float> editRows(const std::vector<Edit>& edits) {
    const auto& kinds = allLayerKinds();
    std::vector<float> rows;
    for (const auto& e : edits) {
        const auto kind = std::find(kinds.begin(), kinds.end(), e.layer.kind) - kinds.begin();
        for (const int value :
             {static_cast<int>(e.kind), e.position, e.filters, e.kernel, static_cast<int>(kind),
              e.layer.kernel, e.layer.filters, e.layer.stride, e.layer.skipFrom})
            rows.push_back(static_cast<float>(value));
    }
    return rows;
}

std::vector<Edit> editsFromRows(const std::vector<float>& rows) {
    if (rows.size() % kEditRowWidth != 0)
        throw std::invalid_argument("edit rows hold " + std::to_string(rows.size()) +
                                    " numbers, not a multiple of " + std::to_string(kEditRowWidth));
    const auto& kinds = allLayerKinds();
    std::vector<Edit> edits;
    for (std::size_t r = 0; r < rows.size(); r += kEditRowWidth) {
        auto at = [&](std::size_t column) { return static_cast<int>(rows[r + column]); };
        if (at(0) < 0 || at(0) > static_cast<int>(EditKind::Remove) || at(4) < 0 ||
            at(4) >= static_cast<int>(kinds.size()))
            throw std::invalid_argument("an edit row names an unknown kind");
        Edit e;
        e.kind = static_cast<EditKind>(at(0));
        e.position = at(1);
        e.filters = at(2);
        e.kernel = at(3);
        e.layer = {kinds[static_cast<std::size_t>(at(4))], at(5), at(6), at(7), at(8)};
        edits.push_back(e);
    }
    return edits;
}

}  // namespace nas::space::layers
