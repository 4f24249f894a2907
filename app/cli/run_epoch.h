#pragma once
// The run and epoch a command works on: `RUN_ID [--epoch N]` for export, `--run RUN_ID [--epoch N]`
// for train. Errors name the run, the epoch and the database.
#include <cstdint>

#include "arguments.h"
#include "store/run_store.h"

namespace nas::cli {

struct RunEpoch {
    store::RunRecord run;
    engine::EpochMetrics
        epoch;  // the last completed one unless --epoch N (counted from 1) says which
};

[[nodiscard]] RunEpoch findRunEpoch(const store::RunStore& store, std::int64_t runId,
                                    const Arguments& args);

}  // namespace nas::cli
