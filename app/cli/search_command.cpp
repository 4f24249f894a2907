// search and resume: run a search in the foreground with terminal progress.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "engine/search_session.h"
#include "engine/workspace.h"
#include "progress_printer.h"
#include "util/atomic_file.h"

namespace nas::cli {
namespace {

std::atomic<int> g_interrupts{0};

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
                    std::fputs("\nstopping after this step (Ctrl-C again to quit at once)...\n", stderr);
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

const std::set<std::string> kSearchOptions{
    "config", "strategy", "dataset", "data-path", "epochs", "batch-size", "steps-per-epoch", "train-limit",
    "channels", "layers", "seed", "device", "preset", "max-params", "max-flops", "max-mac", "save-config",
    "workspace", "name", "threads"};

// The config file (if any) with command-line settings laid over it, validated whole.
engine::SearchConfig buildConfig(const Arguments& args) {
    nlohmann::json json = nlohmann::json::object();
    if (const auto path = args.option("config")) {
        std::ifstream in(*path);
        if (!in) throw std::runtime_error("cannot read configuration file '" + *path + "'");
        try {
            json = nlohmann::json::parse(in);
        } catch (const nlohmann::json::parse_error& e) {
            throw std::runtime_error("configuration file '" + *path + "' is not valid JSON: " + e.what());
        }
    }
    auto setString = [&](const char* option, nlohmann::json& target) {
        if (const auto v = args.option(option)) target = *v;
    };
    auto setInt = [&](const char* option, nlohmann::json& target) {
        if (args.option(option)) target = args.intOption(option, 0);
    };
    auto setDouble = [&](const char* option, nlohmann::json& target) {
        if (args.option(option)) target = args.doubleOption(option, 0);
    };
    if (args.option("strategy")) setString("strategy", json["strategy"]);
    if (args.option("name")) setString("name", json["name"]);
    if (args.option("dataset")) setString("dataset", json["dataset"]["name"]);
    if (args.option("data-path")) setString("data-path", json["dataset"]["path"]);
    if (args.option("train-limit")) setInt("train-limit", json["dataset"]["train_limit"]);
    if (args.option("epochs")) setInt("epochs", json["epochs"]);
    if (args.option("batch-size")) setInt("batch-size", json["batch_size"]);
    if (args.option("steps-per-epoch")) setInt("steps-per-epoch", json["steps_per_epoch"]);
    if (args.option("channels")) setInt("channels", json["space"]["channels"]);
    if (args.option("layers")) setInt("layers", json["space"]["layers"]);
    if (args.option("threads")) setInt("threads", json["threads"]);
    if (args.option("seed")) setInt("seed", json["seed"]);
    if (args.option("device")) setString("device", json["device"]);
    if (args.option("preset")) setString("preset", json["constraints"]["preset"]);
    if (args.option("max-params")) setDouble("max-params", json["constraints"]["max_params"]);
    if (args.option("max-flops")) setDouble("max-flops", json["constraints"]["max_flops"]);
    if (args.option("max-mac")) setDouble("max-mac", json["constraints"]["max_mac"]);
    return engine::parseSearchConfig(json);
}

int runSession(engine::SearchSession& session, bool quiet) {
    ProgressPrinter printer(quiet);
    engine::SearchControl control;
    engine::SearchOutcome outcome;
    {
        InterruptForwarder forwarder(control);
        outcome = session.run(printer, control);
    }
    if (outcome.runId > 0) std::printf("run %lld %s\n", static_cast<long long>(outcome.runId), engine::toString(outcome.status).c_str());
    if (outcome.status == engine::RunStatus::Stopped)
        std::fprintf(stderr, "resume it with: nas-studio-cli resume %lld\n", static_cast<long long>(outcome.runId));
    if (outcome.status == engine::RunStatus::Stopped) return 130;
    return outcome.ok() ? 0 : 1;
}

}  // namespace

std::string workspaceRoot(const std::string& option) {
    return option.empty() ? engine::Workspace::defaultRoot() : option;
}

int searchCommand(const Words& words) {
    const Arguments args(words, {"quiet"}, kSearchOptions);
    if (!args.positional().empty()) throw UsageError("unexpected argument '" + args.positional()[0] + "'");
    engine::SearchConfig config;
    try {
        config = buildConfig(args);
    } catch (const engine::ConfigError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    if (const auto path = args.option("save-config")) {
        util::writeTextAtomically(*path, engine::toJson(config).dump(2) + "\n");
        std::fprintf(stderr, "configuration saved to %s\n", path->c_str());
    }
    engine::SearchSession session(config, workspaceRoot(args.option("workspace", "")));
    return runSession(session, args.flag("quiet"));
}

int resumeCommand(const Words& words) {
    const Arguments args(words, {"quiet"}, {"workspace"});
    engine::SearchSession session(args.runId(), workspaceRoot(args.option("workspace", "")));
    return runSession(session, args.flag("quiet"));
}

}  // namespace nas::cli
