#pragma once
// Files that are either wholly written or not there at all: write a temporary file beside the
// target, flush it to disk, then rename over the target (atomic on POSIX file systems).
#include <cstddef>
#include <functional>
#include <string>

namespace nas::util {

// Calls `write(temporaryPath)`, then syncs and renames it to `path`. On any failure the temporary
// file is removed and the previous `path` (if any) is untouched. Throws std::runtime_error.
void writeAtomically(const std::string& path,
                     const std::function<void(const std::string& temporaryPath)>& write);
void writeTextAtomically(const std::string& path, const std::string& text);

// Receives the bytes of a file being written, in order.
using ByteSink = std::function<void(const void* data, std::size_t size)>;
// For writers that must not see a failure midway (LibTorch's archive writer, when its output fails,
// throws a second time from a destructor and aborts the process): `produce` hands its bytes to the
// sink, which never fails; after it returns, a failed write (disk full, file too large) throws
// std::runtime_error naming `path` and the system's reason. The file is then not there, nor any
// temporary, and the previous `path` (if any) is untouched.
void writeBytesAtomically(const std::string& path,
                          const std::function<void(const ByteSink& sink)>& produce);

// Calls `write(stagingFolder)` on a new folder beside `folder`, then puts it in `folder`'s place:
// afterwards `folder` holds exactly what `write` wrote. On any failure the staging folder is
// removed and `folder` is untouched. Throws std::runtime_error.
void writeFolderAtomically(const std::string& folder,
                           const std::function<void(const std::string& stagingFolder)>& write);

}  // namespace nas::util
