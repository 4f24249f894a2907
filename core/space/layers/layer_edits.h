#pragma once
// RENA's actions on a layer network: scale a layer (its filters or kernel), insert a layer, remove
// a layer. An edit that would break the space's rules is refused with the reason, never applied.
// Torch-free.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "space/layers/layer_network.h"

namespace nas::space::layers {

enum class EditKind { Scale, Insert, Remove };
[[nodiscard]] std::string toString(EditKind kind);  // "scale", "insert", "remove"

struct Edit {
    EditKind kind = EditKind::Scale;
    // Scale, Remove: the layer (0-based). Insert: the index the new layer takes (0 .. layers), so
    // that it reads what the layer there read before.
    int position = 0;
    int filters = 0;  // Scale: the new filters (0: unchanged)
    int kernel = 0;   // Scale: the new kernel (0: unchanged)
    Layer layer;      // Insert: the new layer (its skip in the new network's states)
    bool operator==(const Edit& o) const {
        return kind == o.kind && position == o.position && filters == o.filters &&
               kernel == o.kernel && (kind != EditKind::Insert || layer == o.layer);
    }
};

struct EditResult {
    std::optional<LayerNetwork> network;  // the edited network, when the edit is allowed
    std::string refusal;                  // why not, otherwise
};

// Skips follow the layers they came from: after an insertion, states behind the new layer move up
// by one; after a removal, a skip from the removed layer's output comes from its input instead.
[[nodiscard]] EditResult applyEdit(const LayerNetwork& network, const Edit& edit,
                                   const LayerRules& rules = {});

// "scale layer 3: filters 32, kernel 5", "insert sep5x5x32 at 2", "remove layer 4" (1-based).
[[nodiscard]] std::string editText(const Edit& edit);
[[nodiscard]] nlohmann::json toJson(const Edit& edit);
// Throws std::invalid_argument naming the bad field.
[[nodiscard]] Edit editFromJson(const nlohmann::json& json);

// Edits as rows of numbers, for a sample's named tensor (engine::SampleTensor "edits" of shape
// [edits, kEditRowWidth]): kind, position, filters, kernel, then the inserted layer's kind, kernel,
// filters, stride and skip. Kinds are indexes into EditKind and allLayerKinds().
inline constexpr int kEditRowWidth = 9;
[[nodiscard]] std::vector<float> editRows(const std::vector<Edit>& edits);
// Throws std::invalid_argument for a length that is no multiple of the width or a kind out of
// range.
[[nodiscard]] std::vector<Edit> editsFromRows(const std::vector<float>& rows);

}  // namespace nas::space::layers
