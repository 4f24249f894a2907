#pragma once
// Where a run's checkpoints lie on disk. Each checkpoint is a file of its own, named by the step it
// was taken at, and the store names the one that matches its rows: a search killed after writing a
// file but before recording it resumes from the previous pair, which is still whole. The store
// keeps names relative to the run folder, so a workspace that was moved, or named by a relative
// path, still finds its checkpoints.
#include <cstdint>
#include <string>

namespace nas::engine {

// "checkpoint-<globalStep>.pt"
[[nodiscard]] std::string checkpointFileName(std::int64_t globalStep);

// The file a store record names. A relative name lies in the run folder; an absolute path (older
// stores recorded those) is taken as written if it exists, else by its file name in the run folder.
[[nodiscard]] std::string resolveCheckpoint(const std::string& runFolder,
                                            const std::string& recorded);

// Removes the run folder's checkpoint files other than `keep` (a file name), including partial
// ones that a killed writer left. Only the process that owns the run may call it.
void removeOtherCheckpoints(const std::string& runFolder, const std::string& keep);

}  // namespace nas::engine
