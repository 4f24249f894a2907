// export: a run's derived genotype as JSON + manifest, DARTS string and PyTorch module, and the
// weights `train --run` kept for it; a network of another space as its JSON form and summary.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "arguments.h"
#include "commands.h"
#include "engine/runtime.h"
#include "engine/search_config.h"
#include "engine/trained_model.h"
#include "engine/workspace.h"
#include "export/architecture_export.h"
#include "export/manifest.h"
#include "run_epoch.h"
#include "search/registry/strategy_registry.h"
#include "store/run_store.h"
#include "util/atomic_file.h"

namespace nas::cli {

namespace fs = std::filesystem;

int exportCommand(const Words& words) {
    const Arguments args(words, {"overwrite"}, {"workspace", "out", "epoch", "channels", "layers"});
    const auto out = args.option("out");
    if (!out) throw UsageError("--out DIR is required");
    const engine::Workspace workspace(existingWorkspaceRoot(args));
    const auto id = args.runId();
    // Read-only: a workspace on a read-only disk still exports (to a folder elsewhere).
    const auto found =
        findRunEpoch(store::RunStore(workspace.databasePath(), store::Access::ReadOnly), id, args);
    const auto& chosen = found.epoch;
    const auto& run = found.run;

    const auto config = engine::parseSearchConfigText(run.configJson);
    // Weights trained for this genotype (train --run): the module is written at their size, and
    // they go along, unless another size is asked for.
    auto trained = engine::readTrainedModel(workspace.runFolder(id));
    if (trained &&
        (trained->genotype != chosen.genotype || args.option("channels") || args.option("layers")))
        trained.reset();
    auto space = trained ? trained->space : config.space;
    space.channels = args.intOption("channels", space.channels);
    space.layers = args.intOption("layers", space.layers);
    checkNetworkSize(space.channels, space.layers);
    auto manifest =
        exporting::currentManifest(nlohmann::json::parse(run.configJson), run.seed, run.device);
    manifest.runId = id;
    manifest.epoch = chosen.epoch;

    // The folder ends up holding this export and nothing else: files of an earlier export (another
    // run's weights.pt, a genotype.txt this genotype has no form for) must not pass as this one's.
    // "exported/" is the folder "exported": with the separator left on, the staging folder meant to
    // go beside it would land inside it and the swap would fail.
    fs::path folder = fs::path(*out).lexically_normal();
    if (!folder.has_filename() && folder.has_parent_path()) folder = folder.parent_path();
    if (fs::exists(folder) && !fs::is_directory(folder))
        throw UsageError("--out '" + *out + "' is a file, not a folder");
    if (fs::exists(folder) && !fs::is_empty(folder) && !args.flag("overwrite"))
        throw UsageError(
            "--out '" + *out +
            "' is not empty; add --overwrite to replace what it holds with this export");
    std::vector<std::string> names;
    // A network of another space (RENA's layer chains) is written as its space's JSON form.
    const bool cells = chosen.architecture.empty();
    util::writeFolderAtomically(folder.string(), [&](const std::string& staging) {
        const auto paths =
            cells ? exporting::exportGenotype(staging, chosen.genotype, space, manifest,
                                              chosen.validAccuracy)
                  : exporting::exportArchitecture(staging,
                                                  {search::strategyDescriptor(run.strategy).space,
                                                   nlohmann::json::parse(chosen.architecture)},
                                                  config.space, manifest, chosen.validAccuracy);
        for (const auto& path : paths) names.push_back(fs::path(path).filename().string());
        if (trained) {
            fs::copy_file(fs::path(workspace.runFolder(id)) / engine::kTrainedWeightsFile,
                          fs::path(staging) / engine::kTrainedWeightsFile);
            names.push_back(engine::kTrainedWeightsFile);
        }
    });
    for (const auto& name : names) std::printf("%s\n", (folder / name).string().c_str());
    return 0;
}

}  // namespace nas::cli
