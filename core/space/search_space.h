#pragma once
// The architecture interface: what strategies, costs, exports and views need to know of a search
// space, so that spaces other than the DARTS cell (a layer-level space for RENA) join as additions.
// An architecture travels as its space's name plus a JSON form; the space gives its cost, a
// picture any view can lay out, and a one-line summary. Torch-free.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "space/cost_model.h"
#include "space/genotype.h"
#include "space/space_config.h"

namespace nas::space {

// An architecture of some registered space.
struct Architecture {
    std::string space;    // the SearchSpace's name
    nlohmann::json form;  // that space's JSON form
};

// A drawing as plain data: groups (a cell type, a stage) of labelled nodes joined by labelled
// edges.
struct PictureNode {
    std::string id;
    std::string label;
};
struct PictureEdge {
    std::string from;  // node ids
    std::string to;
    std::string label;
};
struct PictureGroup {
    std::string title;
    std::vector<PictureNode> nodes;
    std::vector<PictureEdge> edges;
};
struct ArchitecturePicture {
    std::vector<PictureGroup> groups;
};

class SearchSpace {
  public:
    virtual ~SearchSpace() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string description() const = 0;
    // Throws std::invalid_argument naming what is wrong with `form` in the space `config` sets up.
    virtual void validate(const nlohmann::json& form, const SpaceConfig& config) const = 0;
    // Params, FLOPs and memory access of the network `form` describes.
    [[nodiscard]] virtual Cost cost(const nlohmann::json& form,
                                    const SpaceConfig& config) const = 0;
    // What every network of the space costs at least: a limit below it can never be met.
    [[nodiscard]] virtual Cost floorCost(const SpaceConfig& config) const = 0;
    [[nodiscard]] virtual ArchitecturePicture picture(const nlohmann::json& form) const = 0;
    [[nodiscard]] virtual std::string summary(const nlohmann::json& form) const = 0;
    // Whether per-edge op distributions (the alpha views) mean anything in this space.
    [[nodiscard]] virtual bool hasOpDistribution() const { return false; }
};

// Adds `space`, or replaces the one of the same name.
void registerSpace(std::shared_ptr<const SearchSpace> space);
[[nodiscard]] const SearchSpace* findSpace(const std::string& name);
// Throws std::invalid_argument naming the known spaces.
[[nodiscard]] const SearchSpace& searchSpace(const std::string& name);
// The DARTS cell space first, then others in registration order.
[[nodiscard]] std::vector<const SearchSpace*> registeredSpaces();

// The DARTS cell space: two cell types, their edges and ops; the form is the genotype's JSON.
inline constexpr const char* kCellSpace = "darts-cell";
[[nodiscard]] Architecture cellArchitecture(const Genotype& genotype);

}  // namespace nas::space
