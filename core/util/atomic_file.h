#pragma once
// Files that are either wholly written or not there at all: write a temporary file beside the
// target, flush it to disk, then rename over the target (atomic on POSIX file systems).
#include <functional>
#include <string>

namespace nas::util {

// Calls `write(temporaryPath)`, then syncs and renames it to `path`. On any failure the temporary
// file is removed and the previous `path` (if any) is untouched. Throws std::runtime_error.
void writeAtomically(const std::string& path, const std::function<void(const std::string& temporaryPath)>& write);
void writeTextAtomically(const std::string& path, const std::string& text);

// Calls `write(stagingFolder)` on a new folder beside `folder`, then puts it in `folder`'s place:
// afterwards `folder` holds exactly what `write` wrote. On any failure the staging folder is removed
// and `folder` is untouched. Throws std::runtime_error.
void writeFolderAtomically(const std::string& folder, const std::function<void(const std::string& stagingFolder)>& write);

}  // namespace nas::util
