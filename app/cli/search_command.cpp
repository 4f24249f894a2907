// search and resume: run a search in the foreground with terminal progress.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

#include "arguments.h"
#include "commands.h"
#include "engine/search_session.h"
#include "engine/workspace.h"
#include "job_ranks.h"
#include "messages.h"
#include "progress_printer.h"
#include "search/registry/strategy_registry.h"
#include "store/run_store.h"
#include "util/atomic_file.h"

namespace nas::cli {
namespace {

std::atomic<int> g_interrupts{0};

// " --workspace DIR" when the command was given one, for the resume command it suggests: without
// it, the suggestion would look in the default workspace and not find the run.
std::string g_workspaceArgument;
// The same for a rank of a data-parallel job: every rank resumes with its own --rank.
std::string g_rankArguments;

void rememberWorkspaceArgument(const Arguments& args) {
    if (const auto workspace = args.option("workspace"))
        g_workspaceArgument = " --workspace " + shellQuoted(*workspace);
}

void onInterrupt(int) {
    // A second Ctrl-C gives up on a clean stop.
    if (g_interrupts.fetch_add(1) >= 1) ::_exit(130);
}

// Turns SIGINT/SIGTERM into a stop command: the handler only counts; this thread, which may take
// locks, forwards it.
class InterruptForwarder final {
  public:
    explicit InterruptForwarder(engine::SearchControl& control) : m_control(control) {
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        m_thread = std::thread([this] {
            while (!m_done.load()) {
                if (g_interrupts.load() > 0 && !m_control.stopRequested()) {
                    std::fputs("\nstopping after this step (Ctrl-C again to quit at once)...\n",
                               stderr);
                    m_control.requestStop();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
    }
    ~InterruptForwarder() {
        m_done = true;
        m_thread.join();
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }

  private:
    engine::SearchControl& m_control;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

// A strategy setting with a flag of its own (StrategyOption::searchFlag), e.g. --min-intensity.
struct StrategyFlag {
    std::string flag;
    std::string pointer;  // where it lands in the config JSON
    engine::OptionValue defaultValue;
};

std::vector<StrategyFlag> strategyFlags() {
    std::vector<StrategyFlag> flags;
    for (const auto* strategy : search::registeredStrategies())
        for (const auto& option : strategy->options)
            if (!option.searchFlag.empty())
                flags.push_back({option.searchFlag,
                                 "/" + strategy->name + search::optionJsonPointer(option.key),
                                 option.defaultValue});
    return flags;
}

// The search flags that set a config value: each lands at its place in the config JSON; absent
// flags leave the file's value alone.
enum class Kind { Text, Integer, Number, Seed };
struct Flag {
    const char* option;
    const char* pointer;
    Kind kind;
};
const Flag kConfigFlags[] = {
    {"strategy", "/strategy", Kind::Text},
    {"name", "/name", Kind::Text},
    {"dataset", "/dataset/name", Kind::Text},
    {"data-path", "/dataset/path", Kind::Text},
    {"train-limit", "/dataset/train_limit", Kind::Integer},
    {"epochs", "/epochs", Kind::Integer},
    {"batch-size", "/batch_size", Kind::Integer},
    {"steps-per-epoch", "/steps_per_epoch", Kind::Integer},
    {"channels", "/space/channels", Kind::Integer},
    {"layers", "/space/layers", Kind::Integer},
    {"threads", "/threads", Kind::Integer},
    {"seed", "/seed", Kind::Seed},
    {"device", "/device", Kind::Text},
    {"preset", "/constraints/preset", Kind::Text},
    {"max-params", "/constraints/max_params", Kind::Number},
    {"max-flops", "/constraints/max_flops", Kind::Number},
    {"max-mac", "/constraints/max_mac", Kind::Number},
    {"min-intensity", "/constraints/min_intensity", Kind::Number},
};

// Every option search takes: the config flags above, the strategies' own, the ranks'.
std::set<std::string> searchOptions() {
    std::set<std::string> options{"config", "save-config", "workspace"};
    for (const auto& flag : kConfigFlags) options.insert(flag.option);
    for (const auto& flag : strategyFlags()) options.insert(flag.flag);
    options.insert(rankOptions().begin(), rankOptions().end());
    return options;
}

// The config file (if any) with command-line settings laid over it, validated whole.
engine::SearchConfig buildConfig(const Arguments& args) {
    nlohmann::json json = nlohmann::json::object();
    if (const auto path = args.option("config")) {
        std::ifstream in(*path);
        if (!in) throw std::runtime_error("cannot read configuration file '" + *path + "'");
        try {
            json = nlohmann::json::parse(in);
        } catch (const nlohmann::json::exception&
                     e) {  // parse errors, and numbers too large for a double
            throw std::runtime_error("configuration file '" + *path +
                                     "' is not valid JSON: " + e.what());
        }
    }
    // The flags below are laid over an object; on anything else nlohmann would fail with a message
    // about JSON pointers and array indexes.
    if (!json.is_object()) {
        const std::string kind = json.type_name();
        throw engine::ConfigError(
            {"the configuration must be a JSON object ({ \"strategy\": ... }), not " +
             std::string(kind == "array"  ? "an "
                         : kind == "null" ? ""
                                          : "a ") +
             kind});
    }
    for (const auto& flag : kConfigFlags) {
        const auto value = args.option(flag.option);
        if (!value) continue;
        auto& target = json[nlohmann::json::json_pointer(flag.pointer)];
        if (flag.kind == Kind::Text) target = *value;
        if (flag.kind == Kind::Integer) target = args.intOption(flag.option, 0);
        if (flag.kind == Kind::Number) target = args.doubleOption(flag.option, 0);
        if (flag.kind == Kind::Seed) target = args.seedOption(flag.option, 0);
    }
    if (args.flag("deterministic")) json["deterministic"] = true;
    for (const auto& flag : strategyFlags()) {
        const auto value = args.option(flag.flag);
        if (!value) continue;
        auto& target = json[nlohmann::json::json_pointer(flag.pointer)];
        // The setting's type is its default's.
        std::visit(
            [&](const auto& defaultValue) {
                using T = std::decay_t<decltype(defaultValue)>;
                if constexpr (std::is_same_v<T, std::string>) target = *value;
                if constexpr (std::is_same_v<T, double>) target = args.doubleOption(flag.flag, 0);
                if constexpr (std::is_same_v<T, std::int64_t>)
                    target = args.intOption(flag.flag, 0);
                if constexpr (std::is_same_v<T, bool>) target = *value == "true";
            },
            flag.defaultValue);
    }
    return engine::parseSearchConfig(json);
}

// A workspace that a search is about to create, removed again if the search fails before it
// records a run (a bad dataset, an unknown device): a typo in --data-path must not leave an empty
// database, nor empty folders, where the user never meant to keep runs.
class NewWorkspaceGuard final {
  public:
    explicit NewWorkspaceGuard(const std::string& root) {
        std::error_code ec;
        m_database = std::filesystem::path(root) / engine::Workspace::kDatabaseFile;
        if (std::filesystem::exists(m_database, ec)) return;
        m_active = true;
        // The outermost folder that does not exist yet: the workspace creates it and all below.
        for (auto folder = std::filesystem::absolute(root, ec).lexically_normal();
             !folder.empty() && !std::filesystem::exists(folder, ec);
             folder = folder.parent_path()) {
            m_createdFolders.push_back(folder);
            if (folder == folder.parent_path()) break;
        }
    }

    // Called once the search has ended without recording a run; only what it created goes.
    void removeUnused() const {
        if (!m_active) return;
        std::error_code ec;
        // Another search started beside this one may have recorded a run in it meanwhile.
        try {
            if (std::filesystem::exists(m_database, ec) &&
                !store::RunStore(m_database.string()).listRuns().empty())
                return;
        } catch (const std::exception&) {
            return;  // unreadable: not ours to judge, so left as it is
        }
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            std::filesystem::remove(m_database.string() + suffix, ec);
        // remove() leaves a folder that is not empty: anything else found there stays.
        std::filesystem::remove(m_database.parent_path() / "runs", ec);
        for (const auto& folder : m_createdFolders) std::filesystem::remove(folder, ec);
    }

  private:
    bool m_active = false;
    std::filesystem::path m_database;
    std::vector<std::filesystem::path> m_createdFolders;  // innermost first
};

int runSession(engine::SearchSession& session, bool quiet, const parallel::RankSetup& ranks,
               std::int64_t* runId = nullptr) {
    ProgressPrinter printer(quiet);
    engine::SearchControl control;
    engine::SearchOutcome outcome;
    {
        InterruptForwarder forwarder(control);
        outcome = session.run(printer, control);
    }
    if (runId) *runId = outcome.runId;
    if (ranks.rank > 0) {
        // Rank 0 reports the run; the others say how their part ended.
        std::printf("rank %d of %d %s\n", ranks.rank, ranks.worldSize,
                    engine::toString(outcome.status).c_str());
    } else if (outcome.runId > 0) {
        std::printf("run %lld %s\n", static_cast<long long>(outcome.runId),
                    engine::toString(outcome.status).c_str());
    }
    const bool stopped = outcome.status == engine::RunStatus::Stopped;
    // A failed run keeps its last checkpoint (a full disk, a lost dataset): it goes on from there.
    if (outcome.runId > 0 && (stopped || outcome.status == engine::RunStatus::Failed))
        std::fprintf(stderr, "%s: nas-studio-cli resume %lld%s%s%s\n",
                     stopped ? "resume it with" : "once the cause is fixed, resume it with",
                     static_cast<long long>(outcome.runId), g_workspaceArgument.c_str(),
                     rankArguments(ranks).c_str(),
                     ranks.distributed() ? " (and every other rank with its own --rank)" : "");
    if (stopped) return kExitInterrupted;
    return outcome.ok() ? kExitOk : kExitFailed;
}

}  // namespace

std::string workspaceRoot(const Arguments& args) {
    const auto option = args.option("workspace");
    if (option && option->empty()) throw UsageError("--workspace needs a folder");
    return option ? *option : engine::Workspace::defaultRoot();
}

std::string existingWorkspaceRoot(const Arguments& args) {
    const auto root = workspaceRoot(args);
    // Checked by path: opening it would create the folder and the database.
    if (!std::filesystem::exists(std::filesystem::path(root) / engine::Workspace::kDatabaseFile))
        throw std::runtime_error("no workspace at '" + root + "' (no " +
                                 engine::Workspace::kDatabaseFile +
                                 " there): check --workspace, or start a search to create it");
    return root;
}

int searchCommand(const Words& words) {
    const Arguments args(words, {"quiet", "deterministic"}, searchOptions());
    args.rejectPositional();
    rememberWorkspaceArgument(args);
    engine::SearchConfig config;
    try {
        config = buildConfig(args);
    } catch (const engine::ConfigError& e) {
        // Name the file: a problem in a config written weeks ago must say where to look.
        const auto path = args.option("config");
        printError("invalid search configuration" +
                   (path ? " in '" + *path + "' or the options given" : std::string()) + ":");
        for (const auto& problem : e.problems()) std::fprintf(stderr, "  - %s\n", problem.c_str());
        return kExitUsage;
    }
    if (const auto path = args.option("save-config")) {
        util::writeTextAtomically(*path, engine::toJson(config).dump(2) + "\n");
        std::fprintf(stderr, "configuration saved to %s\n", path->c_str());
    }
    const auto ranks = rankSetup(args);
    const std::string root = workspaceRoot(args);
    // Only rank 0 creates the workspace; the others never touch it.
    std::optional<NewWorkspaceGuard> newWorkspace;
    if (ranks.rank == 0) newWorkspace.emplace(root);
    std::int64_t runId = 0;
    int code = 1;
    {
        engine::SearchSession session(config, root, joinRanks(ranks));
        code = runSession(session, args.flag("quiet") || ranks.rank > 0, ranks, &runId);
    }  // the session has closed the database
    if (runId == 0 && newWorkspace) newWorkspace->removeUnused();
    return code;
}

int resumeCommand(const Words& words) {
    auto options = rankOptions();
    options.insert("workspace");
    const Arguments args(words, {"quiet"}, options);
    rememberWorkspaceArgument(args);
    const auto ranks = rankSetup(args);
    engine::SearchSession session(args.runId(), existingWorkspaceRoot(args), joinRanks(ranks));
    return runSession(session, args.flag("quiet") || ranks.rank > 0, ranks);
}

}  // namespace nas::cli
