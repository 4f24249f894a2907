#pragma once
// The CLI's subcommands. Each takes the words after its name and returns the exit status.
#include <string>
#include <vector>

namespace nas::cli {

using Words = std::vector<std::string>;

int searchCommand(const Words& words);
int resumeCommand(const Words& words);
int runsCommand(const Words& words);
int showCommand(const Words& words);
int exportCommand(const Words& words);
int trainCommand(const Words& words);
int inspectCommand(const Words& words);

// --workspace, else the default workspace.
[[nodiscard]] std::string workspaceRoot(const std::string& option);

}  // namespace nas::cli
