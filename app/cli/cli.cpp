// The command table, usage text and error handling of nas-studio-cli.
#include "cli.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>

#include "arguments.h"
#include "commands.h"
#include "engine/error_text.h"
#include "engine/runtime.h"
#include "messages.h"
#include "search/registry/strategy_registry.h"

namespace nas::cli {
namespace {

struct Command {
    int (*run)(const Words&);
    std::string usage;  // its lines of the overall usage, also printed alone for `<command> --help`
};

// "snas|nasp|darts|random", from the registry.
std::string strategyChoice() { return nas::search::strategyNames("|"); }

// The strategies' own search flags (StrategyOption::searchFlag), a line per strategy that has any:
// "           rena: [--constraint-mode WORD]".
std::string strategyFlagsUsage() {
    std::string usage;
    for (const auto* strategy : nas::search::registeredStrategies()) {
        std::string line;
        for (const auto& option : strategy->options) {
            if (option.searchFlag.empty()) continue;
            const bool word = std::holds_alternative<std::string>(option.defaultValue);
            line += " [--" + option.searchFlag + (word ? " WORD" : " X") + "]";
        }
        if (!line.empty()) usage += "           " + strategy->name + ":" + line + "\n";
    }
    return usage;
}

// Built on each call: a strategy registered after start-up appears in the usage.
std::map<std::string, Command> commands() {
    return {
        {"search",
         {searchCommand, R"(  search   --config FILE | [--strategy )" + strategyChoice() +
                             R"(] [--dataset fashion-mnist|cifar10|synthetic]
           [--data-path DIR] [--epochs N] [--batch-size N] [--steps-per-epoch N] [--train-limit N]
           [--channels C] [--layers L] [--seed S] [--device auto|cpu|cuda] [--deterministic]
           [--preset none|mild|moderate|aggressive]
           [--max-params P] [--max-flops F] [--max-mac M] [--min-intensity X (FLOPs/byte; rena)]
           [--threads N] [--name NAME] [--save-config FILE] [--quiet]
           [--rank R --world-size W --master ADDR:PORT [--rank-timeout SECONDS]]
           (one rank of a data-parallel job; or RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT)
)" + strategyFlagsUsage() + R"(           Ctrl-C stops cleanly and keeps the run resumable.
)"}},
        {"strategies",
         {strategiesCommand,
          R"(  strategies [--json]      the search strategies, their families and config keys with defaults
)"}},
        {"resume",
         {resumeCommand,
          R"(  resume   RUN_ID          continue a stopped or interrupted run from its last checkpoint
           [--rank R --world-size W --master ADDR:PORT]: every rank of a data-parallel job
)"}},
        {"runs", {runsCommand, R"(  runs     [--json]        list the runs of the workspace
)"}},
        {"show",
         {showCommand,
          R"(  show     RUN_ID [--json] a run's config, epochs and derived genotype
)"}},
        {"export",
         {exportCommand,
          R"(  export   RUN_ID --out DIR [--overwrite] [--epoch N] [--channels C --layers L]
           genotype.json (costs + manifest), genotype.txt (DARTS string), model.py (PyTorch), and
           weights.pt when `train --run` trained that genotype (model.py is then at the trained size);
           DIR must be empty or new, or given with --overwrite: it then holds this export alone
)"}},
        {"train",
         {trainCommand,
          R"(  train    --genotype G | --baseline-like G | --run RUN_ID [--epoch N]
           train from scratch, report test accuracy; --run trains the run's derived genotype on its
           dataset and keeps the weights in the run folder (the studio's export offers them)
           [--dataset ...] [--epochs N] [--channels C] [--layers L] [--batch-size N] [--lr X]
           [--data-path DIR] [--train-limit N] [--test-limit N] [--no-augment] [--no-auxiliary] [--drop-path P]
           [--seed S] [--device auto|cpu|cuda] [--threads N] [--save-weights FILE] [--json]
)"}},
        {"evaluate",
         {evaluateCommand,
          R"(  evaluate --genotype G [--id ID] [--out FILE] [--json] and train's size, data and seed options
           train and test one candidate as one task of a job array: one JSON result (stdout with
           --json, and FILE); exit 0 done, 2 bad input (genotype, options, dataset), 3 diverged (NaN
           loss), 4 out of memory, 130 interrupted (SIGINT/SIGTERM), 1 any other failure
)"}},
        {"import-results",
         {importResultsCommand,
          R"(  import-results RUN_ID FILES...
           add `evaluate` results to a run in one transaction (show and the studio list them)
)"}},
        {"inspect",
         {inspectCommand,
          R"(  inspect  --genotype G [--channels 36] [--layers 20] [--classes 10] [--input 3x32x32] [--auxiliary]
           [--latency] [--device auto|cpu|cuda] [--json]
)"}},
        {"graph-distance",
         {graphDistanceCommand,
          R"(  graph-distance G1 G2 [--json]
           graph edit distance, common connections and common ops of two genotypes (both cells)
)"}},
        {"hidden-states",
         {hiddenStatesCommand,
          R"(  hidden-states RUN_ID [--window N] [--distance l2|cosine] [--probe M] [--json]
           how a controller's final hidden states relate to its samples: Spearman (95% bootstrap
           interval), Pearson and Kendall correlation of the hidden-state distance of every pair of
           the last N samples (default 100) with their graph edit distance, common connections,
           common ops and reward difference; for runs of controller strategies (enas)
           --probe M: M architectures drawn from one controller state, M from different states and
           M uniform samples, with the mean pairwise distances of each set (the last controller)
)"}},
        {"sample",
         {sampleCommand,
          R"(  sample   N [--seed S] [--json]
           N distinct architectures drawn uniformly from the cell space (no 'none' edge), one
           DARTS string a line
)"}},
        {"predictor",
         {predictorCommand,
          R"(  predictor fit RUN_ID [--samples N] [--recorded R] [--epochs E] [--seed S] [--model gcn|mlp]
           [--members M] [--lr X] [--batches B] [--bn-mode eval|recalibrate|batch]
           scores N uniform samples (default 1000) and the run's last R recorded ones (default all)
           with its final shared weights (B validation batches each, default 4),
           fits the predictor on 80% of them, prints its held-out Spearman and Kendall, keeps it
           with the run
  predictor rank RUN_ID --genotypes FILE [--model gcn|mlp] [--json]
           per line of FILE (one G a line): predicted score, uncertainty, raw supernet score, costs
  predictor best RUN_ID [--max-params P] [--max-flops F] [--max-mac M] [--max-latency-ms L]
           [--device auto|cpu|cuda] [--top K] [--pool N] [--seed S] [--model gcn|mlp]
           [--rescore B [--bn-mode eval|recalibrate|batch]] [--json]
           the top K (default 10) of N sampled architectures (default 10000) under the limits;
           latency (batch 1) is measured for the best predicted, in order, up to 200 of them;
           --rescore B scores the top K again on B validation batches and orders them by that
)"}},
    };
}

const char* kFooter = R"(
G is a published name (DARTS_V1, DARTS_V2), a DARTS Genotype(...) string, JSON, or a file holding one.
Every command takes --workspace DIR (default: $NAS_STUDIO_WORKSPACE or ~/.local/share/nas-studio).
--threads N sets the CPU threads of search and train (default 0: one per core); on a machine that is
busy with other work, fewer threads than cores run faster.
nas-studio-cli --version prints the version; <command> --help prints that command's options.

exit status: 0 done; 1 an error, or a search that failed (resume it once the cause is fixed);
2 a usage slip or an invalid configuration (nothing ran); 130 stopped by Ctrl-C (resumable);
evaluate adds 3 (the training diverged) and 4 (out of memory).
)";

}  // namespace

std::string usage() {
    std::string text = "usage: nas-studio-cli <command> [options]\n\ncommands:\n";
    const auto all = commands();
    for (const char* name :
         {"search", "resume", "runs", "show", "export", "train", "evaluate", "import-results",
          "inspect", "strategies", "graph-distance", "hidden-states", "sample", "predictor"})
        text += all.at(name).usage;
    return text + kFooter;
}

namespace {

std::string commandUsage(const std::string& name) {
    return "usage: nas-studio-cli " + name + " [options]\n\n" + commands().at(name).usage + kFooter;
}

}  // namespace

int run(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
        std::fputs(usage().c_str(), argc < 2 ? stderr : stdout);
        return argc < 2 ? kExitUsage : kExitOk;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::printf("nas-studio-cli %s\n", nas::engine::studioVersion().c_str());
        return kExitOk;
    }
    const auto all = commands();
    const auto it = all.find(argv[1]);
    if (it == all.end()) {
        printError(std::string("unknown command '") + terminalSafe(argv[1]) + "'");
        std::fprintf(stderr, "\n%s", usage().c_str());
        return kExitUsage;
    }
    setCommandName(it->first);
    const Words words(argv + 2, argv + argc);
    if (std::find(words.begin(), words.end(), "--help") != words.end()) {
        std::fputs(commandUsage(it->first).c_str(), stdout);
        return kExitOk;
    }
    try {
        return it->second.run(words);
    } catch (const UsageError& e) {
        printError(e.what());
        std::fprintf(stderr, "(nas-studio-cli %s --help lists its options)\n", it->first.c_str());
        return kExitUsage;
    } catch (const std::exception& e) {
        printError(nas::engine::errorText(e));
        return kExitFailed;
    }
}

}  // namespace nas::cli
