#pragma once
#include <torch/serialize/output-archive.h>

#include <string>

namespace nas::engine {

// Writes a LibTorch archive to `path` atomically, through a sink that never fails: LibTorch's own
// file writer aborts the process when the disk fills up. A failed write throws std::runtime_error
// naming the file and leaves neither a partial file nor a temporary behind.
void saveArchiveAtomically(torch::serialize::OutputArchive& archive, const std::string& path);

}  // namespace nas::engine
