#include "data/cifar_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

using namespace nas::data;
using nas::data::test::errorOf;
using nas::data::test::TempDir;

namespace {

constexpr std::size_t kImageBytes = 3 * 32 * 32;

// A record whose image bytes start at `first` and count up, so every record is distinct.
std::vector<char> record(std::uint8_t label, std::uint8_t first) {
    std::vector<char> bytes(1 + kImageBytes);
    bytes[0] = static_cast<char>(label);
    for (std::size_t i = 0; i < kImageBytes; ++i) bytes[1 + i] = static_cast<char>(first + i);
    return bytes;
}

void writeBatch(const std::string& path, const std::vector<std::vector<char>>& records,
                std::size_t extraBytes = 0) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& r : records) out.write(r.data(), static_cast<std::streamsize>(r.size()));
    for (std::size_t i = 0; i < extraBytes; ++i) out.put('\0');
    ASSERT_TRUE(out.good()) << path;
}

std::vector<std::uint8_t> imageOf(const std::vector<char>& rec) {
    return {rec.begin() + 1, rec.end()};
}

}  // namespace

TEST(CifarReader, ReadsATwoRecordTestBatchExactly) {
    TempDir dir;
    const auto first = record(3, 0), second = record(9, 100);
    writeBatch(dir.file("test_batch.bin"), {first, second});
    const ImageSet set = readCifar10(dir.str(), Split::Test);
    EXPECT_EQ(set.count, 2);
    EXPECT_EQ(set.channels, 3);
    EXPECT_EQ(set.height, 32);
    EXPECT_EQ(set.width, 32);
    EXPECT_EQ(set.classes, 10);
    ASSERT_EQ(set.classNames.size(), 10u);
    EXPECT_EQ(set.classNames[3], "cat");
    EXPECT_EQ(set.labels, (std::vector<std::int64_t>{3, 9}));
    std::vector<std::uint8_t> expected = imageOf(first);
    const auto tail = imageOf(second);
    expected.insert(expected.end(), tail.begin(), tail.end());
    // Records are R, G, B planes already: the bytes go through unchanged.
    EXPECT_EQ(set.pixels, expected);
    EXPECT_EQ(readCifar10(dir.str(), Split::Test, 1).labels, (std::vector<std::int64_t>{3}));
}

TEST(CifarReader, ReadsTrainBatchesInOrderUpToTheLimit) {
    TempDir dir;
    for (int b = 1; b <= 5; ++b)
        writeBatch(dir.file("data_batch_" + std::to_string(b) + ".bin"),
                   {record(static_cast<std::uint8_t>(b), static_cast<std::uint8_t>(b))});
    EXPECT_EQ(readCifar10(dir.str(), Split::Train).labels,
              (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    const ImageSet limited = readCifar10(dir.str(), Split::Train, 3);
    EXPECT_EQ(limited.count, 3);
    EXPECT_EQ(limited.labels, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(limited.pixels.size(), 3 * kImageBytes);
    EXPECT_EQ(limited.pixels[2 * kImageBytes], 3);
}

TEST(CifarReader, FindsTheArchivesOwnFolder) {
    TempDir dir;
    std::filesystem::create_directory(dir.file("cifar-10-batches-bin"));
    writeBatch(dir.file("cifar-10-batches-bin/test_batch.bin"), {record(1, 0)});
    EXPECT_EQ(readCifar10(dir.str(), Split::Test).count, 1);
}

TEST(CifarReader, MissingFileNamesThePath) {
    TempDir dir;
    for (int b = 1; b <= 4; ++b)
        writeBatch(dir.file("data_batch_" + std::to_string(b) + ".bin"), {record(0, 0)});
    // Even when the limit would be met before it, a missing batch is an error.
    const std::string message = errorOf([&] { (void)readCifar10(dir.str(), Split::Train, 1); });
    EXPECT_NE(message.find(dir.file("data_batch_5.bin") + ": no such file"), std::string::npos)
        << message;
}

TEST(CifarReader, SizeMustBeAWholeNumberOfRecords) {
    TempDir dir;
    writeBatch(dir.file("test_batch.bin"), {record(0, 0), record(1, 0)}, 7);
    const std::string message = errorOf([&] { (void)readCifar10(dir.str(), Split::Test); });
    EXPECT_NE(message.find("test_batch.bin: size 6153 bytes is not a whole"), std::string::npos)
        << message;
    EXPECT_NE(message.find("3073-byte records"), std::string::npos) << message;

    writeBatch(dir.file("test_batch.bin"), {});
    EXPECT_NE(errorOf([&] { (void)readCifar10(dir.str(), Split::Test); }).find("size 0 bytes"),
              std::string::npos);
}

TEST(CifarReader, LabelsMustBeBelowTen) {
    TempDir dir;
    writeBatch(dir.file("test_batch.bin"), {record(2, 0), record(10, 0)});
    const std::string message = errorOf([&] { (void)readCifar10(dir.str(), Split::Test); });
    EXPECT_NE(message.find("test_batch.bin: label 10 of record 1 is out of range"),
              std::string::npos)
        << message;
}
