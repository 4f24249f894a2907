#pragma once
#include <cstdint>
#include <string>

#include "store/run_store.h"

namespace nas::cli {

// Prints the probe of `run`'s controller (hidden-states --probe M); returns the exit status.
int controllerProbeReport(const store::RunStore& store, const std::string& workspaceRoot,
                          std::int64_t run, int count, bool json);

}  // namespace nas::cli
