// The real CLI on an upgraded copy of the committed v1 workspace: it lists and shows the same runs
// as it did from the v1 file (read-only, not upgraded), exports them, and resumes the stopped run.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "store/run_store.h"
#include "v1_fixture.h"

namespace nas::store {
namespace {

using namespace nas::store::testing;
using nlohmann::json;

struct Result {
    int status = -1;
    std::string output;
};

// Runs the CLI on `workspace` with `args`; stderr is dropped unless `withErrors`.
Result cli(const fs::path& workspace, const std::string& args, bool withErrors = false) {
    const std::string command = std::string(NAS_CLI_PATH) + " " + args + " --workspace '" +
                                workspace.string() + "'" + (withErrors ? " 2>&1" : " 2>/dev/null");
    Result r;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        r.output.append(buffer.data(), n);
    const int raw = ::pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

json jsonOf(const fs::path& workspace, const std::string& args) {
    const Result r = cli(workspace, args + " --json", true);
    EXPECT_EQ(r.status, 0) << args << ":\n" << r.output;
    return r.status == 0 ? json::parse(r.output, nullptr, false) : json();
}

TEST(WorkspaceV1Cli, AnUpgradedWorkspaceListsShowsExportsAndResumes) {
    ASSERT_TRUE(fs::exists(NAS_CLI_PATH)) << "build nas-studio-cli first: " << NAS_CLI_PATH;
    TempDir temp;
    const fs::path workspace = copyV1Workspace(temp.path());
    const fs::path db = workspace / "runs.sqlite";

    // runs and show open read-only: they read the v1 file as it stands and leave it v1.
    const json runsBefore = jsonOf(workspace, "runs");
    ASSERT_TRUE(runsBefore.is_array());
    ASSERT_EQ(runsBefore.size(), 3u);
    std::vector<json> showBefore;
    for (int id = 1; id <= 3; ++id)
        showBefore.push_back(jsonOf(workspace, "show " + std::to_string(id)));
    ASSERT_EQ(queryText(db, "PRAGMA user_version"), "1");

    { RunStore upgrade(db.string()); }
    ASSERT_EQ(queryText(db, "PRAGMA user_version"), "3");
    ASSERT_FALSE(hasTable(db, "architectures"));

    EXPECT_EQ(jsonOf(workspace, "runs"), runsBefore);
    for (int id = 1; id <= 3; ++id)
        EXPECT_EQ(jsonOf(workspace, "show " + std::to_string(id)), showBefore[id - 1])
            << "run " << id;

    for (int id = 1; id <= 2; ++id) {
        const fs::path out = temp.path() / ("export-" + std::to_string(id));
        const Result r =
            cli(workspace, "export " + std::to_string(id) + " --out '" + out.string() + "'", true);
        EXPECT_EQ(r.status, 0) << r.output;
        EXPECT_TRUE(fs::exists(out) && !fs::is_empty(out)) << "run " << id << " exported nothing";
    }

    // Run 3 was stopped after epoch 1 of 4; resuming it finishes it on the v2 store.
    const Result resumed = cli(workspace, "resume 3 --quiet", true);
    ASSERT_EQ(resumed.status, 0) << resumed.output;
    const json shown = jsonOf(workspace, "show 3");
    ASSERT_TRUE(shown.contains("epochs")) << shown.dump();
    EXPECT_EQ(shown["epochs"].size(), 4u) << shown.dump();
    EXPECT_EQ(RunStore(db.string(), Access::ReadOnly).findRun(3)->status,
              engine::RunStatus::Finished);
    EXPECT_EQ(queryText(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace nas::store
