// nas-studio-cli: run, resume, list, show, export, train and inspect architecture searches.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "engine/error_text.h"

namespace {

const char* kUsage = R"(usage: nas-studio-cli <command> [options]

commands:
  search   --config FILE | [--strategy snas|nasp|darts|random] [--dataset fashion-mnist|cifar10|synthetic]
           [--data-path DIR] [--epochs N] [--batch-size N] [--steps-per-epoch N] [--train-limit N]
           [--channels C] [--layers L] [--seed S] [--device auto|cpu|cuda] [--preset none|mild|moderate|aggressive]
           [--max-params P] [--save-config FILE] [--quiet]
           Ctrl-C stops cleanly and keeps the run resumable.
  resume   RUN_ID          continue a stopped or interrupted run from its last checkpoint
  runs     [--json]        list the runs of the workspace
  show     RUN_ID [--json] a run's config, epochs and derived genotype
  export   RUN_ID --out DIR [--overwrite] [--epoch N] [--channels C --layers L]
           genotype.json (costs + manifest), genotype.txt (DARTS string), model.py (PyTorch), and
           weights.pt when `train --run` trained that genotype (model.py is then at the trained size);
           DIR must be empty or new, or given with --overwrite: it then holds this export alone
  train    --genotype G | --baseline-like G | --run RUN_ID [--epoch N]
           train from scratch, report test accuracy; --run trains the run's derived genotype on its
           dataset and keeps the weights in the run folder (the studio's export offers them)
           [--dataset ...] [--epochs N] [--channels C] [--layers L] [--batch-size N] [--lr X]
           [--train-limit N] [--test-limit N] [--no-auxiliary] [--drop-path P] [--save-weights FILE] [--json]
  inspect  --genotype G [--channels 36] [--layers 20] [--classes 10] [--input 3x32x32] [--auxiliary]
           [--latency] [--json]

G is a published name (DARTS_V1, DARTS_V2), a DARTS Genotype(...) string, JSON, or a file holding one.
Every command takes --workspace DIR (default: $NAS_STUDIO_WORKSPACE or ~/.local/share/nas-studio).
)";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::map<std::string, int (*)(const nas::cli::Words&)> commands{
        {"search", nas::cli::searchCommand}, {"resume", nas::cli::resumeCommand}, {"runs", nas::cli::runsCommand},
        {"show", nas::cli::showCommand},     {"export", nas::cli::exportCommand}, {"train", nas::cli::trainCommand},
        {"inspect", nas::cli::inspectCommand}};
    const auto it = commands.find(argv[1]);
    if (it == commands.end()) {
        std::fprintf(stderr, "nas-studio-cli: unknown command '%s'\n\n%s", argv[1], kUsage);
        return 2;
    }
    const nas::cli::Words words(argv + 2, argv + argc);
    if (std::find(words.begin(), words.end(), "--help") != words.end()) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    try {
        return it->second(words);
    } catch (const nas::cli::UsageError& e) {
        std::fprintf(stderr, "nas-studio-cli %s: %s\n", argv[1], e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nas-studio-cli %s: error: %s\n", argv[1], nas::engine::errorText(e).c_str());
        return 1;
    }
}
