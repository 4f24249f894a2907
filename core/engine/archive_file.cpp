#include "engine/archive_file.h"

#include "util/atomic_file.h"

namespace nas::engine {

void saveArchiveAtomically(torch::serialize::OutputArchive& archive, const std::string& path) {
    util::writeBytesAtomically(path, [&archive](const util::ByteSink& sink) {
        archive.save_to([&sink](const void* data, size_t size) {
            sink(data, size);
            return size;
        });
    });
}

}  // namespace nas::engine
