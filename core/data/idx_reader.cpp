#include "data/idx_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <memory>

namespace nas::data {

namespace {

constexpr std::uint32_t kImageMagic = 2051;  // 0x00000803: unsigned bytes, 3 dimensions
constexpr std::uint32_t kLabelMagic = 2049;  // 0x00000801: unsigned bytes, 1 dimension
constexpr int kClasses = 10;
// A corrupt header must not make us believe in absurd images; real IDX sets are far smaller.
constexpr std::uint32_t kMaxSide = 4096;
// Payloads are read in slices of this size, so memory grows with what the file really holds,
// not with what a corrupt header claims.
constexpr std::size_t kSlice = std::size_t{1} << 24;

struct GzCloser {
    void operator()(gzFile_s* file) const { gzclose(file); }
};

// One IDX file opened through zlib, which reads gzip and raw files alike.
class IdxFile final {
  public:
    explicit IdxFile(std::string path) : m_path(std::move(path)) {
        m_file.reset(gzopen(m_path.c_str(), "rb"));
        if (!m_file) fail(std::string("cannot open: ") + std::strerror(errno));
        gzbuffer(m_file.get(), 1u << 17);
    }

    [[nodiscard]] const std::string& path() const { return m_path; }

    [[noreturn]] void fail(const std::string& problem) const {
        throw DatasetError(m_path + ": " + problem);
    }

    // Reads up to `bytes` into `into`; fewer only at the end of the data.
    [[nodiscard]] std::size_t read(std::uint8_t* into, std::size_t bytes) {
        std::size_t got = 0;
        while (got < bytes) {
            const auto want = static_cast<unsigned>(std::min<std::size_t>(bytes - got, kSlice));
            const int n = gzread(m_file.get(), into + got, want);
            // A damaged deflate stream, or data whose CRC-32 or length differs from the trailer.
            if (n < 0) fail("corrupt: the gzip data cannot be decompressed (" + zlibError() + ")");
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        return got;
    }

    // Header words are big-endian 32-bit integers.
    [[nodiscard]] std::array<std::uint32_t, 4> readHeader(int words) {
        std::array<std::uint8_t, 16> raw{};
        const auto bytes = static_cast<std::size_t>(words) * 4;
        const std::size_t got = read(raw.data(), bytes);
        if (got < bytes)
            fail("header is truncated: expected " + std::to_string(bytes) + " bytes, found " +
                 std::to_string(got) + withZlibError());
        std::array<std::uint32_t, 4> header{};
        for (int w = 0; w < words; ++w)
            header[w] = std::uint32_t{raw[4 * w]} << 24 | std::uint32_t{raw[4 * w + 1]} << 16 |
                        std::uint32_t{raw[4 * w + 2]} << 8 | std::uint32_t{raw[4 * w + 3]};
        return header;
    }

    // The first `keep` bytes of a payload that the header says is `total` bytes long. The rest is
    // read too, without keeping it, so that a file cut short or damaged beyond the part in use
    // fails here rather than passing because a limit stopped reading early: the payload must be
    // exactly `total` bytes, and a gzip stream must decompress cleanly to its end, checksum and
    // length included.
    [[nodiscard]] std::vector<std::uint8_t> readPayload(std::uint64_t keep, std::uint64_t total,
                                                        const std::string& what) {
        std::vector<std::uint8_t> data;
        while (data.size() < keep) {
            const std::size_t old = data.size();
            const std::size_t want = std::min<std::uint64_t>(keep - old, kSlice);
            data.resize(old + want);
            const std::size_t got = read(data.data() + old, want);
            data.resize(old + got);
            if (got < want) break;
        }
        std::uint64_t found = data.size();
        if (found == keep) found += skipRest();
        if (found != total)
            fail((found < total ? "truncated: expected " : "too long: expected ") +
                 std::to_string(total) + " bytes of " + what + " after the header, found " +
                 std::to_string(found) + withZlibError());
        // All the data is there, but the stream stops before its checksum and length.
        const std::string error = zlibError();
        if (!error.empty())
            fail("truncated: the gzip stream ends before its checksum (" + error + ")");
        return data;
    }

  private:
    std::uint64_t skipRest() {
        std::vector<std::uint8_t> sink(1u << 16);
        std::uint64_t extra = 0;
        for (std::size_t n; (n = read(sink.data(), sink.size())) > 0;) extra += n;
        return extra;
    }

    std::string zlibError() {
        int code = Z_OK;
        const char* message = gzerror(m_file.get(), &code);
        return code == Z_OK ? std::string() : std::string(message);
    }

    // A cut gzip stream only shows as "unexpected end of file" here, so say it beside the count.
    std::string withZlibError() {
        const std::string error = zlibError();
        return error.empty() ? error : " (" + error + ")";
    }

    std::string m_path;
    std::unique_ptr<gzFile_s, GzCloser> m_file;
};

// dir/stem.gz, else dir/stem; a DatasetError naming the expected path when neither exists.
std::string locate(const std::string& dir, const std::string& stem) {
    const std::filesystem::path base(dir);
    std::error_code ec;
    const std::string gz = (base / (stem + ".gz")).string();
    if (std::filesystem::is_regular_file(gz, ec)) return gz;
    const std::string raw = (base / stem).string();
    if (std::filesystem::is_regular_file(raw, ec)) return raw;
    throw DatasetError(gz + ": no such file (nor " + raw + ")");
}

const std::vector<std::string>& fashionClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                "Bag",         "Ankle boot"};
    return names;
}

}  // namespace

ImageSet readFashionMnist(const std::string& dir, Split split, int limit) {
    const std::string prefix = split == Split::Train ? "train" : "t10k";
    IdxFile images(locate(dir, prefix + "-images-idx3-ubyte"));
    IdxFile labels(locate(dir, prefix + "-labels-idx1-ubyte"));

    const auto imageHeader = images.readHeader(4);
    if (imageHeader[0] != kImageMagic)
        images.fail("bad magic number " + std::to_string(imageHeader[0]) + ", expected " +
                    std::to_string(kImageMagic) + " (IDX unsigned-byte images)");
    const std::uint32_t count = imageHeader[1], rows = imageHeader[2], cols = imageHeader[3];
    if (count > static_cast<std::uint32_t>(INT_MAX) || rows == 0 || cols == 0 || rows > kMaxSide ||
        cols > kMaxSide)
        images.fail("implausible dimensions " + std::to_string(count) + " x " +
                    std::to_string(rows) + " x " + std::to_string(cols));

    const auto labelHeader = labels.readHeader(2);
    if (labelHeader[0] != kLabelMagic)
        labels.fail("bad magic number " + std::to_string(labelHeader[0]) + ", expected " +
                    std::to_string(kLabelMagic) + " (IDX unsigned-byte labels)");
    if (labelHeader[1] != count)
        labels.fail("holds " + std::to_string(labelHeader[1]) + " labels but " + images.path() +
                    " holds " + std::to_string(count) + " images");

    const int n =
        limit > 0 && static_cast<std::uint32_t>(limit) < count ? limit : static_cast<int>(count);
    ImageSet set;
    set.count = n;
    set.channels = 1;
    set.height = static_cast<int>(rows);
    set.width = static_cast<int>(cols);
    set.classes = kClasses;
    set.classNames = fashionClassNames();
    const std::uint64_t imageBytes = std::uint64_t{rows} * cols;
    set.pixels = images.readPayload(imageBytes * n, imageBytes * count, "image data");

    // Labels are small: every one is checked, those past the limit too.
    const std::vector<std::uint8_t> raw = labels.readPayload(count, count, "labels");
    for (std::uint32_t i = 0; i < count; ++i)
        if (raw[i] >= kClasses)
            labels.fail("label " + std::to_string(raw[i]) + " of item " + std::to_string(i) +
                        " is out of range, expected 0.." + std::to_string(kClasses - 1));
    set.labels.assign(raw.begin(), raw.begin() + n);
    return set;
}

}  // namespace nas::data
