#pragma once
// The subcommands of `predictor`: fit, rank and best (predictor_command.cpp dispatches).
#include "commands.h"

namespace nas::cli {

int predictorFitCommand(const Words& words);
int predictorRankCommand(const Words& words);
int predictorBestCommand(const Words& words);

}  // namespace nas::cli
