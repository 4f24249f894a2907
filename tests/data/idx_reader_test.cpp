#include "data/idx_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <numeric>

#include "test_support.h"

using namespace nas::data;
using nas::data::test::errorOf;
using nas::data::test::TempDir;

namespace {

std::vector<std::uint8_t> idxBytes(std::uint32_t magic, const std::vector<std::uint32_t>& dims,
                                   const std::vector<std::uint8_t>& payload) {
    std::vector<std::uint8_t> bytes;
    auto put = [&](std::uint32_t w) {
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.push_back(static_cast<std::uint8_t>(w >> shift));
    };
    put(magic);
    for (std::uint32_t d : dims) put(d);
    bytes.insert(bytes.end(), payload.begin(), payload.end());
    return bytes;
}

void writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes, bool gzip) {
    if (gzip) {
        gzFile file = gzopen(path.c_str(), "wb");
        ASSERT_NE(file, nullptr) << path;
        ASSERT_EQ(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())),
                  static_cast<int>(bytes.size()));
        ASSERT_EQ(gzclose(file), Z_OK);
    } else {
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        ASSERT_TRUE(out.good()) << path;
    }
}

// A small IDX pair: `count` images of 3 x 4 (not square, so a rows/cols swap shows) with
// distinct bytes, and labels i % 10.
struct SmallIdx {
    int count = 5;
    std::vector<std::uint8_t> pixels;
    std::vector<std::uint8_t> labels;

    explicit SmallIdx(int n) : count(n) {
        pixels.resize(static_cast<std::size_t>(n) * 12);
        std::iota(pixels.begin(), pixels.end(), std::uint8_t{3});
        for (int i = 0; i < n; ++i) labels.push_back(static_cast<std::uint8_t>(i % 10));
    }

    void write(const TempDir& dir, const std::string& prefix, bool gzip) const {
        const std::string ext = gzip ? ".gz" : "";
        writeFile(dir.file(prefix + "-images-idx3-ubyte" + ext),
                  idxBytes(2051, {static_cast<std::uint32_t>(count), 3, 4}, pixels), gzip);
        writeFile(dir.file(prefix + "-labels-idx1-ubyte" + ext),
                  idxBytes(2049, {static_cast<std::uint32_t>(count)}, labels), gzip);
    }
};

}  // namespace

TEST(IdxReader, ReadsTheRealFashionMnistWithALimit) {
    if (!std::filesystem::exists(kDefaultFashionMnistDir))
        GTEST_SKIP() << kDefaultFashionMnistDir << " is not installed";
    const ImageSet set = readFashionMnist(kDefaultFashionMnistDir, Split::Train, 64);
    EXPECT_EQ(set.count, 64);
    EXPECT_EQ(set.channels, 1);
    EXPECT_EQ(set.height, 28);
    EXPECT_EQ(set.width, 28);
    EXPECT_EQ(set.classes, 10);
    ASSERT_EQ(set.classNames.size(), 10u);
    EXPECT_EQ(set.classNames[9], "Ankle boot");
    EXPECT_EQ(set.pixels.size(), 64u * 28 * 28);
    ASSERT_EQ(set.labels.size(), 64u);
    for (std::int64_t label : set.labels) EXPECT_TRUE(label >= 0 && label < 10) << label;
    // Real images, not zeros: Fashion-MNIST items cover a good part of the frame.
    EXPECT_GT(std::count_if(set.pixels.begin(), set.pixels.end(), [](auto p) { return p > 0; }),
              64 * 28 * 28 / 4);
}

TEST(IdxReader, ReadsTheWholeRealFashionMnistTestSplit) {
    if (!std::filesystem::exists(kDefaultFashionMnistDir))
        GTEST_SKIP() << kDefaultFashionMnistDir << " is not installed";
    const ImageSet set = readFashionMnist(kDefaultFashionMnistDir, Split::Test);
    EXPECT_EQ(set.count, 10000);
    EXPECT_EQ(set.pixels.size(), 10000u * 28 * 28);
    // The published test split holds exactly 1000 items of each class.
    std::vector<int> perClass(10, 0);
    for (std::int64_t label : set.labels) ++perClass.at(static_cast<std::size_t>(label));
    EXPECT_EQ(perClass, std::vector<int>(10, 1000));
}

TEST(IdxReader, RoundTripsGzippedAndRawFiles) {
    for (bool gzip : {true, false}) {
        SCOPED_TRACE(gzip ? "gzip" : "raw");
        TempDir dir;
        const SmallIdx idx(5);
        idx.write(dir, "train", gzip);
        const ImageSet set = readFashionMnist(dir.str(), Split::Train);
        EXPECT_EQ(set.count, 5);
        EXPECT_EQ(set.channels, 1);
        EXPECT_EQ(set.height, 3);
        EXPECT_EQ(set.width, 4);
        EXPECT_EQ(set.pixels, idx.pixels);
        EXPECT_EQ(set.labels, std::vector<std::int64_t>(idx.labels.begin(), idx.labels.end()));

        const ImageSet limited = readFashionMnist(dir.str(), Split::Train, 2);
        EXPECT_EQ(limited.count, 2);
        EXPECT_EQ(limited.pixels,
                  std::vector<std::uint8_t>(idx.pixels.begin(), idx.pixels.begin() + 24));
        EXPECT_EQ(limited.labels, (std::vector<std::int64_t>{0, 1}));
        EXPECT_EQ(readFashionMnist(dir.str(), Split::Train, 50).count, 5);
    }
}

TEST(IdxReader, ReadsTheTestSplitFromT10kFiles) {
    TempDir dir;
    SmallIdx(3).write(dir, "t10k", true);
    EXPECT_EQ(readFashionMnist(dir.str(), Split::Test).count, 3);
    EXPECT_NE(errorOf([&] {
                  (void)readFashionMnist(dir.str(), Split::Train);
              }).find("train-images-idx3-ubyte.gz"),
              std::string::npos);
}

TEST(IdxReader, MissingFileNamesThePath) {
    TempDir dir;
    const std::string message = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(message.find(dir.file("train-images-idx3-ubyte.gz")), std::string::npos) << message;
    EXPECT_NE(message.find("no such file"), std::string::npos) << message;

    SmallIdx(2).write(dir, "train", true);
    std::filesystem::remove(dir.file("train-labels-idx1-ubyte.gz"));
    const std::string labels = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(labels.find("train-labels-idx1-ubyte.gz"), std::string::npos) << labels;
}

TEST(IdxReader, BadMagicIsNamed) {
    TempDir dir;
    const SmallIdx idx(2);
    idx.write(dir, "train", true);
    // Labels where images belong: the commonest mix-up.
    writeFile(dir.file("train-images-idx3-ubyte.gz"), idxBytes(2049, {2, 3, 4}, idx.pixels), true);
    for (int limit : {0, 1}) {
        const std::string message =
            errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, limit); });
        EXPECT_NE(message.find("train-images-idx3-ubyte.gz"), std::string::npos) << message;
        EXPECT_NE(message.find("bad magic number 2049, expected 2051"), std::string::npos)
            << message;
    }
}

TEST(IdxReader, TruncatedImageFileSaysExpectedAndFoundBytes) {
    for (bool gzip : {true, false}) {
        SCOPED_TRACE(gzip ? "gzip" : "raw");
        TempDir dir;
        const SmallIdx idx(5);
        idx.write(dir, "train", gzip);
        // The header promises 5 images of 12 bytes; only 50 bytes follow.
        const std::string name = std::string("train-images-idx3-ubyte") + (gzip ? ".gz" : "");
        writeFile(dir.file(name),
                  idxBytes(2051, {5, 3, 4}, {idx.pixels.begin(), idx.pixels.begin() + 50}), gzip);
        const std::string message =
            errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
        EXPECT_NE(message.find(name), std::string::npos) << message;
        EXPECT_NE(
            message.find("truncated: expected 60 bytes of image data after the header, found 50"),
            std::string::npos)
            << message;
        // A limit that stays inside the data present does not hide it: the whole file is checked.
        const std::string limited =
            errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, 4); });
        EXPECT_NE(limited.find(name), std::string::npos) << limited;
        EXPECT_NE(
            limited.find("truncated: expected 60 bytes of image data after the header, found 50"),
            std::string::npos)
            << limited;
    }
}

TEST(IdxReader, CutGzipStreamIsReportedAsTruncated) {
    TempDir dir;
    const SmallIdx idx(200);
    idx.write(dir, "train", true);
    const std::string path = dir.file("train-images-idx3-ubyte.gz");
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
    const std::string message = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(message.find("train-images-idx3-ubyte.gz"), std::string::npos) << message;
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
}

TEST(IdxReader, ACutGzipStreamIsFoundPastTheLimit) {
    for (const char* file : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"}) {
        SCOPED_TRACE(file);
        TempDir dir;
        SmallIdx(400).write(dir, "train", true);
        const std::string path = dir.file(file);
        std::filesystem::resize_file(path, std::filesystem::file_size(path) * 2 / 3);
        const std::string message =
            errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, 2); });
        EXPECT_NE(message.find(path + ": truncated"), std::string::npos) << message;
    }
}

TEST(IdxReader, AGzipStreamCutInItsTrailerIsTruncated) {
    // Every byte of data is there; only the CRC-32 and length that end the stream are not.
    TempDir dir;
    SmallIdx(5).write(dir, "train", true);
    const std::string path = dir.file("train-images-idx3-ubyte.gz");
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 3);
    for (int limit : {0, 2}) {
        const std::string message =
            errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, limit); });
        EXPECT_NE(message.find(path + ": truncated: the gzip stream ends before its checksum"),
                  std::string::npos)
            << message;
    }
}

TEST(IdxReader, AWrongGzipChecksumIsCorrupt) {
    TempDir dir;
    SmallIdx(5).write(dir, "train", true);
    const std::string path = dir.file("train-labels-idx1-ubyte.gz");
    // The CRC-32 of the uncompressed data sits in the 8 bytes that end a gzip file.
    std::vector<char> bytes(std::filesystem::file_size(path));
    std::ifstream(path, std::ios::binary)
        .read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes[bytes.size() - 8] ^= 0x5a;
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    for (int limit : {0, 1}) {
        const std::string message =
            errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, limit); });
        EXPECT_NE(message.find(path + ": corrupt: the gzip data cannot be decompressed"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("incorrect data check"), std::string::npos) << message;
    }
}

TEST(IdxReader, DamagedCompressedDataIsCorrupt) {
    TempDir dir;
    // Stored deflate blocks (level 0) take any byte as data, so the damage shows only in the CRC.
    const SmallIdx idx(300);
    idx.write(dir, "train", true);
    const std::string path = dir.file("train-images-idx3-ubyte.gz");
    gzFile file = gzopen(path.c_str(), "wb0");
    ASSERT_NE(file, nullptr);
    const auto raw = idxBytes(2051, {300, 3, 4}, idx.pixels);
    ASSERT_EQ(gzwrite(file, raw.data(), static_cast<unsigned>(raw.size())),
              static_cast<int>(raw.size()));
    ASSERT_EQ(gzclose(file), Z_OK);
    std::vector<char> bytes(std::filesystem::file_size(path));
    std::ifstream(path, std::ios::binary)
        .read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes[bytes.size() - 100] ^= 0x01;  // an image byte far past the first item
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    const std::string message =
        errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, 1); });
    EXPECT_NE(message.find(path + ": corrupt"), std::string::npos) << message;
}

TEST(IdxReader, ALabelOutOfRangePastTheLimitIsFound) {
    TempDir dir;
    const SmallIdx idx(4);
    idx.write(dir, "train", true);
    writeFile(dir.file("train-labels-idx1-ubyte.gz"), idxBytes(2049, {4}, {1, 2, 3, 12}), true);
    const std::string message =
        errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, 2); });
    EXPECT_NE(message.find("train-labels-idx1-ubyte.gz: label 12 of item 3 is out of range"),
              std::string::npos)
        << message;
}

TEST(IdxReader, TrailingBytesAreAnError) {
    TempDir dir;
    const SmallIdx idx(2);
    idx.write(dir, "train", false);
    std::vector<std::uint8_t> labels = idx.labels;
    labels.push_back(0);
    writeFile(dir.file("train-labels-idx1-ubyte"), idxBytes(2049, {2}, labels), false);
    const std::string message = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(message.find("train-labels-idx1-ubyte"), std::string::npos) << message;
    EXPECT_NE(message.find("too long: expected 2 bytes of labels after the header, found 3"),
              std::string::npos)
        << message;
    EXPECT_EQ(errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train, 1); }), message);
}

TEST(IdxReader, ImageAndLabelCountsMustAgree) {
    TempDir dir;
    const SmallIdx idx(5);
    idx.write(dir, "train", true);
    writeFile(dir.file("train-labels-idx1-ubyte.gz"),
              idxBytes(2049, {4}, {idx.labels.begin(), idx.labels.begin() + 4}), true);
    const std::string message = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(message.find("train-labels-idx1-ubyte.gz: holds 4 labels but"), std::string::npos)
        << message;
    EXPECT_NE(message.find("train-images-idx3-ubyte.gz holds 5 images"), std::string::npos)
        << message;
}

TEST(IdxReader, LabelsMustBeBelowTen) {
    TempDir dir;
    const SmallIdx idx(3);
    idx.write(dir, "train", true);
    writeFile(dir.file("train-labels-idx1-ubyte.gz"), idxBytes(2049, {3}, {1, 10, 2}), true);
    const std::string message = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(message.find("train-labels-idx1-ubyte.gz: label 10 of item 1 is out of range"),
              std::string::npos)
        << message;
}

TEST(IdxReader, ImplausibleDimensionsAreRejected) {
    TempDir dir;
    SmallIdx(1).write(dir, "train", true);
    writeFile(dir.file("train-images-idx3-ubyte.gz"), idxBytes(2051, {1, 0, 4}, {}), true);
    const std::string message = errorOf([&] { (void)readFashionMnist(dir.str(), Split::Train); });
    EXPECT_NE(message.find("implausible dimensions 1 x 0 x 4"), std::string::npos) << message;

    writeFile(dir.file("train-images-idx3-ubyte.gz"), {0, 0, 8, 3, 0, 0}, true);
    EXPECT_NE(errorOf([&] {
                  (void)readFashionMnist(dir.str(), Split::Train);
              }).find("header is truncated: expected 16 bytes, found 6"),
              std::string::npos);
}
