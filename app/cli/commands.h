#pragma once
// The CLI's subcommands. Each takes the words after its name and returns the exit status.
#include <string>
#include <vector>

namespace nas::cli {

using Words = std::vector<std::string>;
class Arguments;

int searchCommand(const Words& words);
int resumeCommand(const Words& words);
int runsCommand(const Words& words);
int showCommand(const Words& words);
int exportCommand(const Words& words);
int trainCommand(const Words& words);
int evaluateCommand(const Words& words);
int importResultsCommand(const Words& words);
int inspectCommand(const Words& words);
int strategiesCommand(const Words& words);
int graphDistanceCommand(const Words& words);
int hiddenStatesCommand(const Words& words);
int predictorCommand(const Words& words);
int sampleCommand(const Words& words);

// --workspace, else the default workspace; an empty --workspace is a usage error.
[[nodiscard]] std::string workspaceRoot(const Arguments& args);
// The same, for commands that only read runs: a workspace that does not exist is an error (a
// mistyped path must not turn into a new, empty workspace).
[[nodiscard]] std::string existingWorkspaceRoot(const Arguments& args);

}  // namespace nas::cli
