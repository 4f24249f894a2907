#include "space/search_space.h"

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "space/layers/layer_space.h"

namespace nas::space {
namespace {

// The DARTS cell space over today's genotypes.
class CellSpace final : public SearchSpace {
  public:
    std::string name() const override { return kCellSpace; }
    std::string description() const override {
        return "DARTS cells: a normal and a reduction cell, each a DAG of ops on edges between "
               "states";
    }

    void validate(const nlohmann::json& form, const SpaceConfig& config) const override {
        const auto genotype = genotypeFromJson(form);
        space::validate(genotype);
        for (const auto& [cell, ops] : {std::pair{&genotype.normal, &config.normalOps},
                                        std::pair{&genotype.reduce, &config.reduceOps}})
            for (const auto& edge : cell->edges)
                if (std::find(ops->begin(), ops->end(), edge.op) == ops->end())
                    throw std::invalid_argument("op '" + edge.op +
                                                "' is not among this space's ops");
    }

    Cost cost(const nlohmann::json& form, const SpaceConfig& config) const override {
        return networkCost(genotypeFromJson(form), config, false);
    }
    Cost floorCost(const SpaceConfig& config) const override {
        return fixedNetworkCost(config, config.nodes, true);  // stem, cell inputs, classifier
    }

    ArchitecturePicture picture(const nlohmann::json& form) const override {
        const auto genotype = genotypeFromJson(form);
        ArchitecturePicture picture;
        for (const auto& [title, cell] : {std::pair{"normal cell", &genotype.normal},
                                          std::pair{"reduction cell", &genotype.reduce}}) {
            PictureGroup group;
            group.title = title;
            const int nodes = cell->nodeCount();
            group.nodes = {{"s0", "c_{k-2}"}, {"s1", "c_{k-1}"}};
            for (int i = 0; i < nodes; ++i)
                group.nodes.push_back({"s" + std::to_string(i + 2), std::to_string(i)});
            group.nodes.push_back({"out", "c_{k}"});
            for (const auto& e : cell->edges)
                group.edges.push_back(
                    {"s" + std::to_string(e.from), "s" + std::to_string(e.to + 2), e.op});
            for (int state : cell->concat)
                group.edges.push_back({"s" + std::to_string(state), "out", ""});
            picture.groups.push_back(std::move(group));
        }
        return picture;
    }

    std::string summary(const nlohmann::json& form) const override {
        const auto genotype = genotypeFromJson(form);
        return genotypeText(genotype).value_or(form.dump());
    }

    bool hasOpDistribution() const override { return true; }
};

struct Registry {
    std::mutex mutex;
    std::vector<std::shared_ptr<const SearchSpace>> spaces;
};

Registry& registry() {
    static Registry* instance = [] {
        auto* r = new Registry;  // never destroyed: spaces outlive static destructors
        r->spaces.push_back(std::make_shared<CellSpace>());
        r->spaces.push_back(layers::makeLayerSpace());
        return r;
    }();
    return *instance;
}

}  // namespace

void registerSpace(std::shared_ptr<const SearchSpace> space) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    for (auto& s : r.spaces)
        if (s->name() == space->name()) {
            s = std::move(space);
            return;
        }
    r.spaces.push_back(std::move(space));
}

const SearchSpace* findSpace(const std::string& name) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    for (const auto& s : r.spaces)
        if (s->name() == name) return s.get();
    return nullptr;
}

const SearchSpace& searchSpace(const std::string& name) {
    if (const auto* s = findSpace(name)) return *s;
    std::string known;
    for (const auto* s : registeredSpaces()) known += (known.empty() ? "" : ", ") + s->name();
    throw std::invalid_argument("unknown search space '" + name + "' (known: " + known + ")");
}

std::vector<const SearchSpace*> registeredSpaces() {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    std::vector<const SearchSpace*> all;
    for (const auto& s : r.spaces) all.push_back(s.get());
    return all;
}

Architecture cellArchitecture(const Genotype& genotype) { return {kCellSpace, toJson(genotype)}; }

}  // namespace nas::space
