#include "data/cifar_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace nas::data {

namespace {

constexpr int kSide = 32;
constexpr int kChannels = 3;
constexpr int kClasses = 10;
constexpr std::size_t kImageBytes = std::size_t{kChannels} * kSide * kSide;
constexpr std::size_t kRecordBytes = 1 + kImageBytes;  // 3073

struct BatchFile {
    std::string path;
    std::size_t records = 0;
};

std::vector<std::string> batchNames(Split split) {
    if (split == Split::Test) return {"test_batch.bin"};
    return {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
            "data_batch_5.bin"};
}

// Checks every file up front, so a broken set fails the same way whatever `limit` is.
std::vector<BatchFile> listBatches(const std::string& dir, Split split) {
    const std::vector<std::string> names = batchNames(split);
    std::filesystem::path base(dir);
    std::error_code ec;
    if (!std::filesystem::exists(base / names.front(), ec) &&
        std::filesystem::exists(base / "cifar-10-batches-bin" / names.front(), ec))
        base /= "cifar-10-batches-bin";

    std::vector<BatchFile> batches;
    for (const std::string& name : names) {
        const std::string path = (base / name).string();
        if (!std::filesystem::is_regular_file(path, ec))
            throw DatasetError(path + ": no such file");
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (ec) throw DatasetError(path + ": cannot read its size: " + ec.message());
        if (size == 0 || size % kRecordBytes != 0)
            throw DatasetError(path + ": size " + std::to_string(size) +
                               " bytes is not a whole, non-zero number of " +
                               std::to_string(kRecordBytes) + "-byte records");
        batches.push_back({path, static_cast<std::size_t>(size / kRecordBytes)});
    }
    return batches;
}

const std::vector<std::string>& cifarClassNames() {
    static const std::vector<std::string> names{"airplane", "automobile", "bird",  "cat",  "deer",
                                                "dog",      "frog",       "horse", "ship", "truck"};
    return names;
}

}  // namespace

ImageSet readCifar10(const std::string& dir, Split split, int limit) {
    const std::vector<BatchFile> batches = listBatches(dir, split);
    std::size_t total = 0;
    for (const BatchFile& batch : batches) total += batch.records;
    if (limit > 0 && static_cast<std::size_t>(limit) < total)
        total = static_cast<std::size_t>(limit);

    ImageSet set;
    set.channels = kChannels;
    set.height = kSide;
    set.width = kSide;
    set.classes = kClasses;
    set.classNames = cifarClassNames();
    set.pixels.resize(total * kImageBytes);
    set.labels.reserve(total);

    std::vector<char> record(kRecordBytes);
    for (const BatchFile& batch : batches) {
        if (set.labels.size() == total) break;
        std::ifstream in(batch.path, std::ios::binary);
        if (!in) throw DatasetError(batch.path + ": cannot open: " + std::strerror(errno));
        for (std::size_t r = 0; r < batch.records && set.labels.size() < total; ++r) {
            if (!in.read(record.data(), static_cast<std::streamsize>(kRecordBytes)))
                throw DatasetError(batch.path + ": read failed at record " + std::to_string(r));
            const auto label = static_cast<unsigned char>(record[0]);
            if (label >= kClasses)
                throw DatasetError(batch.path + ": label " + std::to_string(label) + " of record " +
                                   std::to_string(r) + " is out of range, expected 0.." +
                                   std::to_string(kClasses - 1));
            std::memcpy(set.pixels.data() + set.labels.size() * kImageBytes, record.data() + 1,
                        kImageBytes);
            set.labels.push_back(label);
        }
    }
    set.count = static_cast<int>(set.labels.size());
    return set;
}

}  // namespace nas::data
