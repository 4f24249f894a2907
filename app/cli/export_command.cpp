// export: a run's derived genotype as JSON + manifest, DARTS string and PyTorch module, and the
// weights `train --run` kept for it.
#include <cstdio>
#include <filesystem>

#include "arguments.h"
#include "commands.h"
#include "engine/runtime.h"
#include "engine/search_config.h"
#include "engine/trained_model.h"
#include "engine/workspace.h"
#include "export/manifest.h"
#include "run_epoch.h"
#include "store/run_store.h"
#include "util/atomic_file.h"

namespace nas::cli {

int exportCommand(const Words& words) {
    const Arguments args(words, {}, {"workspace", "out", "epoch", "channels", "layers"});
    const auto out = args.option("out");
    if (!out) throw UsageError("--out DIR is required");
    const engine::Workspace workspace(workspaceRoot(args.option("workspace", "")));
    const auto id = args.runId();
    const auto found = findRunEpoch(store::RunStore(workspace.databasePath()), id, args);
    const auto& chosen = found.epoch;
    const auto& run = found.run;

    const auto config = engine::parseSearchConfigText(run.configJson);
    // Weights trained for this genotype (train --run): the module is written at their size, and they
    // go along, unless another size is asked for.
    auto trained = engine::readTrainedModel(workspace.runFolder(id));
    if (trained && (trained->genotype != chosen.genotype || args.option("channels") || args.option("layers")))
        trained.reset();
    auto space = trained ? trained->space : config.space;
    space.channels = args.intOption("channels", space.channels);
    space.layers = args.intOption("layers", space.layers);
    auto manifest = exporting::currentManifest(nlohmann::json::parse(run.configJson), run.seed, run.device);
    manifest.runId = id;
    manifest.epoch = chosen.epoch;
    for (const auto& path : exporting::exportGenotype(*out, chosen.genotype, space, manifest, chosen.validAccuracy))
        std::printf("%s\n", path.c_str());
    if (trained) {
        const auto from = std::filesystem::path(workspace.runFolder(id)) / engine::kTrainedWeightsFile;
        const auto to = std::filesystem::path(*out) / engine::kTrainedWeightsFile;
        util::writeAtomically(to.string(), [&from](const std::string& tmp) {
            std::filesystem::copy_file(from, tmp, std::filesystem::copy_options::overwrite_existing);
        });
        std::printf("%s\n", to.string().c_str());
    }
    return 0;
}

}  // namespace nas::cli
