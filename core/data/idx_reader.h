#pragma once
// Fashion-MNIST (or MNIST) in the IDX format, gzip-compressed or raw.
#include <string>

#include "data/image_set.h"

namespace nas::data {

inline constexpr const char* kDefaultFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// Reads dir/train-images-idx3-ubyte.gz and dir/train-labels-idx1-ubyte.gz (Split::Train) or the
// t10k-* pair (Split::Test); where the .gz name is absent the uncompressed name is tried. Gives
// count x 1 x 28 x 28 (or whatever size the header states), 10 classes named as in Fashion-MNIST.
// Checks the magic numbers (2051 images, 2049 labels), the dimensions, that the image and label
// counts agree, that every label is below 10, that each file holds exactly the bytes its header
// promises, and that a gzip stream decompresses cleanly to its end with a matching checksum.
// `limit` > 0 keeps only the first `limit` items, but both files are still read (not kept) to
// their end, so a file cut or damaged beyond those items fails as well, before any training
// starts. Throws DatasetError naming the file and the problem.
[[nodiscard]] ImageSet readFashionMnist(const std::string& dir, Split split, int limit = 0);

}  // namespace nas::data
